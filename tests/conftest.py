"""Shared test options."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-fixtures",
        action="store_true",
        default=False,
        help="Rewrite the .expected files of fixtures/ from citecheck's output, for review.",
    )


@pytest.fixture
def update_fixtures(request: pytest.FixtureRequest) -> bool:
    """Whether expectations are to be rewritten rather than checked."""
    return bool(request.config.getoption("--update-fixtures"))


@pytest.fixture(autouse=True)
def _not_under_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Output formats do not depend on the CI host (``github`` is the default under Actions)."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
