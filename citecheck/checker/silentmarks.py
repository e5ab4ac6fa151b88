"""Marks that look like citations in a document where none was read.

:func:`silent` is the second half of ``unread-citations``
(:mod:`citecheck.checker.unread_citations`): a document with no reference list, no
section and no marker read, whose paragraphs still show what citations look like in the
styles people write (a raised numeral after a word, numerals glued after a stop as
converters leave superscripts, numeric groups in brackets or before a stop, author-year
callouts, an Internet-Draft's ``{{RFC…}}``), has a citation style citecheck did not read.

A Markdown post whose body is a converter's HTML (a WordPress export, read as HTML: see
:mod:`citecheck.reader.htmlbody`) ends a paragraph's text before the tags that close it,
and a superscript numeral that closes a paragraph (``…different.<sup>1</sup></p>``, a
blog's note call) lies among those tags: the raised numeral right after a paragraph's text
is read as part of it.

A draft's placeholder keys count too: a bracket holding a short key in small letters that
the writer means to replace with a citation (``[airc]``, ``[11 polito]``, ``[9 tesi cnn]``):
one word, or up to four words and numbers of which one is a number, a word being of three
letters at least, and only when the document holds :data:`LEAST_KEYS` distinct keys. An
editor's ``[sic]``, a wiki's ``[edit]``, a wiki's ``[citation needed]`` (words only), a
dimension (``[32x32x3]``) and a Markdown link's text (``[here](url)``, ``[here][1]``) are none.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from citecheck.model import BlockKind
from citecheck.text.recache import lazy

if TYPE_CHECKING:
    from citecheck.checker.base import Context

LEAST_SILENT = 5
"""Marks that look like citations, at least, in a document with no list and no marker."""

SUP_HTML = lazy(r"<sup\b[^>]*>\s*(?:<a\b[^>]*>\s*)?\[?\d{1,3}", re.I)
"""An HTML superscript holding a number (``<sup>3</sup>``, ``<sup><a …>[3]``)."""
_AUTHOR_YEAR = lazy(
    r"[(（]\s*(?:[A-Z][\w'’-]+(?:\s+(?:et\s+al\.?|(?:and|&)\s+[A-Z][\w'’-]+))?"
    r"|[\u4e00-\u9fff]{2,6}(?:等)?)[,，]\s*(?:19|20)\d\d[a-z]?\s*(?:[;；,，][^()（）\n]{0,200})?[)）]"
)
_DRAFT_CITE = lazy(r"(?<!\{)\{\{[!?-]?(?:RFC\d+|I-D\.[\w.-]+)[^{}\n]{0,60}\}\}")
_GROUP = r"\d{1,3}(?:\s*[,–-]\s*\d{1,3}){0,8}"
# A placeholder key: one word of small letters (no blank inside: ``[ weight ]`` is a
# grammar's), or two to four words and numbers, one a number.
_KEY = (
    r"\[(?:(?!sic\]|edit\])[a-z]{3,}|\s*(?=[^\]\n]{0,60}?\b\d{1,3}\b)"
    r"(?:(?:[a-z]{3,}|\d{1,3})\s+){1,3}(?:[a-z]{3,}|\d{1,3})\s*)\]"
)
LEAST_KEYS = 3
"""Distinct placeholder keys, at least, for them to count (``[edit]`` ``[edit]`` … is none)."""
_SILENT_MARKS = (
    SUP_HTML,
    # Raised numerals after a word or a stop (``degrees.¹``), not an exponent (``x²``).
    lazy(r"(?:(?<=[.,;:)\]”\"’])|(?<=[a-z]{3}))[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]{0,2}"),
    # Numerals glued after a word's stop, as converters leave superscripts (``offloading.4``).
    lazy(rf"(?<=[a-z]{{3}}[.,;:])(?:{_GROUP})(?=\s|$)", re.M),
    lazy(rf"\[(?:{_GROUP})\]"),
    # ``(1–5)`` before a stop: a callout; ``(1) works …`` opens an enumeration's item.
    lazy(rf"\((?:{_GROUP})\)(?=[.,;:]|\s*$)", re.M),
    _AUTHOR_YEAR,
    _DRAFT_CITE,
)
# A draft's placeholder key apart from the words (``[11 polito]``), or glued to a word before
# a space or a stop (``risultati[airc].``), never ``data[key].append``.
_PLACEHOLDERS = (
    lazy(rf"(?<![\]!\w]){_KEY}(?![(\[:])"),
    lazy(rf"(?<=[^\W\d_]{{3}}){_KEY}(?=[.,;:]?(?:\s|$))", re.M),
)
_INLINE_CODE = lazy(r"`[^`\n]*`")
_TAIL_REACH = 160  # characters after a paragraph's text that its closing tags may take
_SUP_TAIL = lazy(
    r"<?(?:\s*</?(?:a|b|i|em|strong|span|font)\b[^>]*>)*\s*<sup\b[^>]*>\s*(?:<a\b[^>]*>\s*)?\[?\d{1,3}",
    re.I,
)


def silent(ctx: Context) -> tuple[int, int, int] | None:
    """Whether a document with no reference list and no marker read shows marks that look
    like citations (superscript numerals after a word, numerals glued after a stop, numeric
    groups in brackets or before a stop, author-year callouts, an Internet-Draft's
    ``{{RFC…}}``, a draft's placeholder keys; inline code aside): returns (marks, start, end)
    of the first mark when there are at least :data:`LEAST_SILENT`, else None."""
    doc = ctx.doc
    if doc.references or doc.markers or doc.sections:
        return None
    # Every pattern runs once over the paragraphs and items joined by blank lines (work
    # linear in the text, not a call a block); ``starts`` maps a place back.
    parts: list[str] = []
    starts: list[tuple[int, int]] = []  # (offset in the joined text, offset in doc.text)
    at = 0
    for b in doc.blocks:
        if b.kind not in (BlockKind.PARAGRAPH, BlockKind.ITEM):
            continue
        end = b.end
        window = doc.text[end - 1 : end + _TAIL_REACH]
        if ("<sup" in window or "<SUP" in window) and (
            tail := _SUP_TAIL.match(doc.text, end - (doc.text[end - 1 : end] == "<"))
        ) is not None:
            end = max(end, tail.end())  # a raised numeral among the closing tags
        starts.append((at, b.content_start))
        parts.append(doc.text[b.content_start : end])
        at += end - b.content_start + 2
    text = "\n\n".join(parts)
    if "`" in text:
        text = _INLINE_CODE.sub(lambda m: " " * len(m.group()), text)
    heads = [j for j, _ in starts]

    def place(m: re.Match[str]) -> tuple[int, int]:
        j, origin = starts[bisect_right(heads, m.start()) - 1]
        return origin + m.start() - j, origin + m.end() - j

    found: list[tuple[int, int]] = []
    keys: dict[str, list[tuple[int, int]]] = {}
    for pattern in _SILENT_MARKS:
        found.extend(place(m) for m in pattern.finditer(text))
    for pattern in _PLACEHOLDERS:
        for m in pattern.finditer(text):
            keys.setdefault(" ".join(m.group()[1:-1].split()), []).append(place(m))
    if len(keys) >= LEAST_KEYS:
        found.extend(at for spans in keys.values() for at in spans)
    if len(found) < LEAST_SILENT:
        return None
    start, end = min(found)
    return len(found), start, end
