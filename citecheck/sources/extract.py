"""Extracted text per media type: HTML through trafilatura, PDF through pypdf, text as is.

Each extractor returns the text a reader sees and what the page says about itself (title,
site name, date); :func:`sentences` (:mod:`.sentences`) splits that text with the
parser's segmenter, so a source's sentences are cut by the same rules as the article's.

lxml (under trafilatura) is not safe across threads (adbar/trafilatura#840, #925): every
call into it in this process holds :data:`NATIVE`. Pages read concurrently go to worker
processes instead (:mod:`.workers`). A page whose HTML, scripts and styles dropped, is
longer than :data:`BIG_HTML` characters is read by a plain block-text pass (selectolax's
lexbor parser) instead of trafilatura, whose time and memory grow steeply with size (a
10 MB article: about 300 MB and a minute of CPU; the plain pass: about 80 MB and half a
second; ``benchmarks/extract_memory.py``).
"""

from __future__ import annotations

import io
import logging
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, replace

from citecheck.sources.decode import decode, sniff
from citecheck.sources.model import State
from citecheck.sources.sentences import sentences
from citecheck.sources.walls import bot_wall, script_shell
from citecheck.text.recache import lazy

__all__ = ["BIG_HTML", "NATIVE", "Extracted", "Unreadable", "extract", "sentences"]

NATIVE = threading.Lock()
"""Held around every call into lxml in this process: one thread in libxml2 at a time."""
BIG_HTML = 1_000_000
"""Characters of HTML (scripts, styles and comments dropped) above which the plain pass
reads a page instead of trafilatura."""

_MD_TITLE = lazy(r"\A\s*(?:---\n.*?\n---\n\s*)?#\s+(.+?)\s*#*\s*$", re.M | re.S)
_WRAP_HYPHEN = lazy(r"(?<=[a-z])-\n(?=[a-z])")
_SPACES = lazy(r"[ \t\u00a0]+")


@dataclass(frozen=True, slots=True)
class Extracted:
    """The main text of a body and its metadata."""

    text: str
    title: str | None
    site_name: str | None
    date: str | None
    media_type: str
    titles: tuple[str, ...] = ()
    """Every title the body gives itself (see :mod:`citecheck.sources.titles`)."""


class Unreadable(Exception):
    """A body that yields no source: ``state`` (``blocked``, ``error``) and one-line
    ``problem``."""

    def __init__(self, state: State, problem: str) -> None:
        super().__init__(problem)
        self.state: State = state
        self.problem = problem


def extract(
    body: bytes,
    content_type: str | None = None,
    name: str = "",
    headers: Mapping[str, str] | None = None,
) -> Extracted:
    """Read ``body`` (its ``Content-Type`` and file ``name`` are hints) into text.

    Raises :class:`Unreadable` for a binary body, a corrupt PDF (``failed``: the server's
    answer is malformed), an encrypted one or a bot wall (``blocked``), a page drawn by JavaScript
    (``empty``). An empty ``text`` means the body held no readable text (the caller's
    ``empty``). Safe to call from any thread.
    """
    kind = sniff(body, content_type, name)
    declared = _param(content_type, "charset")
    if kind is None:
        shown = (content_type or "").split(";")[0].strip() or "unknown type"
        if shown == "application/pdf":
            raise Unreadable("failed", "corrupt PDF: the body is not a PDF document")
        raise Unreadable("error", f"binary body ({shown}), not a page or a document")
    if kind == "application/pdf":
        return _pdf(body)
    text = decode(body, declared, html=kind == "text/html")
    if kind == "text/html":
        with NATIVE:
            return _html(text, {k.lower(): v for k, v in (headers or {}).items()})
    title = None
    if kind == "text/markdown":
        heading = _MD_TITLE.match(text)
        title = heading.group(1) if heading else None
    return Extracted(_tidy(text), title, None, None, kind)


def _param(content_type: str | None, name: str) -> str | None:
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == name:
            return value.strip().strip("\"'") or None
    return None


