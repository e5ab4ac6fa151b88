"""How the plain-text reader joins lines: whether a line goes on with the block above it,
opens a heading, or ends a paragraph.

A mixin of :class:`citecheck.reader.text._TextReader`, which holds the state these tests
read: the text and its lines, the block being read (``cur``, its indent, whether its last
line ended a sentence), whether a reference list is being read and the text's wrap width.
Inside a reference list a conversion breaks an entry's lines anywhere (a numbered entry's
"… Fawcett, J.W." then "(2008). Distribution …"), so there an unended line goes on with its
entry until the next number, key, author-year head, blank line or heading.
"""

from __future__ import annotations

import re

from citecheck.model import Block, BlockKind
from citecheck.reader.pdfheads import HEADING_LIKE as _HEADING_LIKE
from citecheck.reader.pdfheads import entry_goes_on, name_head
from citecheck.reader.textlines import ends_sentence, inside_group, is_chrome
from citecheck.text.bookentries import ends_in_isbn
from citecheck.text.enumeration import enumeration
from citecheck.text.initialisms import cut_inside
from citecheck.text.recache import lazy
from citecheck.text.vocab import DIRECTIVE_LINE

_NUMBERED_HEADING = lazy(r"^((?:\d+|[A-Z])(?:\.\d+)*)\.?\s+\S|^Appendix\s+[A-Z0-9]+\b")
BULLET = lazy(r"^(\s*)(?:[-*•+‣◦]|\d{1,3}[.)]|\^)\s+(?=\S)")
# An old draft's entry numbered without brackets or stop: "   1  Bradner, S., …".
_BARE_NUMBER = lazy(r"^\s*\d{1,3}[ \t]{2,}(?=[A-Z])")
FOOTNOTE_DEF = lazy(r"^(\s*)\[\^([^\]\s]{1,60})\]:\s*")
# A reference key: "[1]", "[RFC2119]", "[Smith 2020]"; not "[ERROR retrieving ref link]".
KEY_ITEM = lazy(r"^(\s*)\[([^\s\]]+(?: \S+){0,2}|[^\[\]\n]{1,60}\d{4}[a-z]?)\]:?(?:\s+|$)")
_LEADING_MARKERS = lazy(r"^\s*(?:\[\d[\d,;\s–-]*\]\s*)+(?:[^\w\s]|\s+\S|$)")
_ENTRY_PUNCTUATION = lazy(r"[,:;\"“(]")
_CONNECTOR = lazy(r"(?:,|\b(?:and|or|of|the|a|an|to|in|for|with|by|on|at|from))\s*$", re.I)
# A numbered section title that ends with "et al." (a heading, though it ends in a stop).
_NUMBERED_ET_AL = lazy(r"^\d+(?:\.\d+)*\.?\s+[A-Z][^.!?]{0,80}\bet al\.$")
_NUMBERED_ENTRY = lazy(r"\d{1,3}[.)][ \t]")
# A reference list's number alone on its line, its entry on the lines after ("1." then
# "Benton, S. A. & Bove, V. M. Jr. Holographic Imaging …"), as PDF text of Nature's lists.
_LONE_NUMBER = lazy(r"^[ \t]*\d{1,3}\.[ \t]*$")
# A section's title on a line of its own: a few capitalised words, no entry's punctuation.
_TITLE_LINE = lazy(r"^[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}$")
_SECTION_NUMBER = lazy(r"^(\d+(?:\.\d+)*)\.?\s")
# The head of an author-year entry: names, then the year in brackets ("Bond S (2002) …",
# "Ross, B. and Moe, C. (2005) …") or after a comma ("Van Wyk, D.B., 1987. …").
_YEAR_HEAD = lazy(
    r"^[^\W\d_][^\n]{0,100}?(?:\(\s*(?:1[6-9]|20)\d\d[a-z]?\s*\)|,\s(?:1[6-9]|20)\d\d[a-z]?[.,])"
)
# Signs of a reference entry on a line of a reference list: a year ("Bond S (2002) …"),
# a page range ("365:663– 670"), volume and issue ("19(4)"). A PDF conversion breaks an
# entry's line anywhere, so an unended line there is no heading when it holds one.
_ENTRY_SIGN = lazy(r"\b(?:1[6-9]|20)\d\d[a-z]?\b|\d\s?[–-]\s?\d|\d:\s?\d|\d\(\d")


def _word_count(s: str) -> int:
    return len(s.split())


