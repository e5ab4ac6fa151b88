"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run whose driver lists every rule (id = code, with the documentation ``explain`` shows)
and one result per finding; files that could not be read become tool notifications, and
so does a run below ``--fail-under`` (an error notification with descriptor ``fail-under``).
"""

from __future__ import annotations

import json
import os
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, TextIO
from urllib.parse import quote

from citecheck.report import Finding, InputProblem, Report, fail_under_message

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://citecheck.dev"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def uri(path: str) -> dict[str, str]:
    """Return the artifact location of a path: relative to the source root when relative."""
    if os.path.isabs(path):
        return {"uri": PurePosixPath(path).as_uri() if os.sep == "/" else _win_uri(path)}
    return {"uri": quote(path.replace(os.sep, "/")), "uriBaseId": "%SRCROOT%"}


def _win_uri(path: str) -> str:
    return PureWindowsPath(path).as_uri()


def _rules() -> list[dict[str, Any]]:
    import inspect

    from citecheck.checker import RULES
    from citecheck.checker.docs import explanation, summary

    out = []
    for rule in RULES:
        out.append(
            {
                "id": rule.CODE,
                "name": rule.NAME,
                "shortDescription": {"text": summary(rule)},
                "fullDescription": {"text": inspect.cleandoc(rule.__doc__ or summary(rule))},
                "help": {"text": explanation(rule)},
                "defaultConfiguration": {
                    "level": LEVEL[rule.SEVERITY],
                    "enabled": bool(rule.ENABLED),
                },
            }
        )
    return out


def _result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    if f.location is not None:
        return _paragraph_result(f, index)
    return {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": uri(f.path),
                    "region": {
                        "startLine": f.line,
                        "startColumn": f.column,
                        "endLine": f.end_line,
                        "endColumn": f.end_column,
                    },
                }
            }
        ],
    }


def _paragraph_result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    """A finding in a Word document: the paragraph as the line of the region, with the
    excerpt as its snippet, and the paragraph as a logical location."""
    name = f.location.split(" ", 1)[0] if f.location else ""
    return {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": LEVEL[f.severity],
        "message": {"text": f"{f.location}: {f.message}"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": uri(f.path),
                    "region": {"startLine": f.line, "snippet": {"text": f.text or name}},
                },
                "logicalLocations": [
                    {"name": name, "fullyQualifiedName": f"{f.path}#{name}", "kind": "element"}
                ],
            }
        ],
    }


def _notification(problem: InputProblem) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": f"{problem.path}: {problem.message}"},
        "locations": [{"physicalLocation": {"artifactLocation": uri(problem.path)}}],
    }


def sarif(report: Report) -> dict[str, Any]:
    """Return the SARIF log of a report."""
    from citecheck import __version__

    rules = _rules()
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = [_result(f, index) for file in report.files for f in file.findings]
    notifications = [_notification(p) for p in report.errors]
    verdict = report.summary.fail_under
    if verdict is not None and verdict.failed:
        notifications.append(
            {
                "level": "error",
                "message": {"text": fail_under_message(verdict)},
                "descriptor": {"id": "fail-under"},
            }
        )
    invocation = {
        "executionSuccessful": not report.errors,
        "toolExecutionNotifications": notifications,
    }
    driver = {
        "name": "citecheck",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": INFORMATION_URI,
        "rules": rules,
    }
    run = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report: Report, out: TextIO, color: bool = False, width: int | None = None) -> None:
    """Write the report as a SARIF 2.1.0 log."""
    out.write(json.dumps(sarif(report), indent=2, ensure_ascii=False))
    out.write("\n")
