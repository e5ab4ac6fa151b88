"""Sentence names an outlet that has a reference, but does not cite it.

What it does
    Finds attributions ("according to Reuters", "the BBC reported", "NYT said") and checks
    that the citations covering the sentence include a reference from that outlet. Outlets
    are known under their usual names ("the BBC" is "BBC News", "AP" is "Associated
    Press"); a name shared by several outlets ("the Times") is ambiguous and not checked.

Why is this bad?
    The sentence credits one source and cites another: either the attribution or the
    marker is wrong.

Example
    ```text
    According to Reuters, the talks collapsed on Thursday night. [1]

    References:
    1. BBC News: Talks collapse
    2. Reuters: Talks end without a deal
    ```

Use instead
    ```text
    According to Reuters, the talks collapsed on Thursday night. [2]

    The BBC reported that the delegations left without a joint statement. [1]

    References:
    1. BBC News: Talks collapse
    2. Reuters: Talks end without a deal
    ```

Fix
    Not fixable: whether the sentence or its marker is wrong is for a person to decide.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial

from citecheck.checker.base import Context, Violation, describe_reference
from citecheck.model import Reference
from citecheck.parser.memo import current
from citecheck.text.outlets import anchors_for, canonical, creditable, mentions
from citecheck.text.recache import lazy

CODE = "CC009"
NAME = "attribution-mismatch"
SEVERITY = "warning"
ENABLED = True

_BEFORE = lazy(
    r"(?:according to|reported by|reporting by|told|in an interview with|cited by|quoted by"
    r"|obtained by|first reported by|per)"
    r"\s+(?:the\s+)?$",
    re.I,
)
_AFTER = lazy(
    r"^(?:['’]s\s+(?:\w+\s+)?(?:report|reporting|analysis|investigation|story|article|reporter)"
    r"|,?\s+(?:(?:has|had|first|also|later)\s+)?(?:reported|reports|said|says|wrote|writes"
    r"|found|revealed|confirmed|noted|learned|obtained|published|cited|quoted|claimed))",
    re.I,
)


def attributions(text: str, ctx: Context) -> Iterator[str]:
    """Yield the outlets a sentence credits."""
    for start, end, outlet in mentions(text, ctx.options.outlet_aliases):
        if outlet and (
            _BEFORE.search(text[max(0, start - 40) : start]) or _AFTER.match(text[end : end + 40])
        ):
            yield outlet


def check(ctx: Context) -> Iterator[Violation]:
    """Yield each credited outlet that the sentence's citations do not include."""
    aliases = ctx.options.outlet_aliases
    by_outlet: dict[str, list[Reference]] = {}
    for ref in ctx.doc.references:
        if ref.outlet:
            name = canonical(ref.outlet, aliases) or ref.outlet
            by_outlet.setdefault(name, []).append(ref)
    # Only an outlet that a name stands for can be credited ("Harbour Gazette" is none).
    known = creditable(aliases)
    if not any(name in known for name in by_outlet):
        return
    # Sets of ids, so that a sentence's few citations are looked up in its outlet's
    # references, not the other way round (an outlet may have thousands).
    ids = {name: {id(r) for r in refs} for name, refs in by_outlet.items() if name in known}
    # A sentence that holds no word of these outlets' names credits none of them.
    needles = anchors_for(frozenset(ids), aliases)
    # The outlets a sentence could credit without citing them (none when it cites a
    # reference of each), worked out again only when the covering keys change: the
    # sentences of a paragraph share theirs, and remembering every tuple of keys would cost
    # a long document megabytes.
    last: tuple[str, ...] | None = None
    left: frozenset[str] = frozenset()
    memo = current()
    for sentence in ctx.doc.sentences:
        if sentence.heading:
            continue
        # What a sentence credits reads its text alone (kept by it under a memo).
        credit = partial(_credited, sentence.text, needles, ctx)
        key = (CODE, needles, aliases, sentence.text)
        credited = credit() if memo is None else memo.get(key, credit)
        if credited is None:
            continue
        keys = sentence.covered_by
        if keys != last:
            last = keys
            cited = {id(r) for r in ctx.references_of(keys)}
            left = frozenset(name for name, refs in ids.items() if cited.isdisjoint(refs))
        if not left:
            continue
        for outlet in credited:
            if outlet not in left:
                continue
            refs = by_outlet[outlet]
            keys_shown = " or ".join(describe_reference(r, 40) for r in refs[:2])
            own = "".join(f"[{k}]" for k in dict.fromkeys(keys))
            have = f"cites {own}" if own else "cites nothing"
            yield Violation(
                sentence.start, sentence.end, f"credits {outlet} but {have}; cite {keys_shown}"
            )


def _credited(text: str, needles: tuple[str, ...], ctx: Context) -> tuple[str, ...] | None:
    """The outlets a sentence credits, once each; None when it holds no word of the
    outlets' names (``needles``) and so credits none of them."""
    if text.isascii() and not any(map(text.lower().__contains__, needles)):
        return None
    return tuple(dict.fromkeys(attributions(text, ctx)))
