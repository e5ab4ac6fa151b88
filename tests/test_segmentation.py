"""Sentence segmentation: a table of hard paragraphs and the sentences they must give."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from citecheck.api import check_file
from citecheck.config.settings import Settings
from citecheck.parser import parse

CASES = tomllib.loads((Path(__file__).parent / "data" / "segmentation.toml").read_text("utf-8"))[
    "case"
]


def test_table_is_large_and_well_formed():
    names = [c["name"] for c in CASES]
    assert len(names) >= 70
    assert len(set(names)) == len(names)
    for case in CASES:
        assert set(case) <= {"name", "text", "sentences", "markers", "format"}, case["name"]
        if "markers" in case:
            assert len(case["markers"]) == len(case["sentences"]), case["name"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_segmentation(case):
    doc = parse(case["text"], case.get("format", "text"))
    body = [s for s in doc.sentences if not s.heading]
    # Only Markdown headings may be set aside; a paragraph must never be taken for one.
    assert all(doc.text[doc.blocks[s.block].start] == "#" for s in doc.sentences if s.heading)
    assert [s.text for s in body] == case["sentences"]
    for s in body:
        # Spans cover exactly the sentence: no leading or trailing blanks, inside the text.
        assert 0 <= s.start < s.end <= len(doc.text)
        assert doc.text[s.start : s.end] == doc.text[s.start : s.end].strip()
        assert " ".join(doc.text[s.start : s.end].split()) == s.text
    if "markers" in case:
        assert [[m.raw for m in s.markers] for s in body] == case["markers"]
        for s in body:
            assert all(s.start <= m.start and m.end <= s.end for m in s.markers)


CASES_DIR = Path(__file__).resolve().parents[2] / "shared" / "cases"


def test_shared_case_abbreviations_tab_eq():
    """../shared/cases/abbreviations-tab-eq.md: `Tab.` and `Eq.` before a number run on."""
    path = CASES_DIR / "abbreviations-tab-eq.md"
    if not path.exists():
        pytest.skip("../shared/cases is absent")
    report = check_file(str(path), Settings(scope="sentence"))
    found = [(f.line, f.column, f.code) for f in report.findings if f.severity != "info"]
    assert found == [(3, 1, "CC001"), (3, 80, "CC001")]
