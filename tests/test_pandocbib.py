"""Pandoc citations of a bibliography kept in another file (parser/pandocbib.py): read as
citations, never dangling, said once as an info line."""

from __future__ import annotations

from pathlib import Path

from citecheck.api import analyse, check_text
from citecheck.parser.pandocbib import bibliography_outside, declared, outside_keys

KIND = Path(__file__).parents[1] / "fixtures" / "kinds" / "pandoc-bibliography"


def _codes(text: str) -> list[str]:
    return [f.code for f in check_text(text, fmt="markdown").findings]


def test_front_matter_names_the_bibliography() -> None:
    assert declared("---\ntitle: A\nbibliography: refs.bib\n---\nText.\n") == "refs.bib"
    assert declared('---\nbibliography: "refs.bib"\n---\n') == "refs.bib"
    assert declared("---\nbibliography:\n  - a.bib\n  - b.bib\n---\n") == "a.bib"
    assert declared("---\ntitle: A\n---\nbibliography: refs.bib\n") is None
    assert declared("No front matter. bibliography: refs.bib\n") is None


def test_which_keys_are_read() -> None:
    text = (
        "One [@bush-1999] and two [see @koel-2013, p. 4; @smith-2004]; over a line\n"
        "[@bertrand2014;\n@damini-2020]. Not [@fig:trees], not [@jack](https://x.org),\n"
        "not mail@example.org, not [@eq:a; @b]. As @smith-2004 showed; @flulab posts.\n"
    )
    outside = bibliography_outside(text, text)
    assert outside is not None and outside.name == ""
    assert outside.keys == {"bush-1999", "koel-2013", "smith-2004", "bertrand2014", "damini-2020"}
    keys = [(k, in_text) for _, _, k, in_text in outside_keys(text, 0, len(text), outside)]
    assert keys == [
        ("bush-1999", False),
        ("koel-2013", False),
        ("smith-2004", False),
        ("bertrand2014", False),
        ("damini-2020", False),
        ("smith-2004", True),
    ]


def test_one_key_without_front_matter_is_not_a_bibliography() -> None:
    text = "A note for [@jack] about the release.\n"
    assert bibliography_outside(text, text) is None
    assert "CC013" not in _codes(text)


def test_a_declared_bibliography_reads_in_text_keys_of_a_key_shape() -> None:
    text = "---\nbibliography: refs.bib\n---\n\nAs @huddleston-2020 showed, follow @flulab.\n"
    doc, _ = analyse(text, fmt="markdown")
    assert [m.raw for m in doc.markers] == ["@huddleston-2020"]
    assert doc.bibliography == "refs.bib"


def test_keys_cover_claims_and_are_never_dangling() -> None:
    report = check_text((KIND / "post.md").read_text("utf-8"), fmt="markdown")
    codes = [f.code for f in report.findings]
    assert "CC002" not in codes and "CC004" not in codes
    info = [f for f in report.findings if f.code == "CC013"]
    assert len(info) == 1 and info[0].severity == "info"
    assert "references.bib" in info[0].message
    # the one uncited claim is the uncited statistic, not the cited sentences
    assert [f.line for f in report.findings if f.code == "CC001"] == [11]


def test_a_list_in_the_document_still_resolves_keys_itself() -> None:
    text = (
        "---\nbibliography: refs.bib\n---\n\nRents rose [@smith2020].\n\n"
        "# References\n\n- Smith, J. (2020). Rents. Journal of Housing, 3, 1-9.\n"
    )
    doc, _ = analyse(text, fmt="markdown")
    assert doc.bibliography is None
    assert "CC013" not in _codes(text)


def test_a_bibliography_held_in_the_file_is_not_outside() -> None:
    text = (
        "Due to [@benci1989], proved in [@viterbo2000].\n\n"
        "::: thebibliography\n"
        "Benci, V.: Bounce trajectories (1989) Viterbo, C.: Metric (2000)\n:::\n"
    )
    assert bibliography_outside(text, text) is None


def test_an_empty_refs_div_marks_where_citeproc_writes_the_list() -> None:
    # A thesis written for citeproc sets an empty ``::: {#refs}`` div under its
    # "Bibliografía" heading: the list is built from a file the source does not hold.
    text = (KIND.parent / "thesis-languages" / "pandoc-refs-div.md").read_text("utf-8")
    outside = bibliography_outside(text, text)
    assert outside is not None and outside.keys == {"rogers2002", "puyol1995", "lopeztrigal2015"}
    doc, _ = analyse(text, fmt="markdown")
    assert doc.bibliography == "" and doc.references == []
    codes = _codes(text)
    assert "CC001" not in codes and "CC003" not in codes and codes.count("CC013") == 1
    # a div that holds entries is a list the file holds
    held = text.replace("::: {#refs}\n:::", "::: {#refs}\nRogers, A. (2002). Migration.\n:::")
    assert bibliography_outside(held, held) is None
    # an open div left at the end of the file holds nothing either
    open_div = text.replace("::: {#refs}\n:::", "::: {#refs}\n")
    assert bibliography_outside(open_div, open_div) is not None
