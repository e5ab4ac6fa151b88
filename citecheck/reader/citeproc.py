"""The bibliography citeproc writes into a page: ``<div id="refs" class="csl-bib-body">``.

Pandoc's citeproc (and Quarto, R Markdown and bookdown, which call it) renders the
bibliography of a document into a division of its own, whatever the output format::

    <div id="refs" class="references csl-bib-body hanging-indent" role="list">
    <div id="ref-knuth84" class="csl-entry" role="listitem">Knuth, Donald E. 1984. …</div>
    </div>

in HTML; the same elements as raw HTML blocks in CommonMark and GitHub Markdown output
(``github_document`` READMEs, ``quarto render --to commonmark``); and as fenced divs,
``::: {#refs .references .csl-bib-body}`` with one ``::: {#ref-knuth84 .csl-entry}`` a
work, in Pandoc's own Markdown. A heading above it is the author's choice
(``reference-section-title``, or ``# References`` above ``::: {#refs}``); without one the
list follows the last paragraph directly, and a heading above it may carry any name
("Citing this package", "Related research"). The division's class says what no heading
does: its entries are the document's references (Pandoc's manual, "Placement of the
bibliography"; the CSL 1.0.2 specification, "Bibliography").

:func:`bibliography_spans` finds the divisions in a Markdown text; :func:`mark_listed`
makes the heading right above such a division, or an empty heading put at its first
entry when there is none, the heading of a reference section (label
:data:`~citecheck.model.LISTED_HEADING`). :func:`csl_elements` finds them in an HTML tree
for :mod:`citecheck.reader.html`, which does the same as it reads. In HTML Pandoc also
says which works a citation names: ``<span class="citation" data-cites="knuth84
lamport94">(Knuth 1984; Lamport 1994)</span>``; the HTML reader writes it as the markers
of those entries (``[knuth84][lamport94]``, the keys of :func:`csl_entries`), so that a
callout whose author is an organisation (``(ISO/IEC 2011)``) or whose form the author-year
reader does not know cites all the same.
"""

from __future__ import annotations

import re
from typing import Any

from citecheck.model import LISTED_HEADING, Block, BlockKind
from citecheck.reader import Layout
from citecheck.text.recache import lazy

# ``<div id="refs" class="references csl-bib-body …">`` as raw HTML (over lines, inside a
# block quote's ``>`` too), or Pandoc Markdown's ``::: {#refs .references .csl-bib-body}``.
_HTML_OPEN = lazy(
    r"<div\b(?=[^<>]{0,400}?\bclass\s*=\s*[\"'][^\"'<>]{0,200}?\bcsl-bib-body\b)[^<>]{0,400}>",
    re.I,
)
_FENCE_OPEN = lazy(
    r"^(?:[ \t]{0,3}>)*[ \t]{0,3}:{3,}[ \t]*\{[^{}\n]{0,200}?\.csl-bib-body\b[^{}\n]{0,200}\}"
    r"[ \t]*:*[ \t]*$",
    re.M,
)
_DIV_TAG = lazy(r"<(/?)div\b[^<>]{0,400}>", re.I)
_FENCE = lazy(r"^(?:[ \t]{0,3}>)*[ \t]{0,3}:{3,}[ \t]*(\S?)", re.M)


def bibliography_spans(text: str) -> list[tuple[int, int]]:
    """The spans of citeproc's bibliography divisions in a Markdown text, from the opening
    tag or fence to the end of the one that closes it (the text's end if none does), in
    order. Empty when the text holds none."""
    if "csl-bib-body" not in text:
        return []
    spans: list[tuple[int, int]] = []
    for m in _HTML_OPEN.finditer(text):
        spans.append((m.start(), _div_end(text, m.end())))
    for m in _FENCE_OPEN.finditer(text):
        spans.append((m.start(), _fence_end(text, m.end())))
    return sorted(spans)


def _div_end(text: str, pos: int) -> int:
    """The end of the ``</div>`` that closes a division opened before ``pos``."""
    depth = 1
    for m in _DIV_TAG.finditer(text, pos):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return m.end()
    return len(text)


def _fence_end(text: str, pos: int) -> int:
    """The end of the fence line that closes a fenced div opened before ``pos``: each
    fence with attributes opens one, each bare fence closes one."""
    depth = 1
    for m in _FENCE.finditer(text, pos):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        depth += 1 if m.group(1) else -1
        if depth == 0:
            return line_end
    return len(text)


