"""Duplicate sources and keys defined twice: URL and DOI keys, series titles, shadowing."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.api import check_file, check_text
from citecheck.checker.titles import difference, marks
from citecheck.text.urls import doi_key, split_url, url_key

CASES = Path(__file__).parents[1] / ".." / "shared" / "cases"

SAME_URL = [
    ("https://example.com/a/b", "http://example.com/a/b"),
    ("https://www.example.com/a/b", "https://example.com/a/b"),
    ("https://EXAMPLE.com/a/b", "https://example.com/a/b"),
    ("https://example.com/a/b/", "https://example.com/a/b"),
    ("https://example.com/a/b#section-2", "https://example.com/a/b"),
    ("https://example.com:443/a/b", "http://example.com:80/a/b"),
    ("https://example.com/a?utm_source=x&utm_medium=email&id=3", "https://example.com/a?id=3"),
    ("https://example.com/a?gclid=1&fbclid=2&mc_cid=3&mc_eid=4&_ga=5", "https://example.com/a"),
    ("https://example.com/a?msclkid=1&igshid=2&yclid=3&mkt_tok=4", "https://example.com/a"),
    ("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
    ("https://example.com/a?id=1&amp;p=2", "https://example.com/a?id=1&p=2"),
    ("https://example.com/%7Euser/caf%c3%a9", "https://example.com/~user/café"),
    ("https://example.com/a/./b/../c", "https://example.com/a/c"),
    ("https://youtu.be/abc123?si=Xy7", "https://youtu.be/abc123"),
    (
        "https://web.archive.org/web/20240101000000/https://example.com/a",
        "https://example.com/a",
    ),
]

OTHER_URL = [
    ("https://example.com/a?id=1", "https://example.com/a?id=2"),
    ("https://example.com/a", "https://example.com/b"),
    ("https://example.com/Path", "https://example.com/path"),  # paths are case-sensitive
    ("https://example.com:8080/a", "https://example.com/a"),
    ("https://example.com/#/inbox", "https://example.com/#/settings"),  # hash routes
    ("https://a.example.com/x", "https://b.example.com/x"),
    ("https://github.com/o/r/blob/f?ref=main", "https://github.com/o/r/blob/f?ref=dev"),
    ("https://example.com/gallery?gallery=1", "https://example.com/gallery?gallery=2"),
    ("ftp://example.com/a", "https://example.com/a"),
]


@pytest.mark.parametrize(("a", "b"), SAME_URL)
def test_spellings_of_one_url_share_a_key(a: str, b: str) -> None:
    assert url_key(a) == url_key(b) is not None


@pytest.mark.parametrize(("a", "b"), OTHER_URL)
def test_different_urls_keep_different_keys(a: str, b: str) -> None:
    assert url_key(a) != url_key(b)


@pytest.mark.parametrize("url", ["#intro", "/docs/page", "{MD053}", "mailto:a@example.com", ""])
def test_a_url_without_a_host_has_no_key(url: str) -> None:
    assert url_key(url) is None


def test_split_url_separates_the_host() -> None:
    assert split_url("https://www.Example.org:443/a/b/?utm_id=1") == ("example.org", "/a/b")


@pytest.mark.parametrize(
    "value",
    [
        "10.5555/ABC.1",
        "doi:10.5555/abc.1",
        "DOI: 10.5555/abc.1.",
        "https://doi.org/10.5555/abc.1",
        "http://dx.doi.org/10.5555%2FABC.1",
        "https://doi.org/10.5555/abc.1?casa_token=x",
    ],
)
def test_doi_spellings(value: str) -> None:
    assert doi_key(value) == "10.5555/abc.1"


@pytest.mark.parametrize(
    "url",
    [
        "https://arxiv.org/abs/2308.06256",
        "https://arxiv.org/abs/2308.06256v2",
        "http://export.arxiv.org/pdf/2308.06256v1.pdf",
        "10.48550/arXiv.2308.06256",
    ],
)
def test_an_arxiv_paper_is_its_doi(url: str) -> None:
    assert doi_key(url) == "10.48550/arxiv.2308.06256"


@pytest.mark.parametrize("value", ["https://example.com/10.5555/abc", "10.12/x", "doi:"])
def test_not_a_doi(value: str) -> None:
    assert doi_key(value) is None


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("labour market overview uk december 2022", ("december", "2022")),
        ("uk exports rise in first half part 2", ("first", "2")),
        ("national trade survey volume ii", ("ii",)),
        ("national trade survey part i", ("i",)),
        ("national trade survey part b", ("b",)),
        ("markets briefing for monday", ("monday",)),
        ("i think a storm is coming", ()),
        ("civil servants strike", ()),
    ],
)
def test_marks(title: str, expected: tuple[str, ...]) -> None:
    assert marks(title) == expected


def test_difference_shows_the_stretch_with_context() -> None:
    assert difference(
        "Council approves the congestion charge", "Council approves congestion charge"
    ) == (
        "…approves the congestion…",
        "…approves congestion…",
    )
    assert difference("Fuel prices fall.", "Fuel prices fall") is None


def _findings(text: str, fmt: str = "text") -> list[tuple[int, str]]:
    report = check_text(text, fmt=fmt)
    return [(f.line, f.rule) for f in report.findings]


def test_a_number_defined_twice_is_a_duplicate_not_uncited() -> None:
    text = (
        "Fuel prices fell for the third week in a row. [1]\n\n"
        "The ministry expects a further drop in May. [2]\n\n"
        "References:\n[1] Daily Ledger: Fuel prices fall\n[2] Metro Times: Cheaper fuel\n"
        "[2] Harbor Gazette: Ferry timetable\n"
    )
    report = check_text(text)
    assert [(f.line, f.rule) for f in report.findings] == [(8, "duplicate-reference")]
    assert "second definition of [2]" in report.findings[0].message
    assert (report.stats.cited_references, report.stats.uncited_references) == (2, 0)


def test_the_first_definition_is_cited_and_an_unused_first_is_still_uncited() -> None:
    text = (
        "Fuel prices fell for the third week in a row [1].\n\n"
        '[1]: https://a.example/x "A"\n[1]: https://b.example/y "B"\n'
        '[spare]: https://c.example/z "C"\n[SPARE]: https://d.example/w "D"\n'
    )
    assert _findings(text, "markdown") == [
        (4, "duplicate-reference"),
        (5, "uncited-reference"),
        (6, "duplicate-reference"),
    ]


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_urls_that_differ_only_in_spelling_are_one_source(fmt: str) -> None:
    text = (
        "Heat pump sales grew by a third last year [1]. Installers report waiting lists [2]. "
        "Grants cover half the cost [3]. The agency's report says so too [4].\n\n"
        "## Sources\n\n"
        "1. Energy Agency: Annual report. https://energy.example.org/report-2025\n"
        "2. Regional News: Heat pump queues. https://news.example.com/queues\n"
        "3. Housing Ministry: Grant scheme rules. https://gov.example.org/grants\n"
        "4. https://WWW.energy.example.org/report-2025/?utm_source=feed#summary\n"
    )
    assert _findings(text, fmt) == [(8, "duplicate-reference")]


def test_links_outside_a_reference_section_may_share_a_url() -> None:
    text = (
        "See the [guide][docs] and the [manual][handbook] for details on setup.\n\n"
        "[docs]: https://example.com/guide\n[handbook]: https://example.com/guide/\n"
    )
    assert _findings(text, "markdown") == []


@pytest.mark.skipif(not CASES.is_dir(), reason="../shared/cases is absent")
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("duplicate-number.txt", [8]),
        ("same-source-two-hosts.md", [8]),
        ("series-not-duplicates.md", []),
    ],
)
def test_shared_duplicate_cases(name: str, expected: list[int]) -> None:
    report = check_file(str(CASES / name))
    assert [f.line for f in report.findings if f.rule == "duplicate-reference"] == expected
    assert not [f for f in report.findings if f.rule == "uncited-reference" and f.line in expected]
