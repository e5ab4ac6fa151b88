"""A bundled entry: one number of a list that names several sources, one a line.

Wikipedia bundles the sources of one claim in a single reference: ``^ Multiple
sources:`` (or ``Attributed to multiple sources:``, ``See:``), then each source on a line
of its own. Saved as text, the label line reads as an entry and each source line as a
paragraph of its own, which the list then numbers as entries: the bundle's one number
becomes five, and every entry after it is numbered four past the page's own numbers.

:func:`merge_bundles` joins such a bundle back into one entry: an entry whose line ends
with a colon, followed at once (no blank line between) by paragraphs of the same list,
each a line, stretches over them.
"""

from __future__ import annotations

from citecheck.model import Block, BlockKind

_LONGEST_LABEL = 80  # "^ Attributed to multiple sources:" and the like are short


def merge_bundles(blocks: list[Block], source: str) -> None:
    """Join, in place, each bundled entry of a reference list with the source lines under
    it (see the module's docstring). ``source`` is the text the blocks' offsets index."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        out.append(block)
        i += 1
        if not _label(block, source):
            continue
        end = block.end
        while i < len(blocks) and _goes_on(blocks[i], block, source, end):
            end = blocks[i].end
            i += 1
        block.end = end
    blocks[:] = out


def _label(block: Block, source: str) -> bool:
    """An entry of a list that is a bundle's label: short, on one line, ending in a colon."""
    if block.section is None or block.kind is not BlockKind.ITEM:
        return False
    words = source[block.content_start : block.end].strip()
    return 0 < len(words) <= _LONGEST_LABEL and words.endswith(":") and "\n" not in words


def _goes_on(nxt: Block, label: Block, source: str, end: int) -> bool:
    """Whether ``nxt`` is a source line of the bundle: a paragraph of the same list that
    starts on the line after ``end``, with no blank line between."""
    if nxt.kind is not BlockKind.PARAGRAPH or nxt.section != label.section:
        return False
    gap = source[end : nxt.start]
    return gap.count("\n") == 1 and not gap.strip()
