"""The versioned JSON report."""

from __future__ import annotations

import json
from typing import TextIO

from citecheck.report import Report
from citecheck.report.records import write_json


def render(report: Report, out: TextIO, color: bool = False, width: int | None = None) -> None:
    """Write the report as one JSON object: the bytes of ``report.model_dump_json(indent=2)``.

    It is written in pieces as it is serialised: the whole document at once would be a
    second copy of a large report (tens of megabytes for ten thousand files) held next to
    the first.
    """
    write_json(report, out.write, indent=2)
    out.write("\n")


def schema() -> str:
    """Return the JSON Schema of the report, generated from the models."""
    doc = Report.model_json_schema()
    doc["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    doc["$id"] = "https://citecheck.dev/schema/report-v1.json"
    return json.dumps(doc, indent=2)
