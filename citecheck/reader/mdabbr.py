"""Markdown abbreviation definitions: ``*[HTML]: Hyper Text Markup Language`` lines.

PHP Markdown Extra ("Abbreviations"), kramdown and Python-Markdown's ``abbr`` extension
let a writer define an abbreviation on a line of its own, a star, the abbreviation in
brackets, a colon and its expansion; the line is not shown, and each use of the word in
the text gets the expansion as a tooltip. CommonMark knows no such line and reads it as a
paragraph, so ``[NFT]`` looked like a citation marker with no entry. Each such line is
blanked in the copy the Markdown parser reads, as link definitions are: the parser
counts in UTF-8 bytes, so a character is blanked by a space of its own width (a blank,
U+00A0, U+2002, U+E0020 for one to four bytes) and offsets in characters and bytes are kept.
A line with wide characters so blanked is still a paragraph to the parser (only blanks and
tabs make a blank line), whose text the reader then skips (:func:`blanked`).
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

# Up to three blanks, a star, the abbreviation in brackets (no brackets in it), a colon.
_DEFINITION = lazy(r"^[ \t]{0,3}\*\[[^\[\]\n]+\]:[^\n]*$", re.M)
_NOT_NEWLINE = lazy(r"[^\n]")
# A blank of each UTF-8 width, one to four bytes.
_BLANKS = {1: " ", 2: "\u00a0", 3: "\u2002", 4: "\U000e0020"}


def _blank(m: re.Match[str]) -> str:
    return _BLANKS[len(m.group(0).encode("utf-8", "surrogatepass"))]


def blank_abbreviations(text: str) -> str:
    """``text`` with each abbreviation definition line blanked (see the module), the same
    length in characters and in UTF-8 bytes, line breaks kept; ``text`` itself when it has
    none."""
    if "*[" not in text:
        return text
    return _DEFINITION.sub(lambda m: _NOT_NEWLINE.sub(_blank, m.group(0)), text)


_WIDE_BLANKS = "".join(_BLANKS.values())


def blanked(text: str) -> bool:
    """Whether ``text`` (a span of the parser's copy) is nothing but the blanks this module
    writes, at least one of them wide: a blanked definition's text, no prose."""
    return bool(text) and not text.strip(_WIDE_BLANKS) and text.strip(" ") != ""
