"""``not-a-reference`` on the labelled lines of tests/data/not_a_reference.toml.

The figures come from benchmarks/not_a_reference.py (which prints them and the lines it
misreads); this test holds the floor: precision and recall of at least 0.95 in plain text
and in Markdown.
"""

from __future__ import annotations

from types import ModuleType

import pytest
from benchscripts import load

FLOOR = 0.95


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load("not_a_reference")


def test_the_set_covers_the_styles(bench: ModuleType) -> None:
    lines = bench.load()
    sources = [x for x in lines if x["source"]]
    assert len(sources) >= 60
    assert len(lines) - len(sources) >= 30
    styles = {x["style"] for x in sources}
    wanted = {"apa", "mla", "chicago", "vancouver", "ieee", "harvard", "news", "url", "doi"}
    assert wanted | {"wikipedia", "rfc", "markdown-link"} <= styles
    assert len({x["text"] for x in lines}) == len(lines)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_precision_and_recall_floor(bench: ModuleType, fmt: str) -> None:
    score = bench.measure(bench.load())[fmt]
    assert score.precision >= FLOOR, score.wrong
    assert score.recall >= FLOOR, score.wrong
    assert score.lost == 0, score.wrong  # every source line is listed as a reference


def test_the_script_prints_the_figures(
    bench: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.main([]) == 0
    out = capsys.readouterr().out
    assert "precision" in out and "recall" in out
