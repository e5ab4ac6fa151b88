"""A converted list whose lines end in hard breaks and whose first entry opens with its year
(parser/sections.py, parser/references.py, parser/listentries.py)."""

from __future__ import annotations

from pathlib import Path

from citecheck.parser import parse

_FIXTURE = (
    Path(__file__).parents[1] / "fixtures" / "kinds" / "converted-author-year" / "hard-breaks.md"
)


def test_entries_split_at_hard_breaks_and_a_year_is_no_number():
    doc = parse(_FIXTURE.read_text("utf-8"), "markdown")
    firsts = [r.text.split(",")[0][:20] for r in doc.references]
    assert firsts == [
        "2023. Bliva: A simpl",
        "Emanuele Aiello",
        "Hassan Akbari",
        "Wenbo Hu",
        "Haotian Liu",
        "Aditya Ramesh",
    ]
    assert not doc.explicit_numbers
    assert len(doc.markers) == 4


def test_a_numbered_list_keeps_its_numbers():
    text = (
        "Text cites the first entry [1] and the second [2].\n\n# References\n\n"
        "1. A. Author. A paper. 2019.\n2. B. Author. A book. 2020.\n"
    )
    doc = parse(text, "markdown")
    assert [r.number for r in doc.references] == [1, 2]
