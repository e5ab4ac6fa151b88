"""Entries on lines joined by hard breaks, each opened by a Hugo shortcode (an anchor)."""

from __future__ import annotations

from citecheck.model import Block, BlockKind
from citecheck.parser.sections import split_items

LINES = (
    '{{< anchor "cite:1" >}}[1] Creative Commons, "Choose a License", 2022.    \n'
    '{{< anchor "cite:2" >}}[2] Hugo, "Internal Templates", 2022.    \n'
    '{{% anchor "cite:3" %}}[3] Google, "Terms of Service", 2022.'
)


def test_each_line_after_its_shortcode_is_an_entry() -> None:
    block = Block(BlockKind.PARAGRAPH, 0, len(LINES), 0)
    items = split_items(block, LINES)
    assert [LINES[i.start : i.start + 3] for i in items] == ["[1]", "[2]", "[3]"]
    assert LINES[items[0].start : items[0].end].endswith("2022.")


def test_a_shortcode_before_prose_opens_no_entry() -> None:
    text = '{{< figure src="a.png" >}} The figure shows the layout.\nIt has two rows.'
    block = Block(BlockKind.PARAGRAPH, 0, len(text), 0)
    assert [(i.start, i.end) for i in split_items(block, text)] == [(0, len(text))]
