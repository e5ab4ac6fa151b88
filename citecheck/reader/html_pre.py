"""A plain-text document rendered as HTML: an Internet-Draft or RFC with its whole text in
``<pre>`` (rfcmarkup, the datatracker's htmlized drafts).

Such a page is read as the plain-text reader reads an RFC: what the ``<pre>`` elements show
(tags dropped, character references decoded) is the text whose lines, indentation and
wrap width the reader looks at. Each of its words is then written at the offset in the
source where it starts, as the HTML reader writes words, so that line:column of every
finding is the source's: ``[<a href="#ref-LEDGER">LEDGER</a>]`` is ``[LEDGER]`` at its
``[``.
"""

from __future__ import annotations

import html
import re
from typing import Any

from citecheck.reader import Layout
from citecheck.reader.htmlsource import Token
from citecheck.text.recache import lazy

_ENTITY = lazy(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_DRAFT = lazy(
    r"^\s*(?:INTERNET[- ]DRAFT|Internet[- ]Draft|Network Working Group|"
    r"Request for Comments:|Independent Submission|Internet Engineering Task Force)",
    re.M,
)
_SPACE = frozenset(" \t\r\n\f")
_SHARE = 0.8  # of the page's text that its <pre> elements must hold


def is_pre_document(body: Any, heading: re.Pattern[str]) -> bool:
    """Whether a page is a plain-text draft or RFC in ``<pre>``: its ``<pre>`` elements
    hold most of its text, which opens like a draft and has a reference section."""
    pres = body.css("pre")
    if not pres:
        return False
    shown = "\n".join(p.text(deep=True) for p in pres)
    total = len("".join(body.text(deep=True, strip=True, separator=" ").split()))
    if len("".join(shown.split())) < _SHARE * total or not _DRAFT.search(shown[:4000]):
        return False
    return any(heading.match(line.strip()) for line in shown.splitlines() if line.strip())


def visible(source: str, toks: list[Token]) -> tuple[str, list[int]]:
    """The text the ``<pre>`` elements show, and the source offset of each character."""
    chars: list[str] = []
    where: list[int] = []
    depth = 0
    for t in toks:
        if t.name == "pre":
            depth = max(0, depth - 1) if t.closing else depth + 1
            if not t.closing and chars and chars[-1] != "\n":
                chars.append("\n")  # two <pre> elements never share a line
                where.append(t.start)
            continue
        if t.name != "" or depth == 0:
            continue
        pos = t.start
        for m in _ENTITY.finditer(source, t.start, t.end):
            chars.extend(source[pos : m.start()])
            where.extend(range(pos, m.start()))
            decoded = html.unescape(m.group())
            chars.extend(decoded)
            where.extend([m.start()] * len(decoded))
            pos = m.end()
        chars.extend(source[pos : t.end])
        where.extend(range(pos, t.end))
    return "".join(chars), where


def placed(source: str, text: str, where: list[int]) -> list[int]:
    """Where each character of ``text`` goes in a copy of the source: each word from the
    offset of its first character on, its characters side by side, line breaks kept."""
    out: list[int] = []
    pos = -1
    n = len(source)
    for i, ch in enumerate(text):
        if ch in _SPACE:
            out.append(where[i])
            pos = -1
            continue
        pos = where[i] if pos < 0 else max(pos + 1, 0)
        while pos < n and source[pos] in "\r\n":
            pos += 1  # a word split by a tag that runs over a line break
        out.append(min(pos, n - 1))
    return out


def read_pre(source: str, toks: list[Token], heading: re.Pattern[str]) -> Layout:
    """Read a draft in ``<pre>`` with the plain-text reader, at the offsets of the source."""
    from citecheck.reader.text import read_text

    text, where = visible(source, toks)
    inner = read_text(text, heading)
    at = placed(source, text, where)
    blank = [" " if c not in "\r\n" else c for c in source]
    out, masked = blank[:], blank[:]
    for i, ch in enumerate(text):
        if ch not in _SPACE:
            out[at[i]] = ch
            masked[at[i]] = inner.masked[i]
    for block in inner.blocks:
        block.start = _at(at, block.start)
        block.content_start = _at(at, block.content_start)
        block.end = _at(at, block.end - 1) + 1 if block.end > 0 else 0
    masked_text = "".join(masked)
    if "\r" in masked_text:
        masked_text = masked_text.replace("\r\n", " \n").replace("\r", "\n")
    return Layout("".join(out), masked_text, inner.blocks)


def _at(at: list[int], i: int) -> int:
    if not at:
        return 0
    return at[min(max(i, 0), len(at) - 1)]
