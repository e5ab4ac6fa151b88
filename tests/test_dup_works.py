"""One work in two listings, two works under one DOI, one document at two pages, URLs with
parentheses, and markers written inside markers: what duplicate-reference,
duplicate-citation and their fixes make of each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.api import check_text, fix_text
from citecheck.cli.app import app
from citecheck.text.urls import trim_url


def _dups(text: str, path: str = "a.md") -> list[tuple[int, str, str]]:
    report = check_text(text, path=path)
    return [(f.line, f.severity, f.message) for f in report.findings if f.code == "CC007"]


STYLES = """\
# Interpreters

One claim about interpreters [1]. Another claim about interpreters [2].

## References

1. Darais, D., Labich, N., & Van Horn, D. (2017). Abstracting definitional interpreters. PACMPL.
2. {second}
"""


@pytest.mark.parametrize(
    "second",
    [
        'D. Darais, N. Labich and D. Van Horn, "Abstracting Definitional Interpreters," '
        "PACMPL, 2017.",
        'Darais, David, Nicholas Labich, and David Van Horn. 2017. "Abstracting Definitional '
        'Interpreters." PACMPL 1.',
        "Darais D, Labich N, Van Horn D. Abstracting definitional interpreters. PACMPL. 2017;1:12.",
        "Darais, D., Labich, N., & Van Horn, D. (2016). Abstracting definitional interpreters. "
        "arXiv:1707.04755.",
    ],
    ids=["ieee", "chicago", "vancouver", "preprint"],
)
def test_one_work_in_another_style_is_a_duplicate(second: str) -> None:
    (found,) = _dups(STYLES.format(second=second))
    assert found[0] == 8 and found[1] == "warning"


@pytest.mark.parametrize(
    "second",
    [
        # the same authors and title in another year: a new edition, not a copy
        "Darais, D., Labich, N., & Van Horn, D. (2019). Abstracting definitional interpreters. "
        "PACMPL, 3, 1.",
        # other authors
        "Lind, A., & Moe, C. (2017). Abstracting definitional interpreters. PACMPL, 1, 12.",
        # the same authors, another title
        "Darais, D., Labich, N., & Van Horn, D. (2017). Pushdown analysis for free. POPL.",
    ],
    ids=["other-year", "other-authors", "other-title"],
)
def test_other_works_are_not_duplicates(second: str) -> None:
    assert _dups(STYLES.format(second=second)) == []


SHARED_DOI = """\
Ferries

The northern route would close first [1], while a later study argued the opposite [2].

References:
1. Nilsen, A., & Moe, C. (2015). Modelling ferry demand on the northern fjords. TS. doi:10.5555/ts.1
2. Ross, B., & Lind, A. (2015). Winter timetables and coastal ferry routes. TS. doi:10.5555/ts.1
"""


def test_one_doi_on_two_works_is_no_duplicate_and_is_never_merged() -> None:
    assert _dups(SHARED_DOI, "a.txt") == []
    result = fix_text(SHARED_DOI, path="a.txt", unsafe=True)
    assert result.text == SHARED_DOI and not result.fixed


PAGES = """\
# Policy

Business class only on flights longer than eight hours [1]. Hotels are capped at 180 euros [2].

## Sources

1. [Travel Policy](https://intranet.example.com/policy.pdf#page=3)
2. [Travel Policy](https://intranet.example.com/policy.pdf#page=5)
"""


def test_one_pdf_at_two_pages_is_a_note_and_fix_keeps_both() -> None:
    ((line, severity, message),) = _dups(PAGES)
    assert (line, severity) == (8, "info")
    assert "#page=5" in message and "#page=3" in message
    report = check_text(PAGES, path="a.md")
    assert all(f.fix is None for f in report.findings)  # never announced as fixable
    assert fix_text(PAGES, path="a.md").text == PAGES


def test_the_same_pdf_page_twice_is_merged() -> None:
    text = PAGES.replace("#page=3", "#page=5")
    ((line, severity, _),) = _dups(text)
    assert (line, severity) == (8, "warning")
    fixed = fix_text(text, path="a.md")
    assert "[2]" not in fixed.text and fixed.text.count("[1]") == 2


def test_an_anchor_is_not_a_page() -> None:
    text = PAGES.replace("policy.pdf#page=3", "page#intro").replace("policy.pdf#page=5", "page")
    assert [s for _, s, _ in _dups(text)] == ["warning"]


def test_identical_notes_are_duplicates_but_ibid_is_not() -> None:
    text = (
        "# H\n\nThe quay was rebuilt in 1913.[^1] The toll rose.[^2] It rose again.[^3]"
        " Ships were diverted.[^4]\n\n"
        "[^1]: Harbour Trust, Annual report 1912, p. 4.\n"
        "[^2]: Ibid., p. 9.\n"
        "[^3]: Ibid., p. 9.\n"
        "[^4]: Harbour Trust, annual report 1912, p. 4\n"
    )
    assert [line for line, _, _ in _dups(text)] == [8]


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://en.wikipedia.org/wiki/Matrix_(mathematics)", "same"),
        ("https://en.wikipedia.org/wiki/Matrix_(mathematics)).", "…/Matrix_(mathematics)"),
        ("https://example.org/a).", "https://example.org/a"),
        ("https://example.org/a,", "https://example.org/a"),
        ("10.1016/S0140-6736(12)60001-5.", "10.1016/S0140-6736(12)60001-5"),
    ],
)
def test_trailing_punctuation_goes_but_an_address_keeps_its_brackets(url: str, kept: str) -> None:
    want = url if kept == "same" else kept.replace("…", "https://en.wikipedia.org/wiki")
    assert trim_url(url) == want


PARENS = """\
# Matrices

Matrices are rectangular arrays of numbers in most textbooks [1]. Reform came in 2009 [2].
Determinants follow a year later in the same textbooks [3].

## References

1. [Matrix (mathematics)](https://en.wikipedia.org/wiki/Matrix_(mathematics))
2. *Reform*, https://education.example.org/reform_(2009) (accessed 2024).
3. Wikipedia: Determinant (see https://en.wikipedia.org/wiki/Determinant_(linear_algebra)).
"""


def test_urls_keep_their_parentheses(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(PARENS, "utf-8")
    result = CliRunner().invoke(app, ["refs", str(path), "--format", "json"])
    refs = json.loads(result.stdout)["references"]
    assert [r["url"] for r in refs] == [
        "https://en.wikipedia.org/wiki/Matrix_(mathematics)",
        "https://education.example.org/reform_(2009)",
        "https://en.wikipedia.org/wiki/Determinant_(linear_algebra)",
    ]
    assert refs[0]["title"] == "Matrix (mathematics)"


LABELS = """\
# QUIC

The Chromium Projects ([[CHROMIUM](https://www.chromium.org/)]) ship a QUIC library.

## Informative References

[CHROMIUM] The Chromium Projects, <https://www.chromium.org/>.
"""


def test_a_label_wrapped_as_a_link_is_one_citation(tmp_path: Path) -> None:
    assert not [f for f in check_text(LABELS, path="a.md").findings if f.code == "CC011"]
    path = tmp_path / "a.md"
    path.write_text(LABELS, "utf-8")
    runner = CliRunner()
    diff = runner.invoke(app, ["fix", "--diff", str(path)])
    assert diff.exit_code == 0 and not diff.stdout.startswith("---")
    for _ in range(2):  # "fixed N" on every run with nothing changed was the fault
        result = fix_text(LABELS, path="a.md", unsafe=True)
        assert not result.changed and not result.fixed
    assert path.read_text("utf-8") == LABELS
