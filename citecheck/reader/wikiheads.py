"""The headings of a wiki page copied or extracted as plain text.

Two plain-text shapes of a MediaWiki page keep its headings in a form the plain-text
reader does not take for a heading, so the notes and reference lists under them are read
as prose and every entry as a claim:

- a page copied from a browser keeps each section's edit link after its title, on the
  title's line: ``Life[edit]``, ``References[edit]`` (the rendered ``mw-editsection``
  span, whose visible text is ``[edit]``, or ``[edit source]``, ``[Bearbeiten]`` …, or
  both links of the two editors in one pair of brackets, ``[edit | edit source]``,
  ``[bewerken | brontekst bewerken]``);
- a page's plain-text extract (the TextExtracts API with ``explaintext`` and
  ``exsectionformat=wiki``, or a dump's wikitext with its markup stripped) keeps the wiki
  heading markup: ``== References ==``, ``=== Sources ===`` — equal runs of two to six
  ``=`` on each side of the title (MediaWiki's section syntax, ``Help:Section``).

:func:`wiki_headings` rewrites each such line, in the copy the reader parses, as its title
alone on the line: the edit link and the ``=`` frames become spaces, so every offset holds.
An edit link is taken only at the end of a short line that does not end a sentence before
it, and only in a text where two or more lines end in one (a page has a link per section);
a frame only when both sides have the same number of ``=`` with a title between, which
neither a setext underline (a line of ``=`` alone) nor an assignment (``a == b``) has, and
only in a text with a level-2 ``== Title ==`` line (a wiki page's sections start at level
2; a PDF extract's ``===== PAGE 3 =====`` page marks are no headings).
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

# The visible text of a section's edit link in the editions most copied: English, German,
# French, Spanish, Italian, Portuguese, Dutch, Russian, Hebrew (with the source editor's
# "edit source" variants).
_EDIT_WORDS = (
    r"edit|edit source|bearbeiten|quelltext bearbeiten|modifier|modifier le code|editar"
    r"|editar código|editar código-fonte|modifica|modifica wikitesto|bewerken"
    r"|brontekst bewerken|править|править код|עריכה|עריכת קוד מקור"
)
# ``Title[edit]`` (or ``Title[edit | edit source]``) ending its line: a title of at most 120
# characters with no sentence end before the link.
_EDIT_HEAD = lazy(
    rf"^([ \t]{{0,3}}\S[^\n]{{0,119}}?)(?<![.!?:;,])[ \t]*"
    rf"(\[(?:{_EDIT_WORDS})(?:[ \t]*\|[ \t]*(?:{_EDIT_WORDS}))?\])[ \t]*(?=\r?$)",
    re.M | re.I,
)
# ``== Title ==`` … ``====== Title ======``: equal frames, a title between them.
_WIKI_HEAD = lazy(r"^([ \t]{0,3})(={2,6})[ \t]*([^=\s][^\n]{0,200}?)[ \t]*\2[ \t]*(?=\r?$)", re.M)
_HABIT = 2  # lines ending in an edit link before they are read as headings


def wiki_headings(text: str) -> str:
    """Return ``text`` (same length) with a copied wiki page's headings as bare titles.

    A line ``Title[edit]`` (in a text with two or more such lines) becomes ``Title`` and
    spaces; a line ``== Title ==`` (in a text with a level-2 one) becomes spaces, ``Title``
    and spaces. A text with neither shape is returned as it is. (Markdown is left alone:
    a wiki's source saved as ``.md`` holds ``== Title ==`` lines and ``<ref>`` notes that a
    Markdown reader does not read, so its headings would open lists of nothing.)
    """
    if "==" in text and any(len(m.group(2)) == 2 for m in _WIKI_HEAD.finditer(text)):
        text = _WIKI_HEAD.sub(_unframed, text)
    if "]" in text:
        found = _EDIT_HEAD.findall(text)
        if len(found) >= _HABIT:
            text = _EDIT_HEAD.sub(lambda m: m.group(1) + " " * (m.end() - m.end(1)), text)
    return text


def _unframed(m: re.Match[str]) -> str:
    """The line of ``m`` (a framed wiki heading) with its frames as spaces."""
    start, end = m.span(3)
    return " " * (start - m.start()) + m.group(3) + " " * (m.end() - end)
