"""citecheck: a claim-to-source citation linter for prose."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from citecheck.api import check_paths, check_text

__version__ = "0.1.0"
__all__ = ["__version__", "check_paths", "check_text"]


def __getattr__(name: str) -> Any:
    # The API loads the parser, the rules and the pydantic models; importing a submodule
    # (the command line, errors, one rule) should not pay for all of that.
    if name in ("check_paths", "check_text"):
        from citecheck import api

        return getattr(api, name)
    raise AttributeError(f"module 'citecheck' has no attribute {name!r}")
