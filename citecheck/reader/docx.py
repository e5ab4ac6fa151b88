"""Word (``.docx``) reader on python-docx.

A Word document has no lines, so the reader first writes the document as a text of one
paragraph a line, each line opened by a tag for its kind and a tab: ``P`` a paragraph,
``H1``…``H9`` a heading (style Title or Heading 1…9, an outline level, or a numbered
paragraph that reads as a heading), ``L`` a list item, ``C`` a table cell (all its
paragraphs), ``N`` a paragraph that is scanned but holds no claims (front matter, a
caption, a table note; see :mod:`.docx_roles`), ``K`` a code paragraph (never scanned),
``B`` an entry of a bibliography Word marks that has no heading (see :mod:`.docx_roles`),
``F`` a footnote and ``E`` an endnote, whose text opens with its marker (``[^2]: …``). A
numbered paragraph's number, as Word shows it (``[3]``, ``II.``; see
:mod:`.docx_numbering`), follows the tag, then a tab. Code runs and equations are written
between backticks and masked. A footnote or endnote reference in the text is written as
its marker (``[^2]``, endnotes ``[^ii]`` as Word numbers them), so it cites the note. Line
N of that text is paragraph N (``pN`` in findings): empty paragraphs are not counted, and
each table cell counts as one, except in the table Word lays a numbered bibliography out in
(``[1]`` in one cell, the entry in the next), whose rows are read as list items labelled
``[1]``… (an ``L`` line a row), and a one-row table that only indents a paragraph's
continuation, which is read as part of that paragraph (see :mod:`.docx_tables`).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from citecheck.model.errors import InputError
from citecheck.reader.docx_lists import entry_label
from citecheck.reader.docx_numbering import Numbering, number
from citecheck.reader.docx_roles import Line, settle
from citecheck.reader.docx_runs import CODE, Context, is_code, paragraph_text
from citecheck.reader.docx_styles import Styles
from citecheck.reader.docx_tables import hanging_line, labelled_rows
from citecheck.reader.docxfile import check_archive
from citecheck.text.recache import lazy
from citecheck.text.vocab import REFERENCE_HEADING

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TICKS = lazy(r"`+")
# A numbered paragraph that reads as a heading: "II. REFERENCES", "3 RESULTS".
_HEADING_WORDS = 40  # more words than a heading holds: a paragraph
_CAPS = lazy(r"^[^a-z.!?;:]*[A-Z]{3}[^a-z.!?;:]*$")


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
        self.lines: list[Line] = []
        self.texts: dict[tuple[str, str], str] = {}  # (kind, id) -> the note's text
        self.numbers: dict[tuple[str, str], str] = {}  # (kind, id) -> its marker key
        part = document.part
        self.styles = Styles(_root(part, "_styles_part"))
        self.numbering = Numbering(_root(part, "_numbering_part"))
        self.ctx = Context(self.styles, self.key)
        self.addresses: dict[str, str] = {}  # relationship id -> URL of the body's links

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
                paras = [_flat(paragraph_text(p, links, self.ctx)[0]) for p in note.iter(_W + "p")]
                self.texts[(tag, note.get(_W + "id") or "")] = " ".join(p for p in paras if p)

    def key(self, tag: str, ident: str) -> str:
        """The marker key of a note, numbered by first reference as Word numbers them."""
        if (tag, ident) not in self.numbers:
            n = sum(1 for t, _ in self.numbers if t == tag) + 1
            self.numbers[(tag, ident)] = str(n) if tag == "F" else _roman(n)
        return self.numbers[(tag, ident)]

    def body(self, body: Any) -> None:
        links: dict[str, str] = {}  # a link of the body is its text: it is no marker
        rels = self.document.part.rels.values()
        self.addresses = {r.rId: r.target_ref for r in rels if r.is_external}
        for el, bib in _blocks(body):
            if el.tag == _W + "tbl":
                rows = [
                    [self._cell(tc, links) for tc in tr.iterchildren(_W + "tc")]
                    for tr in el.iterchildren(_W + "tr")
                ]
                if labelled_rows(rows):  # Word's numbered bibliography: [1] | the entry
                    for label, entry in rows:
                        self._add(Line("L", entry, label))
                    continue
                hanging = hanging_line(rows)
                if hanging and self.lines and self.lines[-1].tag in ("P", "L"):
                    last = self.lines[-1]  # an indented continuation: one paragraph
                    last.text = f"{last.text} {hanging}"
                    continue
                for row in rows:
                    for text in row:
                        self._add(Line("C", text))
                continue
            self._paragraph(el, links, bib)
        settle(self.lines)
        for (tag, ident), key in list(self.numbers.items()):
            self._add(Line(tag, f"[^{key}]: " + self.texts.get((tag, ident), "")))

    def _cell(self, tc: Any, links: dict[str, str]) -> str:
        """A table cell's text, all its paragraphs (a table inside it too) on one line."""
        parts = (paragraph_text(p, links, self.ctx)[0] for p in tc.iter(_W + "p"))
        return " ".join(t for p in parts if (t := _flat(p)))

    def _paragraph(self, p: Any, links: dict[str, str], bib: bool) -> None:
        ppr = p.find(_W + "pPr")
        style = ppr.find(_W + "pStyle") if ppr is not None else None
        style_id = style.get(_W + "val") if style is not None else None
        role = self.styles.role(style_id)
        own = ppr.find(_W + "numPr") if ppr is not None else None
        num = _num(own) if own is not None else self.styles.numbered(style_id)
        label = self.numbering.label(*num) if num else None
        raw, in_field = paragraph_text(p, links, self.ctx)
        if self.addresses and entry_label(raw) and p.find(_W + "hyperlink") is not None:
            # An entry typed with its label ("[2] – Wireshark – … Wireshark · Go Deep."):
            # its links are its sources' addresses, written as they are in a note.
            raw, in_field = paragraph_text(p, self.addresses, self.ctx)
        text = _flat(raw)
        outline = ppr.find(_W + "outlineLvl") if ppr is not None else None
        level = outline.get(_W + "val", "") if outline is not None else ""
        # Outline level 9 is body text, whatever the style; a heading is no long paragraph
        # (a writer who sets an outline level on body text for the navigation pane).
        titled = level != "9" and len(text.split()) <= _HEADING_WORDS
        if role == "code" or is_code(raw):
            tag = "K"
        elif titled and level.isdigit() and int(level) < 9:
            tag = f"H{int(level) + 1}"
        elif titled and (role.startswith("h") or role == "title"):
            tag = "H" + (role[1:] if role.startswith("h") else "1")
        elif label and num and _heading_like(text):
            tag = f"H{min(num[1] + 1, 9)}"
        elif own is not None or role == "list":
            tag = "L"
        else:
            tag = "N" if role in ("caption", "front") else "P"
        self._add(Line(tag, text, label or "", role, bib or in_field or role == "bib"))

    def _add(self, line: Line) -> None:
        if line.text:
            self.lines.append(line)

    def result(self) -> str:
        return "".join(
            f"{x.tag}\t{x.label}\t{x.text}\n" if x.label else f"{x.tag}\t{x.text}\n"
            for x in self.lines
        )


