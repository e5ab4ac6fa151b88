"""Headings mangled by PDF text extraction (small capitals, letter spacing) and unnumbered
author-year entries as a PDF extract wraps them."""

from __future__ import annotations

import pytest

from citecheck.api import analyse
from citecheck.model import BlockKind
from citecheck.text.smallcaps import split_capital, uncapped


@pytest.mark.parametrize(
    ("line", "joined"),
    [
        ("R EFERENCES", "REFERENCES"),
        ("II. S YSTEM M ODEL", "II. SYSTEM MODEL"),
        ("R E F E R E N C E S", "REFERENCES"),
        ("  A CKNOWLEDGMENT", "ACKNOWLEDGMENT"),
        ("References", "References"),  # written as the author wrote it: unchanged
        ("IEEE TRANSACTIONS ON ROUTING", "IEEE TRANSACTIONS ON ROUTING"),
        ("We read R EFERENCES here.", "We read R EFERENCES here."),  # prose
    ],
)
def test_uncapped(line, joined):
    assert uncapped(line) == joined


def test_split_capital():
    assert split_capital("R", "EFERENCES") == "REFERENCES"
    assert split_capital("V. C", "ONCLUSION") == "V. CONCLUSION"
    assert split_capital("R", "eferences are listed below") is None
    assert split_capital("We", "EFERENCES") is None


_BODY = "Relays congest strong links [1]. Queues matter too [2].\n"


@pytest.mark.parametrize("heading", ["R\nEFERENCES", "R EFERENCES", "R E F E R E N C E S"])
def test_mangled_reference_heading_opens_the_list(heading):
    text = f"{_BODY}{heading}\n[1] A. Bell, “Relays,” 2019.\n[2] C. Dunn, “Queues,” 2020.\n"
    doc, _ = analyse(text, path="paper.txt")
    assert [r.key for r in doc.references] == ["1", "2"]
    heads = [b for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert len(heads) == 1 and heads[0].end == text.index("\n[1]")


def test_split_heading_needs_its_number_unless_it_names_the_list():
    text = "The ratio is\nK\nSINR\nout of range here.\nV. C\nONCLUSION\nWe end.\n"
    doc, _ = analyse(text, path="notes.txt")
    joined = [doc.text[b.start : b.end] for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert [h for h in joined if "\n" in h] == ["V. C\nONCLUSION"]


def test_unnumbered_author_year_entries_are_split_at_each_name_head():
    text = (
        "Dense matching (Baker and Cole 2015) and fields (Dorn et al. 2020).\n"
        "References\n"
        "Baker, A.; and Cole, B. 2015. Dense matching for multi-view\n"
        "stereo. In Conference on Computer Vision and Pattern\n"
        "Recognition, 1200–1208.\n"
        "Dorn, C.; Ernst, D.; Falk, E.; and\n"
        "Gruber, F. 2020. Neural fields. In International Con-\n"
        "ference on Learning Representations.\n"
        "Hahn, I. 2021. A benchmark of scans. arXiv preprint\n"
        "arXiv:2101.00001.\n"
    )
    doc, _ = analyse(text, path="paper.txt")
    firsts = [r.text.split(",")[0] for r in doc.references]
    assert firsts == ["Baker", "Dorn", "Hahn"]
    assert "Gruber, F. 2020" in doc.references[1].text  # a name after "and" runs on
