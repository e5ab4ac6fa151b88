"""The handed cases of ../shared/cases: each gives the result its row of CASES.md states.

``expected.json`` holds the rows in machine form (its ``note`` explains the fields). The
module is skipped when ../shared is absent; the cases are not copied into the project.
"""

from __future__ import annotations

import fnmatch
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli.app import app

CASES = Path(__file__).parents[1] / ".." / "shared" / "cases"
SPEC = CASES / "expected.json"

if not SPEC.is_file():
    pytest.skip("../shared/cases is absent", allow_module_level=True)

ROWS = json.loads(SPEC.read_text("utf-8"))["cases"]


def _matches(pattern: str, rule: str) -> bool:
    return any(fnmatch.fnmatch(rule, p) for p in pattern.split("|"))


@pytest.mark.parametrize("row", ROWS, ids=[r["file"] for r in ROWS])
def test_case_gives_its_expected_result(row: dict) -> None:
    result = CliRunner().invoke(
        app, ["check", str(CASES / row["file"]), "--format", "json", *row["args"]]
    )
    report = json.loads(result.stdout)
    found = report["files"][0]["findings"]
    for rule, line, count in row["must"]:
        hits = [f for f in found if _matches(rule, f["rule"]) and line in (0, f["line"])]
        assert len(hits) >= count, f"want {count} {rule} at line {line}: {found}"
    for rule, line in row["must_not"]:
        hits = [f for f in found if _matches(rule, f["rule"]) and line in (0, f["line"])]
        assert not hits, f"unexpected {rule} at line {line}: {hits}"
    for rule, line, text in row.get("must_msg", []):
        assert any(
            _matches(rule, f["rule"]) and f["line"] == line and text in f["message"] for f in found
        ), f"{rule} at line {line} should mention {text!r}"
    if "max_ww" in row:
        loud = [f for f in found if f["severity"] in ("error", "warning")]
        assert len(loud) <= row["max_ww"], loud
    if "coverage" in row:
        stats = report["files"][0]["stats"]
        assert [stats["covered_claims"], stats["claims"]] == row["coverage"]
