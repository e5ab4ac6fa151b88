"""One line per finding: ``path:line:col severity CODE name message``."""

from __future__ import annotations

from typing import TextIO

from citecheck.report import Finding, Report


def line(f: Finding) -> str:
    """Return the concise line of one finding (without a line break)."""
    message = " ".join(f.message.split())
    return f"{f.path}:{f.where} {f.severity} {f.code} {f.rule} {message}"


def render(report: Report, out: TextIO, color: bool = False, width: int | None = None) -> None:
    """Write every finding on a line of its own, files in input order."""
    for file in report.files:
        for f in file.findings:
            out.write(line(f) + "\n")
