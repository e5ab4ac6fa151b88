"""A wiki page's notes list left at the end of its text, below the page's back matter.

A Wikipedia page converted from its wikitext (pandoc's Markdown or plain text) keeps the
notes that ``<references/>`` would show where the converter writes footnotes: at the end
of the file, as ``[1] …``, ``[2] …``, one a paragraph, after See also, External links, the
interlanguage and category lines. The empty ``References`` heading above the back matter
holds none of them. A note whose text the converter lost (a citation template) stays as
its label alone, ``[7]``.
"""

from __future__ import annotations

from citecheck.model import Block, BlockKind, Section
from citecheck.text.recache import lazy

_MIN_NOTES = 3  # notes a run needs before it is a list rather than stray labels
# A note's label at the start of its paragraph: ``[12] Reagle, Joseph (2010) …`` or ``[12]``.
_NOTE = lazy(r"[ \t]{0,3}\[(\d{1,4})\](?:[ \t]|$)")


def trailing_notes(blocks: list[Block], raw: str, sections: list[Section]) -> bool:
    """Make the run of numbered notes that ends the document a section of its own.

    The run is read back from the last block: paragraphs or items, each opening with
    ``[n]`` (text after it or not), numbered 1, 2, 3 … in order with none missing, at
    least three of them, and body text above the run. A section left open above the run
    (an empty References heading with External links under it) ends before it. Returns
    whether a run was found; ``blocks`` and ``sections`` change in place.
    """
    run: list[Block] = []
    numbers: list[int] = []
    for block in reversed(blocks):
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.ITEM):
            break
        m = _NOTE.match(raw, block.start, block.end)
        if m is None or (numbers and int(m.group(1)) != numbers[-1] - 1):
            break
        run.append(block)
        numbers.append(int(m.group(1)))
    if len(run) < _MIN_NOTES or numbers[-1] != 1 or len(run) == len(blocks):
        return False
    run.reverse()
    above = blocks[len(blocks) - len(run) - 1]
    if run[0].section is not None and above.section != run[0].section:
        return False  # the list under its own heading (``Citations:``) is read already
    if above.section is not None:
        sections[above.section].end = above.end
    sections.append(Section("Notes", run[0].start, run[-1].end))
    for block in run:
        block.section = len(sections) - 1
    return True
