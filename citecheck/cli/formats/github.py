"""GitHub Actions workflow commands: one annotation per finding and per unreadable file.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE name::message``; warnings
become ``::warning`` and infos ``::notice``. Values are escaped as the runner expects:
``%``, ``\\r`` and ``\\n`` everywhere, and ``:`` and ``,`` inside properties.
"""

from __future__ import annotations

from typing import TextIO

from citecheck.report import Finding, Report, fail_under_message

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape the message part of a workflow command."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value (file, title) of a workflow command."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    """Return the workflow command of one finding.

    A finding in a file without lines (a Word document) is an annotation of the file, its
    location (``p12 "excerpt…"``) opening the message.
    """
    if f.location is not None:
        props = {"file": f.path, "title": f"{f.code} {f.rule}"}
        joined = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
        return f"::{COMMAND[f.severity]} {joined}::{escape_data(f.location + ': ' + f.message)}"
    props = {
        "file": f.path,
        "line": str(f.line),
        "col": str(f.column),
        "endLine": str(f.end_line),
        "endColumn": str(f.end_column),
        "title": f"{f.code} {f.rule}",
    }
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
    return f"::{COMMAND[f.severity]} {joined}::{escape_data(f.message)}"


def render(report: Report, out: TextIO, color: bool = False, width: int | None = None) -> None:
    """Write one workflow command per finding, one per file that could not be read, and
    one ``::error`` when the run fails ``--fail-under``."""
    for file in report.files:
        for f in file.findings:
            out.write(annotation(f) + "\n")
    for problem in report.errors:
        title = escape_property("citecheck input error")
        out.write(
            f"::error file={escape_property(problem.path)},title={title}"
            f"::{escape_data(problem.message)}\n"
        )
    verdict = report.summary.fail_under
    if verdict is not None and verdict.failed:
        title = escape_property("citecheck coverage")
        out.write(f"::error title={title}::{escape_data(fail_under_message(verdict))}\n")
