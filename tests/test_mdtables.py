"""HTML tables inside Markdown: their cells are read (reader/mdtables.py)."""

from __future__ import annotations

from citecheck.model import BlockKind
from citecheck.parser import parse
from citecheck.reader.markdown import read_markdown

_LIST = "\n\n## References\n\n[1] A. Author. A paper. 2015.\n\n[2] B. Author. A book. 2016.\n"


def _cells(text: str) -> list[str]:
    layout = read_markdown(text)
    return [layout.text[b.start : b.end] for b in layout.blocks if b.cell]


def test_one_line_and_block_tables_give_cells():
    row = "<tr><td>VGG [1]</td><td></td><td> 9.3 </td></tr>"
    one = f"Intro.\n\n<html><body><table>{row}</table></body></html>\n"
    assert _cells(one) == ["VGG [1]", "9.3"]
    block = "Intro.\n\n<table>\n<tr><th>a</th><td>Maxout <sup>[2]</sup> net</td></tr>\n</table>\n"
    assert _cells(block) == ["a", "Maxout <sup>[2]</sup> net"]
    layout = read_markdown(block)
    cell = next(b for b in layout.blocks if b.cell and b.end - b.start > 1)
    # The tags inside a cell stay blank in the masked copy; its words are copied.
    assert layout.masked[cell.start : cell.end] == "Maxout      [2]       net"


def test_code_and_other_html_are_not_read():
    fenced = "Intro.\n\n```html\n<table><tr><td>X [1]</td></tr></table>\n```\n"
    assert _cells(fenced) == []
    indented = "Intro.\n\n    <table><tr><td>X [1]</td></tr></table>\n"
    assert _cells(indented) == []
    assert _cells("Intro.\n\n<div>\n<p>Y [1]</p>\n</div>\n") == []


def test_callouts_in_cells_cite_and_cells_are_no_claims():
    text = (
        "We compare with published models [1].\n\n"
        "<table><tr><td>The model of the first paper scored 28 points [2]</td></tr></table>" + _LIST
    )
    doc = parse(text, "markdown")
    assert sorted(k for m in doc.markers for k in m.keys) == ["1", "2"]
    cell = [s for s in doc.sentences if "scored" in s.text]
    assert cell and not any(s.claim for s in cell)
    assert all(b.kind is BlockKind.PARAGRAPH for b in doc.blocks if b.cell)


def test_a_models_image_placeholder_in_a_cell_is_no_citation():
    text = (
        "We prompt the model as earlier work did [1].\n\n"
        "<table><tr><td>[IMAGE] Describe the image concisely. [IMG] Answer.</td></tr></table>"
        + _LIST
    )
    doc = parse(text, "markdown")
    assert sorted(k for m in doc.markers for k in m.keys) == ["1"]
