"""RFC XML, the source of RFCs and Internet-Drafts (xml2rfc's vocabularies v2, RFC 7749,
and v3, RFC 7991): prose, sections, ``<xref>`` citations and ``<reference>`` entries.

A document whose root element is ``<rfc>`` (after an XML declaration, processing
instructions, comments and a ``<!DOCTYPE rfc …>``) is read here whatever its file is
called. The text is what xml2rfc renders, written at the source's offsets: markup blank
(line breaks kept), an entity's character at its ``&``, an ``<xref target="KEY"/>`` that
names a reference written ``[KEY]`` where the element stands (xml2rfc renders it so).

Blocks: a section's title (``<section title="…">`` in v2, ``<name>`` in v3) is a
heading; ``<t>``, ``<li>``, ``<dt>``/``<dd>``, ``<blockquote>`` and ``<aside>`` are
paragraphs (a v2 ``<list>`` inside a ``<t>`` splits it); table cells are cells. Each
reference is a ``LINKDEF`` block labelled with its anchor over its source, kept verbatim
for :mod:`citecheck.parser.draftrefs`: a ``<reference anchor>`` or ``<referencegroup>``
element, an ``<xi:include href="…/reference.RFC.2119.xml"/>``, a ``<?rfc include=…?>``
or an external entity (``&RFC2119;``) of the document type. Each ``<xref>`` or
``<relref>`` whose target is a reference becomes a link use (start, end, key); one that
targets a section, figure or table of the document is no citation and is left blank.
``<eref target>`` is an inline link. The front matter but the abstract, artwork, source
code, comments, editorial ``<cref>`` and index terms are masked.
"""

from __future__ import annotations

import html
import re

from citecheck.model import Block, BlockKind
from citecheck.text.recache import lazy

from . import Layout
from .rfcxmlrefs import bibxml_key, entries

