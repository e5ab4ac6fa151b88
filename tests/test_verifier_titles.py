"""Page titles against listed titles, site names ignored."""

from __future__ import annotations

import pytest

from citecheck.verifier.titles import best_score, normalise_title, same_any, same_title


@pytest.mark.parametrize(
    ("page", "listed", "site"),
    [
        (
            "Mexico rejects U.S. military action | Reuters",
            "Mexico rejects U.S. military action",
            None,
        ),
        (
            "Mexico rejects US military action - BBC News",
            "Mexico Rejects U.S. Military Action",
            None,
        ),
        ("BBC News - Mexico rejects US military action", "Mexico rejects US military action", None),
        ("Mexico rejects US military action", "“Mexico Rejects US Military Action”", None),
        ("Mexico’s president rejects action", "Mexico's President Rejects Action", None),
        (
            "Mexico rejects US military action — The Guardian",
            "Mexico rejects US military action",
            "The Guardian",
        ),
        (
            "Mexico rejects US military action: what it means",
            "Mexico rejects US military action",
            None,
        ),
        ("Mexico rejects US militray action", "Mexico rejects US military action", None),
        (
            "Mexico rejects US military action | World | Example Times",
            "Mexico rejects US military action",
            "Example Times",
        ),
    ],
)
def test_same(page: str, listed: str, site: str | None) -> None:
    assert same_title(page, listed, site)


@pytest.mark.parametrize(
    ("page", "listed"),
    [
        ("Cartels expand into avocado trade | Reuters", "Mexico rejects US military action"),
        ("Mexico rejects Canadian trade deal - BBC News", "Mexico rejects US military action"),
        ("BBC News", "Mexico rejects US military action"),
        ("Page not found", "Mexico rejects US military action"),
    ],
)
def test_different(page: str, listed: str) -> None:
    assert not same_title(page, listed)


def test_normalise() -> None:
    assert normalise_title("  “Café” & Bar — Élan!  ") == "cafe and bar elan"


@pytest.mark.parametrize(
    ("page", "listed"),
    [
        ("These Weeks in Firefox: Issue 85", "These Weeks in Firefox: Issue 84"),
        ("Python 3.6.0 is now available!", "Python 3.7.0 is now available!"),
        (
            "Raspberry Pi 3 - The credit card sized PC | SimplyFound",
            "Raspberry Pi 4 - The credit card sized PC",
        ),
    ],
)
def test_another_issue_of_a_series_is_another_work(page: str, listed: str) -> None:
    assert not same_title(page, listed)


def test_a_date_in_one_title_only_does_not_count_against_it() -> None:
    assert same_title(
        "Berlin confronts its colonial past | DW | 19.01.2020", "Berlin confronts its colonial past"
    )


def test_any_title_of_the_page_may_match() -> None:
    titles = (
        "What changes for commuters",
        "Harbour bridge reopens after two-year repair | Port Gazette",
    )
    assert same_any(titles, "Harbour bridge reopens after two-year repair")
    assert not same_any(titles, "Ferry operator cuts winter timetable")
    assert same_any(titles, "")  # nothing listed, nothing to compare
    assert best_score((), "Harbour bridge reopens") == 0.0


def test_a_known_outlet_alone_is_not_a_part_of_the_title() -> None:
    # the short part rule needs MIN_PART_WORDS words; a bare site name is no title
    assert not same_title("BBC News", "Mexico rejects US military action")


def test_the_sites_name_is_no_part_of_a_title() -> None:
    page = "The Best Shopping in Marrakech - Condé Nast Traveler"
    assert not same_title(page, "Condé Nast Traveler", "Condé Nast Traveler")
    assert not same_title("Mexico rejects US military action | BBC News", "BBC News")
    assert same_title(page, "The Best Shopping in Marrakech", "Condé Nast Traveler")
