"""The same reference twice in one marker group.

What it does
    Reports a key repeated within one group of adjacent markers, such as ``[1][1]``,
    ``[2, 2]`` or ``[1-3][2]``: one finding at each marker that repeats keys. A marker
    written inside another (``[[CHROMIUM](https://…)]``, a label wrapped as a link inside
    its brackets) is one citation, not two.

Why is this bad?
    Harmless to the reader but a sign of a copy-and-paste slip: often another source was
    meant.

Example
    ```text
    Turnout reached a record high this year. [1][1]

    References:
    1. Poll Watch: Record turnout
    ```

Use instead
    ```text
    Turnout reached a record high this year. [1]

    References:
    1. Poll Watch: Record turnout
    ```

Fix
    Safe: ``citecheck fix`` drops the repeated key (a whole marker, or a number in a list;
    a range is split where it repeats).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import pairwise

from citecheck.checker.base import Context, Violation
from citecheck.model import Marker
from citecheck.parser.markers import groups

CODE = "CC011"
NAME = "duplicate-citation"
SEVERITY = "info"
ENABLED = True


def citations(run: list[Marker]) -> list[Marker]:
    """The markers of a group less those written inside an earlier one: the link of
    ``[[CHROMIUM](url)]`` is the label's own bracket, one citation."""
    if len(run) == 1 or all(a.end <= b.start for a, b in pairwise(run)):
        return run
    kept = [run[0]]
    for marker in run[1:]:
        if marker.start >= kept[-1].end:
            kept.append(marker)
    return kept


def check(ctx: Context) -> Iterator[Violation]:
    """Yield at the marker that repeats a key of its group."""
    for run in map(citations, groups(ctx.doc.markers)):
        cited = run[0].keys if len(run) == 1 else [k for m in run for k in m.keys]
        if len(set(cited)) == len(cited):
            continue  # the usual case: no key twice in the group
        seen: set[str] = set()
        text = ""  # the group as written, made for its first finding
        for marker in run:
            if seen.isdisjoint(marker.keys) and len(set(marker.keys)) == len(marker.keys):
                seen.update(marker.keys)  # this marker repeats no key
                continue
            counts = Counter(marker.keys)
            repeated = [k for k, n in counts.items() if k in seen or n > 1]
            if repeated:  # one finding per marker, however many keys a range repeats
                if not text:
                    text = "".join(m.raw for m in run)
                    if len(text) > 60:  # a long group is named by its start: messages stay short
                        text = text[:59] + "…"
                keys = ", ".join(f"[{k}]" for k in repeated[:3])
                more = f" and {len(repeated) - 3} more" if len(repeated) > 3 else ""
                verb = "is" if len(repeated) == 1 else "are"
                message = f"{keys}{more} {verb} cited twice in {text}"
                yield Violation(marker.start, marker.end, message)
            seen.update(marker.keys)
