"""DESIGN.md's acceptance article: exactly the findings it lists, in both scopes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck import check_text
from citecheck.cli.app import app
from citecheck.config.settings import Settings

ARTICLE = Path(__file__).parents[1] / "fixtures" / "000_75297bddb94e8c7d.txt"
TEXT = ARTICLE.read_text("utf-8")
LINES = TEXT.splitlines()


def _column(line: int, words: str) -> int:
    """1-based column where ``words`` start on a 1-based line."""
    return LINES[line - 1].index(words) + 1


def _serious(scope: str) -> list[tuple[str, int, int]]:
    report = check_text(TEXT, path=str(ARTICLE), settings=Settings(scope=scope))
    return [
        (f.rule, f.line, f.column) for f in report.findings if f.severity in ("warning", "error")
    ]


def test_paragraph_scope_gives_exactly_the_listed_findings():
    assert _serious("paragraph") == [
        ("uncited-claim", 2, 1),
        ("not-a-reference", 15, 1),
        ("not-a-reference", 16, 1),
    ]


def test_sentence_scope_adds_the_first_sentences_of_lines_4_to_6():
    assert _serious("sentence") == [
        ("uncited-claim", 2, 1),
        ("uncited-claim", 4, 1),
        ("uncited-claim", 5, 1),
        ("uncited-claim", 5, _column(5, "However, no immediate")),
        ("uncited-claim", 6, 1),
        ("not-a-reference", 15, 1),
        ("not-a-reference", 16, 1),
    ]


@pytest.mark.parametrize("scope", ["paragraph", "sentence"])
def test_line_6_is_hinted_towards_reference_5(scope):
    report = check_text(TEXT, path=str(ARTICLE), settings=Settings(scope=scope))
    at_6 = [f for f in report.findings if f.line == 6 and f.column == 1]
    assert any('[5] "BBC News: Mexico Rejects U.S. Military Action' in f.message for f in at_6)


def test_all_six_references_are_cited_and_the_headline_is_no_claim():
    report = check_text(TEXT, path=str(ARTICLE))
    assert report.stats.references == 6
    assert report.stats.cited_references == 6
    assert report.stats.uncited_references == 0
    assert not [f for f in report.findings if f.line == 1]


def _parse_json() -> dict:
    result = CliRunner().invoke(app, ["parse", "--format", "json", str(ARTICLE)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_parse_puts_the_group_on_line_3_with_the_sentence_ending_in_us():
    data = _parse_json()
    (sentence,) = [s for s in data["sentences"] if any(m["line"] == 3 for m in s["markers"])]
    assert sentence["line"] == 3
    assert [m["raw"] for m in sentence["markers"]] == ["[1]", "[2]", "[3]"]
    assert sentence["text"].removesuffix("[1][2][3]").rstrip().endswith("into the U.S.")
    assert sentence["claim"] is True
    assert sentence["covered_by"] == ["1", "2", "3"]
    headline = data["sentences"][0]
    assert headline["line"] == 1
    assert headline["claim"] is False


def test_parse_text_view_shows_the_group_on_line_3():
    result = CliRunner().invoke(app, ["parse", "--no-color", str(ARTICLE)])
    assert result.exit_code == 0, result.output
    (row,) = [line for line in result.stdout.splitlines() if line.strip().startswith("3:1 ")]
    assert "into the U.S. [1][2][3]" in row


def test_according_to_the_new_york_times_cites_the_nyt():
    data = _parse_json()
    (sentence,) = [s for s in data["sentences"] if "according to The New York Times" in s["text"]]
    nyt = next(r for r in data["references"] if r["outlet"] == "The New York Times")
    assert nyt["key"] == "1"
    assert "1" in sentence["covered_by"]
    report = check_text(TEXT, path=str(ARTICLE), settings=Settings(select=("ALL",)))
    assert not [f for f in report.findings if f.rule == "attribution-mismatch"]
