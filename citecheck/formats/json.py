"""The versioned JSON report."""

from __future__ import annotations

import json
from typing import TextIO

from citecheck.report import Report


def render(report: Report, out: TextIO, color: bool = False) -> None:
    """Write the report as one JSON object."""
    out.write(report.model_dump_json(indent=2))
    out.write("\n")


def schema() -> str:
    """Return the JSON Schema of the report, generated from the models."""
    doc = Report.model_json_schema()
    doc["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    doc["$id"] = "https://citecheck.dev/schema/report-v1.json"
    return json.dumps(doc, indent=2)
