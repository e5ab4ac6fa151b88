"""Tell Markdown from plain text when standard input comes without a file name, and an
HTML page from either whatever the file is called.

A file whose text opens with ``<!DOCTYPE html`` or ``<html`` (after a byte-order mark,
blank lines, an XML declaration or comments) is an HTML page, read as HTML even when it is
named ``.txt`` or ``.md`` (saved pages often are): Markdown and plain text never open so.

One strong sign makes Markdown: an ATX heading (``# Title``), a code fence (```` ``` ```` or
``~~~``), a link reference or footnote definition at the start of a line (``[1]: https://…``,
``[^1]: …``), an inline link or image (``[text](https://…)``) or a footnote marker
``[^1]``. Weaker signs, common in plain text too, make Markdown only when two different
kinds appear: bullet or numbered list items, ``**bold**`` or ``__bold__``, inline
``` `code` ``` and ``> `` block quotes. Only the first 64 KiB are read: the sign is early or
the text reads the same either way.
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

HEAD = 65536
_STRONG = lazy(
    r"^ {0,3}#{1,6}[ \t]+\S"  # ATX heading
    r"|^ {0,3}(?:```|~~~)"  # code fence
    r"|^ {0,3}\[[^\]\n]+\]:[ \t]*\S"  # link reference or footnote definition
    r"|!?\[[^\]\n]+\]\((?:https?://|/|\.{0,2}/|#|mailto:)[^)\s]*\)"  # inline link or image
    r"|\[\^[^\]\s]+\]",  # footnote marker
    re.M,
)
_WEAK = {
    "list": lazy(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S", re.M),
    "strong": lazy(r"(\*\*|__)[^\W_][^\n]*?[^\W_]\1"),  # not a rule of underscores
    "code": lazy(r"`[^`\n]+`"),
    "quote": lazy(r"^ {0,3}>[ \t]", re.M),
}


_HTML_PAGE = lazy(
    r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html\b|html\b)",
    re.I | re.S,
)


def is_html_page(text: str | bytes) -> bool:
    """Whether a text (or the bytes of a file, read as ASCII) opens as a whole HTML page:
    ``<!DOCTYPE html`` or ``<html``, after blanks, an XML declaration or comments."""
    if isinstance(text, bytes):
        text = text[:HEAD].decode("ascii", "replace")
    return _HTML_PAGE.match(text[:HEAD]) is not None


def sniff(text: str) -> str:
    """Return ``html``, ``markdown`` or ``text`` for a text read without a name (see module
    docs)."""
    if is_html_page(text):
        return "html"
    head = text[:HEAD]
    if _STRONG.search(head):
        return "markdown"
    kinds = sum(1 for pattern in _WEAK.values() if pattern.search(head))
    return "markdown" if kinds >= 2 else "text"
