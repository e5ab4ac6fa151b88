"""The versioned JSON report."""

from __future__ import annotations

import json
from typing import TextIO

from citecheck.report import Report


def render(report: Report, out: TextIO, color: bool = False, width: int | None = None) -> None:
    """Write the report as one JSON object.

    The bytes of ``report.model_dump_json(indent=2)``, written one file at a time: the
    whole document at once would be a second copy of a large report (tens of megabytes
    for ten thousand files) held next to the first.
    """
    envelope = report.model_copy(update={"files": []}).model_dump_json(indent=2)
    head, empty, tail = envelope.partition('"files": []')
    if not report.files or not empty:
        out.write(report.model_dump_json(indent=2) + "\n")
        return
    out.write(head + '"files": [\n')
    for i, file in enumerate(report.files):
        text = file.model_dump_json(indent=2).replace("\n", "\n    ")
        out.write(("    " if i == 0 else ",\n    ") + text)
    out.write("\n  ]" + tail + "\n")


def schema() -> str:
    """Return the JSON Schema of the report, generated from the models."""
    doc = Report.model_json_schema()
    doc["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    doc["$id"] = "https://citecheck.dev/schema/report-v1.json"
    return json.dumps(doc, indent=2)
