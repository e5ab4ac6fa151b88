"""Notes that link back to their call, as a newsletter's or a converter's Markdown writes them.

Substack's export (and the Markdown made from it) calls a note with a link to the note,
``surgery[1](#footnote-1)``, and writes the note at the end as a paragraph holding only a
link back to the call, ``[1](#footnote-anchor-1)``, followed by the note's text; the ids
both links point to were in the HTML and are gone from the Markdown. Read as they stand,
the call points to nothing and the document seems to cite notes it does not hold.

A note is read where a body paragraph is a lone link labelled by a number ``[n](#b)`` (or
``[[n]](#b)``) and an earlier link with the same label points to another id ``#c`` of the
same number (``footnote-1`` and ``footnote-anchor-1``): the paragraph after the back-link
(the back-link's own paragraph when text follows it on its line) holds the note, and is
given the id ``c`` the call points to, which :func:`citecheck.parser.anchors.anchored_notes`
turns into the note's definition. The back-link itself is blanked in the masked copy and
is no link of the prose: it is the note's label, not a citation.
"""

from __future__ import annotations

from citecheck.model import BlockKind
from citecheck.reader import Layout
from citecheck.text.recache import lazy

_LONE = lazy(r"\[\[?(\d{1,3})\]?\]\(#([^()\s]+)\)")
_LABEL = lazy(r"\[\[?(\d{1,3})\]?\]\(#")
_LAST_NUMBER = lazy(r"(\d+)\D*$")


def _number(ident: str) -> str | None:
    m = _LAST_NUMBER.search(ident)
    return m.group(1).lstrip("0") or "0" if m else None


def backlinked_notes(layout: Layout) -> None:
    """Read the back-linked notes of a Markdown layout (see the module), in place: an id
    at each note's paragraph in ``layout.anchors``, each back-link out of ``layout.inline``
    and blanked in ``layout.masked``."""
    text = layout.text
    calls: dict[str, list[tuple[int, str]]] = {}
    for s, _, url in layout.inline:
        if url.startswith("#") and (m := _LABEL.match(text, s)) is not None:
            calls.setdefault(m.group(1).lstrip("0") or "0", []).append((s, url[1:]))
    if len(calls) < 1 or sum(len(v) for v in calls.values()) < 2:
        return
    paragraphs = [
        b for b in layout.blocks if b.kind is BlockKind.PARAGRAPH and not b.cell and b.end > b.start
    ]
    found: list[tuple[int, int, int, str]] = []  # back-link span, note offset, id
    for k, block in enumerate(paragraphs):
        m = _LONE.match(text, block.content_start)
        if m is None or m.end() > block.end:
            continue
        label, back = m.group(1).lstrip("0") or "0", m.group(2)
        if _number(back) != label:
            continue
        call = next(
            (
                ident
                for at, ident in calls.get(label, [])
                if at < block.start and ident != back and _number(ident) == label
            ),
            None,
        )
        if call is None:
            continue
        rest = text[m.end() : block.end].strip()
        if rest:
            note = block.start
        elif k + 1 < len(paragraphs):
            note = paragraphs[k + 1].start
        else:
            continue
        found.append((m.start(), m.end(), note, call))
    if not found:
        return
    spans = {(s, e) for s, e, _, _ in found}
    layout.inline = [x for x in layout.inline if (x[0], x[1]) not in spans]
    layout.anchors = sorted(layout.anchors + [(note, ident) for _, _, note, ident in found])
    masked = list(layout.masked)
    for s, e, _, _ in found:
        masked[s:e] = " " * (e - s)
    layout.masked = "".join(masked)


def converted_notes(layout: Layout) -> None:
    """Read the notes a converter wrote into a Markdown layout, in place: back-linked ones
    (:func:`backlinked_notes`) and escaped-bracket ones
    (:mod:`citecheck.reader.escapednotes`), whose calls join ``layout.links``."""
    if "](#" in layout.text:
        backlinked_notes(layout)
    if "\\[" in layout.text:
        from citecheck.reader.escapednotes import escaped_notes
        from citecheck.reader.ietfmd import merge_links

        layout.links = merge_links(layout.links, escaped_notes(layout))
