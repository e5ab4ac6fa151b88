"""Reference lists with no heading above them.

Three kinds are read as a reference section all the same: a run of ``[n] …`` entries that
ends the document (notes rendered below a rule, an answer engine's sources), the list
a reader saw marked as a bibliography (Word's Bibliography style, field or content control,
which R Markdown and Pandoc write after the last section with no title; see
:attr:`citecheck.reader.Layout.listed`), and a run of author-date entries that ends the
document in alphabetical order, as citeproc writes them with no heading when a Word
file's styles were lost (bookdown's or Pandoc's ``reference-docx`` without the
Bibliography style): "Finney, D. J. 1968. “Teaching Biometry …”", "Royal Statistical
Society. 1947. …", APA's "Smith, J. (2014). …". The Chicago author-date and APA styles
put the year right after the names and sort the list by them (The Chicago Manual of
Style, 17th ed., 15.9–15.12; APA Publication Manual, 7th ed., 9.44), so
:data:`LEAST_AUTHOR_DATE` such paragraphs in a row, sorted, at the very end are the list.
"""

from __future__ import annotations

import re

from citecheck.model import Block, BlockKind, Section
from citecheck.text.recache import lazy

# ``[1] …``, ``[Smith] …``, or a number escaped in a link (``[\[1\]](https://…#:~:text=…)
# Title``, a chat answer's sources as a Word-to-Markdown converter writes them); a Chinese
# list (GB/T 7714) writes no space: ``[1]张瑜.医院信息管理…[J]``.
_BRACKET_ENTRY = lazy(
    r"[ \t]{0,3}(?:\[(?:\d{1,4}|[A-Za-z][\w.+-]{0,30})\]"
    r"|\[\\\[\d{1,4}\\\]\]\((?:[^()\s]|\([^()\s]*\))*\))(?:[ \t]+\S|[\u4e00-\u9fff])"
)


# Names (any text up to a full stop), then the year alone, closed by a full stop or comma:
# "Carey, Maureen A., and Jason A. Papin. 2018. …", "Smith, J. (2014). …", "… (n.d.). …".
_AUTHOR_DATE_ENTRY = lazy(
    r"[ \t]{0,3}[A-Z\u00c0-\u024f\u0400-\u042f][^\n]{0,250}?\.\s+"
    r"\(?(?:1[5-9]\d\d|20\d\d)[a-z]?\)?[.,]\s+\S|"
    r"[ \t]{0,3}[A-Z\u00c0-\u024f\u0400-\u042f][^\n]{0,250}?\.\s+\(n\.\s?d\.\)\.\s+\S"
)
LEAST_AUTHOR_DATE = 3


def trailing_list(blocks: list[Block], raw: str, sections: list[Section]) -> None:
    """A run of ``[n] …`` entries that ends the document with no heading above it (notes
    rendered below a rule, an answer engine's sources), or of author-date entries in
    alphabetical order (see the module's docstring), is a reference section."""
    run = _run(blocks, raw, _BRACKET_ENTRY)
    citeproc = not run
    if citeproc:
        run = _run(blocks, raw, _AUTHOR_DATE_ENTRY)
        firsts = [raw[b.start : b.end].lstrip()[:1].casefold() for b in run]
        if len(run) < LEAST_AUTHOR_DATE or firsts != sorted(firsts, reverse=True):
            return  # a few dated sentences, or not a sorted list
    if not run or len(run) == len([b for b in blocks if b.kind is not BlockKind.HEADING]):
        return  # no body above the entries: a list, not a document with sources
    run.reverse()
    sections.append(Section("References", run[0].start, run[-1].end, citeproc=citeproc))
    for block in run:
        block.section = len(sections) - 1


def _run(blocks: list[Block], raw: str, entry: re.Pattern[str]) -> list[Block]:
    """The paragraphs and items that end ``blocks`` and each open as ``entry`` does, from
    the last one back."""
    run: list[Block] = []
    for block in reversed(blocks):
        if block.section is not None or block.kind not in (BlockKind.PARAGRAPH, BlockKind.ITEM):
            break
        lines = [ln for ln in raw[block.start : block.end].split("\n") if ln.strip()]
        if not lines or not entry.match(lines[0]):
            break
        run.append(block)
    return run


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