def cited(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of ``spans`` (bibliographies in ``text``) whose works the text outside
    them cites: by a citation element or link Pandoc writes in HTML (``data-cites=``,
    ``href="#ref-…"``), by a numbered entry (``[1]``, a numeric style's callouts), or by
    the first word of an entry (its first author's surname, an organisation's name) with
    the entry's year within a few words after it, as author-year styles print a callout
    ("(Wheeler and Kovandzic 2018)", "Simpson (2017)"). A list none of whose works is
    cited is one of works Pandoc was asked to list uncited (``nocite``): a README's "cite
    this software" or "related research" block, not the sources of its claims."""
    if not spans:
        return []
    outside, pos = [], 0
    for start, end in spans:
        outside.append(text[pos:start])
        pos = max(pos, end)
    outside.append(text[pos:])
    prose = "\n".join(outside)
    if _PANDOC_CITE.search(prose):
        return spans
    out = []
    for start, end in spans:
        parts = _ENTRY_SPLIT.split(text[start:end])[1:]
        entries = [_TAGS.sub(" ", e).replace("\\[", "[").replace("\\]", "]") for e in parts]
        if any(_numbered(e) or _called(e, prose) for e in entries):
            out.append((start, end))
    return out


_PANDOC_CITE = lazy(r"\bdata-cites\s*=|href\s*=\s*[\"']#ref-", re.I)
# An entry's division opens: ``<div id="ref-x" class="csl-entry">``, ``{#ref-x .csl-entry}``.
_ENTRY_SPLIT = lazy(
    r"<div\b[^<>]{0,400}?\bcsl-entry\b[^<>]{0,400}>|\{[^{}\n]{0,200}?\.csl-entry\b[^{}\n]{0,200}\}"
)
_TAGS = lazy(r"<[^<>]{0,400}>")
_FIRST_WORD = lazy(r"\s*[*_\s]*([^\W\d_][\w'’-]{1,40})")
_YEAR = lazy(r"\b(1[5-9]\d\d|20\d\d)[a-z]?\b")
_NUMBER = lazy(r"\s*(?:\[\d{1,4}\]|\d{1,4}\.\s)")


def _numbered(entry: str) -> bool:
    return bool(_NUMBER.match(entry))


def _called(entry: str, prose: str) -> bool:
    """Whether ``prose`` names the entry's first word and then its year."""
    word, year = _FIRST_WORD.match(entry), _YEAR.search(entry)
    if word is None or year is None:
        return False
    call = re.escape(word.group(1)) + r"\b[^()\[\]]{0,120}?" + year.group(1)
    return re.search(call, prose) is not None


def mark_listed(blocks: list[Block], spans: list[tuple[int, int]]) -> None:
    """Make each bibliography of ``spans`` a reference section: the heading right above it
    (no block between) is labelled :data:`LISTED_HEADING`; with none, an empty heading is
    put at its first block. ``blocks`` is in document order and stays so."""
    for start, end in spans:
        inside = [i for i, b in enumerate(blocks) if start <= b.start < end]
        if not inside or all(blocks[i].kind is BlockKind.HEADING for i in inside):
            continue
        first = inside[0]
        above = blocks[first - 1] if first > 0 else None
        if blocks[first].kind is BlockKind.HEADING:
            blocks[first].label = LISTED_HEADING  # a heading of its own inside the div
        elif above is not None and above.kind is BlockKind.HEADING:
            above.label = LISTED_HEADING
        else:
            at = blocks[first].start
            blocks.insert(
                first, Block(BlockKind.HEADING, at, at, at, level=7, label=LISTED_HEADING)
            )


def citeproc_lists(layout: Layout) -> None:
    """Read a Markdown text's cited bibliography divisions (see the module) as reference
    sections, in ``layout.blocks``, and set ``layout.citeproc`` when there is one."""
    listed = cited(layout.text, bibliography_spans(layout.text))
    mark_listed(layout.blocks, listed)
    layout.citeproc = bool(listed)


def csl_entries(body: Any) -> dict[str, Any]:
    """The entries of citeproc's bibliography divisions of an HTML tree by citation key:
    ``<div id="ref-knuth84" class="csl-entry">`` is the entry of key ``knuth84``, which
    Pandoc's citations name (``<span class="citation" data-cites="knuth84">``)."""
    out: dict[str, Any] = {}
    for div in body.css("div.csl-bib-body div.csl-entry"):
        ident = (div.attributes.get("id") or "").strip()
        if ident.startswith("ref-") and len(ident) > 4:
            out.setdefault(ident[4:], div)
    return out


def csl_elements(body: Any, source: str) -> set[int]:
    """The elements (``mem_id``) inside the bibliography divisions (``div.csl-bib-body``)
    of an HTML tree whose works the page cites (:func:`cited`, on ``source``): the entries
    and what they hold. Empty for any other page."""
    if "csl-bib-body" not in source:
        return set()
    spans = bibliography_spans(source)
    called = set(cited(source, spans))
    divs = body.css("div.csl-bib-body")
    if len(divs) != len(spans):  # not as written (a division in a comment, or repaired)
        called = set(spans) if called else set()
    out: set[int] = set()
    for div, span in zip(divs, spans, strict=False):
        if span in called:
            out.update(el.mem_id for el in div.traverse() if el.mem_id != div.mem_id)
    return out
