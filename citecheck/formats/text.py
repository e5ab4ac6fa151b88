"""Human output: ``path:line:col CODE name message``, the source line marked, a summary.

Colour comes from rich when writing to a terminal; otherwise the same lines are plain.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TextIO

from citecheck.report import FileReport, FileStats, Finding, Report, Summary

if TYPE_CHECKING:
    from rich.console import Console

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _excerpt(lines: list[str], f: Finding) -> tuple[str, int, int]:
    """Return the finding's first source line, clipped, and the marked column range on it.

    Only the clipped window is copied, so many findings on one long line stay cheap.
    """
    if f.line > len(lines):
        return "", 0, 0
    line = lines[f.line - 1]
    start = f.column - 1
    if f.end_line == f.line:
        end = f.end_column - 1
    else:
        end = len(line)
        while end > start and line[end - 1].isspace():
            end -= 1
    piece, start, end = _clip(line, start, max(end, start + 1))
    return piece.expandtabs(1), start, end  # a tab is one column either way


def _lines(file: FileReport) -> list[str]:
    return re.split(r"\r\n|\r|\n", file.source) if file.source else []


def _clip(line: str, start: int, end: int, width: int = 100) -> tuple[str, int, int]:
    if len(line) <= width:
        return line, start, end
    left = max(0, min(start - 20, len(line) - width))
    piece = line[left : left + width]
    return (
        ("…" if left else "") + piece,
        start - left + bool(left),
        min(end - left, width) + bool(left),
    )


def render(report: Report, out: TextIO, color: bool = False) -> None:
    """Write findings grouped by file, each with its source line, then a summary."""
    from rich.console import Console
    from rich.text import Text

    console = Console(
        file=out,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        width=200,
        soft_wrap=True,
    )
    for problem in report.errors:
        console.print(Text(f"{problem.path}: error: {problem.message}", style="bold red"))
    for file in report.files:
        _file(console, file)
    if len(report.files) > 1:
        for file in report.files:
            console.print(Text(f"{file.path}: {file_line(file)}", style="dim"))
    console.print(Text(summary_line(report), style="bold"))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _coverage(s: FileStats | Summary) -> str:
    claims = (
        f"claim coverage {s.coverage:.1f}% ({s.covered_claims}/{s.claims})"
        if s.coverage is not None
        else "no claims"
    )
    keyed = s.cited_references + s.uncited_references
    return f"{claims}, {s.cited_references}/{keyed} references cited"


def _profile(file: FileReport) -> str:
    """``, read as a paper`` for a file not checked as an article, else nothing."""
    return "" if file.profile == "article" else f", read as a {file.profile}"


def file_line(file: FileReport) -> str:
    """Return a file's line of a run over several: coverage, references, its profile."""
    return _coverage(file.stats) + _profile(file)


def summary_line(report: Report) -> str:
    """Return the closing line: files, findings by severity, coverage, hidden findings."""
    s = report.summary
    parts = [
        f"{_plural(s.files, 'file')} checked",
        _plural(s.errors, "error"),
        _plural(s.warnings, "warning"),
        f"{s.infos} info",
        _coverage(s) + (_profile(report.files[0]) if len(report.files) == 1 else ""),
    ]
    if s.suppressed:
        parts.append(f"{s.suppressed} suppressed")
    if s.baselined:
        parts.append(f"{s.baselined} in baseline")
    if s.baseline_stale:
        entries = "entry" if s.baseline_stale == 1 else "entries"
        parts.append(f"{s.baseline_stale} stale baseline {entries}")
    if s.input_errors:
        parts.append(f"{_plural(s.input_errors, 'file')} could not be read")
    return ", ".join(parts)


def _file(console: Console, file: FileReport) -> None:
    from rich.text import Text

    if not file.findings:
        return
    lines = _lines(file)
    for f in file.findings:
        head = Text()
        head.append(f"{f.path}:{f.where}", style="bold")
        head.append(" ")
        head.append(f"{f.code} {f.rule}", style=_STYLE[f.severity])
        head.append(f" {f.message}")
        console.print(head)
        line, start, end = _excerpt(lines, f) if f.location is None else ("", 0, 0)
        if line:
            body = Text("    " + line)
            body.stylize(_STYLE[f.severity] + " underline", 4 + start, 4 + end)
            console.print(body)
            if not console.is_terminal:
                console.print(
                    "    " + " " * start + "^" + "~" * max(0, min(end, len(line)) - start - 1)
                )