def _tidy(text: str) -> str:
    """Line endings normalised, trailing blanks dropped; offsets are into this text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def _quiet(*names: str) -> None:
    """Keep a library's warnings about a malformed page off stderr (logging's last-resort
    handler prints them when nobody configured logging); the page's state says enough.
    An application that configures logging still receives them through propagation."""
    for name in names:
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())


def _html(html: str, headers: dict[str, str]) -> Extracted:
    lean = _lean(html) if len(html) > BIG_HTML else html
    got = _plain(lean) if len(lean) > BIG_HTML else _main(lean)
    wall = bot_wall(headers, html, len(got.text))
    if wall:
        raise Unreadable("blocked", wall)
    shell = script_shell(html, got.text)
    if shell:
        raise Unreadable("empty", shell)
    if lean is not html:  # the head's titles too (JSON-LD, dropped with the scripts)
        from citecheck.sources.titles import html_titles

        head = _HEAD_END.search(html, 0, _HEAD)
        titles = html_titles(html[: head.end() if head else _HEAD], got.title)
        got = replace(got, titles=tuple(dict.fromkeys(titles + got.titles)))
    return got


def _main(html: str) -> Extracted:
    """The main text by trafilatura (boilerplate, menus and comments dropped)."""
    import trafilatura

    _quiet("trafilatura", "htmldate", "courlan", "justext", "readability")
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True
    )
    from citecheck.sources.titles import html_titles

    if doc is None or isinstance(doc, dict):
        title = _fallback_title(html)
        return Extracted("", title, None, None, "text/html", html_titles(html, title))
    title = doc.title or _fallback_title(html)
    return Extracted(
        _tidy(doc.text or ""),
        title,
        doc.sitename or None,
        doc.date or None,
        "text/html",
        html_titles(html, title),
    )


_HEAVY = lazy(r"<(script|style|svg|template|noscript)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_HEAD_END = lazy(r"</head\s*>", re.I)
_HEAD = 1_000_000  # characters of a big page searched for the end of its head
_BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, dt, dd, figcaption"
_CHROME = "script, style, noscript, svg, template, iframe, nav, header, footer, aside, form"


def _lean(html: str) -> str:
    """``html`` without scripts, styles, inline SVG, templates and comments."""
    return _HEAVY.sub(" ", html)


def _plain(html: str) -> Extracted:
    """A big page's text, one block element (paragraph, heading, item, cell) a line, from
    its ``<article>``, else ``<main>``, else ``<body>``, navigation and chrome dropped."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = _SPACES.sub(" ", title_node.text()).strip() if title_node is not None else ""
    for node in tree.css(_CHROME):
        node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body
    lines: list[str] = []
    for node in root.css(_BLOCKS) if root is not None else []:
        if len(node.css(_BLOCKS)) > 1:  # the innermost blocks carry the text
            continue
        line = " ".join(node.text(deep=True, separator=" ").split())
        if line:
            lines.append(line)
    return Extracted("\n".join(lines), title or None, None, None, "text/html", ())


def _fallback_title(html: str) -> str | None:
    """``og:title``, else ``<title>``: what a page calls itself when it has no main text."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return None
    for path in ("//meta[@property='og:title']/@content", "//title/text()"):
        found = [str(v).strip() for v in root.xpath(path) if str(v).strip()]
        if found:
            return _SPACES.sub(" ", found[0])
    return None


def _pdf(body: bytes) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    from citecheck.sources.titles import pdf_titles

    _quiet("pypdf")
    try:
        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("blocked", "the PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
        title = str(meta.title).strip() if meta is not None and meta.title else None
        titles = pdf_titles(reader, title)
    except Unreadable:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        problem = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise Unreadable("failed", f"corrupt PDF: {problem}") from None
    text = _WRAP_HYPHEN.sub("", "\n\n".join(p.strip() for p in pages if p.strip()))
    return Extracted(_tidy(text), title or None, None, None, "application/pdf", titles)
