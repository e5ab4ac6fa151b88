"""Reference lists with no heading above them.

Two kinds are read as a reference section all the same: a run of ``[n] …`` entries that
ends the document (notes rendered below a rule, an answer engine's sources), and the list
a reader saw marked as a bibliography (Word's Bibliography style, field or content control,
which R Markdown and Pandoc write after the last section with no title; see
:attr:`citecheck.reader.Layout.listed`).
"""

from __future__ import annotations

from citecheck.model import Block, BlockKind, Section
from citecheck.text.recache import lazy

# ``[1] …``, ``[Smith] …``, or a number escaped in a link (``[\[1\]](https://…#:~:text=…)
# Title``, a chat answer's sources as a Word-to-Markdown converter writes them); a Chinese
# list (GB/T 7714) writes no space: ``[1]张瑜.医院信息管理…[J]``.
_BRACKET_ENTRY = lazy(
    r"[ \t]{0,3}(?:\[(?:\d{1,4}|[A-Za-z][\w.+-]{0,30})\]"
    r"|\[\\\[\d{1,4}\\\]\]\((?:[^()\s]|\([^()\s]*\))*\))(?:[ \t]+\S|[\u4e00-\u9fff])"
)


def trailing_list(blocks: list[Block], raw: str, sections: list[Section]) -> None:
    """A run of ``[n] …`` entries that ends the document with no heading above it (notes
    rendered below a rule, an answer engine's sources) is a reference section."""
    run: list[Block] = []
    for block in reversed(blocks):
        if block.section is not None or block.kind not in (BlockKind.PARAGRAPH, BlockKind.ITEM):
            break
        lines = [ln for ln in raw[block.start : block.end].split("\n") if ln.strip()]
        if not lines or not _BRACKET_ENTRY.match(lines[0]):
            break
        run.append(block)
    if not run or len(run) == len([b for b in blocks if b.kind is not BlockKind.HEADING]):
        return  # no body above the entries: a list, not a document with sources
    run.reverse()
    sections.append(Section("References", run[0].start, run[-1].end))
    for block in run:
        block.section = len(sections) - 1


def listed_run(blocks: list[Block], span: tuple[int, int], sections: list[Section]) -> None:
    """The blocks of a list the reader saw with no heading above it (Word's Bibliography
    style after the last section) are a reference section, unless a section holds them."""
    run = [b for b in blocks if span[0] <= b.start and b.end <= span[1]]
    if not run or any(b.section is not None for b in run):
        return
    if sections and sections[-1].end > run[0].start:
        return  # a later section is open: the indexes of the sections keep their order
    sections.append(Section("References", run[0].start, run[-1].end))
    for block in run:
        block.section = len(sections) - 1
