"""The blocks of a wikitext article, line by line over the source: ``== Heading ==`` lines
are headings (level: the number of ``=``), ``*``/``#``/``:``/``;`` lines list items, a
template's ``|parameter`` line a cell of its own (an infobox's value with its notes'
calls), other lines paragraphs. A blank line of the source ends a paragraph; a line that
shows nothing (markup alone: the rest of a note or of a template written over several
lines) does not."""

from __future__ import annotations

import re

from citecheck.model import Block, BlockKind
from citecheck.text.recache import lazy

__all__ = ["wiki_blocks"]

_HEADING = lazy(r"^(={2,6})[ \t]*(.+?)[ \t]*\1[ \t]*$", re.M)
_LIST = lazy(r"^[*#:;]+[ \t]*", re.M)


def wiki_blocks(source: str, out: str) -> list[Block]:
    """Headings, list items and paragraphs, line by line over the source: a blank line
    of the source ends a paragraph, not a line of markup alone (the rest of a note
    or a template written over several lines)."""
    blocks: list[Block] = []
    para: Block | None = None
    pos = 0
    for line in source.splitlines(keepends=True):
        s, e = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        shown = out[s:e]
        if not shown.strip():
            if not source[s:e].strip():
                para = None  # a blank line ends a paragraph; markup alone does not
            continue
        lead = len(shown) - len(shown.lstrip())
        heading = _HEADING.match(source, s, e)
        if heading is not None:
            t0, t1 = heading.start(2), heading.end(2)
            blocks.append(Block(BlockKind.HEADING, t0, t1, t0, level=len(heading.group(1))))
            para = None
        elif source.startswith("|", s):
            # A template's parameter on a line of its own (``|buildings = 2,207<ref…>``):
            # a value, not prose, and no part of the line before or after.
            at = s + lead
            blocks.append(Block(BlockKind.PARAGRAPH, at, s + len(shown.rstrip()), at))
            blocks[-1].cell = True
            para = None
        elif _LIST.match(source, s, e):
            at = s + lead
            para = Block(BlockKind.ITEM, at, s + len(shown.rstrip()), at)
            blocks.append(para)
        elif para is None or para.kind is BlockKind.ITEM:
            at = s + lead
            para = Block(BlockKind.PARAGRAPH, at, s + len(shown.rstrip()), at)
            blocks.append(para)
        else:
            para.end = s + len(shown.rstrip())
    return blocks
