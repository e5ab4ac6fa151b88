"""The Markdown that a run under GitHub Actions appends to ``$GITHUB_STEP_SUMMARY``.

A heading, the closing line of the text report, the ``--fail-under`` verdict when it
failed, and a table of claim coverage per file (at most :data:`MAX_ROWS` rows: a step
summary may hold 1 MiB).
"""

from __future__ import annotations

from typing import TextIO

from citecheck.report import FileReport, Report, fail_under_message

MAX_ROWS = 1000


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _row(file: FileReport) -> str:
    s = file.stats
    coverage = "–" if s.coverage is None else f"{s.coverage:.1f}%"
    keyed = s.cited_references + s.uncited_references
    return (
        f"| {_cell(file.path)} | {s.claims} | {s.covered_claims} | {coverage} "
        f"| {s.cited_references}/{keyed} | {len(file.findings)} |"
    )


def render(report: Report, out: TextIO) -> None:
    """Write the step summary of a run as GitHub-flavoured Markdown."""
    from citecheck.cli.formats.text import summary_line

    out.write("## citecheck\n\n")
    out.write(_cell(summary_line(report)) + "\n\n")
    verdict = report.summary.fail_under
    if verdict is not None and verdict.failed:
        out.write(f"**Failed:** {fail_under_message(verdict)}\n\n")
    for problem in report.errors:
        out.write(f"- **not checked:** {_cell(problem.path)}: {_cell(problem.message)}\n")
    for path in report.unmatched:
        out.write(f"- **no file to check:** {_cell(path)}\n")
    if report.errors or report.unmatched:
        out.write("\n")
    if not report.files:
        return
    out.write("| file | claims | covered | coverage | references cited | findings |\n")
    out.write("|---|---:|---:|---:|---:|---:|\n")
    for file in report.files[:MAX_ROWS]:
        out.write(_row(file) + "\n")
    rest = len(report.files) - MAX_ROWS
    if rest > 0:
        out.write(f"\n… and {rest} more files (see the job log).\n")
    out.write("\n")
