"""Where and how a run's report goes: colour, width, the output file, stderr, exit code.

The command line decides these once, from its options and the environment; formatters
receive the answers (``color``, ``width``) and only render.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO

from citecheck.model.errors import ConfigError
from citecheck.report import SEVERITY_RANK, Report, fail_under_message

COLOR_CHOICES = ("auto", "always", "never")


def use_color(
    choice: str, no_color: bool, stream: TextIO | None, environ: Mapping[str, str]
) -> bool:
    """Decide whether to colour output written to ``stream`` (None: a file).

    ``--color always|never`` (and ``--no-color``) win; under ``auto``, a non-empty
    ``NO_COLOR`` switches colour off and a non-empty ``FORCE_COLOR`` on, in the order
    CPython 3.13 reads them (``Lib/_colorize.py``), else colour is on for a terminal
    (``TERM=dumb`` is none). Raises :class:`ConfigError` for an unknown choice.
    """
    if choice not in COLOR_CHOICES:
        raise ConfigError(f"unknown --color {choice!r}; choose from {', '.join(COLOR_CHOICES)}")
    if no_color or choice == "never":
        return False
    if choice == "always":
        return True
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    if stream is None or environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def terminal_width(stream: TextIO | None, environ: Mapping[str, str]) -> int | None:
    """Cells a line may take: ``COLUMNS`` if set, else the width of the terminal ``stream``
    is (None: a file, a pipe, or unknown)."""
    columns = environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        if stream is not None and stream.isatty():
            return os.get_terminal_size(stream.fileno()).columns or None
    except (AttributeError, ValueError, OSError):
        pass
    return None


@contextlib.contextmanager
def output(path: str | None) -> Iterator[TextIO]:
    """Yield the stream a report is written to: stdout, or ``path`` replaced atomically.

    The report goes to a temporary file beside ``path`` that is renamed over it once
    complete, so a reader never sees half a report; on an error the old file stays.
    Raises :class:`ConfigError` (one line, exit 2) when the file cannot be written.
    """
    if path is None:
        yield sys.stdout
        return
    import tempfile  # here, not at the top: tempfile and random cost every start-up

    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write the report: {_reason(exc)}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ConfigError(f"{path}: cannot write the report: {_reason(exc)}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def problems(report: Report, shown_in_stdout: bool) -> list[str]:
    """Return the standard-error lines of a run: each input problem once.

    ``shown_in_stdout``: the report goes to standard output in a format that shows input
    errors itself on the same log (GitHub annotations), so they are not repeated.
    """
    lines = [
        f"citecheck: warning: {path}: no Markdown, reStructuredText, text, HTML or Word file"
        " to check here"
        for path in report.unmatched
    ]
    if not shown_in_stdout:
        lines += [f"citecheck: {p.path}: {p.message}" for p in report.errors]
    return lines


def exit_code(report: Report, fail_on: str) -> int:
    """0: clean; 1: a finding at or above ``fail_on`` or a failed ``--fail-under``; 2: input
    errors or paths with nothing to check."""
    if report.errors or report.unmatched:
        return 2
    threshold = SEVERITY_RANK.get(fail_on, 99)
    failing = any(
        SEVERITY_RANK[f.severity] >= threshold for file in report.files for f in file.findings
    )
    verdict = report.summary.fail_under
    return 1 if failing or (verdict is not None and verdict.failed) else 0


def fail_under_note(report: Report) -> str | None:
    """The stderr line for formats that cannot carry the ``--fail-under`` verdict (concise)."""
    verdict = report.summary.fail_under
    if verdict is None or not verdict.failed:
        return None
    return f"citecheck: failed: {fail_under_message(verdict)}"


def step_summary(report: Report, environ: Mapping[str, str]) -> str | None:
    """Append the Markdown summary to ``$GITHUB_STEP_SUMMARY`` under GitHub Actions.

    Returns a warning line for standard error when the file cannot be written (the run's
    outcome does not change), else None.
    """
    target = environ.get("GITHUB_STEP_SUMMARY")
    if environ.get("GITHUB_ACTIONS") != "true" or not target:
        return None
    from citecheck.cli.formats.step_summary import render

    try:
        with open(target, "a", encoding="utf-8", newline="\n") as fh:
            render(report, fh)
    except OSError as exc:
        return f"citecheck: warning: {target}: cannot write the step summary: {_reason(exc)}"
    return None


def publish(
    report: Report, fmt: str, color: bool, path: str | None, statistics: bool, settings: Any
) -> int:
    """Judge ``--fail-under``, write the stderr lines, the report and the step summary, and
    return the exit code. Raises :class:`ConfigError` when the output file cannot be written."""
    from citecheck.cli.formats import renderer
    from citecheck.report import judge_coverage, rule_counts

    report = judge_coverage(report, settings.fail_under)
    if path is not None and _is_input(path, report):
        raise ConfigError(f"{path}: --output-file is one of the checked files; not overwritten")
    annotated = fmt == "github" and path is None and not statistics
    notes = problems(report, shown_in_stdout=annotated)
    if fmt == "concise" and not statistics:
        notes.append(fail_under_note(report) or "")
    for line in filter(None, notes):
        sys.stderr.write(line + "\n")
    with output(path) as stream:
        if statistics:
            from citecheck.cli.formats.statistics import render

            render(rule_counts(report), report, stream, fmt)
        else:
            width = terminal_width(None if path else sys.stdout, os.environ)
            renderer(fmt)(report, stream, color, width)
    warning = step_summary(report, os.environ)
    if warning:
        sys.stderr.write(warning + "\n")
    return exit_code(report, settings.fail_on)


def _is_input(path: str, report: Report) -> bool:
    if not os.path.exists(path):
        return False
    checked = [f.path for f in report.files] + [p.path for p in report.errors]
    return any(os.path.exists(c) and os.path.samefile(c, path) for c in checked if c != "-")


def many_inputs(paths: list[str] | None) -> bool:
    """Whether ``parse``/``refs`` show several files: several paths, or a folder."""
    return len(paths or []) > 1 or any(p != "-" and os.path.isdir(p) for p in paths or [])


def show_views(data: list[dict[str, Any]], many: bool, fmt: str, lines: Any, color: bool) -> None:
    """Write ``parse``/``refs`` data: JSON (an array when ``many``, else the one object) or
    text lines, each file headed ``==> path <==`` when ``many``."""
    if fmt == "json":
        value: Any = data if many else (data[0] if data else None)
        if value is not None:
            sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")
        return
    for i, item in enumerate(data):
        head = [("bold", ("\n" if i else "") + f"==> {item['path']} <==")] if many else []
        print_lines(head + lines(item), color)


def print_lines(lines: list[tuple[str, str]], color: bool) -> None:
    """Print (style, text) lines on standard output, styled when ``color``."""
    from rich.console import Console
    from rich.text import Text

    console = Console(
        file=sys.stdout, force_terminal=color, no_color=not color, highlight=False, soft_wrap=True
    )
    for style, line in lines:
        console.print(Text(line, style=style if color else ""))
