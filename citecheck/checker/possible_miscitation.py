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

from citecheck.checker.base import Context, Violation, describe_reference
from citecheck.model import Reference

CODE = "CC010"
NAME = "possible-miscitation"
SEVERITY = "info"
ENABLED = True

_MARGIN = 0.5
_FLOOR = 0.7
_PROFILES = frozenset({"article"})  # where a title's words can tell a wrong number


def check(ctx: Context) -> Iterator[Violation]:
    """Yield cited claims that read like a reference they do not cite."""
    if ctx.options.profile not in _PROFILES:
        return
    titles = ctx.titles
    if len(titles.refs) < 2:
        return
    # The cited references and their ids, worked out again only when the keys change (the
    # sentences of a paragraph share theirs; remembering them for every tuple of keys would
    # cost a long document tens of megabytes). None when none has a title, or when they are
    # all the references a claim can match (no other can read better).
    last: tuple[str, ...] = ()
    cited: list[Reference] = []
    exclude: frozenset[int] | None = None
    for sentence in ctx.doc.sentences:
        if not sentence.claim or not sentence.covered_by:
            continue
        if sentence.covered_by != last:
            last = sentence.covered_by
            cited = ctx.references_of(last)
            ids = frozenset(id(r) for r in cited)
            useful = any(r.title for r in cited) and not titles.covers(ids)
            exclude = ids if useful else None
        if exclude is None:
            continue
        best = titles.best(sentence.text, exclude, _FLOOR)
        if best is None:
            continue
        mine = titles.score_of(sentence.text, cited)
        if best[1] >= mine + _MARGIN and best[1] >= 2 * mine:
            keys = "".join(f"[{r.key}]" for r in cited)
            yield Violation(
                sentence.start,
                sentence.end,
                f"claim cites {keys} but reads like {describe_reference(best[0])}",
            )
