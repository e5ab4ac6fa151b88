"""GROBID's TEI XML (https://grobid.readthedocs.io/en/latest/TEI-encoding-of-results/): a
paper converted from PDF into ``<TEI xmlns="http://www.tei-c.org/ns/1.0">``, read as the
paper it encodes rather than as plain text.

A document whose root element is ``<TEI>`` in the TEI namespace (after an XML declaration,
processing instructions and comments) is read here whatever its file is called. It is
parsed with the standard library's expat parser (no document type, so no entities to
expand beyond XML's own); the text is written at the source's offsets, markup blank (line
breaks kept), an entity's character at its ``&``, so findings fall at the file's line and
column. A document expat cannot parse is read as plain text.

Blocks: the header's title (``<titleStmt><title>``) is a heading; its abstract is a
section headed ``Abstract`` (the word written over the ``<abstract>`` tag); the body's
and back matter's ``<head>`` are headings, ``<p>`` paragraphs, ``<item>`` list items.
A figure's or table's caption (``<figDesc>``) and cells are read for markers but hold
no claims; their heads and labels, formulas, notes and the rest of the header (authors,
affiliations, dates) are not prose and stay blank. A footnote (``<note place="foot">``)
and its callout (``<ref type="foot">``) are read as a Markdown footnote is (see
:mod:`citecheck.reader.teinotes`). A ``<ref type="bibr" target="#bN">``
keeps its text (``[40]``, ``(Smith et al., 2020)``); citations that only blanks and a
comma, semicolon or dash part (GROBID writes ``[9, 21, 57]`` as a ``<ref>`` a number) are
written together, with a bracket right around them, as one marker. The ``<listBibl>`` is
a section headed ``References`` (written over the tag); each ``<biblStruct>`` is an entry
whose fields (authors, year, title, venue, DOI) are written, in the APA order, over its
source. In a numbered paper an entry is labelled with the number its citations give it
(GROBID's ids count from 0 and skip what it dropped; the numbers are the paper's).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from typing import Any
from xml.parsers import expat

from citecheck.model import Block, BlockKind
from citecheck.text.recache import lazy

from . import Layout
from .teinotes import foot_keys, is_footnote, note_key
from .teirefs import Entry
from .teirefs import labels as number_entries

_ROOT = lazy(
    r"\A\ufeff?\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<\?.*?\?>)\s*)*"
    r"<(?:\w+:)?TEI\b[^>]*\bxmlns(?::\w+)?\s*=\s*[\"']http://www\.tei-c\.org/ns/1\.0[\"']",
    re.S,
)
_NUMBERED = lazy(r"\A[\s\[(]*(\d{1,3})[\s\]),;.\u2013\u2014-]*\Z")
_SEPARATOR = lazy(r"\s*[,;\u2013-]?\s*")
_HIDDEN = frozenset({"formula", "note", "label", "graphic"})
_FLOATS = frozenset({"figure", "table"})
_CELLS = frozenset({"figDesc", "cell"})
_BLOCKS = {"p": BlockKind.PARAGRAPH, "head": BlockKind.HEADING, "item": BlockKind.ITEM}


def is_tei(text: str) -> bool:
    """Whether ``text`` is a TEI document: its root element is ``<TEI>`` in the TEI
    namespace (what GROBID writes)."""
    return _ROOT.match(text[:65536]) is not None


def _local(name: str) -> str:
    return name.rsplit(" ", 1)[-1].rsplit(":", 1)[-1]


class _Reader:
    def __init__(self, text: str) -> None:
        self.source = text
        self.out = ["\n" if c == "\n" else " " for c in text]
        self.blocks: list[Block] = []
        self.stack: list[str] = []
        self.open: list[list[Any]] = []  # [kind, level, first, last] of each open block
        self.depth = 0
        self.byte, self.char = 0, 0
        self.encoded = text.encode("utf-8")
        self.entry: Entry | None = None
        self.entries: list[tuple[Entry, int]] = []  # entry, end of its source
        self.cites: dict[str, Counter[int]] = {}
        self.ref: tuple[str, list[str], int] | None = None  # target, text, where it starts
        self.group: list[tuple[int, int, str]] = []  # adjacent citations: start, end, text
        self.numbered = Counter[bool]()
        self.feet = foot_keys(text)  # footnote keys by id (see teinotes)
        self.foot: tuple[str, int] | None = None  # a footnote callout: its key, its start

    def offset(self, byte: int) -> int:
        """The character offset of a byte offset (met in increasing order)."""
        if byte < self.byte:
            self.byte, self.char = 0, 0
        self.char += len(self.encoded[self.byte : byte].decode("utf-8", "replace"))
        self.byte = byte
        return self.char

    def tag_end(self, at: int) -> int:
        end = self.source.find(">", at)
        while end != -1 and self.source.count('"', at, end) % 2:
            end = self.source.find(">", end + 1)
        return len(self.source) if end == -1 else end + 1

    def heading(self, at: int, word: str) -> None:
        """``word`` written over the tag at ``at`` as a heading (a section of its own)."""
        end = self.tag_end(at)
        if end - at >= len(word):
            self.out[at : at + len(word)] = list(word)
            self.blocks.append(Block(BlockKind.HEADING, at, at + len(word), at, level=2))

    def is_hidden(self) -> bool:
        """Whether text met now is no prose: the header but its title and abstract, a
        figure, table, formula or note."""
        stack = self.stack
        if "teiHeader" in stack and "abstract" not in stack and "titleStmt" not in stack:
            return True
        if any(n in _FLOATS for n in stack) and not any(n in _CELLS for n in stack):
            return True  # a figure's or table's head, label or graphic
        return any(n in _HIDDEN for n in stack)

    def start(self, name: str, attrs: dict[str, str], at: int) -> None:
        name = _local(name)
        if is_footnote(name, attrs):
            name = "footnote"  # read, unlike other notes (see teinotes)
        self.stack.append(name)
        if name == "biblStruct" and "listBibl" in self.stack:
            self.entry = Entry(at, attrs.get("xml:id", ""))
        if self.entry is not None:
            self.entry.begin(name, attrs, self.stack)
            return
        if name == "listBibl":
            self.heading(at, "References")
        elif name == "abstract":
            self.heading(at, "Abstract")
        elif name == "ref" and attrs.get("type") == "bibr":
            self.ref = (attrs.get("target", "").lstrip("#"), [], at)
        elif name == "ref" and attrs.get("type") == "foot":
            target = attrs.get("target", "").lstrip("#")
            self.foot = (self.feet.get(target, target), at)
        elif name == "div":
            self.depth += 1
        if self.is_hidden():
            return
        if name == "title" and self.stack[-2:-1] == ["titleStmt"]:
            self.open.append([BlockKind.HEADING, 1, None, None])
        elif name in _BLOCKS:
            level = 0
            if name == "head":
                n = attrs.get("n", "").strip(".")
                level = min(6, 1 + (len(n.split(".")) if n else self.depth))
            self.open.append([_BLOCKS[name], level, None, None])
        elif name in _CELLS:
            self.open.append([BlockKind.PARAGRAPH, 0, None, None, True])
        elif name == "footnote":
            self.open.append([BlockKind.FOOTNOTE, 0, None, None, False, "^" + note_key(attrs)])

    def end(self, name: str, at: int) -> None:
        name = _local(name)
        if name == "note" and self.stack[-1:] == ["footnote"]:
            name = "footnote"
        if name in _BLOCKS or name in _CELLS or name == "footnote":
            self.flush()
        hidden = self.is_hidden()
        if self.stack:
            self.stack.pop()
        if self.entry is not None:
            self.entry.field = None
            if name == "biblStruct":
                self.entries.append((self.entry, self.tag_end(at)))
                self.entry = None
            return
        if name == "ref" and self.ref is not None:
            target, words, begun = self.ref
            m = _NUMBERED.match("".join(words))
            self.adjacent(begun, self.tag_end(at), " ".join("".join(words).split()))
            self.numbered[m is not None] += 1
            if m and target:
                self.cites.setdefault(target, Counter())[int(m.group(1))] += 1
            self.ref = None
        elif name == "ref" and self.foot is not None:
            self.callout(*self.foot, self.tag_end(at))
        elif name == "div":
            self.depth -= 1
        block = (
            name in _BLOCKS
            or name in _CELLS
            or name == "footnote"
            or (name == "title" and self.stack[-1:] == ["titleStmt"])
        )
        if block and not hidden and self.open:
            kind, level, first, last, *more = self.open.pop()
            if first is not None and last is not None:
                cell, label = bool(more and more[0]), more[1] if len(more) > 1 else None
                self.blocks.append(Block(kind, first, last, first, level, label, cell=cell))

    def callout(self, key: str, start: int, end: int) -> None:
        """A footnote callout ``[start, end)`` written as the marker ``[^key]``."""
        self.foot = None
        self.flush()
        if not self.open or self.is_hidden():
            return
        last = self.place(start, end, f"[^{key}]")
        if last > start:
            block = self.open[-1]
            block[2] = start if block[2] is None else min(block[2], start)
            block[3] = max(block[3] or last, last)

    def chars(self, data: str, at: int) -> None:
        if self.entry is not None:
            self.entry.text(data)
            return
        if self.foot is not None:
            return  # the callout's number, written as its marker when it ends
        if self.ref is not None:
            self.ref[1].append(data)
        elif not _SEPARATOR.fullmatch(data):
            self.flush()
        if not self.open or not data.strip() or self.is_hidden():
            return
        if self.source.startswith("<![CDATA[", at):
            at += 9
        if self.source.startswith("&", at):
            self.out[at] = data if len(data) == 1 else " "
            first, last = at, at + 1
        else:
            end = at + len(data)
            self.out[at:end] = list(self.source[at:end].replace("\t", " "))
            first = at + len(data) - len(data.lstrip())
            last = end - (len(data) - len(data.rstrip()))
        block = self.open[-1]
        block[2] = first if block[2] is None else block[2]
        block[3] = last

    def adjacent(self, start: int, end: int, text: str) -> None:
        """A citation ``[start, end)`` reading ``text``, grouped with the one before it
        when only blanks and a comma, semicolon or dash part them."""
        if self.group and not _SEPARATOR.fullmatch(self.source, self.group[-1][1], start):
            self.flush()
        self.group.append((start, end, text))

    def flush(self) -> None:
        """A group of citations as one marker, their texts (and what parts them, and a
        bracket or parenthesis right around them) written together from where the group
        starts, the markup between blank: GROBID writes ``[9, 21, 57]`` as a ``<ref>`` a
        number, ``(<ref>Smith, 2020</ref>)`` with the parentheses outside, and a marker
        does not run over tags."""
        group, self.group = self.group, []
        if not group or not self.open or self.is_hidden():
            return
        start, end = group[0][0], group[-1][1]
        pre = self.source[start - 1] if start and self.source[start - 1] in "[(" else ""
        post = self.source[end] if end < len(self.source) and self.source[end] in ")]" else ""
        if len(group) == 1 and not (pre and post):
            return
        joined = pre + group[0][2]
        for (_, before, _), (after, _, text) in itertools.pairwise(group):
            between = self.source[before:after].strip()
            joined += between + ("" if between in ("-", "\u2013") else " ") + text
        start, end = start - len(pre), end + len(post)
        for i in range(start, end):
            self.out[i] = "\n" if self.source[i] == "\n" else " "
        last = self.place(start, end, joined + post)
        block = self.open[-1]
        block[2] = start if block[2] is None else min(block[2], start)
        block[3] = max(block[3] or last, last)

    def place(self, start: int, end: int, value: str) -> int:
        """``value``'s words written into the lines of ``[start, end)``, never over a line
        break; returns where the last word ends (``start`` when none fits)."""
        at, last = start, start
        for word in value.split():
            while at < end:
                stop = self.source.find("\n", at, end)
                stop = end if stop == -1 else stop
                if stop - at >= len(word):
                    self.out[at : at + len(word)] = list(word)
                    at = last = at + len(word)
                    at += 1
                    break
                at = stop + 1
            else:
                break
        return last

    def run(self) -> Layout:
        parser = expat.ParserCreate("utf-8")  # the text is decoded already
        parser.buffer_text = False
        parser.StartElementHandler = lambda n, a: self.start(
            n, a, self.offset(parser.CurrentByteIndex)
        )
        parser.EndElementHandler = lambda n: self.end(n, self.offset(parser.CurrentByteIndex))
        parser.CharacterDataHandler = lambda d: self.chars(d, self.offset(parser.CurrentByteIndex))
        parser.StartDoctypeDeclHandler = _no_doctype
        parser.Parse(self.encoded, True)
        numbered = self.numbered[True] > self.numbered[False]
        keys = [entry.key for entry, _ in self.entries]
        labels = number_entries(keys, self.cites) if numbered else {}
        for entry, end in self.entries:
            last = self.place(entry.start, end, entry.render(labels.get(entry.key)))
            if last > entry.start:
                kind = BlockKind.ITEM if entry.key in labels else BlockKind.PARAGRAPH
                self.blocks.append(Block(kind, entry.start, last, entry.start))
        out = "".join(self.out)
        blocks = sorted(self.blocks, key=lambda b: (b.start, b.end))
        return Layout(out, out, blocks)


def _no_doctype(*_: object) -> None:
    raise ValueError("a TEI document has no document type")


def read_tei(text: str) -> Layout | None:
    """Read a TEI document (see the module's docstring) into a :class:`Layout`; None when
    it is not well-formed XML (then it is read as plain text)."""
    try:
        return _Reader(text).run()
    except (expat.ExpatError, ValueError):
        return None


__all__ = ["is_tei", "read_tei"]
