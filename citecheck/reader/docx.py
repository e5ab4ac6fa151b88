"""Word (``.docx``) reader on python-docx.

A Word document has no lines, so the reader first writes the document as a text of one
paragraph a line, each line opened by a tag for its kind and a tab: ``P`` a paragraph,
``H1``…``H9`` a heading (style Title or Heading 1…9, or an outline level), ``L`` a list
item, ``C`` a table cell (all its paragraphs), ``F`` a footnote and ``E`` an endnote, whose
text opens with its marker (``[^2]: …``). A footnote or endnote reference in the text is
written as its marker (``[^2]``, endnotes ``[^ii]`` as Word numbers them), so it cites the
note. Line N of that text is paragraph N (``pN`` in findings): empty paragraphs are not
counted, and each table cell counts as one.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from citecheck.errors import InputError
from citecheck.model import Block, BlockKind
from citecheck.reader import Layout
from citecheck.reader.docxfile import check_archive

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_HEADING = re.compile(r"^heading\s+([1-9])$", re.I)
_LINE = re.compile(r"^(P|H[1-9]|L|C|F|E)\t", re.M)
_NOTE = re.compile(r"\[\^[^\]\s]+\]: ")
_KINDS = {"P": BlockKind.PARAGRAPH, "L": BlockKind.ITEM, "C": BlockKind.PARAGRAPH}
_SKIP = frozenset({_W + "delText", _W + "instrText", _W + "footnoteRef", _W + "endnoteRef"})
_PRUNE = frozenset({_W + "del", _W + "txbxContent", _W + "moveFrom"})
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def docx_text(data: bytes, path: str) -> str:
    """Return the text of a Word document, one paragraph a line (see the module docstring).

    Raises :class:`InputError` for an encrypted or Word 97-2003 file, a file that is not a
    zip archive or has no ``word/document.xml`` (a renamed zip), an archive that would
    unpack too far (see :func:`~citecheck.reader.docxfile.check_archive`), and a damaged
    document.
    """
    check_archive(data, path).close()
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        document = docx.Document(io.BytesIO(data))
        writer = _Writer(document)
        writer.notes(document.part, RT.FOOTNOTES, "footnote", "F")
        writer.notes(document.part, RT.ENDNOTES, "endnote", "E")
        writer.body(document.element.body)
    except InputError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds for a broken part
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:160]
        raise InputError(path, f"damaged Word document ({detail}); not checked") from None
    return writer.result()


class _Writer:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.lines: list[str] = []
        self.texts: dict[tuple[str, str], str] = {}  # (kind, id) -> the note's text
        self.numbers: dict[tuple[str, str], str] = {}  # (kind, id) -> its marker key
        self.styles: dict[str | None, str] = {}  # paragraph style id -> tag

    def notes(self, part: Any, reltype: str, kind: str, tag: str) -> None:
        """Read the footnotes or endnotes part: each note's text, hyperlinks with their URL."""
        from docx.oxml.parser import parse_xml

        for rel in part.rels.values():
            if rel.reltype != reltype or rel.is_external:
                continue
            target = rel.target_part
            root = parse_xml(target.blob)  # python-docx's parser: no entities, no network
            links = {r.rId: r.target_ref for r in target.rels.values() if r.is_external}
            for note in root.iter(_W + kind):
                if note.get(_W + "type") in ("separator", "continuationSeparator"):
                    continue
                if note.get(_W + "type") == "continuationNotice":
                    continue
                paras = [_text(p, links, self) for p in note.iter(_W + "p")]
                self.texts[(tag, note.get(_W + "id") or "")] = " ".join(p for p in paras if p)

    def key(self, tag: str, ident: str) -> str:
        """The marker key of a note, numbered by first reference as Word numbers them."""
        if (tag, ident) not in self.numbers:
            n = sum(1 for t, _ in self.numbers if t == tag) + 1
            self.numbers[(tag, ident)] = str(n) if tag == "F" else _roman(n)
        return self.numbers[(tag, ident)]

    def body(self, body: Any) -> None:
        from docx.text.paragraph import Paragraph

        links: dict[str, str] = {}  # a link of the body is its text: it is no marker
        for el in _blocks(body):
            if el.tag == _W + "tbl":
                cells = (
                    tc for tr in el.iterchildren(_W + "tr") for tc in tr.iterchildren(_W + "tc")
                )
                for cell in cells:  # a table inside a cell is part of that cell's text
                    text = " ".join(t for p in cell.iter(_W + "p") if (t := _text(p, links, self)))
                    self._line("C", text)
                continue
            tag = self._tag(Paragraph(el, self.document.part))
            self._line(tag, _text(el, links, self))
        for (tag, ident), key in list(self.numbers.items()):
            self._line(tag, f"[^{key}]: " + self.texts.get((tag, ident), ""))

    def _line(self, tag: str, text: str) -> None:
        text = " ".join(text.split())
        if text:
            self.lines.append(f"{tag}\t{text}")

    def _tag(self, paragraph: Any) -> str:
        ppr = paragraph._p.pPr
        outline = ppr.find(_W + "outlineLvl") if ppr is not None else None
        val = outline.get(_W + "val", "") if outline is not None else ""
        if val.isdigit() and int(val) < 9:
            return f"H{int(val) + 1}"
        if ppr is not None and ppr.find(_W + "numPr") is not None:
            return "L"
        style_id = ppr.style if ppr is not None else None
        if style_id not in self.styles:
            self.styles[style_id] = self._style_tag(paragraph.style)
        return self.styles[style_id]

    @staticmethod
    def _style_tag(style: Any) -> str:
        """H1…H9 for a heading style (or one based on it), L for a list style, else P."""
        seen = 0
        while style is not None and seen < 10:
            name = style.name or ""
            if m := _HEADING.match(name):
                return "H" + m.group(1)
            if name.lower() in ("title", "subtitle"):
                return "H1"
            if name.lower().startswith("list"):
                return "L"
            style, seen = style.base_style, seen + 1
        return "P"

    def result(self) -> str:
        return "".join(line + "\n" for line in self.lines)


