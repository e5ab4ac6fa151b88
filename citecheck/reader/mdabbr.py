"""Markdown abbreviation definitions: ``*[HTML]: Hyper Text Markup Language`` lines.

PHP Markdown Extra ("Abbreviations"), kramdown and Python-Markdown's ``abbr`` extension
let a writer define an abbreviation on a line of its own, a star, the abbreviation in
brackets, a colon and its expansion; the line is not shown, and each use of the word in
the text gets the expansion as a tooltip. CommonMark knows no such line and reads it as a
paragraph, so ``[NFT]`` looked like a citation marker with no entry. Each such line is
blanked (offsets kept) in the copy the Markdown parser reads, as link definitions are.
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

# Up to three blanks, a star, the abbreviation in brackets (no brackets in it), a colon.
_DEFINITION = lazy(r"^[ \t]{0,3}\*\[[^\[\]\n]+\]:[^\n]*$", re.M)
_NOT_NEWLINE = lazy(r"[^\n]")


def blank_abbreviations(text: str) -> str:
    """``text`` with each abbreviation definition line blanked (see the module), the same
    length and line breaks; ``text`` itself when it has none."""
    if "*[" not in text:
        return text
    return _DEFINITION.sub(lambda m: _NOT_NEWLINE.sub(" ", m.group(0)), text)
