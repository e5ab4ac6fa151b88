"""A claim cut into the parts a source must contain: content words, names and numbers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from citecheck.verifier.numbers import claim_numbers, requires
from citecheck.verifier.passages import STOP, TOKEN, stem

PartKind = Literal["word", "name", "number"]


@dataclass(frozen=True, slots=True)
class Part:
    """One thing a claim says: a content word or a name (by its stem) or a number.

    ``start`` is the offset of the part in the claim; ``needs`` are a number's alternatives of
    match keys (see ``numbers.requires``).
    """

    kind: PartKind
    text: str
    stem: str
    start: int
    needs: tuple[frozenset[str], ...] = ()


def claim_parts(claim: str) -> list[Part]:
    """Cut a claim into its numbers, names and content words, each distinct stem once.

    A name is a capitalised word that is not a stopword. The first word counts too: a claim
    usually opens with its subject, and an opener that is no name ("Today", "Instead") costs
    only when the source lacks it. Words inside a number ("12 March 2023", "a dozen")
    belong to the number.
    """
    parts: list[Part] = []
    taken = [False] * len(claim)
    for number in claim_numbers(claim):
        needs = tuple(frozenset(n) for n in requires(number))
        parts.append(Part("number", number.text, "", number.start, needs))
        taken[number.start : number.end] = [True] * (number.end - number.start)
    seen: set[str] = set()
    for match in TOKEN.finditer(claim):
        token = match.group()
        low = token.casefold()
        if taken[match.start()] or low in STOP or len(low) < 2 or low.isdigit():
            continue
        stemmed = stem(low)
        if stemmed in seen:
            continue
        seen.add(stemmed)
        name = token[0].isupper()
        parts.append(Part("name" if name else "word", token, stemmed, match.start()))
    return parts
