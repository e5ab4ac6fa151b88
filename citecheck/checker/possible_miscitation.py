"""A claim matches another reference far better than the ones it cites.

What it does
    Compares each cited claim with the titles of the references (content words, weighted
    so that words every title shares count little). When a reference the claim does not
    cite matches it clearly, and far better than every reference it does cite, the claim
    may carry the wrong number. Information only; it stays rare by design.

    Only articles (the ``article`` profile) are checked. In a paper or a spec the claim's
    words are its field's words, which many titles share ("Transport Layer Security",
    "normalizing flows"), and a callout names its work (``[RFC5246]``, ``(Ranganath et al.,
    2014)``), so the author's choice is deliberate and a title that shares more words is no
    sign of a wrong number: on 78 real documents read by hand the rule's 30 hints on papers
    and specs were all false. In an article the better title must score at least 0.7 and
    half a point more than the best cited title (the hints under that bar were false too).

Why is this bad?
    A wrong number sends the reader to a source that does not support the claim.

Example
    ```text
    The airline cancelled all flights to the island after the volcano erupted. [1]

    References:
    1. Travel Wire: Hotel prices climb in capital
    2. Travel Wire: Airline cancels island flights as volcano erupts
    ```

Use instead
    ```text
    The airline cancelled all flights to the island after the volcano erupted. [2]

    Hotel prices in the capital climbed as stranded travellers booked rooms. [1]

    References:
    1. Travel Wire: Hotel prices climb in capital
    2. Travel Wire: Airline cancels island flights as volcano erupts
    ```

Fix
    Not fixable: a hint for a person to review.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from citecheck.checker.base import Context, Violation, describe_reference
from citecheck.model import Reference
from citecheck.parser.memo import current

if TYPE_CHECKING:
    from citecheck.text.match import TitleIndex

CODE = "CC010"
NAME = "possible-miscitation"
SEVERITY = "info"
ENABLED = True

_MARGIN = 0.5
_FLOOR = 0.7
_REFS = "references shown"  # a memo's key for the references a verdict reads
_PROFILES = frozenset({"article"})  # where a title's words can tell a wrong number


def check(ctx: Context) -> Iterator[Violation]:
    """Yield cited claims that read like a reference they do not cite.

    Under a :mod:`~citecheck.parser.memo` (the language server) a claim's verdict is kept
    by its text and the positions of the references it cites, while every reference's
    key, title, outlet, text and address are those of the last check: the title index and
    the message read nothing else."""
    if ctx.options.profile not in _PROFILES:
        return
    titles = ctx.titles
    if len(titles.refs) < 2:
        return
    memo = current()
    where: dict[int, int] = {}
    token: object = None
    if memo is not None:
        refs = ctx.doc.references
        shown = tuple((r.key, r.title, r.outlet, r.text, r.url) for r in refs)
        token = memo.get((_REFS, shown), object)
        where = {id(r): i for i, r in enumerate(refs)}
    # The cited references and their ids, worked out again only when the keys change (the
    # sentences of a paragraph share theirs; remembering them for every tuple of keys would
    # cost a long document tens of megabytes). None when none has a title, or when they are
    # all the references a claim can match (no other can read better).
    last: tuple[str, ...] = ()
    cited: list[Reference] = []
    exclude: frozenset[int] | None = None
    places: tuple[int, ...] = ()
    for sentence in ctx.doc.sentences:
        if not sentence.claim or not sentence.covered_by:
            continue
        if sentence.covered_by != last:
            last = sentence.covered_by
            cited = ctx.references_of(last)
            ids = frozenset(id(r) for r in cited)
            useful = any(r.title for r in cited) and not titles.covers(ids)
            exclude = ids if useful else None
            places = tuple(where.get(id(r), -1) for r in cited)
        if exclude is None:
            continue
        verdict = partial(_verdict, titles, sentence.text, exclude, cited)
        if memo is None:
            message = verdict()
        else:
            message = memo.get((CODE, token, sentence.text, places), verdict)
        if message is not None:
            yield Violation(sentence.start, sentence.end, message)


def _verdict(
    titles: TitleIndex, claim: str, exclude: frozenset[int], cited: list[Reference]
) -> str | None:
    """The message for a claim that reads far better like an uncited reference, or None."""
    best = titles.best(claim, exclude, _FLOOR)
    if best is None:
        return None
    mine = titles.score_of(claim, cited)
    if best[1] >= mine + _MARGIN and best[1] >= 2 * mine:
        keys = "".join(f"[{r.key}]" for r in cited)
        return f"claim cites {keys} but reads like {describe_reference(best[0])}"
    return None
