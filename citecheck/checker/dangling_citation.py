"""A key in a marker that resolves to no reference.

What it does
    Reports every occurrence of a citation key that matches no entry of the reference
    list, footnote definitions or link definitions, with the nearest existing key when there
    is one. The ``[@key]`` citations of a Pandoc source whose bibliography is another file
    (``bibliography: refs.bib``) are not reported: their entries are not in the document
    (``unread-citations`` says so once).

Why is this bad?
    The reader follows the marker and finds nothing: the source was dropped or mistyped.

Example
    ```text
    The bridge reopened to traffic on Friday morning. [2]

    References:
    1. Daily Post: Bridge reopens
    ```

Use instead
    ```text
    The bridge reopened to traffic on Friday morning. [1]

    References:
    1. Daily Post: Bridge reopens
    ```

Fix
    Not fixable: which entry was meant is for a person to decide (the message suggests
    the nearest one).
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checker.base import Context, Violation, describe_reference, listless
from citecheck.model import Document, MarkerKind
from citecheck.parser.authoryear import narrative
from citecheck.parser.pandocbib import is_outside_key

CODE = "CC002"
NAME = "dangling-citation"
SEVERITY = "error"
ENABLED = True


def _ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 5]`` → ``1–3, 5``."""
    parts: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if parts and parts[-1][1] == n - 1:
            parts[-1] = (parts[-1][0], n)
        else:
            parts.append((n, n))
    return ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in parts)


def _listing(doc: Document, numeric: bool, served: int | None = None) -> str:
    """Name the list a marker's key should be in: numbers in the section that holds the
    numbered entries (``Sources (1–8)``), labels in the one that holds labelled ones; with
    ``served``, the restarting list (an answer's ``Citations:``) that serves the marker."""
    numbered = [r for r in doc.references if r.number is not None]
    if served is not None:
        numbered = [r for r in numbered if r.section == served]
    pool = numbered if numeric else [r for r in doc.references if r.number is None and r.key]
    where = next((r.section for r in pool if r.section is not None), None)
    if where is None:
        where = 0 if doc.sections else None
    name = doc.sections[where].title if where is not None else "the reference list"
    if numeric and numbered:
        return f"{name} ({_ranges([r.number for r in numbered if r.number is not None])})"
    return name


def check(ctx: Context) -> Iterator[Violation]:
    """Yield one violation per missing key at each marker."""
    doc = ctx.doc
    if listless(doc):
        return  # no list at all: missing-reference-section says it once
    listings: dict[bool, str] = {}  # named for the first marker of its kind that needs it
    broken = {n.key: n for n in doc.non_references if n.key}
    for link in ctx.res.links:
        if link.reference is not None or link.marker.problem:
            continue
        m = link.marker
        if doc.bibliography is not None and is_outside_key(m.raw):
            continue  # ``[@key]`` of a bibliography kept in another file
        shown = f"[{link.key}]" if len(m.keys) > 1 else " ".join(m.raw.split())
        if m.kind is MarkerKind.AUTHOR_YEAR:
            shown = " ".join(m.raw.split()) if narrative(m) else f"({' '.join(m.raw.split())})"
        if link.key in broken:
            message = f"{shown} points to an item that is not a source ({broken[link.key].reason})"
        elif m.kind is MarkerKind.FOOTNOTE:
            message = f"{shown} has no footnote definition"
        elif m.kind is MarkerKind.LINK and "](#" not in m.raw:
            message = f"{shown} has no link definition"
        else:
            numeric = m.kind is MarkerKind.NUMERIC or link.key.isdigit()
            served = _served(doc, m.start) if numeric else None
            if served is not None:
                message = f"{shown} has no entry in {_listing(doc, numeric, served)}"
            else:
                if numeric not in listings:
                    listings[numeric] = _listing(doc, numeric)
                message = f"{shown} has no entry in {listings[numeric]}"
        if link.suggestion is not None:
            message += f"; did you mean {describe_reference(link.suggestion)}?"
        yield Violation(m.start, m.end, message)


def _served(doc: Document, at: int) -> int | None:
    """The index of the restarting list whose span holds offset ``at``, or None."""
    for k, section in enumerate(doc.sections):
        if section.serves is not None and section.serves[0] <= at < section.serves[1]:
            return k
    return None
