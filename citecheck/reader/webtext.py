"""A web page saved as text: its asterisk-framed headings, and its lines of invisible
characters.

A web page turned into text by ``html2text`` (the converter that renders ``<h1>`` as
``****** Title ******``, ``<h2>`` as ``***** Title *****``, ``<h3>`` as
``**** Title ****``) keeps each heading on a line of its own between two equal runs of
asterisks; a saved Wikipedia page adds its ``[edit]`` link after the title
(``***** References[edit] *****``). CommonMark reads such a line as a paragraph, the
plain-text reader as prose, so the notes and reference lists under ``Notes`` and
``References`` are never found and every entry reads as a claim.

:func:`framed_headings` rewrites each such line, in the copy the readers parse, as a
heading of the same length: the left frame becomes ``#``×level and spaces (spaces alone
for plain text), the right frame and a trailing ``[edit]`` become spaces, so every offset
still holds and the heading's text is its title alone. A line is taken only when both
frames have the same number of asterisks (four to six: three frame a Project Gutenberg
book's ``*** START OF …`` line) with a space inside each, which
Markdown emphasis never has (``*** text ***`` is no emphasis, ``***`` alone a rule).

A page's text copied from a browser keeps, between two groups of a list (a Works cited
list's "Books" and "Journals"), a line of zero-width spaces: blank to the eye, but not to
a reader that asks ``str.strip``, so the heading under it reads as the list's next entry.
:func:`blank_invisible` writes such lines as the spaces they look like.
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

# ``***** Title *****``, ``****** Title[edit] ******``: equal frames of 4–6 asterisks
# (three frame a Project Gutenberg book's ``*** START OF THIS PROJECT GUTENBERG EBOOK ***``).
_FRAMED = lazy(
    r"^([ \t]{0,3})(\*{4,6})[ \t]+(\S[^\n]{0,200}?)(\[edit\])?[ \t]+\2[ \t]*(?=\r?$)",
    re.M,
)


def framed_headings(text: str, atx: bool = True) -> str:
    """Return ``text`` (same length) with its asterisk-framed heading lines as headings.

    A line ``***** Title *****`` becomes ``##`` (the level is seven less the number of
    asterisks: six make a level-1 heading, four a level-3 one), spaces, ``Title`` and
    spaces; a ``[edit]`` link after the title is blanked. With ``atx`` false (plain text)
    the ``#`` marks are spaces too: the title stands alone on its line, where the
    plain-text reader finds headings. A text with no ``**** `` is returned as it is.
    """
    if "**** " not in text:
        return text

    def heading(m: re.Match[str]) -> str:
        stars = m.group(2)
        title_start, title_end = m.span(3)
        lead = title_start - m.start()
        marks = "#" * min(7 - len(stars), lead - 1) if atx else ""
        tail = m.end() - title_end
        return marks + " " * (lead - len(marks)) + m.group(3) + " " * tail

    return _FRAMED.sub(heading, text)


_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
# A line of zero-width characters (and blanks): the first invisible one after the blanks.
_INVISIBLE_LINE = lazy(rf"^[ \t]*[{_INVISIBLE}][ \t{_INVISIBLE}]*(?=\r?$)", re.M)


def blank_invisible(text: str) -> str:
    """Return ``text`` (same length) with each line made only of zero-width characters
    (U+200B–U+200D, U+2060, U+FEFF) and blanks written as spaces: a blank line."""
    if "\u200b" not in text and "\u200c" not in text and "\u200d" not in text:
        return text
    return _INVISIBLE_LINE.sub(lambda m: " " * len(m.group()), text)
