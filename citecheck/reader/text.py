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
from citecheck.reader.bookmatter import (
    LETTER_KEY,
    NOTE_AFTER,
    NOTE_OPEN,
    boilerplate,
    book_note,
    note_close,
)
from citecheck.reader.pagemarks import furniture, inline_heads
from citecheck.reader.pdfheads import (
    biography,
    caps_heading,
    name_head,
    self_citation,
)
from citecheck.reader.textjoin import BULLET, FOOTNOTE_DEF, KEY_ITEM, LineJoins
from citecheck.reader.textlines import is_chrome, lines, wrap_width
from citecheck.reader.textpages import CONTENTS, PageLines, masked_text
from citecheck.text.enumeration import opens_enumeration
from citecheck.text.recache import lazy
from citecheck.text.vocab import DIRECTIVE_LINE, REFERENCE_HEADING

_MD_HEADING = lazy(r"^#{1,6}(?=\s|$)")
# A paper's "Abstract" on a line of its own, which a PDF extract runs into the lines above.
_ABSTRACT_LINE = lazy(r"^(?:Abstract|ABSTRACT|A B S T R A C T)[.:]?$")


class _TextReader(LineJoins, PageLines):
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
        self.note_next = False  # the next line is a lettered note's "[ …]" (see _line)
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
        self.toc = bool(CONTENTS.match(line))
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
            if self.note_depth or self.note_next:
                self.note_next = False
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
        return Layout(text, masked_text(text, self.masked_ranges), self.blocks)

    def _line(self, i: int, line: str, stripped: str, blank_before: bool) -> None:
        s, e = self.lines[i]
        indent = len(line) - len(line.lstrip())
        if m := NOTE_OPEN.match(line):
            self.open(BlockKind.FOOTNOTE, s + indent, e, s + m.end(), label=m.group(2))
            self.note_depth, self.note_lines = 1, 0
            self._note_line(s + m.end(), e, line[m.end() :])
            return
        # "a" alone, then "[ The charter granted…]": a lettered note (see bookmatter). The
        # next line's bracket is looked at first, by slicing: this runs for every paragraph.
        bracket = e + 2 if self.text[e : e + 1] == "\r" else e + 1
        if blank_before and self.text[bracket : bracket + 1] == "[" and LETTER_KEY.match(line):
            self.open(BlockKind.FOOTNOTE, s + indent, e, bracket + 1, label=stripped)
            self.note_depth, self.note_lines, self.note_next = 0, 0, True
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
        if m := FOOTNOTE_DEF.match(line):
            self.open(BlockKind.FOOTNOTE, s + indent, e, s + m.end(), label="^" + m.group(2))
            self.cur_indent = indent
            return
        if self.book and blank_before and (m := book_note(line)):
            # A Gutenberg book's note set after the paragraph or chapter that calls it.
            self.open(BlockKind.FOOTNOTE, s + indent, e, s + m.end(), label=m[1] or m[2])
            self.cur_indent = indent
            return
        if self.in_refs and (m := KEY_ITEM.match(line)):
            self.open(BlockKind.ITEM, s + indent, e, s + m.end(), label=m.group(2))
            self.cur_indent = indent
            # A key alone on its line ("[I-D.ietf-x]") continues on the next one.
            self.cur_ended = bool(line[m.end() :].strip()) and self._ends_paragraph(stripped, e - s)
            return
        if self.in_refs and self._bare_item(i, stripped, indent):
            return
        named = self.in_refs and name_head(line)  # an entry's head, not a title
        if not named and self._is_heading(i, line, stripped, blank_before):
            self.heading(s, e, line, self._level(stripped))
            return
        if "0" <= stripped[0] <= "9" and stripped[-1] == "." and self._split_heading(i, stripped):
            return
        if self._lone_number(i, line):
            self.open(BlockKind.ITEM, s + indent, e, e)
            self.cur_indent = indent
            self.cur_ended = False
            return
        # "1) The first item 2) The second item": an enumeration written inline, not an item.
        if (m := BULLET.match(line)) and (self.in_refs or not opens_enumeration(stripped)):
            self.open(BlockKind.ITEM, s + indent, e, s + m.end())
            self.cur_indent = indent
            self.cur_ended = self._ends_paragraph(stripped, e - s)
            return
        at = s + indent  # one int object for both offsets (a block per line of a long text)
        self.open(BlockKind.PARAGRAPH, at, e, at)
        self.cur_indent = indent
        self.cur_ended = self._ends_paragraph(stripped, e - s)

    def _bare_item(self, i: int, stripped: str, indent: int) -> bool:
        """Open an old draft's entry numbered with no brackets or stop on line ``i``
        ("   1  Bradner, S., …"; see :meth:`_bare_number`), if it is one."""
        s, e = self.lines[i]
        if not (m := self._bare_number(self.text[s:e])):
            return False
        self.open(BlockKind.ITEM, s + indent, e, s + m.end())
        self.cur_indent = indent
        self.cur_ended = self._ends_paragraph(stripped, e - s)
        return True

    def _split_heading(self, i: int, stripped: str) -> bool:
        """Read a section number alone on line ``i`` and its title alone on the next ("10."
        then "Acknowledgments") as one heading (see :meth:`_split_title`), if they are."""
        s, e = self.lines[i]
        if (title := self._split_title(i, self.text[s:e])) is None:
            return False
        self.heading(s, self.lines[i + 1][1], title, self._level(stripped))
        self.joined = i + 1
        return True

    def _caps_heading(self, i: int, line: str) -> bool:
        """Read a heading PDF extraction mangled on line ``i`` (see :func:`caps_heading`)."""
        found = caps_heading(self.text, self.lines, i, self.reference_heading)
        if found is None:
            return False
        title, last = found
        self.heading(self.lines[i][0], self.lines[last][1], title, 1, mangled=True)
        self.joined = last if last > i else -1
        return True

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
        if at is not None and (m := NOTE_AFTER.match(line, at + 1)):
            start = s + m.end(1)
            self.open(BlockKind.FOOTNOTE, start, e, s + m.end(), label=m.group(2))
            self.note_depth, self.note_lines = 1, 0
            self._note_line(s + m.end(), e, line[m.end() :])


def read_text(text: str, heading: re.Pattern[str] = REFERENCE_HEADING) -> Layout:
    """Split plain text into blocks; mask page chrome and contents lines."""
    return _TextReader(text, heading).run()
