"""Numbers in prose, normalised so that every spelling of one quantity or date compares equal.

``numbers(text)`` finds counts ("1,000", "1 000", "twenty-five"), decimals, percentages ("41.3%",
"41.3 per cent", "41.3 percent"), money ("$2.5bn", "£3m", "2.5 million dollars"), scales
("2.5 million" = 2,500,000), ordinals ("3rd", "third"), times ("14:49"), years, decades
("1990s") and dates ("12 March 2023" = "March 12, 2023" = "2023-03-12"; "March 2023";
"12 March"). Quantities carry a float value; dates carry ISO text ("2023-03-12", "2023-03",
"--03-12").

A single "1.000" is a thousand only in a text that writes decimal commas ("2,5") and no comma
thousands; "1.000.000" always is a million. Month names must be capitalised ("may" is a verb)
or in capitals ("30 JUN 2018", as datelines print them).

``missing_numbers(claim, texts)`` gives the claim's numbers that no text contains in any
equivalent spelling. Compared by value, whatever the kind: "$2.5bn" is found in "2,500,000,000"
and "41.3%" in "41.3 percent". A full date is found as that date, or as its day and month
plus its year anywhere in the same text ("November 2" on a page dated 2004). It ignores the
numbers of citation markers ("[12]"), and those of the quotations the quote check compares
word for word (``quoted``: a changed number there is a misquote, reported once, as one);
numbers of shorter quotations ("the "300 jobs" pledge") are checked here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache

from citecheck.text.recache import lazy
from citecheck.verifier.numparse import Kind, Number, numbers

__all__ = [
    "Kind",
    "Number",
    "claim_numbers",
    "missing_numbers",
    "numbers",
    "provides",
    "requires",
    "source_keys",
]


def _quantity(value: float) -> str:
    return f"n:{value:.12g}"


def provides(number: Number) -> set[str]:
    """Return the match keys a number in a source offers (every form it can be cited as)."""
    if number.kind == "time":
        return {f"t:{number.value}"}
    if number.kind == "date":
        iso = str(number.value)
        if iso.startswith("--"):
            return {f"md:{iso[2:]}", f"m:{iso[2:4]}"}
        year = iso[:4]
        keys = {f"d:{iso}", f"d:{iso[:7]}", f"y:{year}", _quantity(float(year))}
        keys |= {f"dec:{year[:3]}", f"m:{iso[5:7]}"}
        if len(iso) == 10:
            keys.add(f"md:{iso[5:]}")
        return keys
    value = float(number.value)
    keys = {_quantity(value)}
    if number.kind == "year":
        keys |= {f"y:{value:.0f}", f"dec:{value:.0f}"[:7]}
    elif number.kind == "decade":
        keys = {f"dec:{value:.0f}"[:7]}
    elif number.kind == "ordinal":
        keys.add(f"o:{value:.0f}")
    return keys


def requires(number: Number) -> list[set[str]]:
    """Return the alternatives of keys a claim's number needs; any one set, all of its keys."""
    if number.kind == "date":
        iso = str(number.value)
        if iso.startswith("--"):
            return [{f"md:{iso[2:]}"}] if len(iso) > 4 else [{f"m:{iso[2:]}"}]
        if len(iso) == 7:
            return [{f"d:{iso}"}, {f"m:{iso[5:]}", f"Y:{iso[:4]}"}]
        if len(iso) == 10:
            # "Y:" is a year anywhere in the source (``document_keys``), not only in the passage.
            return [{f"d:{iso}"}, {f"md:{iso[5:]}", f"Y:{iso[:4]}"}]
        return [{f"d:{iso}"}]
    if number.kind == "year":
        return [{f"y:{float(number.value):.0f}"}]
    return (
        [provides(number)]
        if number.kind in ("decade", "time")
        else [{_quantity(float(number.value))}]
    )


_IGNORED = lazy(r"\[[^\]]{0,40}\]|\"[^\"]*\"|“[^”]*”")
_MARKERS = lazy(r"\[[^\]]{0,40}\]")

Span = tuple[int, int]


def claim_numbers(claim: str, quoted: Sequence[Span] | None = None) -> list[Number]:
    """Return the numbers of a claim worth checking: not in markers, nor in the ``quoted``
    spans (offsets into ``claim``; by default every double-quoted span, titles included)."""
    if quoted is None:
        masked = _IGNORED.sub(lambda m: " " * len(m.group()), claim)
    else:
        chars = list(_MARKERS.sub(lambda m: " " * len(m.group()), claim))
        for start, end in quoted:
            chars[start:end] = " " * (end - start)
        masked = "".join(chars)
    return [
        Number(n.value, n.kind, n.start, n.end, claim[n.start : n.end].strip())
        for n in numbers(masked)
    ]


def text_keys(text: str) -> set[str]:
    """Return every match key the numbers of one text offer."""
    keys: set[str] = set()
    for number in numbers(text):
        keys |= provides(number)
    return keys


def document_keys(keys: Iterable[str]) -> set[str]:
    """Return the keys a whole source adds to each of its passages: its years, as "Y:"."""
    return {"Y:" + k[2:] for k in keys if k.startswith("y:")}


def found_in(number: Number, keys: Iterable[AbstractSet[str]]) -> bool:
    """Whether any one text's keys satisfy one of the number's alternatives."""
    needs = requires(number)
    return any(any(need <= have for need in needs) for have in keys)


@lru_cache(maxsize=32)  # as many sources as passages.prepare keeps
def source_keys(text: str) -> frozenset[str]:
    """Return the match keys of a whole source text, its years as "Y:" included (cached:
    every claim citing the source asks again, and reading a source is linear in its length)."""
    have = text_keys(text)
    return frozenset(have | document_keys(have))


def missing_numbers(
    claim: str, texts: Sequence[str], quoted: Sequence[Span] | None = None
) -> list[Number]:
    """Return the claim's numbers that none of the texts contains in any equivalent spelling
    (numbers in markers and in the ``quoted`` spans left out, as :func:`claim_numbers`)."""
    wanted = claim_numbers(claim, quoted)
    if not wanted:
        return []
    keys = [source_keys(text) for text in texts]
    return [n for n in wanted if not any(found_in(r, keys) for r in _readings(n))]


_AMBIGUOUS = lazy(r"(?<![\d.,])\d{1,3}\.\d{3}(?![\d.,]?\d)")


def _readings(number: Number) -> list[Number]:
    """The ways a claim's number may be meant: "30.000" alone in a sentence is thirty
    thousand in German and thirty in English (a claim is too short to tell which convention
    it writes), so either value found in the source will do. "1,500" is not ambiguous
    enough to matter: a decimal comma is seldom followed by three digits."""
    if number.kind in ("date", "time", "year", "decade", "ordinal"):
        return [number]
    if not _AMBIGUOUS.search(number.text):
        return [number]
    value = float(number.value)
    return [number, *(dataclasses.replace(number, value=value * f) for f in (1000.0, 0.001))]
