"""Page titles against listed titles, site names ignored."""

from __future__ import annotations

import pytest

from citecheck.verifier.titles import normalise_title, same_title


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
