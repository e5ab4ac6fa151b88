"""Readers: decode bytes and turn text into blocks over a masked copy of the text.

A reader returns a :class:`Layout`: the decoded text, a *masked* copy of equal length in
which everything that must never be scanned for markers (code, front matter, comments, link
destinations, page chrome, tables of contents) is blanked out, and the blocks. The HTML
reader's text is not the source but what a reader of the page sees, each word written at
its offset in the source (tags blank), so that offsets and line:column are the source's.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from citecheck.model import Block
from citecheck.model.errors import InputError
from citecheck.text.recache import lazy

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
    with :func:`decode`. Raises :class:`InputError`.
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


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts like UTF-16's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BYTE_BREAK = re.compile(rb"\r\n?|\n")
_SURROGATE = lazy("[\ud800-\udfff]")


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode file contents, raising :class:`InputError` for binary or undecodable data.

    Without ``encoding``: UTF-8 (with or without a byte-order mark), or UTF-16 and UTF-32
    with a byte-order mark; bytes that are none of these are decoded with the single-byte
    encoding charset-normalizer detects (see :mod:`.encodings`), returned as a
    :class:`Decoded` that names it. A NUL character marks a binary file, unless NULs are
    stray (see :func:`_stray`: a text extracted from a PDF keeps a few): such a text is
    read with its NULs dropped, returned as a :class:`Decoded` whose ``nuls`` counts them.
    """
    if encoding:
        text = _decode_as(data, path, encoding)
        if _SURROGATE.search(text):  # only escape codecs make them; nothing can print them
            raise InputError(path, f"decoding as {encoding} gives unpaired surrogates")
    else:
        codec = next((name for bom, name in _BOMS if data.startswith(bom)), None)
        if codec is None and b"\x00" in data:
            return _stray_text(data, path)
        text = _decode_as(data, path, codec) if codec else _decode_utf8(data, path)
    if "\x00" in text:
        return _without_nuls(text, path)
    return text if isinstance(text, Decoded) else text.removeprefix("\ufeff")


MOST_NULS = 0.02
"""A text with NULs is read (them dropped) only while they are at most this share of it."""
MOST_CONTROLS = 0.01
"""... and other control characters (not tab, line or page breaks) at most this share."""
_CONTROL = lazy(r"[\x01-\x08\x0e-\x1f\x7f]")


def _stray(nuls: int, size: int, controls: int) -> bool:
    """Whether ``nuls`` NULs and ``controls`` other control characters among ``size`` are
    a text's stray bytes (a figure a PDF extractor wrote as UTF-16: a few hundred in 60 KB)
    rather than a binary file's (an image, a compressed stream: one byte in 256 or more is
    NUL, and one in ten another control character)."""
    return nuls <= size * MOST_NULS and controls <= size * MOST_CONTROLS


_CONTROL_BYTE = re.compile(rb"[\x01-\x08\x0e-\x1f\x7f]")


def _stray_text(data: bytes, path: str) -> str:
    """Bytes with NULs and no byte-order mark: the text, NULs dropped, when they are stray
    and the rest is UTF-8 (or a detected single-byte encoding); else a binary file's
    :class:`InputError` (with the UTF-16 hint of :func:`_binary`)."""
    if not _stray(data.count(0), len(data), len(_CONTROL_BYTE.findall(data))):
        raise InputError(path, _binary(data))
    try:
        text = _decode_utf8(data, path)
    except InputError:
        raise InputError(path, _binary(data)) from None
    return _without_nuls(text, path)


def _without_nuls(text: str, path: str) -> str:
    """The text with its NULs dropped, as a :class:`Decoded` that counts them; a binary
    file's :class:`InputError` when they are not stray."""
    nuls = text.count("\x00")
    if not _stray(nuls, len(text), len(_CONTROL.findall(text))):
        raise InputError(path, "binary file (contains NUL characters); not checked")
    kept = Decoded(text.replace("\x00", "").removeprefix("\ufeff"))
    kept.assumed, kept.at = getattr(text, "assumed", ""), getattr(text, "at", 0)
    kept.nuls = nuls
    return kept


def _decode_as(data: bytes, path: str, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(path, f"unknown text encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        where = f"byte 0x{data[exc.start]:02x} at {_where(data, exc.start)}"
        raise InputError(path, f"cannot decode as {encoding} ({where})") from None
    except (UnicodeError, ValueError) as exc:
        raise InputError(path, f"cannot decode as {encoding} ({exc})") from None


class Decoded(str):
    """A text read with a caveat (see :func:`decode`). When its encoding was detected, not
    given, ``assumed`` is the encoding (a Python codec name, ``iso8859-1``) and ``at`` the
    offset of the first character that was not UTF-8; ``nuls`` counts the stray NUL
    characters dropped from it (0: none)."""

    assumed: str = ""
    at: int = 0
    nuls: int = 0


def _decode_utf8(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        from citecheck.reader.encodings import detect

        if (codec := detect(data)) is not None:
            try:
                text = Decoded(data.decode(codec))
            except UnicodeDecodeError:
                pass
            else:
                text.assumed, text.at = codec, len(data[: exc.start].decode("utf-8"))
                return text
        where = f"byte 0x{data[exc.start]:02x} at {_where(data, exc.start)}"
        raise InputError(
            path, f"not valid UTF-8 ({where}); use --encoding, e.g. --encoding cp1252"
        ) from None


def _where(data: bytes, offset: int) -> str:
    """Line and column (in bytes) of an offset, lines counted as an editor counts them."""
    starts = [m.end() for m in _BYTE_BREAK.finditer(data, 0, offset)]
    line_start = starts[-1] if starts else 0
    return f"line {len(starts) + 1}, column {offset - line_start + 1}"


def _binary(data: bytes) -> str:
    """Say why data is binary, and how to read it if it is UTF-16 without a byte-order mark."""
    head = data[:4096]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if len(head) >= 4 and max(even, odd) > len(head) // 4 and min(even, odd) == 0:
        order = "le" if odd else "be"
        return (
            "binary file (contains NUL bytes); if it is UTF-16 text without a byte-order mark,"
            f" use --encoding utf-16-{order}"
        )
    return "binary file (contains NUL bytes); not checked"


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
    from citecheck.reader.latexheads import latex_headings
    from citecheck.reader.text import read_text
    from citecheck.reader.webtext import blank_invisible, framed_headings, split_markers
    from citecheck.reader.wikiheads import wiki_headings

    # LaTeX sectioning lines (a converted paper), a rendered web page's asterisk-framed
    # headings and a copied wiki page's ``Title[edit]`` and ``== Title ==`` lines are read
    # as their titles, lines of zero-width spaces are blank, and note markers split over
    # three lines are markers; offsets hold.
    lines = split_markers(latex_headings(text, atx=False))
    lines = blank_invisible(wiki_headings(framed_headings(lines)))
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
