"""The command line: exit codes, formats, stdin, directories and the inspection commands."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest
from typer.testing import CliRunner

from citecheck.checker import RULES
from citecheck.cli.app import app

CLEAN = """\
Harbour bridge reopens

The harbour bridge reopened to traffic on Friday after eight months of repairs. [1]

Engineers replaced 40 steel cables and resurfaced the whole deck, the city said. [2]

References:
1. Harbour News: Bridge reopens after repairs
2. City Engineering Office: Bridge works completed
"""

WARNINGS = CLEAN.replace("the city said. [2]", "the city said.").replace(
    "2. City Engineering Office: Bridge works completed\n", ""
)

ERRORS = CLEAN.replace("the city said. [2]", "the city said. [2][3]")

INFOS = CLEAN.replace("after eight months of repairs. [1]", "after eight months of repairs. [1][1]")


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(app, list(args), input=stdin)


@pytest.fixture
def files(tmp_path):
    out = {}
    for name, text in (
        ("clean.txt", CLEAN),
        ("warnings.txt", WARNINGS),
        ("errors.txt", ERRORS),
        ("infos.txt", INFOS),
    ):
        path = tmp_path / name
        path.write_text(text, "utf-8")
        out[name.split(".")[0]] = str(path)
    return out


def findings(result) -> list[dict]:
    data = json.loads(result.stdout)
    return [f for file in data["files"] for f in file["findings"]]


def test_fixtures_are_what_their_names_say(files):
    assert findings(run("check", "--format", "json", files["clean"])) == []
    assert {
        f["severity"] for f in findings(run("check", "--format", "json", files["warnings"]))
    } == {"warning"}
    assert "error" in {f["severity"] for f in findings(run("check", "-f", "json", files["errors"]))}
    assert {f["severity"] for f in findings(run("check", "--format", "json", files["infos"]))} == {
        "info"
    }


@pytest.mark.parametrize(
    ("name", "options", "code"),
    [
        ("clean", [], 0),
        ("warnings", [], 1),
        ("errors", [], 1),
        ("infos", [], 0),
        ("infos", ["--fail-on", "info"], 1),
        ("warnings", ["--fail-on", "never"], 0),
        ("errors", ["--fail-on", "never"], 0),
        ("warnings", ["--fail-on", "error"], 0),
        ("errors", ["--fail-on", "error"], 1),
        ("warnings", ["--ignore", "uncited-claim,uncited-reference"], 0),
        ("errors", ["--select", "CC001"], 0),
    ],
)
def test_exit_codes(files, name, options, code):
    result = run("check", *options, files[name])
    assert result.exit_code == code, result.output


def test_text_output_names_file_line_and_rule(files):
    result = run("check", "--no-color", files["errors"])
    assert result.exit_code == 1
    assert f"{files['errors']}:5:" in result.stdout
    assert "CC002" in result.stdout
    assert "dangling-citation" in result.stdout
    assert "[3] has no entry in References (1–2)" in result.stdout


def test_missing_file_is_exit_2_and_the_others_are_still_checked(files, tmp_path):
    missing = str(tmp_path / "nope.txt")
    result = run("check", "--format", "json", missing, files["errors"])
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert len(errors) == 1
    assert "nope.txt" in errors[0]
    data = json.loads(result.stdout)
    assert [f["path"] for f in data["files"]] == [files["errors"]]
    assert any(f["code"] == "CC002" for f in data["files"][0]["findings"])
    assert [e["path"] for e in data["errors"]] == [missing]


def test_missing_file_in_text_output(files, tmp_path):
    missing = str(tmp_path / "nope.txt")
    result = run("check", "--no-color", files["warnings"], missing)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert "nope.txt" in result.stderr
    assert "uncited-claim" in result.stdout


def test_binary_file_is_an_input_error(files, tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run("check", str(binary), files["clean"])
    assert result.exit_code == 2
    assert "image.txt" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "options",
    [
        ["--select", "CC999"],
        ["--select", "uncited-claims"],
        ["--ignore", "no-such-rule"],
        ["--format", "xml"],
        ["--scope", "chapter"],
        ["--fail-on", "sometimes"],
    ],
)
def test_usage_errors_are_exit_2_with_one_line(files, options):
    result = run("check", *options, files["clean"])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert options[1] in lines[0]
    assert "Traceback" not in result.output


def test_json_report_validates_against_the_shipped_schema(files):
    schema = json.loads(run("schema").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    result = run("check", "--format", "json", *files.values())
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema)
    assert data["version"] == 1
    assert len(data["files"]) == 4
    finding = findings(result)[0]
    for key in (
        "code",
        "rule",
        "severity",
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "message",
    ):
        assert key in finding
    assert data["summary"]["findings"] == len(findings(result))


def test_json_report_with_an_input_error_validates_too(files, tmp_path):
    schema = json.loads(run("schema").stdout)
    result = run("check", "--format", "json", str(tmp_path / "gone.md"), files["clean"])
    jsonschema.validate(json.loads(result.stdout), schema)


def test_stdin(files):
    result = run("check", "--format", "json", "-", stdin=WARNINGS)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [f["path"] for f in data["files"]] == ["-"]
    assert [f["rule"] for f in findings(result)] == ["uncited-claim"]
    assert run("check", "-", stdin=CLEAN).exit_code == 0


def test_directory_is_walked_for_text_markdown_and_restructuredtext(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(CLEAN, "utf-8")
    (tmp_path / "b.md").write_text(WARNINGS, "utf-8")
    (tmp_path / "sub" / "c.txt").write_text(ERRORS, "utf-8")
    (tmp_path / "notes.rst").write_text(ERRORS, "utf-8")
    (tmp_path / "thesis.mmd").write_text(WARNINGS, "utf-8")
    (tmp_path / "data.json").write_text("[1]", "utf-8")
    result = run("check", "--format", "json", str(tmp_path))
    assert result.exit_code == 1
    paths = sorted(f["path"] for f in json.loads(result.stdout)["files"])
    expected = sorted(
        str(p)
        for p in (
            tmp_path / "a.txt",
            tmp_path / "b.md",
            tmp_path / "notes.rst",
            tmp_path / "sub" / "c.txt",
            tmp_path / "thesis.mmd",
        )
    )
    assert paths == expected


def test_scope_option_changes_coverage(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        CLEAN.replace("repairs. [1]", "repairs. The work cost more than expected. [1]"), "utf-8"
    )
    assert run("check", str(path)).exit_code == 0
    result = run("check", "--scope", "sentence", "--format", "json", str(path))
    assert result.exit_code == 1
    assert [(f["rule"], f["line"], f["column"]) for f in findings(result)] == [
        ("uncited-claim", 3, 1)
    ]


def test_rules_lists_every_rule():
    result = run("rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    for rule in RULES:
        (line,) = [ln for ln in lines if ln.split()[:2] == [rule.CODE, rule.NAME]]
        assert rule.SEVERITY in line.split()
    assert "off by default" in next(ln for ln in lines if "CC012" in ln)


def test_explain_by_code_and_by_name():
    by_code = run("explain", "CC001")
    by_name = run("explain", "uncited-claim")
    assert by_code.exit_code == by_name.exit_code == 0
    assert by_code.stdout == by_name.stdout
    assert "uncited-claim" in by_code.stdout
    assert "Example" in by_code.stdout
    assert "Use instead" in by_code.stdout
    assert run("explain", "cc001").stdout == by_code.stdout


def test_explain_unknown_rule_is_exit_2():
    result = run("explain", "uncited-claims")
    assert result.exit_code == 2
    assert "uncited-claims" in result.stderr
    assert "uncited-claim" in result.stderr.replace("uncited-claims", "")


def test_refs_shows_each_reference_and_where_it_is_cited(files):
    result = run("refs", "--no-color", files["warnings"])
    assert result.exit_code == 0
    assert "Harbour News" in result.stdout
    assert "cited at 3:" in result.stdout
    data = json.loads(run("refs", "--format", "json", files["errors"]).stdout)
    refs = {r["key"]: r for r in data["references"]}
    assert set(refs) == {"1", "2"}
    assert [c["line"] for c in refs["2"]["cited_at"]] == [5]


def test_refs_lists_a_never_cited_reference(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(CLEAN.replace(" [2]", ""), "utf-8")
    result = run("refs", "--no-color", str(path))
    assert "never cited" in result.stdout


def test_parse_json_shape(files):
    result = run("parse", "--format", "json", files["errors"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["version"] == 1
    assert data["path"] == files["errors"]
    sentence_keys = {"text", "line", "column", "start", "end", "claim", "markers", "covered_by"}
    for s in data["sentences"]:
        assert sentence_keys <= set(s)
        for m in s["markers"]:
            assert {"raw", "keys", "line", "column"} <= set(m)
    heading, first, second, section = data["sentences"]
    assert heading["claim"] is section["claim"] is False
    assert (section["line"], section["text"]) == (7, "References:")
    assert (heading["line"], heading["column"]) == (1, 1)
    assert first["claim"] is True
    assert first["covered_by"] == ["1"]
    assert [m["raw"] for m in second["markers"]] == ["[2]", "[3]"]
    assert [m["keys"] for m in second["markers"]] == [["2"], ["3"]]
    assert second["line"] == 5
    assert second["text"] == CLEAN.splitlines()[4].replace("[2]", "[2][3]")
    text = ERRORS
    assert text[first["start"] : first["end"]] == CLEAN.splitlines()[2]
    ref_keys = {"key", "line", "column", "outlet", "title", "authors", "year", "url", "doi", "text"}
    assert all(ref_keys <= set(r) for r in data["references"])
    assert [(r["key"], r["line"], r["outlet"]) for r in data["references"]] == [
        ("1", 8, "Harbour News"),
        ("2", 9, "City Engineering Office"),
    ]
    assert [s["title"] for s in data["sections"]] == ["References"]


def test_parse_text_view(files):
    result = run("parse", "--no-color", files["warnings"])
    assert result.exit_code == 0
    assert "UNCITED" in result.stdout
    assert "Engineers replaced 40 steel cables" in result.stdout


def test_parse_missing_file_is_exit_2(tmp_path):
    result = run("parse", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert "nope.txt" in result.stderr


def test_module_entry_point(files):
    proc = subprocess.run(
        [sys.executable, "-m", "citecheck", "check", files["warnings"]],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert "uncited-claim" in proc.stdout


def test_the_walk_takes_every_suffix_a_reader_reads():
    from citecheck.reader import MARKDOWN_SUFFIXES
    from citecheck.run.files import WALK_SUFFIXES

    assert set(MARKDOWN_SUFFIXES) <= set(WALK_SUFFIXES)
