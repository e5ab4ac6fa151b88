"""citecheck: a claim-to-source citation linter for prose."""

from __future__ import annotations

from citecheck.api import check_paths, check_text

__version__ = "0.1.0"
__all__ = ["__version__", "check_paths", "check_text"]
