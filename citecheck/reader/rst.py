"""reStructuredText reader: section titles, paragraphs, list items and footnotes.

reStructuredText marks its structure by indentation and adornment, line by line, so this
reader walks the lines (see :mod:`.rstinline` for the markup inside a paragraph):

- a section title is a line underlined (and maybe overlined) with one punctuation
  character repeated; its level is the order in which that adornment first appears;
- an explicit markup block opens with ``..``: a footnote or citation target ``.. [1]``,
  ``.. [#]``, ``.. [#name]``, ``.. [*]``, ``.. [CIT2002]`` is a note (a
  :attr:`~citecheck.model.BlockKind.FOOTNOTE` block) over its indented body; ``.. rubric::
  Footnotes`` is a heading; an admonition's body (``.. note::``) is prose; a hyperlink
  target (``.. _name: url``), any other directive (code, images, math, tables of contents)
  and a comment, with its indented body, are not prose;
- a paragraph ending in ``::`` introduces a literal block (the indented lines after it);
  grid and simple tables and doctest blocks are not prose either;
- a bullet or enumerated list item is an item; anything else is a paragraph;
- the field lines a document opens with (a PEP's ``PEP: 506``/``Title: …`` header, a
  static site's ``summary: …``, a docinfo ``:date: …``) are metadata.

Markup follows the Docutils specification (docs/ref/rst/restructuredtext.html). Positions
are the file's: the text is kept as written and a masked copy of equal length holds the
prose, so every line:column is the source's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from citecheck.model import Block, BlockKind
from citecheck.reader import Layout
from citecheck.reader.rstinline import Notes, mask_inline
from citecheck.text.recache import lazy

_ADORNMENT = lazy(r"""([!-/:-@\[-`{-~])\1{2,}[ \t]*$""")
_TARGET = lazy(r"\.\.[ \t]+\[([^\]\s]+)\](?:[ \t]+|$)")
_DIRECTIVE = lazy(r"\.\.[ \t]+([\w:+.-]+)::")
_BULLET = lazy(
    r"(?:[-*+•‣⁃]|(?:\d{1,3}|#|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)]|\((?:\d{1,3}|#|[a-zA-Z])\))"
    r"[ \t]+(?=\S)"
)
_FIELD = lazy(r"(?::[^:\n]{1,40}:|[A-Za-z][\w-]{0,40}:)(?:[ \t]|$)")
_TABLE = lazy(r"(?:\+[-=+]{3,}|={3,}(?:[ \t]+={2,})+)[ \t]*$")
# Directives whose body is the writer's prose; every other directive's body is not.
_PROSE_DIRECTIVES = frozenset(
    {
        *("note", "tip", "hint", "warning", "important", "attention", "caution", "danger"),
        *("error", "seealso", "admonition", "epigraph", "pull-quote", "highlights"),
        *("sidebar", "topic", "versionadded", "versionchanged", "deprecated", "container"),
        "compound",
    }
)


@dataclass(slots=True)
class _Reader:
    text: str
    lines: list[tuple[int, int]] = field(default_factory=list)  # (start, end) sans newline
    blocks: list[Block] = field(default_factory=list)
    prose: list[tuple[int, int]] = field(default_factory=list)  # spans of prose, in order
    styles: dict[tuple[str, bool], int] = field(default_factory=dict)
    notes: Notes = field(default_factory=Notes)

    def __post_init__(self) -> None:
        pos = 0
        for line in self.text.splitlines(keepends=True):
            body = line.rstrip("\r\n")
            self.lines.append((pos, pos + len(body)))
            pos += len(line)

    def line(self, i: int) -> str:
        s, e = self.lines[i]
        return self.text[s:e]

    def indent(self, i: int) -> int:
        line = self.line(i)
        return len(line) - len(line.lstrip(" \t"))

    def blank(self, i: int) -> bool:
        return not self.line(i).strip()

    def body_end(self, i: int, ind: int, stop: int) -> int:
        """The line after the indented body that follows line ``i`` (lines indented past
        ``ind``, blank lines inside it included)."""
        j = i + 1
        while j < stop and (self.blank(j) or self.indent(j) > ind):
            j += 1
        while j - 1 > i and self.blank(j - 1):
            j -= 1
        return j

    def run(self) -> Layout:
        start = self.header(0, len(self.lines))
        self.walk(start, len(self.lines))
        masked = mask_inline(self.text, self.prose, self.notes)
        blocks = [b for b in self.blocks if b.kind is not BlockKind.FOOTNOTE or b.label]
        return Layout(text=self.text, masked=str(masked), blocks=blocks, inline=masked.links)

    def header(self, i: int, stop: int) -> int:
        """Skip the field lines the document opens with; return the first line after."""
        while i < stop and self.blank(i):
            i += 1
        if i < stop and self.line(i).strip() == "---":  # a YAML front matter block
            j = i + 1
            while j < stop and self.line(j).strip() not in ("---", "..."):
                j += 1
            return j + 1 if j < stop else i
        j, keys = i, 0
        while j < stop and not self.blank(j):
            line = self.line(j)
            if _FIELD.match(line):
                keys += 1
            elif not (line[:1] in " \t" or line.strip() == "---"):
                return i
            j += 1
        return j if keys >= 2 else i

    def walk(self, i: int, stop: int) -> None:
        """Read lines ``i`` to ``stop`` into blocks."""
        literal: int | None = None  # the indent a literal block must pass
        while i < stop:
            if self.blank(i):
                i += 1
                continue
            ind = self.indent(i)
            if literal is not None and ind > literal:
                i = self.body_end(i - 1, literal, stop)
                literal = None
                continue
            literal = None
            line = self.line(i)[ind:]
            if line.startswith(".."):
                i = self.explicit(i, ind, stop)
            elif (title := self.title(i, stop)) is not None:
                i = title
            elif _TABLE.match(line) or line.startswith(">>>"):
                while i < stop and not self.blank(i):
                    i += 1
            elif _ADORNMENT.match(line):  # a transition
                i += 1
            else:
                i, literal = self.paragraph(i, ind, stop, line)

    def explicit(self, i: int, ind: int, stop: int) -> int:
        """An explicit markup block at line ``i``: a note, a heading, prose or nothing."""
        end = self.body_end(i, ind, stop)
        s, e = self.lines[i]
        at = s + ind
        if target := _TARGET.match(self.text, at, e):
            block = Block(BlockKind.FOOTNOTE, at, self.lines[end - 1][1], target.end())
            if self.notes.define(target.group(1), block):
                self.blocks.append(block)
                self.prose.append((target.end(), block.end))
            return end
        directive = _DIRECTIVE.match(self.text, at, e)
        name = directive.group(1).lower() if directive else ""
        if name == "rubric":
            head = directive.end() if directive else at
            while head < e and self.text[head] in " \t":
                head += 1
            if head < e:
                self.blocks.append(Block(BlockKind.HEADING, head, e, head, level=6))
                self.prose.append((head, e))
        elif name in _PROSE_DIRECTIVES and directive is not None:
            if self.text[directive.end() : e].strip():
                self.paragraph(i, ind, i + 1, self.text[directive.end() : e], directive.end())
            inner = i + 1
            while inner < end and not self.blank(inner) and _FIELD.match(self.line(inner).lstrip()):
                inner += 1  # the directive's options (``:class: …``)
            self.walk(inner, end)
        return end

    def title(self, i: int, stop: int) -> int | None:
        """A section title at line ``i`` (underlined, maybe overlined): the line after it."""
        line = self.line(i)
        over = _ADORNMENT.match(line)
        if over and i + 2 < stop and not self.blank(i + 1):
            under = _ADORNMENT.match(self.line(i + 2))
            if under and under.group(1) == over.group(1):
                self.heading(i + 1, (over.group(1), True))
                return i + 3
        if over or line[:1] in " \t" or i + 1 >= stop:
            return None
        under = _ADORNMENT.match(self.line(i + 1))
        if under is None or len(self.line(i + 1).rstrip()) < min(len(line.rstrip()), 4):
            return None
        self.heading(i, (under.group(1), False))
        return i + 2

    def heading(self, i: int, style: tuple[str, bool]) -> None:
        level = self.styles.setdefault(style, len(self.styles) + 1)
        s, e = self.lines[i]
        line = self.text[s:e]
        s += len(line) - len(line.lstrip())
        e -= len(line) - len(line.rstrip())
        self.blocks.append(Block(BlockKind.HEADING, s, e, s, level=level))
        self.prose.append((s, e))

    def paragraph(
        self, i: int, ind: int, stop: int, line: str, at: int | None = None
    ) -> tuple[int, int | None]:
        """A paragraph or list item from line ``i``: the line after it, and the indent a
        literal block after it must pass when it ends in ``::``."""
        bullet = _BULLET.match(line) if at is None else None
        j = i + 1
        while j < stop and not self.blank(j) and not (bullet and self._opens_item(j, ind)):
            j += 1
        start = at if at is not None else self.lines[i][0] + ind
        end = self.lines[j - 1][1]
        content = start + bullet.end() if bullet else start
        kind = BlockKind.ITEM if bullet else BlockKind.PARAGRAPH
        body = self.text[content:end].rstrip()
        literal = ind + (content - start) if body.endswith("::") else None
        if literal is not None:
            end = content + len(body) - (2 if body in ("::",) or body.endswith(" ::") else 1)
        if end > content and self.text[content:end].strip():
            self.blocks.append(Block(kind, start, end, content))
            self.prose.append((content, end))
        return j, literal

    def _opens_item(self, j: int, ind: int) -> bool:
        """Whether line ``j`` opens a list item of its own at indent ``ind``."""
        return self.indent(j) == ind and _BULLET.match(self.line(j)[ind:]) is not None


def read_rst(text: str) -> Layout:
    """Read a reStructuredText document into a :class:`Layout` (see the module)."""
    return _Reader(text).run()
