"""From the text :func:`~citecheck.reader.docx.docx_text` writes to a ``Layout``, and
from an offset of that text back to where it stands in the Word document.

Each line of the text opens with its tag and a tab (see :mod:`citecheck.reader.docx`):
headings, list items, paragraphs, cells, notes and the entries of a bibliography Word
marks with no heading (``B``) become blocks; tags, note labels, code paragraphs and code
spans are masked. A finding's place is the paragraph's number (``p12``) or the note's
(``footnote 2``) and an excerpt of it.
"""

from __future__ import annotations

import re

from citecheck.model import Block, BlockKind
from citecheck.reader import Layout
from citecheck.text.recache import lazy

_LINE = lazy(r"^(P|H[1-9]|L|C|F|E|K|N|B)\t", re.M)
_NOTE = lazy(r"\[\^[^\]\s]+\]: ")
_SPAN = lazy(r"(?<!`)(`+)(?!`)[^\n]*?(?<!`)\1(?!`)")
_KINDS = {
    "P": BlockKind.PARAGRAPH,
    "L": BlockKind.ITEM,
    "C": BlockKind.PARAGRAPH,
    "B": BlockKind.PARAGRAPH,
}


def read_docx(text: str) -> Layout:
    """Turn the text :func:`docx_text` wrote into blocks; tags, note labels, code
    paragraphs and code spans are masked."""
    blocks: list[Block] = []
    masked = list(text)
    listed: list[int] = []  # the span of the ``B`` lines
    for m in _LINE.finditer(text):
        tag, start = m.group(1), m.end()
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        masked[m.start() : start] = " " * (start - m.start())
        if tag == "K":  # code: never scanned, no block, as a Markdown code block
            masked[start:end] = " " * (end - start)
            continue
        tab = text.find("\t", start, end)
        content = start if tab < 0 else tab + 1  # after a list or heading number
        for span in _SPAN.finditer(text, content, end):
            masked[span.start() : span.end()] = " " * (span.end() - span.start())
        if tag in ("F", "E"):
            note = _NOTE.match(text, start)
            content = note.end() if note else start
            masked[start:content] = " " * (content - start)
            label = text[start + 1 : content - 3] if note else None
            blocks.append(Block(BlockKind.FOOTNOTE, start, end, content, label=label))
        elif tag.startswith("H"):
            blocks.append(Block(BlockKind.HEADING, start, end, content, level=int(tag[1])))
        else:
            kind = _KINDS.get(tag, BlockKind.PARAGRAPH)
            blocks.append(Block(kind, start, end, content, cell=tag in ("C", "N")))
            listed += [start, end] if tag == "B" else []
    bibliography = (listed[0], listed[-1]) if listed else None
    return Layout(text, "".join(masked), blocks, listed=bibliography)


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
    line = text[content:line_end].replace("\t", " ")  # a list or heading number's tab
    return f'{where} "{excerpt(line, max(0, start - content), end - start)}"'


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
