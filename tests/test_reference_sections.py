"""Reference sections and entries: which headings open a section, what each entry holds.

The fixtures under fixtures/kinds/ carry the expected findings; these tests check what the
findings cannot show: the sections found, and the keys, titles and URLs of the entries.
The shared cases of ../shared/cases in this area are checked when that folder exists.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck import check_text
from citecheck.config.settings import Settings
from citecheck.model import Document
from citecheck.parser import parse
from citecheck.text.vocab import REFERENCE_HEADING, reference_heading

KINDS = Path(__file__).parents[1] / "fixtures" / "kinds"
CASES = Path(__file__).parents[1] / ".." / "shared" / "cases"


def _doc(path: Path) -> Document:
    fmt = "markdown" if path.suffix == ".md" else "text"
    return parse(path.read_text("utf-8"), fmt, str(path))


@pytest.mark.parametrize(
    "heading",
    [
        "VI. REFERENCES",
        "## VI. REFERENCES",
        "9. REFERENCES and BIBLIOGRAPHY",
        "7.1.  Normative References",
        "References and Notes",
        "Notes and references",
        "Sources and further reading",
        "References, notes and sources",
        "Further reading",
        "**References**",
        "__Sources:__",
        "Sources:",
        "Références",
        "Notes et références",
        "Quellen",
        "Einzelnachweise",
        "Literatur",
        "Referencias",
        "Fuentes",
        "Bibliografía",
        "Riferimenti",
        "Fonti",
        "Referências",
        "Список литературы",  # a Russian or Ukrainian thesis's list of sources
        "5 Список использованных источников",
        "Список використаних джерел",
        "7 Hivatkozások",  # a Hungarian thesis
        "Irodalomjegyzék",
        "Quellenverzeichnis",  # a German thesis citing by footnotes
        "8 Literaturverzeichnis",
        "Quellen- und Literaturverzeichnis",
        "Références bibliographiques",
        "Referencias bibliográficas",
        "Referências bibliográficas",
        "Список источников",
        "引用文献",  # a Japanese paper
        "Kaynaklar",  # Turkish
        "Literatura",  # Polish, Czech
        "Bibliografie",
        "Litteratur",
    ],
)
def test_reference_headings(heading):
    assert REFERENCE_HEADING.match(heading)


@pytest.mark.parametrize(
    "line",
    [
        "See the references below.",
        "References to the harbour in old maps",
        "| Feed | Factor | References |",
        "[References](#references)",
        "The sources",
        "Literature",
        "Reading",
        "Note",
        "Sources: officials at the ministry confirmed the date",
    ],
)
def test_lines_that_mention_references_are_not_headings(line):
    assert not REFERENCE_HEADING.match(line)


def test_extra_headings_join_the_defaults():
    pattern = reference_heading(("Pressespiegel",))
    assert pattern.match("3. Pressespiegel und Quellen")
    assert not REFERENCE_HEADING.match("Pressespiegel")


@pytest.mark.parametrize(
    "name",
    ["plos-table.md", "plos-table-bullets.md", "notes-column.md", "sources-column.txt"],
)
def test_table_cells_open_no_section(name):
    doc = _doc(KINDS / "table-cells-not-a-section" / name)
    assert [s.title for s in doc.sections] in ([], ["References"])
    listed = [r for r in doc.references if r.kind.value in ("item", "paragraph")]
    assert all(r.title and len(r.title) > 20 for r in listed)


def test_a_table_marker_cites_the_reference_list():
    doc = _doc(KINDS / "table-cells-not-a-section" / "plos-table.md")
    assert {"3", "4", "5"} <= {k for m in doc.markers for k in m.keys}


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("roman.md", "VI. REFERENCES"),
        ("roman-plain.txt", "V. REFERENCES"),
        ("rfc-bibliography.txt", "9.  REFERENCES and BIBLIOGRAPHY"),
        ("compound.md", "References and Notes"),
        ("compound-plain.txt", "Sources and further reading"),
        ("notes-and-references.md", "Notes and references"),
        ("foreign-de.md", "Quellen"),
        ("foreign-es.md", "Fuentes"),
        ("foreign-fr.txt", "Références"),
        ("foreign-it.txt", "Riferimenti"),
        ("foreign-pt.md", "Referências"),
        ("bold-label.md", "References"),
        ("bold-label-plain.txt", "Sources"),
        ("mentions-not-headings.md", "References"),
    ],
)
def test_heading_opens_one_section(name, title):
    doc = _doc(KINDS / "reference-headings" / name)
    assert [s.title for s in doc.sections] == [title]
    assert len(doc.references) >= 2


@pytest.mark.parametrize(
    "name",
    [
        "sources-colon.md",
        "sources-colon-plain.txt",
        "bold-references.md",
        "bold-references-plain.txt",
        "label-then-list.md",
        "label-after-prose.md",
        "label-after-prose-plain.txt",
    ],
)
def test_label_line_straight_above_entries(name):
    doc = _doc(KINDS / "label-line-entries" / name)
    assert len(doc.sections) == 1
    assert [r.key for r in doc.references] == ["1", "2"]
    assert doc.references[0].title == "Cotton import duty waived for five months"
    assert all(s.markers for s in doc.sentences if s.claim)  # no entry is read as a claim


def test_a_sentence_opening_with_sources_is_body_text():
    doc = _doc(KINDS / "label-line-entries" / "sentence-is-not-a-label.md")
    assert [s.title for s in doc.sections] == ["Sources"]
    assert any(s.text.startswith("Sources: officials") for s in doc.sentences)


@pytest.mark.parametrize("name", ["links.md", "links-plain.txt"])
def test_link_entries_keep_title_and_url(name):
    doc = _doc(KINDS / "link-entries" / name)
    got = [(r.key, r.outlet, r.title, r.url) for r in doc.references][:4]
    assert got == [
        ("1", None, "Energy Agency annual report", "https://energy.example.org/report-2025"),
        ("2", "Regional News", "Heat pump queues", "https://news.example.com/heat-pump-queues"),
        ("3", "Housing Ministry", "Grant scheme rules", "https://gov.example.org/grants"),
        ("4", None, None, "https://tariffs.example.com/heat-pump-tariff-2025"),
    ]
    assert not any("[" in (r.title or "") or "](" in r.text for r in doc.references)


@pytest.mark.parametrize("name", ["numbered-links.md", "numbered-links-plain.txt"])
def test_numbered_link_entries(name):
    doc = _doc(KINDS / "link-entries" / name)
    assert [(r.key, r.url) for r in doc.references] == [
        ("1", "https://energy.example.org/report-2025"),
        ("2", "https://news.example.com/heat-pump-queues"),
        ("3", "https://gov.example.org/grants"),
    ]
    assert doc.references[1].title == "Heat pump queues"
    assert doc.references[0].year is None  # "2025" in the address is not a date


def test_entry_opening_with_a_link_takes_its_text_as_title():
    doc = _doc(KINDS / "link-entries" / "bullet-links.md")
    assert [r.title for r in doc.references] == ["Energy Agency annual report", "Heat pump queues"]


@pytest.mark.parametrize(
    "name", ["lettered.md", "lettered-plain.txt", "parenthesised.txt", "bracketed.md"]
)
def test_lettered_notes(name):
    doc = _doc(KINDS / "lettered-notes" / name)
    assert [r.key for r in doc.references] == ["a", "b", "1", "2"]
    assert not doc.non_references  # notes hold prose: not commentary
    cited = {k for m in doc.markers for k in m.keys}
    assert {"a", "b", "1", "2"} <= cited


def test_commentary_takes_no_number():
    doc = _doc(KINDS / "commentary-items" / "commentary.txt")
    assert [r.key for r in doc.references] == ["1", "2"]
    assert len(doc.non_references) == 4


def _findings(path: Path) -> list[tuple[str, int]]:
    report = check_text(path.read_text("utf-8"), path=str(path), settings=Settings())
    return [(f.rule, f.line) for f in report.findings if f.severity in ("warning", "error")]


@pytest.mark.skipif(not CASES.is_dir(), reason="../shared/cases is absent")
@pytest.mark.parametrize(
    "name",
    [
        "roman-numeral-heading.md",
        "references-and-notes-heading.md",
        "sources-label-no-blank-line.md",
    ],
)
def test_shared_heading_cases_have_no_findings(name):
    assert _findings(CASES / name) == []


@pytest.mark.skipif(not CASES.is_dir(), reason="../shared/cases is absent")
def test_shared_table_case_opens_one_section():
    doc = _doc(CASES / "table-references-column.md")
    assert [s.title for s in doc.sections] == ["References"]
    assert [r.key for r in doc.references] == ["1", "2"]
    assert not [
        f for f in _findings(CASES / "table-references-column.md") if f[0] != "uncited-claim"
    ]


@pytest.mark.skipif(not CASES.is_dir(), reason="../shared/cases is absent")
def test_shared_link_entries_case():
    doc = _doc(CASES / "link-entries-in-sources.md")
    assert [(r.key, r.title) for r in doc.references] == [
        ("1", "Energy Agency annual report"),
        ("2", "Heat pump queues"),
        ("3", "Grant scheme rules"),
        ("4", None),
    ]
    assert doc.references[3].url == doc.references[0].url
    assert not doc.non_references


@pytest.mark.skipif(not CASES.is_dir(), reason="../shared/cases is absent")
def test_shared_commentary_case():
    path = CASES / "commentary-items.txt"
    doc = _doc(path)
    assert [r.key for r in doc.references] == ["1", "2", "3"]
    found = _findings(path)
    assert [f for f in found if f[0] == "not-a-reference"] == [
        ("not-a-reference", 11),
        ("not-a-reference", 12),
    ]
    assert not [f for f in found if f[0] == "uncited-reference"]


@pytest.mark.skipif(not CASES.is_dir(), reason="../shared/cases is absent")
def test_shared_lettered_case_resolves_a_to_notes():
    doc = _doc(CASES / "lettered-notes.txt")
    assert [r.key for r in doc.references][:1] == ["a"]
    assert [s.title for s in doc.sections] == ["Notes", "References"]


@pytest.mark.parametrize("name", ["further-reading.md", "further-reading-plain.txt"])
def test_reading_list_is_a_section_whose_entries_need_no_citation(name):
    path = KINDS / "reference-headings" / name
    doc = _doc(path)
    assert [s.title for s in doc.sections] == ["References", "Further reading"]
    assert len(doc.references) == 4
    assert not any(s.claim for s in doc.sentences if "Greywell" in s.text)
    assert _findings(path) == []


_AUTHOR_DATE_BODY = (
    "Tides\n\nThe harbour kept hourly readings for eighty years (Okafor 2009). The gauge was"
    " moved twice (Lind 1999; Harbour Trust 1912).\n\n"
)
_AUTHOR_DATE_LIST = (
    "Harbour Trust. 1912. Annual Report 1911. Port Elms: Harbour Trust.\n\n"
    "Lind, A. 1999. A Century of Shipping at Port Elms. Coastline Press.\n\n"
    'Okafor, M. (2009). "Splicing a broken tide series." Journal of Coastal Records 12: 33-41.\n'
)


def test_sorted_author_date_entries_ending_the_text_are_a_list():
    doc = parse(_AUTHOR_DATE_BODY + _AUTHOR_DATE_LIST, "text")
    assert [s.title for s in doc.sections] == ["References"]
    assert [r.year for r in doc.references] == [1912, 1999, 2009]
    assert [s.citeproc for s in doc.sections] == [True]
    report = check_text(_AUTHOR_DATE_BODY + _AUTHOR_DATE_LIST, fmt="text")
    assert not report.findings
    assert report.profile == "paper"  # citeproc's list: a scholar's text, read as a paper


def test_unsorted_or_short_author_date_runs_are_body_text():
    lines = _AUTHOR_DATE_LIST.split("\n\n")
    unsorted = "\n\n".join([lines[2].rstrip("\n"), lines[0], lines[1]]) + "\n"
    assert parse(_AUTHOR_DATE_BODY + unsorted, "text").sections == []
    two = "\n\n".join(lines[1:])
    assert parse(_AUTHOR_DATE_BODY + two, "text").sections == []


def test_a_footnote_under_a_closing_section_of_prose_stays_a_note():
    text = (
        "# Gauges\n\nThe gauge logs its readings as free text.[^1]\n\n## Notes\n\n"
        "Hope this was a useful read about cleaning logs.\n\n"
        "There is more you can do with these readings once they are tidy.\n\n"
        "If you have other gauge logs, please let me know about them!\n\n"
        "[^1]: See the regex guide of the project for the syntax.\n"
    )
    doc = parse(text, "markdown")
    assert [r.key for r in doc.references] == ["^1"]
    assert doc.sections == [] or all(b.section is None for b in doc.blocks)
    assert not [f for f in check_text(text, fmt="markdown").findings if f.code == "CC002"]


@pytest.mark.parametrize("name", ["thanks-after-list.txt", "acknowledgements-after-list.md"])
def test_thanks_typed_after_the_list_end_it(name):
    path = Path(__file__).parents[1] / "fixtures" / "kinds" / "back-matter" / name
    text = path.read_text("utf-8")
    fmt = "markdown" if name.endswith(".md") else "text"
    doc = parse(text, fmt)
    assert len(doc.references) == 2
    assert not [s for s in doc.sentences if s.claim and "thank" in s.text.lower()]
    assert not check_text(text, fmt=fmt).findings


def test_a_plain_abstract_line_does_not_silence_the_text_after_it():
    text = (
        "# Parasites and copepods\n\n1. Abstract:\n\n"
        "It is well known that many parasites change the behaviour of their hosts.\n\n"
        "Around 60% of the copepods in the first batch were found dead within a week.\n"
    )
    claims = [s.text for s in parse(text, "markdown").sentences if s.claim]
    assert len(claims) == 2
