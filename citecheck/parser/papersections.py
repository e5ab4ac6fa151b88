"""Which sections of a research paper a document has a heading for (``abstract``,
``introduction``, ``methods``, ``results``…, named in the languages of
:mod:`.sectionnames`): marked headings, Word's numbered list items set as section titles,
a bold line or a bare short line a converter left unmarked, a run-in abstract, and in a
plain text (a PDF extract) the heading lines among its prose. :mod:`.profile` reads a
document with these sections as a paper."""

from __future__ import annotations

from citecheck.model import BlockKind, Document
from citecheck.parser.backmatter import RUN_IN_ABSTRACT
from citecheck.parser.pdftext import heading_lines
from citecheck.parser.sectionnames import PAPER_HEADING as _PAPER_HEADING
from citecheck.text.smallcaps import uncapped
from citecheck.text.vocab import HTML_TAG

__all__ = ["BARE", "line_sections", "paper_sections"]

# A paragraph of one short line can be a section's title a converter left unmarked.
BARE = 40
# What a paragraph that names a section opens with.
_OPENS = frozenset("*_Aa")


def paper_sections(doc: Document) -> set[str]:
    """Return which sections of a research paper (``abstract``, ``methods``…) have a heading."""
    found: set[str] = set()
    for block in doc.blocks:
        if block.kind is BlockKind.ITEM and doc.fmt == "docx":
            # Word's numbered list set as section titles: "1. Introduction", "6 Conclusion"
            title = " ".join(doc.text[block.content_start : block.end].split())
            if len(title) <= BARE:
                found.update(n for n, pattern in _PAPER_HEADING.items() if pattern.match(title))
            continue
        if block.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH):
            continue
        first = doc.text[block.start : block.start + 1]
        opens = first in _OPENS or first.isspace() or block.end - block.start <= BARE
        if block.kind is BlockKind.PARAGRAPH and not opens:
            continue  # neither a run-in abstract, a bold line nor a bare title line
        start = block.start
        if block.kind is BlockKind.HEADING and block.content_start > start:
            start = block.content_start  # the title of "\\section{Introduction}"
        text = doc.text[start : min(block.end, start + 200)].strip()
        if block.kind is BlockKind.PARAGRAPH:
            if RUN_IN_ABSTRACT.match(text):
                found.add("abstract")
            bare = "\n" not in text and len(text) <= BARE and text[-1:].isalnum()  # "Results"
            text = text.strip("*_ ") if _bold_line(text) or bare else ""
        text = HTML_TAG.sub("", text) if "<" in text else text  # <span id="page-2-0"></span>
        title = uncapped(" ".join(text.lstrip("#").split()).replace("&amp;", "&"))
        if not title or len(title) > 80:
            continue
        found.update(name for name, pattern in _PAPER_HEADING.items() if pattern.match(title))
    return found


def line_sections(doc: Document) -> set[str]:
    """Return which sections of a research paper have a heading line inside the blocks of
    a plain text (a PDF extract: ``Abstract`` and ``1 Introduction`` among lines of prose);
    nothing for other formats, whose headings are marked."""
    if doc.fmt != "text":
        return set()
    found: set[str] = set()
    for line in heading_lines(doc.text):
        title = uncapped(line)  # "I. I NTRODUCTION": small capitals as extracted
        found.update(name for name, pattern in _PAPER_HEADING.items() if pattern.match(title))
    return found


def _bold_line(text: str) -> bool:
    """A paragraph that is one bold line (``**Abstract**``) serves as a heading.

    The reader may end the block before the closing ``**``, so only the opening is checked.
    """
    return "\n" not in text and text.startswith(("**", "__"))
