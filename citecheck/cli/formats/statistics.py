"""``--statistics``: how many findings each rule gave, most frequent first, as ruff shows it.

Text is one aligned line per rule and severity (``count  code  name  severity``); JSON is
``{"version": 1, "statistics": [{"code", "rule", "severity", "count"}], "summary": {...}}``.
The counting is :func:`citecheck.report.rule_counts`; this module only renders.
"""

from __future__ import annotations

import json
from typing import TextIO

from citecheck.report import Report, RuleCount, fail_under_message

FORMATS = ("text", "concise", "json")


def render(rows: list[RuleCount], report: Report, out: TextIO, fmt: str) -> None:
    """Write the per-rule counts of a run in ``text`` (or ``concise``) or ``json``."""
    if fmt == "json":
        data = {
            "version": 1,
            "statistics": [row.model_dump() for row in rows],
            "summary": report.summary.model_dump(mode="json"),
        }
        out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    digits = max((len(str(row.count)) for row in rows), default=1)
    names = max((len(row.rule) for row in rows), default=0)
    for row in rows:
        out.write(f"{row.count:>{digits}}  {row.code}  {row.rule:<{names}}  {row.severity}\n")
    verdict = report.summary.fail_under
    if verdict is not None and verdict.failed:
        out.write(f"failed: {fail_under_message(verdict)}\n")
