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

A page turned into text one inline element a line writes each note marker over three
lines and each reference as ``^`` then the citation's pieces: :func:`split_markers` reads
them back as markers and entries.

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


# A note marker an HTML-to-text extraction wrote one inline element a line: ``[``, ``12``,
# ``]`` each alone on a line of its own, unindented (the newline before it too); a wiki's
# ``[edit]`` link the same way. Group 3 is the next line's first character, unless it
# opens the next marker.
_SPLIT_MARK = lazy(
    r"\n\[[ \t]*\n(\d{1,3}|edit)[ \t]*\n\][ \t]*(?:(\n)(?=[ \t]*([^\s\[]))|(?=\n|$))"
)
# A reference list's ``^`` alone on its line, the entry on the lines after it up to a
# line with nothing on it (at most 60 lines; a line of a space is the entry's).
_CARET_ENTRY = lazy(r"^\^[ \t]*\n(?:[^\n]+\n){1,60}", re.M)
# The page's footer after its list, one element a line: ``Retrieved from "``, the address,
# ``"`` (blanked: no entry of the list); the ``: `` under ``Category`` (or ``Categories``),
# blanked so that the word stands alone, a heading that ends the list.
_FOOTER = lazy(
    r"^Retrieved from [\"“]\n[ \t]*https?://\S+\n[ \t]*[\"”][ \t]*$"
    r"|(?<=^Category\n)[ \t]*:[ \t]*$|(?<=^Categories\n)[ \t]*:[ \t]*$",
    re.M,
)
_HABIT = 5  # split markers a text writes before they are read as markers


def split_markers(text: str) -> str:
    """Return ``text`` (same length) with its note markers split over three lines read as
    markers, when the text has that habit (five or more such markers).

    A page turned into text one inline element a line (BeautifulSoup's ``get_text("\\n")``)
    writes ``…from websites.`` then ``[``, ``1``, ``]`` on lines of their own, and a
    heading's ``[edit]`` link the same way. Each such marker becomes ``[1]`` at the end of
    the line before it, the rest spaces; when the line after it goes on with the sentence
    (it opens with a small letter or punctuation) the newline after the marker is a space
    too. An ``[edit]`` link becomes spaces. Each ``^`` entry of the reference list (``^``
    alone on its line, the citation over the lines below it up to a blank line) becomes
    one line: ``^`` and the citation, its newlines spaces; after the list, the address the
    page was retrieved from is blank and ``Category`` stands alone as a heading (its ``: ``
    line blank), so neither reads as an entry. A lone bracket elsewhere (code, a formula)
    is left alone: only the unindented three-line shape is read, ``]`` alone on its line,
    and only in a text with five of them.
    """
    if "\n[\n" not in text:
        return text
    found = list(_SPLIT_MARK.finditer(text))
    if sum(1 for m in found if m.group(1) != "edit") < _HABIT:
        return text
    chars = list(text)
    prev_end = anchor = -1
    for m in found:
        if m.group(1) == "edit":  # its lines kept, blank
            chars[m.start() : m.end()] = (" " if c != "\n" else c for c in m.group())
            continue
        chars[m.start() : m.end()] = " " * (m.end() - m.start())
        if m.group(2) is not None and not _goes_on(m.group(3)):
            chars[m.start(2)] = "\n"
        # A marker right after another (``[8]`` then ``[9]``) joins its group: ``[8][9]``.
        anchor = anchor if m.start() == prev_end else m.start()
        mark = f"[{m.group(1)}]"
        chars[anchor : anchor + len(mark)] = mark
        anchor += len(mark)
        prev_end = m.end()
    joined = "".join(chars)
    joined = _CARET_ENTRY.sub(lambda m: m.group()[:-1].replace("\n", " ") + "\n", joined)
    return _FOOTER.sub(lambda m: "".join(c if c == "\n" else " " for c in m.group()), joined)


def _goes_on(first: str | None) -> bool:
    """Whether the line after a split marker goes on with its sentence: it opens with a
    small letter or punctuation, not a capital."""
    return first is not None and not first.isupper()
