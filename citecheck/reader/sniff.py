"""Tell Markdown from plain text when standard input comes without a file name.

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

HEAD = 65536
_STRONG = re.compile(
    r"^ {0,3}#{1,6}[ \t]+\S"  # ATX heading
    r"|^ {0,3}(?:```|~~~)"  # code fence
    r"|^ {0,3}\[[^\]\n]+\]:[ \t]*\S"  # link reference or footnote definition
    r"|!?\[[^\]\n]+\]\((?:https?://|/|\.{0,2}/|#|mailto:)[^)\s]*\)"  # inline link or image
    r"|\[\^[^\]\s]+\]",  # footnote marker
    re.M,
)
_WEAK = {
    "list": re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S", re.M),
    "strong": re.compile(r"(\*\*|__)[^\W_][^\n]*?[^\W_]\1"),  # not a rule of underscores
    "code": re.compile(r"`[^`\n]+`"),
    "quote": re.compile(r"^ {0,3}>[ \t]", re.M),
}


def sniff(text: str) -> str:
    """Return ``markdown`` or ``text`` for a text read without a name (see module docs)."""
    head = text[:HEAD]
    if _STRONG.search(head):
        return "markdown"
    kinds = sum(1 for pattern in _WEAK.values() if pattern.search(head))
    return "markdown" if kinds >= 2 else "text"