class LineJoins:
    """The line tests of the plain-text reader (see the module's docstring)."""

    text: str
    lines: list[tuple[int, int]]
    cur: Block | None
    cur_indent: int
    cur_ended: bool
    in_refs: bool
    width: int

    def _next_line(self, i: int) -> str | None:
        for s, e in self.lines[i + 1 : i + 4]:
            line = self.text[s:e]
            if line.strip():
                return None if is_chrome(line) or DIRECTIVE_LINE.match(line) else line
            return None
        return None

    def _bare_number(self, line: str) -> re.Match[str] | None:
        """An old draft's entry numbered with no brackets or stop ("   1  Bradner, S., …"):
        the number, two blanks, and a line with an entry's punctuation."""
        m = _BARE_NUMBER.match(line)
        return m if m and _ENTRY_PUNCTUATION.search(line, m.end()) else None

    def _split_title(self, i: int, line: str) -> str | None:
        """The title of a section whose number stands alone on line ``i`` and its title
        alone on the next ("10." then "Acknowledgments", as a stray carriage return in a
        draft made with a word processor leaves them), or None."""
        if not _LONE_NUMBER.match(line) or i + 1 >= len(self.lines):
            return None
        s, e = self.lines[i + 1]
        title = self.text[s:e].strip()
        if not _TITLE_LINE.match(title):
            return None
        if i + 2 < len(self.lines):
            s2, e2 = self.lines[i + 2]
            if self.text[s2:e2].strip():
                return None
        return title

    def _lone_number(self, i: int, line: str) -> bool:
        """An entry's number alone on line ``i`` of a reference list, its text on the next
        line (not a page number such as the "17." of "p." then "17." before a blank)."""
        if not (self.in_refs and _LONE_NUMBER.match(line)):
            return False
        nxt = self._next_line(i)
        return nxt is not None and not _LONE_NUMBER.match(nxt)

    def _wrapped_word(self, stripped: str, blank_before: bool) -> bool:
        """A lower-case "sources" alone on a line inside a sentence is a soft wrap."""
        cur = self.cur
        return (
            not blank_before
            and stripped[:1].islower()
            and cur is not None
            and cur.kind is BlockKind.PARAGRAPH
            and not self.cur_ended
        )

    def _continues(self, i: int, line: str, indent: int, blank_before: bool) -> bool:
        cur = self.cur
        if cur is None or cur.kind is BlockKind.HEADING:
            return False
        if blank_before:
            return cur.kind is not BlockKind.PARAGRAPH and indent > self.cur_indent
        if cur.kind is not BlockKind.PARAGRAPH and indent > self.cur_indent + 1:
            return not (self.in_refs and KEY_ITEM.match(line))
        if self.in_refs and cur.kind is BlockKind.PARAGRAPH and name_head(self.text, cur.start):
            return entry_goes_on(self.text, self.lines[i - 1], line)
        if BULLET.match(line) or FOOTNOTE_DEF.match(line):
            return False
        if self.in_refs and (KEY_ITEM.match(line) or self._bare_number(line)):
            return False
        if self._lone_number(i, line):
            return False
        if self.in_refs and cur.kind is BlockKind.ITEM and cur.label:
            # The next line of a keyed entry ("[2] A. Brodnik, … and R. Sedgewick." then
            # "Resizable arrays in optimal time and space. …"): the entry goes on until
            # the next key, a blank line or a heading.
            return not _HEADING_LIKE.match(line.strip()) or ends_sentence(line)
        if (
            self.in_refs
            and cur.kind is BlockKind.ITEM
            and (_NUMBERED_ENTRY.match(self.text, cur.start) or cur.content_start == cur.end)
        ):
            # A numbered entry's lines as a PDF conversion breaks them ("… Fawcett, J.W."
            # then "(2008). Distribution …"; "Lancet. 2005;" then "365:663– 670"): the
            # entry goes on until the next number, a blank line or a heading.
            return not _HEADING_LIKE.match(line.strip()) or ends_sentence(line)
        if self.in_refs and cur.kind is BlockKind.PARAGRAPH and self.cur_ended:
            # An author-year entry's venue on a line after its title's stop ("… policy
            # impact." then "Housing Studies 9(1): 103–124."): the entry goes on to the
            # next entry's head.
            nl = self.text.find("\n", cur.start)
            head = self.text[cur.start : nl if nl >= 0 else len(self.text)]
            if _YEAR_HEAD.match(head) and not _YEAR_HEAD.match(line.strip()):
                return not _HEADING_LIKE.match(line.strip())
        if cur.kind in (BlockKind.ITEM, BlockKind.FOOTNOTE) and indent > self.cur_indent:
            return True
        # A line opening with a marker group carries the citation of the sentence before; a
        # line after one that ends with ";" inside a parenthesis goes on with its group.
        if not self.cur_ended or _LEADING_MARKERS.match(line):
            return True
        before = self.text[self.lines[i - 1][0] : self.lines[i - 1][1]].rstrip()
        if cut_inside(before, " " + line.lstrip()):
            return True  # ``… that the U.S.`` then ``National Security Agency …``
        return cur.kind is BlockKind.PARAGRAPH and inside_group(self.text, cur.start, cur.end)

    def _ends_paragraph(self, stripped: str, length: int) -> bool:
        if ends_in_isbn(stripped):
            return True  # a book's catalogue entry, one a line (see text/bookentries.py)
        if not ends_sentence(stripped):
            return False
        return not (self.width and length >= self.width * 0.8)

    def _is_heading(self, i: int, line: str, stripped: str, blank_before: bool) -> bool:
        # "3.3 The data structures of Brodnik et al." ends in an abbreviation, not a sentence.
        ended = ends_sentence(stripped) and not _NUMBERED_ET_AL.match(stripped)
        if ended or _word_count(stripped) > 20 or enumeration(stripped):
            return False
        if not (stripped[:1].isupper() or stripped[:1].isdigit()):
            return False
        nxt = self._next_line(i)  # the next line that is not blank, chrome or a directive
        numbered = _NUMBERED_HEADING.match(stripped)
        if BULLET.match(line) and (
            not (numbered and blank_before)
            or (nxt is not None and BULLET.match(nxt))
            # In a reference list, "1. Weather Desk: Storms" is an entry, not a heading.
            or (self.in_refs and _ENTRY_PUNCTUATION.search(stripped))
        ):
            return False
        if self.in_refs and _ENTRY_SIGN.search(stripped):
            return False  # "Bond S (2002) Dynamic panel data models: … Portuguese"
        if nxt is None or not nxt.strip():
            return True
        if _CONNECTOR.search(stripped):
            return False
        first = nxt.strip()[:1]
        if not (first.isupper() or first.isdigit() or first in "\"'“‘[(-*•"):
            return False
        if numbered and blank_before:
            return True
        return not self.width or len(line.rstrip()) < self.width * 0.7

    @staticmethod
    def _level(stripped: str) -> int:
        m = _SECTION_NUMBER.match(stripped)
        return m.group(1).count(".") + 1 if m else 1