def _root(part: Any, name: str) -> Any | None:
    """The XML root of the document's styles or numbering part, if it has one."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    reltype = RT.STYLES if name == "_styles_part" else RT.NUMBERING
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return getattr(rel.target_part, "element", None)
    return None


def _num(numpr: Any) -> tuple[str, int] | None:
    num_id = numpr.find(_W + "numId")
    ilvl = numpr.find(_W + "ilvl")
    level = ilvl.get(_W + "val", "0") if ilvl is not None else "0"
    if num_id is None:
        return None
    return num_id.get(_W + "val") or "0", int(level) if level.isdigit() else 0


def _heading_like(text: str) -> bool:
    """Whether a numbered paragraph reads as a section heading, not a list item."""
    words = text.split()
    if not words or len(words) > 8:
        return False
    return bool(REFERENCE_HEADING.match(text) or _CAPS.match(text))


def _flat(text: str) -> str:
    """One line of text, its code spans between backticks (adjacent spans as one), fenced
    by more backticks than the span holds in a row, as Markdown fences them."""
    parts = text.replace(CODE + CODE, "").split(CODE)
    for i in range(1, len(parts), 2):
        code = parts[i]
        fence = "`" * (max((len(r) for r in _TICKS.findall(code)), default=0) + 1)
        pad = " " if code.startswith("`") or code.endswith("`") else ""
        parts[i] = f"{fence}{pad}{code}{pad}{fence}"
    return " ".join("".join(parts).split())


def _blocks(parent: Any, bib: bool = False) -> Iterator[tuple[Any, bool]]:
    """Paragraphs and tables of the body in order, each with whether it is in a content
    control that holds Word's bibliography; content controls are looked into."""
    for child in parent:
        if child.tag in (_W + "p", _W + "tbl"):
            yield child, bib
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            marked = child.find(f"{_W}sdtPr/{_W}bibliography") is not None
            if content is not None:
                yield from _blocks(content, bib or marked)


def _roman(n: int) -> str:
    return number(n, "lowerRoman")
