"""Plain-text reader: paragraphs, headings, list items, page chrome and contents lines.

Page chrome is a form feed's line, an RFC page header or footer, and in converted text
(pdftotext) a line holding only a page number next to a form feed: none of them ends a
paragraph or a reference list, so a list goes on across a page break.

Paragraphs are blank-line blocks. Inside a block a single newline ends a paragraph when the
line ends a sentence (terminal punctuation or a marker group); otherwise it is a soft wrap.
In hard-wrapped text (most lines no longer than a fixed width, as in RFCs) a line that ends a
sentence but reaches the wrap width is also a soft wrap: the writer's editor wrapped there.
"""

from __future__ import annotations

import re

from citecheck.model import LISTED_HEADING, Block, BlockKind
from citecheck.reader import Layout
from citecheck.reader.bookmatter import BOOK_NOTE, NOTE_OPEN, boilerplate, note_close
from citecheck.reader.pagemarks import furniture, inline_heads
from citecheck.reader.pdfheads import HEADING_LIKE as _HEADING_LIKE
from citecheck.reader.pdfheads import (
    biography,
    caps_heading,
    entry_goes_on,
    name_head,
    self_citation,
)
from citecheck.reader.textlines import (
    ends_sentence,
    inside_group,
    is_chrome,
    leaders,
    lines,
    page_number,
    wrap_width,
)
from citecheck.text.enumeration import enumeration, opens_enumeration
from citecheck.text.recache import lazy
from citecheck.text.vocab import DIRECTIVE_LINE, REFERENCE_HEADING

_MD_HEADING = lazy(r"^#{1,6}(?=\s|$)")
_NUMBERED_HEADING = lazy(r"^((?:\d+|[A-Z])(?:\.\d+)*)\.?\s+\S|^Appendix\s+[A-Z0-9]+\b")
_BULLET = lazy(r"^(\s*)(?:[-*•+‣◦]|\d{1,3}[.)]|\^)\s+(?=\S)")
# An old draft's entry numbered without brackets or stop: "   1  Bradner, S., …".
_BARE_NUMBER = lazy(r"^\s*\d{1,3}[ \t]{2,}(?=[A-Z])")
_FOOTNOTE_DEF = lazy(r"^(\s*)\[\^([^\]\s]{1,60})\]:\s*")
# A reference key: "[1]", "[RFC2119]", "[Smith 2020]"; not "[ERROR retrieving ref link]".
_KEY_ITEM = lazy(r"^(\s*)\[([^\s\]]+(?: \S+){0,2}|[^\[\]\n]{1,60}\d{4}[a-z]?)\]:?(?:\s+|$)")
_LEADING_MARKERS = lazy(r"^\s*(?:\[\d[\d,;\s–-]*\]\s*)+(?:[^\w\s]|\s+\S|$)")
_ENTRY_PUNCTUATION = lazy(r"[,:;\"“(]")
_CONNECTOR = lazy(r"(?:,|\b(?:and|or|of|the|a|an|to|in|for|with|by|on|at|from))\s*$", re.I)
_CONTENTS = lazy(r"^\s*(?:table of )?contents\s*$", re.I)
# A numbered section title that ends with "et al." (a heading, though it ends in a stop).
_NUMBERED_ET_AL = lazy(r"^\d+(?:\.\d+)*\.?\s+[A-Z][^.!?]{0,80}\bet al\.$")
# A paper's "Abstract" on a line of its own, which a PDF extract runs into the lines above.
_ABSTRACT_LINE = lazy(r"^(?:Abstract|ABSTRACT|A B S T R A C T)[.:]?$")
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


