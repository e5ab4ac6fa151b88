"""How the plain-text reader tells a page's chrome from its text: a blank line next to a
page mark (a page break, which ends neither a paragraph nor a list), a page number printed
at the foot or head of a page of converted text (pdftotext) beside a form feed, and the
lines of a table of contents (dot leaders, and the indented lines between them under a
"Contents" heading). A mixin of :class:`citecheck.reader.text._TextReader`, which holds the
state these tests read: the text and its lines, the page marks and furniture
(:mod:`.pagemarks`) and whether a table of contents is being read. Then the masked copy,
chrome blanked.
"""

from __future__ import annotations

import re

from citecheck.reader.textlines import leaders, page_number
from citecheck.text.recache import lazy

__all__ = ["CONTENTS", "PageLines", "masked_text"]

CONTENTS = lazy(r"^\s*(?:table of )?contents\s*$", re.I)


class PageLines:
    """The page tests of the plain-text reader (see the module's docstring)."""

    text: str
    lines: list[tuple[int, int]]
    marks: set[int]
    furniture: set[int]
    form_feeds: bool
    toc: bool

    def _at_page_break(self, i: int) -> bool:
        """A blank line next to a page mark (or beside a page number next to one): the
        page break, which ends neither a paragraph nor a list."""
        if not self.marks:
            return False
        for step in (1, -1):
            j = i + step
            while 0 <= j < len(self.lines) and abs(j - i) <= 3:
                if j in self.marks:
                    return True
                near = self.text[self.lines[j][0] : self.lines[j][1]]
                if near.strip() and not (j in self.furniture or page_number(near)):
                    break
                j += step
        return False

    def _page_number(self, i: int, line: str) -> bool:
        """A page number printed at the foot or head of a page of converted text (pdftotext):
        a line holding only the number, with a form feed on the nearest line that is not
        blank after it or before it. Chrome, so a reference list or paragraph goes on
        across the page break."""
        if not self.form_feeds or not page_number(line):
            return False
        for step in (1, -1):
            j = i + step
            while 0 <= j < len(self.lines) and i - 3 <= j <= i + 3:
                near = self.text[self.lines[j][0] : self.lines[j][1]]
                if "\f" in near or j in self.marks:
                    return True
                if near.strip():
                    break
                j += step
        return False

    def _is_toc(self, i: int, line: str) -> bool:
        if leaders(line):
            self.toc = True
            return True
        if self.toc and line[:1].isspace():
            nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
            return bool(nxt and leaders(self.text[nxt[0] : nxt[1]]))
        if not line[:1].isspace():
            self.toc = self.toc and bool(CONTENTS.match(line))
        return False


def masked_text(text: str, masked_ranges: list[tuple[int, int]]) -> str:
    """``text`` with the ranges blanked (they may overlap: a running head on a masked
    line); a CR becomes a line break and a form feed a space."""
    parts: list[str] = []
    pos = 0
    for first, e in masked_ranges:
        s = max(first, pos)  # ranges may overlap: a running head on a masked line
        if e <= s:
            continue
        parts.append(text[pos:s])
        parts.append(" " * (e - s))
        pos = e
    parts.append(text[pos:])
    masked = "".join(parts)
    if "\r" in masked:
        masked = masked.replace("\r\n", " \n").replace("\r", "\n")
    return masked.replace("\f", " ")
