"""Shared test options."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

# The suite draws the same examples on every run, so a run never fails on an input the
# previous one did not try (CI must not flake). ``HYPOTHESIS_PROFILE=explore`` draws new
# examples each run, to look for bugs.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


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
