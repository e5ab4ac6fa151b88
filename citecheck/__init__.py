"""citecheck: a claim-to-source citation linter for prose."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from citecheck.api import check_text
    from citecheck.run.paths import check_paths

__version__ = "0.1.0"
__all__ = ["__version__", "check_paths", "check_text"]


def __getattr__(name: str) -> Any:
    # The API loads the parser, the rules and the pydantic models; importing a submodule
    # (the command line, errors, one rule) should not pay for all of that.
    if name == "check_text":
        from citecheck import api

        return api.check_text
    if name == "check_paths":
        from citecheck.run import paths

        return paths.check_paths
    raise AttributeError(f"module 'citecheck' has no attribute {name!r}")
