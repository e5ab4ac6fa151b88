"""Baselines: recorded findings are hidden, survive line shifts, stale entries are counted."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli.app import app
from citecheck.config import baseline
from citecheck.model.errors import ConfigError
from citecheck.run.paths import check_paths

ARTICLE = (Path(__file__).parents[1] / "fixtures" / "000_75297bddb94e8c7d.txt").read_text("utf-8")
INSERTED = "Officials in both capitals spent the weekend drafting statements about the order.\n"


@pytest.fixture(autouse=True)
def _plain_env(monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(ARTICLE, "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def insert_paragraph(path: Path) -> None:
    lines = path.read_text("utf-8").splitlines(keepends=True)
    path.write_text("".join([lines[0], INSERTED, *lines[1:]]), "utf-8")


def test_write_baseline_records_every_finding(project):
    result = run("check", "docs", "--write-baseline", "baseline.json")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "citecheck: wrote 4 findings to baseline.json\n"
    data = json.loads((project / "baseline.json").read_text("utf-8"))
    assert data["version"] == 1
    assert data["tool"] == "citecheck"
    assert sorted(e["code"] for e in data["findings"]) == ["CC001", "CC008", "CC008", "CC010"]
    assert {e["path"] for e in data["findings"]} == {"docs/a.txt"}
    assert all(len(e["fingerprint"]) == 32 for e in data["findings"])
    assert "line" not in data["findings"][0]  # nothing that changes when text moves
    assert not [p for p in project.iterdir() if p.name.startswith(".citecheck-baseline-")]


def test_baselined_findings_are_hidden_and_survive_an_inserted_paragraph(project):
    assert run("check", "docs", "--write-baseline", "baseline.json").exit_code == 0
    clean = run("check", "docs", "--baseline", "baseline.json", "--format", "json")
    assert clean.exit_code == 0
    summary = json.loads(clean.stdout)["summary"]
    assert (summary["findings"], summary["baselined"], summary["baseline_stale"]) == (0, 4, 0)

    insert_paragraph(project / "docs" / "a.txt")
    result = run("check", "docs", "--baseline", "baseline.json", "--format", "concise")
    assert result.exit_code == 1
    # only the new paragraph is reported; the old findings moved down a line and stay hidden
    assert result.stdout.splitlines() == [
        "docs/a.txt:2:1 warning CC001 uncited-claim claim has no citation (no marker in this "
        "paragraph covers it)"
    ]


def test_stale_entries_are_counted_in_text_and_json(project):
    run("check", "docs", "--write-baseline", "baseline.json")
    path = project / "docs" / "a.txt"
    path.write_text("".join(path.read_text("utf-8").splitlines(keepends=True)[:15]), "utf-8")
    text = run("check", "docs", "--baseline", "baseline.json")
    assert text.exit_code == 0
    assert text.stdout.splitlines()[-1].endswith(", 3 in baseline, 1 stale baseline entry")
    data = json.loads(run("check", "docs", "--baseline", "baseline.json", "-f", "json").stdout)
    assert data["summary"]["baseline_stale"] == 1
    assert data["summary"]["baselined"] == 3
    assert data["files"][0]["stats"]["baselined"] == 3


def test_entries_of_files_not_checked_are_not_stale(project):
    (project / "docs" / "b.txt").write_text(ARTICLE, "utf-8")
    run("check", "docs", "--write-baseline", "baseline.json")
    data = json.loads(
        run("check", "docs/a.txt", "--baseline", "baseline.json", "-f", "json").stdout
    )
    assert (data["summary"]["baselined"], data["summary"]["baseline_stale"]) == (4, 0)


def test_paths_are_relative_to_the_baseline_file(project, monkeypatch):
    run("check", "docs", "--write-baseline", "baseline.json")
    monkeypatch.chdir(project / "docs")
    result = run("check", "./a.txt", "--baseline", "../baseline.json", "-f", "json")
    assert json.loads(result.stdout)["summary"]["baselined"] == 4


def test_identical_findings_are_told_apart_by_occurrence(project):
    path = project / "docs" / "a.txt"
    lines = [line.rstrip("\n") + "\n" for line in path.read_text("utf-8").splitlines()]
    path.write_text("".join([*lines, lines[-1]]), "utf-8")  # the last commentary line twice
    run("check", "docs", "--write-baseline", "baseline.json")
    path.write_text("".join([*lines, lines[-1], lines[-1]]), "utf-8")  # and a third time
    result = run("check", "docs", "--baseline", "baseline.json", "-f", "concise")
    assert [line.split()[2] for line in result.stdout.splitlines()] == ["CC008"]


def test_fingerprints_ignore_whitespace_and_case(project):
    report = check_paths(["docs/a.txt"])
    first = [fp for fp, _, _ in baseline.fingerprinted(report.files[0], str(project))]
    path = project / "docs" / "a.txt"
    path.write_text(path.read_text("utf-8").replace("In a move that", "IN  a   MOVE that"), "utf-8")
    report = check_paths(["docs/a.txt"])
    assert [fp for fp, _, _ in baseline.fingerprinted(report.files[0], str(project))] == first


def test_writing_is_atomic(project, monkeypatch):
    (project / "baseline.json").write_text('{"old": true}\n', "utf-8")

    def broken(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(ConfigError, match=r"baseline\.json: cannot write baseline: disk full"):
        baseline.write(check_paths(["docs"]), "baseline.json")
    assert (project / "baseline.json").read_text("utf-8") == '{"old": true}\n'
    assert sorted(p.name for p in project.iterdir()) == ["baseline.json", "docs"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "missing.json: baseline file not found"),
        ("{not json", "baseline is not valid JSON"),
        ('{"version": 2, "tool": "citecheck", "findings": []}', "not a citecheck baseline"),
        ('{"findings": [{"code": "CC001"}]}', "not a citecheck baseline (findings.0.fingerprint"),
    ],
)
def test_a_bad_baseline_is_a_one_line_error(project, content, expected):
    name = "missing.json"
    if content is not None:
        name = "bad.json"
        (project / name).write_text(content, "utf-8")
    result = run("check", "docs", "--baseline", name)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert expected in result.stderr
    assert result.stderr.count("\n") == 1


def test_an_unwritable_baseline_is_a_one_line_error(project):
    result = run("check", "docs", "--write-baseline", "no/such/folder/baseline.json")
    assert result.exit_code == 2
    assert result.stderr == (
        "citecheck: error: no/such/folder/baseline.json: cannot write baseline: "
        "No such file or directory\n"
    )
