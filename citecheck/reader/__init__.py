"""Readers: decode bytes and turn text into blocks over a masked copy of the text.

A reader returns a :class:`Layout`: the decoded text, a *masked* copy of equal length in
which everything that must never be scanned for markers (code, front matter, comments, link
destinations, page chrome, tables of contents) is blanked out, and the blocks. The HTML
reader's text is not the source but what a reader of the page sees, each word written at
its offset in the source (tags blank), so that offsets and line:column are the source's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from citecheck.model import Block
from citecheck.reader.decoding import MOST_CONTROLS, MOST_NULS, Decoded, decode

__all__ = [
    "DOCX_SUFFIXES",
    "HTML_SUFFIXES",
    "MARKDOWN_SUFFIXES",
    "MOST_CONTROLS",
    "MOST_NULS",
    "RST_SUFFIXES",
    "TEXT_SUFFIXES",
    "Decoded",
    "Layout",
    "decode",
    "detect_format",
    "load",
    "read",
]

# ``.mmd``: MultiMarkdown (see :mod:`citecheck.parser.mmdcites`)
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mmd"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".bs"})  # .bs: Bikeshed's source
DOCX_SUFFIXES = frozenset({".docx"})
RST_SUFFIXES = frozenset({".rst", ".rest"})


@dataclass(slots=True)
class Layout:
    """The decoded text, its masked copy and its blocks."""

    text: str
    masked: str
    blocks: list[Block]
    links: list[tuple[int, int, str]] = field(default_factory=list)
    """Reference-style link and image labels (start, end, label), defined or not."""
    inline: list[tuple[int, int, str]] = field(default_factory=list)
    """Inline links of the prose (start, end, destination), in document order."""
    anchors: list[tuple[int, str]] = field(default_factory=list)
    """Ids that links may point to (offset of the element, id), in document order."""
    sups: list[tuple[int, int]] = field(default_factory=list)
    """Superscript numbers (``<sup>2,3</sup>``): the span of the digits, in order."""
    citing: set[str] = field(default_factory=set)
    """Destinations of inline links that the markup marks as an answer engine's citations
    (ChatGPT's ``data-testid="webpage-citation-pill"``)."""
    wiki: bool = False
    """The page is a wiki's article (MediaWiki's ``<meta name="generator">``)."""
    listed: tuple[int, int] | None = None
    """The span of a bibliography the reader saw with no heading above it (Word's
    Bibliography style, field or content control): a reference section all the same."""
    citeproc: bool = False
    """The text holds a cited bibliography Pandoc's citeproc rendered into it
    (:mod:`citecheck.reader.citeproc`)."""
    spec: bool = False
    """The text is an RFC, an Internet-Draft or a specification by its markup (RFC XML,
    :mod:`.rfcxml`; a kramdown-rfc or mmark draft, :mod:`.ietfmd`; a Bikeshed or ReSpec
    source, :mod:`.specref`)."""
    notes_inline: bool = False
    """Notes are written where they are called and masked there (wikitext's ``<ref>``):
    entries are read from the text, not from the masked copy."""


def detect_format(path: str | None, fmt: str | None = None) -> str:
    """Return ``markdown``, ``html``, ``docx``, ``rst`` (reStructuredText) or ``text`` from
    an explicit choice or the file's suffix."""
    if fmt:
        return {"md": "markdown", "markdown": "markdown", "html": "html", "htm": "html"}.get(
            fmt, fmt if fmt in ("docx", "rst") else "text"
        )
    suffix = PurePath(path).suffix.lower() if path else ""
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in DOCX_SUFFIXES:
        return "docx"
    if suffix in RST_SUFFIXES:
        return "rst"
    return "text"


def load(data: bytes, path: str, encoding: str | None = None, name: str | None = None) -> str:
    """Turn a file's bytes into the text its reader reads, by the suffix of the file (or of
    ``name``, the name standard input is read as); a text or Markdown file that holds a
    whole HTML page is HTML (see :func:`citecheck.reader.sniff.is_html_page`).

    HTML is decoded with its ``<meta charset>``; a Word document becomes the text of its
    paragraphs, one a line (see :mod:`citecheck.reader.docx`); anything else is decoded
    with :func:`decode` (:mod:`.decoding`). Raises :class:`InputError`.
    """
    fmt = detect_format(name or path)
    if fmt in ("text", "markdown", "rst"):
        from citecheck.reader.sniff import is_html_page

        fmt = "html" if is_html_page(data) else fmt
    if fmt == "html":
        from citecheck.reader.htmldecode import decode_html

        return decode_html(data, path, encoding)
    if fmt == "docx":
        from citecheck.reader.docx import docx_text

        return docx_text(data, path)
    return decode(data, path, encoding)


def read(text: str, fmt: str, heading: re.Pattern[str] | None = None) -> Layout:
    """Split a decoded text into blocks with the reader for its format.

    ``heading`` is the pattern of reference-section headings when it is not the default.
    The source of a Bikeshed or ReSpec specification, in any format, has its ``[[KEY]]``
    citations read as well (see :mod:`.specref`).
    """
    layout = _read(text, fmt, heading)
    if "[[" in text and fmt != "docx":
        from citecheck.reader.specref import is_spec_source, spec_citations

        if is_spec_source(text):
            from citecheck.reader.ietfmd import merge_links

            layout.masked, layout.blocks, uses = spec_citations(text, layout.masked, layout.blocks)
            layout.links = merge_links(layout.links, uses)
            layout.spec = True
    return layout


def _read(text: str, fmt: str, heading: re.Pattern[str] | None = None) -> Layout:
    if fmt == "markdown":
        from citecheck.reader.heldcode import held_in_code
        from citecheck.reader.htmlbody import html_body
        from citecheck.reader.markdown import read_markdown

        # A post whose body is a converter's HTML is read as HTML (see .htmlbody).
        if "<" in text and (body := html_body(text)) is not None:
            from citecheck.reader.html import read_html

            layout = read_html(body) if heading is None else read_html(body, heading)
            layout.text = text
            return layout
        # A document a conversion put in code blocks is read from them (see .heldcode).
        if (held := held_in_code(text)) is None:
            from citecheck.reader.pandocpage import article_only

            # A whole page converted by Pandoc: only its article's body is read.
            return _without_math(article_only(read_markdown(text)))
        layout = read_markdown(held[1]) if held[0] == "markdown" else _read(held[1], "text")
        layout.text = text
        return layout if held[0] == "text" else _without_math(layout)
    if fmt == "html":
        from citecheck.reader.html import read_html

        return read_html(text) if heading is None else read_html(text, heading)
    if fmt == "docx":
        from citecheck.reader.docx_layout import read_docx

        return read_docx(text)
    if fmt == "rst":
        from citecheck.reader.rst import read_rst

        return _without_math(read_rst(text))
    if fmt == "text" and "<rfc" in text[:65536]:
        from citecheck.reader.rfcxml import is_rfc_xml, read_rfcxml

        if is_rfc_xml(text):
            return read_rfcxml(text)
    if fmt == "text" and "TEI" in text[:65536]:
        from citecheck.reader.tei import is_tei, read_tei

        if is_tei(text) and (tei := read_tei(text)) is not None:
            return tei
    if fmt == "text" and ("<ref" in text[:65536] or "{{" in text[:65536]):
        from citecheck.reader.wikitext import is_wikitext, read_wikitext

        if is_wikitext(text):
            return read_wikitext(text)
    from citecheck.reader.entitybrackets import decoded_brackets
    from citecheck.reader.latexheads import latex_headings
    from citecheck.reader.text import read_text
    from citecheck.reader.webtext import blank_invisible, framed_headings, split_markers
    from citecheck.reader.wikiheads import wiki_headings
    from citecheck.reader.wikilinklines import blank_link_lines

    # LaTeX sectioning lines (a converted paper), a rendered web page's asterisk-framed
    # headings and a copied wiki page's ``Title[edit]`` and ``== Title ==`` lines are read
    # as their titles, lines of zero-width spaces are blank, and note markers split over
    # three lines are markers, and markers whose brackets are character references
    # (``&#91;1&#93;``) are brackets; offsets hold.
    lines = split_markers(latex_headings(decoded_brackets(text), atx=False))
    lines = blank_invisible(wiki_headings(framed_headings(lines)))
    lines = blank_link_lines(lines)  # a wiki page's category and language links
    layout = read_text(lines) if heading is None else read_text(lines, heading)
    layout.text = text
    return _without_math(layout)


def _without_math(layout: Layout) -> Layout:
    """Blank the formulas of a Markdown or plain-text layout but for raised citation
    numbers, and set its displaced accents back on their words (see :mod:`.math`,
    :mod:`.texsups`, :mod:`.diacritics`)."""
    from citecheck.reader.diacritics import attach_diacritics
    from citecheck.reader.math import blank_math
    from citecheck.reader.texsups import raise_tex_superscripts

    text, masked = raise_tex_superscripts(layout.text, layout.masked)
    layout.masked = attach_diacritics(blank_math(text, masked))
    return layout
