"""Output formats: small functions that only render a report, chosen by name."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from citecheck.report import Report

Renderer = Callable[[Report, TextIO, bool], None]
FORMATS = ("text", "json")


def renderer(name: str) -> Renderer:
    """Return the function that renders a report in the named format."""
    if name == "json":
        from citecheck.formats.json import render as render_json

        return render_json
    from citecheck.formats.text import render as render_text

    return render_text