def _blocks(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables of the body in order; content controls are looked into."""
    for child in parent:
        if child.tag in (_W + "p", _W + "tbl"):
            yield child
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _blocks(content)


def _text(p: Any, links: dict[str, str], writer: _Writer) -> str:
    """A paragraph's text in reading order: runs, tabs, breaks and note references."""
    out: list[str] = []
    stack = [iter(p)]
    link_ends: list[tuple[int, str, int]] = []  # (depth, url, where its text starts)
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            if link_ends and link_ends[-1][0] == len(stack):
                _, url, at = link_ends.pop()
                label = "".join(out[at:]).strip()
                if label and url and url not in label:
                    out[at:] = [f"[{label}]({url})"]
            continue
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP or tag in _PRUNE or tag == _MC_FALLBACK:
            continue
        if tag == _W + "t":
            out.append(el.text or "")
        elif tag in (_W + "tab", _W + "br", _W + "cr"):
            out.append(" ")
        elif tag == _W + "noBreakHyphen":
            out.append("-")
        elif tag in (_W + "footnoteReference", _W + "endnoteReference"):
            kind = "F" if tag == _W + "footnoteReference" else "E"
            out.append(f"[^{writer.key(kind, el.get(_W + 'id') or '')}]")
        else:
            if tag == _W + "hyperlink" and el.get(_R_ID) in links:
                link_ends.append((len(stack), links[el.get(_R_ID)], len(out)))
            stack.append(iter(el))
    return "".join(out)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


def read_docx(text: str) -> Layout:
    """Turn the text :func:`docx_text` wrote into blocks; tags and note labels are masked."""
    blocks: list[Block] = []
    masked = list(text)
    for m in _LINE.finditer(text):
        tag, start = m.group(1), m.end()
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        masked[m.start() : start] = " " * (start - m.start())
        if tag in ("F", "E"):
            note = _NOTE.match(text, start)
            content = note.end() if note else start
            masked[start:content] = " " * (content - start)
            label = text[start + 1 : content - 3] if note else None
            blocks.append(Block(BlockKind.FOOTNOTE, start, end, content, label=label))
        elif tag.startswith("H"):
            blocks.append(Block(BlockKind.HEADING, start, end, start, level=int(tag[1])))
        else:
            blocks.append(Block(_KINDS[tag], start, end, start, cell=tag == "C"))
    return Layout(text, "".join(masked), blocks)


def location(text: str, line_start: int, line_no: int, start: int, end: int) -> str:
    """``p12 "excerpt…"`` (``footnote 2 "…"``) for a finding at ``start:end`` of a line."""
    m = _LINE.match(text, line_start)
    content = m.end() if m else line_start
    line_end = text.find("\n", content)
    line_end = len(text) if line_end < 0 else line_end
    tag = m.group(1) if m else "P"
    if tag in ("F", "E") and (note := _NOTE.match(text, content)):
        name = "footnote" if tag == "F" else "endnote"
        where = f"{name} {text[content + 2 : note.end() - 3]}"
        content = note.end()
    else:
        where = f"p{line_no}"
    return f'{where} "{excerpt(text[content:line_end], max(0, start - content), end - start)}"'


def excerpt(line: str, at: int, length: int, width: int = 40) -> str:
    """A few words of a paragraph from ``at`` on, cut at a word with ``…``; a short finding
    (a marker) gets the words before it too."""
    begin = at
    if length < 15 and at > 0:
        begin = max(0, at - 25)
        space = line.find(" ", begin, at)
        begin = space + 1 if begin > 0 and space >= 0 else begin
    piece = line[begin:]
    lead = "…" if begin > 0 else ""
    if len(piece) <= width:
        return lead + piece
    cut = piece.rfind(" ", 0, width)
    return lead + piece[: cut if cut > width // 2 else width].rstrip() + "…"
