"""Output formats: small functions that only render a report, chosen by name.

Every format is built from the one :class:`~citecheck.report.Report`; none filters, counts
or decides the exit code. Each module is imported only when its format is used.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from typing import Protocol, TextIO, cast

from citecheck.report import Report


class Renderer(Protocol):
    """``render(report, out, color, width)``: write a report; width in terminal cells."""

    def __call__(
        self, report: Report, out: TextIO, color: bool = False, width: int | None = None
    ) -> None: ...


FORMATS = ("text", "concise", "json", "github", "sarif", "junit", "html")


def renderer(name: str) -> Renderer:
    """Return the function that renders a report in the named format."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}")
    module = import_module(f"citecheck.cli.formats.{name}")
    return cast(Renderer, module.render)


def choose(name: str | None, environ: Mapping[str, str]) -> str:
    """Return the format asked for, else ``github`` under GitHub Actions, else ``text``."""
    if name:
        return name
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"