_ROOT = lazy(
    r"\A\ufeff?\s*(?:<\?xml[^>]*\?>\s*)?"
    r"(?:(?:<!--.*?-->|<\?.*?\?>|<!DOCTYPE\s+rfc\b(?:[^\[>]|\[.*?\])*>)\s*)*<rfc\b",
    re.S | re.I,
)
_TOKEN = lazy(
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<\?.*?(?:\?>|\Z)"
    r"|<!DOCTYPE(?:[^\[>]|\[.*?\])*>|</?[A-Za-z][\w:.-]*(?:\s[^<>]*?)?/?>|&#?[\w.-]+;",
    re.S,
)
_REFERENCES = lazy(r"<references\b.*?</references>", re.S)
_NAME = lazy(r"</?([\w:.-]+)")
_ATTR = lazy(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ENTITY_DECL = lazy(
    r"""<!ENTITY\s+([\w.-]+)\s+(?:SYSTEM|PUBLIC\s+["'][^"']*["'])\s+["']([^"']+)["']"""
)
_INTERNAL = lazy(r"""<!ENTITY\s+([\w.-]+)\s+(["'])(.*?)\2\s*>""", re.S)
_MARKUP = lazy(r"<[^<>]*>")

_PROSE = frozenset({"t", "li", "dd", "dt", "blockquote", "aside", "preamble", "postamble"})
_CELLS = frozenset({"c", "td", "th", "ttcol"})
_HIDDEN = frozenset(
    {"artwork", "sourcecode", "cref", "iref", "seriesInfo", "author", "date", "area",
     "workgroup", "keyword", "title", "organization", "address", "front", "toc", "svg"}
)  # fmt: skip
_SHOWN = frozenset({"abstract", "note", "boilerplate"})
"""Elements of the front matter whose paragraphs are read (the abstract, notes)."""
_LISTS = frozenset({"list", "ul", "ol", "dl", "figure", "table", "texttable"})
_HEADED = frozenset({"section", "references", "appendix", "note", "abstract"})


def is_rfc_xml(text: str) -> bool:
    """Whether ``text`` is an RFC XML document: its root element is ``<rfc>``."""
    return _ROOT.match(text[:65536]) is not None


def _attrs(tag: str) -> dict[str, tuple[str, int]]:
    """A start tag's attributes: name → (value, offset of the value in the tag)."""
    out: dict[str, tuple[str, int]] = {}
    for m in _ATTR.finditer(tag):
        group = 2 if m.group(2) is not None else 3
        out[m.group(1)] = (m.group(group), m.start(group))
    return out


class _Reader:
    def __init__(self, text: str) -> None:
        self.source = text
        self.out = list(text)
        self.hide = [False] * len(text)
        self.blocks: list[Block] = []
        self.links: list[tuple[int, int, str]] = []
        self.inline: list[tuple[int, int, str]] = []
        self.entities: dict[str, str] = {}
        self.words: dict[str, str] = {}
        self.refs: list[Block] = []
        self.ref_spans: dict[int, int] = {}  # start → end of each reference's source
        self.stack: list[str] = []
        self.segment: int | None = None  # where the open paragraph's text starts
        self.kind = BlockKind.PARAGRAPH
        self.cell = False
        self.depth = 0  # sections open

    def blank(self, start: int, end: int, hide: bool = True) -> None:
        for i in range(start, end):
            if self.out[i] not in "\n":
                self.out[i] = " "
            if hide:
                self.hide[i] = True

    def write(self, at: int, end: int, value: str) -> None:
        """``value`` written over ``[at, end)`` (which is longer), the rest blank."""
        self.blank(at, end, hide=False)
        for i, ch in enumerate(value[: end - at]):
            self.out[at + i] = ch

    def close_segment(self, at: int) -> None:
        if self.segment is not None:
            s, e = self.segment, at
            body = "".join(self.out[s:e])
            lead, trail = len(body) - len(body.lstrip()), len(body) - len(body.rstrip())
            if body.strip() and not any(self.hide[s + lead : e - trail]):
                at = s + lead
                self.blocks.append(
                    Block(self.kind, at, e - trail, at, level=self._level(), cell=self.cell)
                )
            elif body.strip():
                self._visible_blocks(s, e)
        self.segment = None

    def _visible_blocks(self, s: int, e: int) -> None:
        """A paragraph with hidden parts (a comment inside it) as one block over its
        shown text."""
        shown = [i for i in range(s, e) if not self.hide[i] and self.out[i].strip()]
        if shown:
            self.blocks.append(Block(self.kind, shown[0], shown[-1] + 1, shown[0], cell=self.cell))

    def _level(self) -> int:
        return min(max(self.depth, 1), 6) if self.kind is BlockKind.HEADING else 0

    def hidden(self) -> bool:
        return any(n in _HIDDEN for n in self.stack) and not any(n in _SHOWN for n in self.stack)

    def run(self) -> Layout:
        text = self.source
        head = text[: text.find("<rfc")]
        self.entities = {m.group(1): m.group(2) for m in _ENTITY_DECL.finditer(head)}
        # Internal entities: BCP 14 key words written "&MUST;" for "<bcp14>MUST</bcp14>".
        self.words = {
            m.group(1): " ".join(html.unescape(_MARKUP.sub("", m.group(3))).split())
            for m in _INTERNAL.finditer(head)
        }
        anchors = self._references()
        pos = 0
        for m in _TOKEN.finditer(text):
            if m.start() < pos:
                continue  # inside a reference, kept as written
            if self.hidden() or not self.stack:
                self.blank(pos, m.start())
            token = m.group()
            if m.start() in self.ref_spans:
                self.close_segment(m.start())
                pos = self.ref_spans[m.start()]  # kept as written: the entry's source
                continue
            if token.startswith("&"):
                self._entity(m.start(), m.end(), token)
            elif token.startswith("<") and token[1:2].isalpha():
                self._start(m.start(), m.end(), token, anchors)
            elif token.startswith("</"):
                self._end(m.start(), m.end(), _NAME.match(token).group(1))  # type: ignore[union-attr]
            else:
                self.blank(m.start(), m.end())
            pos = m.end()
        self.blank(pos, len(text))
        self.close_segment(len(text))
        for block in self.refs:
            self.blocks.append(block)
        out = "".join(self.out)
        masked = "".join(" " if h and c != "\n" else c for c, h in zip(out, self.hide, strict=True))
        blocks = sorted(self.blocks, key=lambda b: (b.start, b.end))
        layout = Layout(out, masked, blocks, sorted(self.links), sorted(self.inline))
        layout.spec = True
        return layout

    def _references(self) -> set[str]:
        """Find the references (see the module's docstring); return their anchors."""
        text = self.source
        anchors: set[str] = set()
        for m in _REFERENCES.finditer(text):
            for item in entries(m.group()):
                s, e, key = item[0] + m.start(), item[1] + m.start(), item[2]
                if key is None and item[3] is not None:
                    url = self.entities.get(item[3])
                    key = (bibxml_key(url) if url else None) or item[3]
                if key and key not in anchors and not any(s < b.end for b in self.refs[-1:]):
                    anchors.add(key)
                    self.refs.append(Block(BlockKind.LINKDEF, s, e, s, label=key))
                    self.ref_spans[s] = e
        return anchors

    def _entity(self, start: int, end: int, token: str) -> None:
        value = self.words.get(token[1:-1]) or html.unescape(token)
        if value == token:  # an undeclared or external entity
            self.blank(start, end)
            return
        self.write(start, end, " " if value in "\u00a0\u200b\u2060" else value)

    def _start(self, start: int, end: int, token: str, anchors: set[str]) -> None:
        name = _NAME.match(token).group(1)  # type: ignore[union-attr]
        closed = token.endswith("/>")
        attrs = _attrs(token)
        self.blank(start, end)
        if name in ("xref", "relref"):
            target = attrs.get("target", ("", 0))[0]
            if target in anchors:
                shown = start + len(target) + 2
                self.write(start, end, f"[{target}]")
                self.hide[start:shown] = [False] * (shown - start)  # read where it stands
                self.links.append((start, shown, target))
        elif name == "eref" and "target" in attrs:
            self.inline.append((start, end, attrs["target"][0]))
        if closed:
            return
        self.stack.append(name)
        if name in ("section", "references", "appendix"):
            self.depth += 1
            self.close_segment(start)
            if "title" in attrs:  # v2: the title is an attribute
                self._title(start + attrs["title"][1], attrs["title"][0])
        elif name == "name" and len(self.stack) > 1 and self.stack[-2] in _HEADED:
            self._open(end, BlockKind.HEADING)
        elif name in _PROSE or name in _CELLS:
            self._open(end, BlockKind.ITEM if name == "li" else BlockKind.PARAGRAPH, name in _CELLS)
        elif name in _LISTS:
            self.close_segment(start)

    def _title(self, at: int, value: str) -> None:
        """A v2 section's ``title`` attribute, at ``at``, as its heading."""
        end = at + len(value)
        self.write(at, end, html.unescape(value))
        self.hide[at:end] = [False] * len(value)
        self.blocks.append(Block(BlockKind.HEADING, at, end, at, level=min(self.depth, 6)))

    def _open(self, at: int, kind: BlockKind, cell: bool = False) -> None:
        self.close_segment(at)
        if not self.hidden():
            self.segment, self.kind, self.cell = at, kind, cell

    def _end(self, start: int, end: int, name: str) -> None:
        self.blank(start, end)
        if name in self.stack:
            while self.stack and self.stack.pop() != name:
                pass
        if name in ("section", "references", "appendix"):
            self.close_segment(start)
            self.depth -= 1
        elif name in _PROSE or name in _CELLS or name == "name" or name in _LISTS:
            self.close_segment(start)
            if self.stack and self.stack[-1] in _PROSE and not self.hidden():
                # The paragraph goes on after a v2 <list> (or a nested <t>) inside it.
                self.segment, self.kind, self.cell = end, BlockKind.PARAGRAPH, False


def read_rfcxml(text: str) -> Layout:
    """Read an RFC XML document (see the module's docstring) into a :class:`Layout`."""
    return _Reader(text).run()