class _TextReader:
    def __init__(self, text: str, heading: re.Pattern[str] = REFERENCE_HEADING) -> None:
        self.text = text
        self.reference_heading = heading
        self.lines = lines(text)
        self.blocks: list[Block] = []
        self.masked_ranges: list[tuple[int, int]] = []
        self.width = wrap_width([e - s for s, e in self.lines])
        self.cur: Block | None = None
        self.cur_indent = 0
        self.cur_ended = False
        self.in_refs = False
        self.toc = False
        # Page marks, side stamps and running heads of PDF text (see :mod:`pagemarks`).
        self.furniture, self.marks = furniture(text, self.lines)
        self.form_feeds = "\f" in text or bool(self.marks)  # once: asked on every line
        self.book = boilerplate(text)  # a Project Gutenberg text: the book between its lines
        self.note_depth = 0  # brackets open in a "[Footnote N: …]" block being read
        self.note_lines = 0
        self.joined = -1  # a line read with the one above it (a split small-caps heading)
        self.biographies = False  # the authors' biographies after the list: apparatus
        self.cover = 0  # a cover page's "To cite this article: …" runs to this line

    def close(self) -> None:
        if self.cur is not None:
            self.blocks.append(self.cur)
        self.cur = None

    def open(self, kind: BlockKind, start: int, end: int, content: int, **kw: object) -> None:
        self.close()
        self.cur = Block(kind, start, end, content, **kw)  # type: ignore[arg-type]
        self.cur_ended = False

    def heading(self, s: int, e: int, line: str, level: int, mangled: bool = False) -> None:
        self.open(BlockKind.HEADING, s + len(line) - len(line.lstrip()), e, s, level=level)
        self.in_refs = bool(self.reference_heading.match(line))
        if self.in_refs and mangled:  # the parser cannot read the heading's name as written
            self.cur.label = LISTED_HEADING  # type: ignore[union-attr]
        self.toc = bool(_CONTENTS.match(line))
        self.close()

    def run(self) -> Layout:
        lines, text = self.lines, self.text
        blank_before = True
        for i, (s, e) in enumerate(lines):
            line = text[s:e]
            if self.book and not self.book[0] <= s < self.book[1]:
                self.masked_ranges.append((s, e))  # the distributor's header and licence
                self.close()
                continue
            if i == self.joined:
                continue
            if self.note_depth:
                self._note_line(s, e, line)
                continue
            if i in self.furniture:
                self.masked_ranges.append((s, e))
                continue
            stripped = line.strip()
            if not stripped and self._at_page_break(i):
                continue  # a page break between two parts of a paragraph or a list
            if not stripped:
                blank_before = True
                if self.cur is not None and not (self.in_refs and self.cur.kind is BlockKind.ITEM):
                    self.close()
                continue
            if i < self.cover or ("ite this" in line and (n := self_citation(text, lines, i))):
                self.cover = max(self.cover, i + n) if i >= self.cover else self.cover
                self.masked_ranges.append((s, e))  # the paper citing itself: apparatus
                continue
            if self.biographies or (self.in_refs and biography(line)):
                self.biographies = True
                self.masked_ranges.append((s, e))
                self.close()
                continue
            if DIRECTIVE_LINE.match(line):  # a suppression comment: not prose, ends the block
                self.masked_ranges.append((s, e))
                self.close()
                blank_before = True
                continue
            if is_chrome(line) or self._is_toc(i, line) or self._page_number(i, line):
                self.masked_ranges.append((s, e))
                continue
            self._line(i, line, stripped, blank_before)
            blank_before = False
        self.close()
        heads = inline_heads(text)
        if heads:
            self.masked_ranges = sorted(self.masked_ranges + heads)
        return Layout(text, self._masked(), self.blocks)

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

    def _next_line(self, i: int) -> str | None:
        for s, e in self.lines[i + 1 : i + 4]:
            line = self.text[s:e]
            if line.strip():
                return None if is_chrome(line) or DIRECTIVE_LINE.match(line) else line
            return None
        return None

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
            self.toc = self.toc and bool(_CONTENTS.match(line))
        return False

    def _line(self, i: int, line: str, stripped: str, blank_before: bool) -> None:
        s, e = self.lines[i]
        indent = len(line) - len(line.lstrip())
        if m := NOTE_OPEN.match(line):
            self.open(BlockKind.FOOTNOTE, s + indent, e, s + m.end(), label=m.group(2))
            self.note_depth, self.note_lines = 1, 0
            self._note_line(s + m.end(), e, line[m.end() :])
            return
        if m := _MD_HEADING.match(stripped):
            self.heading(s, e, line, len(m.group()))
            return
        if self.reference_heading.match(line) and not self._wrapped_word(stripped, blank_before):
            self.heading(s, e, line, self._level(stripped))
            return
        first = stripped[0]
        if ("A" <= first <= "Z" or first >= "\u3040") and self._caps_heading(i, line):
            return
        if _ABSTRACT_LINE.match(stripped):  # PDF text: "Abstract" between lines of the title
            self.heading(s, e, line, 1)
            return
        if self._continues(i, line, indent, blank_before):
            assert self.cur is not None
            self.cur.end = e
            self.cur_ended = self._ends_paragraph(stripped, e - s)
            return
        if m := _FOOTNOTE_DEF.match(line):
            self.open(BlockKind.FOOTNOTE, s + indent, e, s + m.end(), label="^" + m.group(2))
            self.cur_indent = indent
            return
        if self.book and blank_before and (m := BOOK_NOTE.match(line)):
            # A Gutenberg book's note set after the paragraph or chapter that calls it.
            self.open(BlockKind.FOOTNOTE, s, e, s + m.end(), label=m.group(1))
            self.cur_indent = 0
            return
        if self.in_refs and (m := _KEY_ITEM.match(line)):
            self.open(BlockKind.ITEM, s + indent, e, s + m.end(), label=m.group(2))
            self.cur_indent = indent
            # A key alone on its line ("[I-D.ietf-x]") continues on the next one.
            self.cur_ended = bool(line[m.end() :].strip()) and self._ends_paragraph(stripped, e - s)
            return
        if self.in_refs and (m := self._bare_number(line)):
            self.open(BlockKind.ITEM, s + indent, e, s + m.end())  # "1  Bradner, S., …"
            self.cur_indent = indent
            self.cur_ended = self._ends_paragraph(stripped, e - s)
            return
        named = self.in_refs and name_head(line)  # an entry's head, not a title
        if not named and self._is_heading(i, line, stripped, blank_before):
            self.heading(s, e, line, self._level(stripped))
            return
        if (
            "0" <= stripped[0] <= "9"
            and stripped[-1] == "."
            and (title := self._split_title(i, line)) is not None
        ):
            self.heading(s, self.lines[i + 1][1], title, self._level(stripped))
            self.joined = i + 1  # "10." then "Acknowledgments": one heading
            return
        if self._lone_number(i, line):
            self.open(BlockKind.ITEM, s + indent, e, e)
            self.cur_indent = indent
            self.cur_ended = False
            return
        # "1) The first item 2) The second item": an enumeration written inline, not an item.
        if (m := _BULLET.match(line)) and (self.in_refs or not opens_enumeration(stripped)):
            self.open(BlockKind.ITEM, s + indent, e, s + m.end())
            self.cur_indent = indent
            self.cur_ended = self._ends_paragraph(stripped, e - s)
            return
        at = s + indent  # one int object for both offsets (a block per line of a long text)
        self.open(BlockKind.PARAGRAPH, at, e, at)
        self.cur_indent = indent
        self.cur_ended = self._ends_paragraph(stripped, e - s)

    def _caps_heading(self, i: int, line: str) -> bool:
        """Read a heading PDF extraction mangled on line ``i`` (see :func:`caps_heading`)."""
        found = caps_heading(self.text, self.lines, i, self.reference_heading)
        if found is None:
            return False
        title, last = found
        self.heading(self.lines[i][0], self.lines[last][1], title, 1, mangled=True)
        self.joined = last if last > i else -1
        return True

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

    def _note_line(self, s: int, e: int, line: str) -> None:
        """One more line of a ``[Footnote N: …]`` block (see :mod:`bookmatter`): the block
        ends before the ``]`` that closes it, blank lines included; one left open closes
        after 200 lines."""
        assert self.cur is not None
        self.note_depth, at = note_close(line, self.note_depth)
        self.note_lines += 1
        if line.strip():
            self.cur.end = e if at is None else s + at
        if at is not None or self.note_lines > 200:
            self.note_depth = 0
            self.close()

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
            return not (self.in_refs and _KEY_ITEM.match(line))
        if self.in_refs and cur.kind is BlockKind.PARAGRAPH and name_head(self.text, cur.start):
            return entry_goes_on(self.text, self.lines[i - 1], line)
        if _BULLET.match(line) or _FOOTNOTE_DEF.match(line):
            return False
        if self.in_refs and (_KEY_ITEM.match(line) or self._bare_number(line)):
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
        return cur.kind is BlockKind.PARAGRAPH and inside_group(self.text, cur.start, cur.end)

    def _ends_paragraph(self, stripped: str, length: int) -> bool:
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
        if _BULLET.match(line) and (
            not (numbered and blank_before)
            or (nxt is not None and _BULLET.match(nxt))
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

    def _masked(self) -> str:
        text = self.text
        parts: list[str] = []
        pos = 0
        for first, e in self.masked_ranges:
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


def read_text(text: str, heading: re.Pattern[str] = REFERENCE_HEADING) -> Layout:
    """Split plain text into blocks; mask page chrome and contents lines."""
    return _TextReader(text, heading).run()
