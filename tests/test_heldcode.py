"""A Markdown document a conversion put in code blocks is read from them (reader/heldcode.py)."""

from __future__ import annotations

from pathlib import Path

from citecheck.reader import read
from citecheck.reader.heldcode import held_in_code

HERE = Path(__file__).parents[1] / "fixtures" / "kinds" / "held-in-code"

_PROGRAM = (
    "# Setup\n\nInstall it first.\n\n```python\n"
    + "".join(f"value_{i} = compute(items[{i}], cache={{}})  # step {i}\n" for i in range(40))
    + "```\n"
)


def test_wrapper_fence_lines_are_blanked_and_the_rest_kept() -> None:
    text = (HERE / "llm-wrapper.md").read_text("utf-8")
    held = held_in_code(text)
    assert held is not None and held[0] == "markdown"
    copy = held[1]
    assert len(copy) == len(text) and copy.count("\n") == text.count("\n")
    lines, kept = text.split("\n"), copy.split("\n")
    assert lines[1] == "```markdown" and kept[1].strip() == ""
    assert kept[-2].strip() == "" and lines[-2] == "```"  # the wrapper's closing line
    assert kept[12] == lines[12] == "```"  # the table's own fence stays


def test_wrapped_paper_is_read_at_the_files_own_positions() -> None:
    text = (HERE / "llm-wrapper.md").read_text("utf-8")
    layout = read(text, "markdown")
    assert layout.text == text
    at = text.index("areas [1]") + len("areas ")
    assert layout.masked[at : at + 3] == "[1]"
    table = text.index("| Police")
    assert layout.masked[table : table + 8].strip() == ""  # the table's fence is code


def test_rfc_pages_in_fences_are_read_as_plain_text() -> None:
    text = (HERE / "rfc-pages.md").read_text("utf-8")
    held = held_in_code(text)
    assert held is not None and held[0] == "text"
    layout = read(text, "markdown")
    assert layout.text == text
    for marker in ("work [1]", "format [2]"):
        at = text.index(marker) + marker.index("[")
        assert layout.masked[at : at + 3] == marker[-3:]
    assert "``` newpage" not in layout.masked


def test_ordinary_markdown_code_stays_code() -> None:
    assert held_in_code((HERE / "readme-code.md").read_text("utf-8")) is None
    assert held_in_code(_PROGRAM) is None
    layout = read((HERE / "readme-code.md").read_text("utf-8"), "markdown")
    assert "[9]" not in layout.masked


def test_a_markdown_fence_in_the_middle_of_a_post_is_no_wrapper() -> None:
    text = (
        "# Writing notes\n\nA post about notes.\n\nIt has some words before the example.\n\n"
        "More words here.\n\n```markdown\n"
        + "A sentence that shows how a note is written in the text here [^1].\n" * 30
        + "```\n"
    )
    assert held_in_code(text) is None
