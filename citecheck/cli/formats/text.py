"""Human output: ``path:line:col CODE name message``, the source line marked, a summary.

Colour comes from rich when writing to a terminal; otherwise the same lines are plain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from citecheck.cli.formats.excerpt import carets, excerpt, source_lines
from citecheck.report import FileReport, FileStats, Report, Summary, fail_under_message

if TYPE_CHECKING:
    from rich.console import Console

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
INDENT = 4
DEFAULT_WIDTH = 100
"""Cells an excerpt line may take when the width is not known (not a terminal)."""


def render(report: Report, out: TextIO, color: bool = False, width: int | None = None) -> None:
    """Write findings grouped by file, each with its source line, then a summary.

    ``width`` is the terminal's width in cells (default :data:`DEFAULT_WIDTH`): source
    excerpts are cut to fit it. Files that could not be read are not listed here: the
    command line prints each once on standard error, and the summary counts them. In a run
    over several files, a coverage line follows for each file with findings, as ruff and
    eslint list only the files with problems; the summary covers the rest.
    """
    from rich.console import Console
    from rich.text import Text

    width = max(INDENT + 20, width or DEFAULT_WIDTH)
    console = Console(
        file=out,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        width=width,
        soft_wrap=True,
    )
    from citecheck.cli.formats.claims import render_claims, render_found

    for file in report.files:
        _file(console, file, width - INDENT)
        render_found(console, file)
        render_claims(console, file)
    if len(report.files) > 1:
        for file in report.files:
            if file.findings:
                console.print(Text(f"{file.path}: {file_line(file)}", style="dim"))
    if fixes := fixable_line(report.summary):
        console.print(Text(fixes))
    console.print(Text(summary_line(report), style="bold"))
    verdict = report.summary.fail_under
    if verdict is not None and verdict.failed:
        console.print(Text(f"failed: {fail_under_message(verdict)}", style="bold red"))


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
    """``, read as a paper`` for a file not checked as an article, else nothing; ``, cites
    sparsely (2 of 10 claim paragraphs)`` for an article whose habit asks few citations;
    the encoding assumed for a file that was not UTF-8; and the stray NULs dropped on
    reading."""
    read = "" if file.profile == "article" else f", read as a {file.profile}"
    if file.citing and file.citing.habit == "sparse":
        c = file.citing
        read += f", cites sparsely ({c.cited_paragraphs} of {c.claim_paragraphs} claim paragraphs)"
    if file.encoding:
        read += f", decoded as {file.encoding} (not UTF-8; detected, --encoding to change)"
    if file.nul_bytes:
        read += f", {_plural(file.nul_bytes, 'stray NUL byte')} dropped (not read)"
    return read


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
    from citecheck.cli.formats.claims import verdicts

    if verified := verdicts(s):
        parts.append(verified)
    if s.suppressed:
        parts.append(f"{s.suppressed} suppressed")
    if s.baselined:
        parts.append(f"{s.baselined} in baseline")
    if s.baseline_stale:
        entries = "entry" if s.baseline_stale == 1 else "entries"
        parts.append(f"{s.baseline_stale} stale baseline {entries}")
    if s.input_errors:
        parts.append(f"{_plural(s.input_errors, 'file')} could not be read")
    if report.unmatched:
        parts.append(f"{_plural(len(report.unmatched), 'path')} with no file to check")
    return ", ".join(parts)


def fixable_line(s: Summary) -> str:
    """``[*] 2 fixable with citecheck fix (1 more with --unsafe)``, or "" when none."""
    if not s.fixable:
        return f"{s.unsafe_fixable} fixable with citecheck fix --unsafe" if s.unsafe_fixable else ""
    more = f" ({s.unsafe_fixable} more with --unsafe)" if s.unsafe_fixable else ""
    return f"[*] {s.fixable} fixable with citecheck fix{more}"


def _file(console: Console, file: FileReport, width: int) -> None:
    from rich.text import Text

    if not file.findings:
        return
    lines = source_lines(file.source)
    for f in file.findings:
        head = Text()
        head.append(f"{f.path}:{f.where}", style="bold")
        head.append(" ")
        head.append(f.severity, style=_STYLE[f.severity])
        head.append(" ")
        head.append(f"{f.code} {f.rule}", style=_STYLE[f.severity])
        if f.fix == "safe":
            head.append(" [*]", style="bold")
        head.append(f" {f.message}")
        console.print(head)
        ex = excerpt(lines, f, width) if f.location is None else None
        if ex is not None:
            body = Text(" " * INDENT + ex.text)
            body.stylize(_STYLE[f.severity] + " underline", INDENT + ex.start, INDENT + ex.end)
            console.print(body)
            if not console.is_terminal:
                console.print(" " * INDENT + carets(ex))
