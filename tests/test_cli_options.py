"""The command line that linter users expect: help, version, colour, severity, output file,
statistics, paths with nothing to check, and errors reported once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from citecheck.checker import RULES
from citecheck.cli.app import app
from citecheck.cli.formats.json import schema as report_schema
from citecheck.cli.output import use_color

ROOT = Path(__file__).parents[1]
MISSION = "fixtures/000_75297bddb94e8c7d.txt"
COMMANDS = ["check", "config", "rules", "explain", "refs", "parse", "schema"]
CLEAN = """\
Harbour bridge reopens

The harbour bridge reopened to traffic on Friday after eight months of repairs. [1]

References:
1. Harbour News: Bridge reopens after repairs
"""


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch):
    monkeypatch.chdir(ROOT)
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "NO_COLOR", "FORCE_COLOR", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)


NOTHING = "no Markdown, reStructuredText, text, HTML or Word file to check here"


def run(*args: str, stdin: str | None = None, env: dict[str, str | None] | None = None):
    return CliRunner().invoke(app, list(args), input=stdin, env=env)


def real(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT, stdin: str | None = None):
    """Run citecheck in a fresh interpreter (what a terminal or CI sees)."""
    base = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}
    return subprocess.run(
        [sys.executable, "-m", "citecheck", *args],
        cwd=cwd,
        env={**base, "PYTHONIOENCODING": "utf-8", **(env or {})},
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


# --- help and version -----------------------------------------------------------------------


def test_version_long_and_short():
    from citecheck import __version__

    for flag in ("--version", "-V"):
        result = run(flag)
        assert result.exit_code == 0
        assert result.stdout == f"citecheck {__version__}\n"


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_minus_h_is_help_everywhere_and_shows_no_python_types(command):
    args = [command] if command else []
    short, long = run(*args, "-h"), run(*args, "--help")
    assert short.exit_code == long.exit_code == 0
    assert short.stdout == long.stdout
    assert short.stdout.startswith("Usage: ")
    for python_type in ("<str>", "<int", "<float>", "<list", "list[str]", "<bool>", "<path>"):
        assert python_type not in short.stdout, (command, python_type)


_WHOLE_OR_LAZY = """
import sys
import typer.main
from citecheck.cli.app import app
built = []
build = typer.main.get_command_from_info
def recorded(*args, **kwargs):
    command = build(*args, **kwargs)
    built.append(command.name)
    return command
typer.main.get_command_from_info = recorded
run = typer.main.get_command(app) if sys.argv[1] == "whole" else app
try:
    run(sys.argv[2:], prog_name="citecheck")
finally:
    sys.stderr.write("built: " + " ".join(built))
"""


@pytest.mark.parametrize(
    "args",
    [[], ["-h"], ["-V"], ["chek"], ["--nope"], ["check", "-h"], ["check", MISSION], ["rules"]],
)
def test_the_command_line_answers_as_when_typer_builds_every_command(args):
    """The app builds a command when the command line names it (``citecheck.cli.lazy``);
    typer's ``get_command`` builds all first. Output and exit codes are the same."""
    runs = {}
    for how in ("whole", "lazy"):
        runs[how] = subprocess.run(
            [sys.executable, "-c", _WHOLE_OR_LAZY, how, *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    whole, lazy = runs["whole"], runs["lazy"]
    assert (lazy.returncode, lazy.stdout) == (whole.returncode, whole.stdout)
    said, _, lazy_built = lazy.stderr.rpartition("built: ")
    assert said == whole.stderr.rpartition("built: ")[0]
    everything = whole.stderr.rpartition("built: ")[2].split()
    assert everything[:3] == ["check", "verify", "fix"] and len(everything) == 10
    if args[:1] in (["check"], ["rules"]):
        assert lazy_built.split() == args[:1]  # the one command that runs
    elif args in ([], ["-h"]):
        assert lazy_built.split() == everything  # the help lists them all, in order
    else:
        assert lazy_built.split() == []
    if args == ["chek"]:
        assert "No such command 'chek'. Did you mean 'check'" in lazy.stderr


def test_check_help_names_metavars_and_says_rules_are_comma_separated():
    text = " ".join(run("check", "-h").stdout.split())
    for shown in (
        "--select RULES",
        "--ignore RULES",
        "--format FORMAT",
        "--jobs N",
        "--fail-under PCT",
        "--config FILE",
        "--output-file FILE",
        "--color WHEN",
        "PATH...",
    ):
        assert shown in text, shown
    assert "comma-separated" in text.split("--select RULES", 1)[1].split("--ignore", 1)[0]
    assert "comma-separated" in text.split("--ignore RULES", 1)[1].split("--fail-on", 1)[0]


def test_the_console_script_answers_version():
    proc = real("-V")
    assert proc.returncode == 0
    assert proc.stdout.startswith("citecheck ")


# --- severity and colour --------------------------------------------------------------------


def test_severity_is_a_word_in_text_and_concise_output():
    for fmt in ("text", "concise"):
        lines = run("check", MISSION, "-f", fmt, "--color", "never").stdout.splitlines()
        heads = [line.split(" ")[1] for line in lines if line.startswith(MISSION)]
        assert heads == ["warning", "info", "warning", "warning"], fmt


@pytest.mark.parametrize(
    ("choice", "no_color", "environ", "tty", "expected"),
    [
        ("auto", False, {}, True, True),
        ("auto", False, {}, False, False),
        ("auto", False, {"NO_COLOR": "1"}, True, False),
        ("auto", False, {"NO_COLOR": ""}, True, True),  # empty means unset (no-color.org)
        ("auto", False, {"FORCE_COLOR": "1"}, False, True),
        ("auto", False, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False, False),
        ("auto", False, {"TERM": "dumb"}, True, False),
        ("always", False, {"NO_COLOR": "1"}, False, True),
        ("never", False, {"FORCE_COLOR": "1"}, True, False),
        ("always", True, {}, True, False),  # --no-color is --color never
    ],
)
def test_colour_choice(choice, no_color, environ, tty, expected):
    class Stream:
        def isatty(self) -> bool:
            return tty

    assert use_color(choice, no_color, Stream(), environ) is expected  # type: ignore[arg-type]


def test_colour_reaches_the_output():
    coloured = run("check", MISSION, "--color", "always").stdout
    assert "\x1b[" in coloured
    forced = real("check", MISSION, env={"FORCE_COLOR": "1"})
    assert "\x1b[" in forced.stdout
    for plain in (
        real("check", MISSION, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout,
        real("check", MISSION).stdout,  # a pipe
        run("check", MISSION, "--no-color").stdout,
        run("check", MISSION, "--color", "always", "--no-color").stdout,
    ):
        assert "\x1b[" not in plain
        assert f"{MISSION}:2:1 warning CC001" in plain


def test_unknown_colour_choice_is_a_usage_error():
    result = run("check", MISSION, "--color", "sometimes")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "citecheck: error: unknown --color 'sometimes'; choose from auto, always, never"
    ]


# --- output file ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_output_file_gets_the_report_and_stdout_stays_empty(tmp_path, fmt):
    target = tmp_path / f"report.{fmt}"
    target.write_text("old report\n", "utf-8")
    result = run("check", MISSION, "-f", fmt, "--output-file", str(target))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert target.read_text("utf-8") == run("check", MISSION, "-f", fmt, "--no-color").stdout
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left


def test_output_file_keeps_errors_on_stderr(tmp_path):
    target = tmp_path / "out.txt"
    result = run("check", MISSION, "gone.txt", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["citecheck: gone.txt: no such file"]
    assert "gone.txt" not in target.read_text("utf-8").replace("1 file could not be read", "")


def test_output_file_that_cannot_be_written_is_one_line_and_exit_2(tmp_path):
    result = run("check", MISSION, "-o", str(tmp_path / "no" / "such" / "dir.txt"))
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("citecheck: error: ") and "cannot write the report" in line


def test_output_file_never_overwrites_a_checked_file(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(CLEAN, "utf-8")
    result = run("check", str(tmp_path), "-o", str(article))
    assert result.exit_code == 2
    assert "is one of the checked files" in result.stderr
    assert article.read_text("utf-8") == CLEAN


def test_output_file_is_never_coloured_unless_asked(tmp_path):
    target = tmp_path / "out.txt"
    run("check", MISSION, "-o", str(target), env={"FORCE_COLOR": None})
    assert "\x1b[" not in target.read_text("utf-8")
    run("check", MISSION, "-o", str(target), "--color", "always")
    assert "\x1b[" in target.read_text("utf-8")


# --- statistics -----------------------------------------------------------------------------


def test_statistics_counts_per_rule_most_frequent_first():
    result = run("check", MISSION, "--statistics")
    assert result.exit_code == 1
    assert [line.split() for line in result.stdout.splitlines()] == [
        ["2", "CC008", "not-a-reference", "warning"],
        ["1", "CC001", "uncited-claim", "warning"],
        ["1", "CC010", "possible-miscitation", "info"],
    ]


def test_statistics_json_is_versioned_and_agrees_with_the_report():
    result = run("check", "fixtures", "--statistics", "-f", "json")
    data = json.loads(result.stdout)
    assert data["version"] == 1
    rows = data["statistics"]
    assert [r["count"] for r in rows] == sorted((r["count"] for r in rows), reverse=True)
    assert sum(r["count"] for r in rows) == data["summary"]["findings"]
    by_rule: dict[str, int] = {}
    for r in rows:
        by_rule[r["rule"]] = by_rule.get(r["rule"], 0) + r["count"]
    assert by_rule == data["summary"]["by_rule"]


def test_statistics_under_github_actions_is_text():
    result = run("check", MISSION, "--statistics", env={"GITHUB_ACTIONS": "true"})
    assert result.stdout.splitlines()[0].split() == ["2", "CC008", "not-a-reference", "warning"]


def test_statistics_with_a_format_it_cannot_show_is_a_usage_error():
    result = run("check", MISSION, "--statistics", "-f", "sarif")
    assert result.exit_code == 2
    assert "--statistics" in result.stderr


# --- paths with nothing to check, errors once -----------------------------------------------


def test_a_folder_with_nothing_to_check_is_a_warning_and_exit_2(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "adoc").mkdir()
    (tmp_path / "adoc" / "notes.adoc").write_text("Notes\n", "utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, "utf-8")
    args = [str(tmp_path / "empty"), str(tmp_path / "adoc"), str(tmp_path / "a.txt")]
    result = run("check", *args, "-f", "json")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"citecheck: warning: {tmp_path / 'empty'}: {NOTHING}",
        f"citecheck: warning: {tmp_path / 'adoc'}: {NOTHING}",
    ]
    data = json.loads(result.stdout)
    jsonschema.validate(data, json.loads(report_schema()))
    assert data["unmatched"] == args[:2]
    assert [f["path"] for f in data["files"]] == [args[2]]
    text = run("check", *args)
    assert text.stdout.splitlines()[-1].endswith(", 2 paths with no file to check")


def test_an_excluded_file_named_on_the_command_line_is_skipped_quietly(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(CLEAN, "utf-8")
    result = run("check", "a.txt", "--exclude", "a.txt")
    assert result.exit_code == 0
    assert result.stderr == ""


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "github", "sarif", "junit"])
def test_an_unreadable_file_is_reported_once(fmt):
    result = run("check", MISSION, "gone.txt", "-f", fmt)
    assert result.exit_code == 2
    everything = result.stdout + result.stderr
    once = fmt in ("text", "concise", "github")
    assert everything.count("no such file") == (1 if once else 2)
    if fmt in ("json", "sarif", "junit"):  # data on stdout, one line for people on stderr
        assert result.stderr.count("no such file") == 1
        assert result.stdout.count("no such file") == 1


def test_an_unreadable_file_is_one_line_in_a_real_run_too():
    proc = real("check", MISSION, "gone.txt", "-f", "github")
    assert proc.returncode == 2
    assert (proc.stdout + proc.stderr).count("gone.txt") == 1


# --- the "use instead" examples -------------------------------------------------------------


def test_every_use_instead_shown_by_explain_all_passes_a_default_check():
    shown = run("explain", "--all")
    assert shown.exit_code == 0
    for rule in RULES:
        assert f"{rule.CODE} {rule.NAME} (" in shown.stdout
    blocks = shown.stdout.split("Use instead\n")[1:]
    assert len(blocks) == len(RULES)
    for block in blocks:
        example = block.split("```text\n", 1)[1].split("```", 1)[0]
        example = "\n".join(line.removeprefix("    ") for line in example.splitlines()) + "\n"
        result = run("check", "-", "-f", "concise", stdin=example)
        assert (result.exit_code, result.stdout) == (0, ""), example


def test_explain_needs_a_rule_or_all():
    neither = run("explain")
    assert neither.exit_code == 2
    assert neither.stderr == "citecheck: error: explain takes a RULE or --all\n"
    both = run("explain", "CC001", "--all")
    assert both.exit_code == 2
    assert both.stderr == "citecheck: error: explain takes a RULE or --all, not both\n"


def test_rules_as_json():
    data = json.loads(run("rules", "--format", "json").stdout)
    assert data["version"] == 1
    assert [(r["code"], r["name"], r["severity"], r["enabled"]) for r in data["rules"]] == [
        (r.CODE, r.NAME, r.SEVERITY, r.ENABLED) for r in RULES
    ]
    assert all(r["summary"].endswith(".") for r in data["rules"])


def test_rule_options_are_comma_separated_and_repeatable():
    once = run("check", MISSION, "-f", "concise", "--ignore", "uncited-claim,CC010")
    twice = run("check", MISSION, "-f", "concise", "--ignore", "uncited-claim", "--ignore", "CC010")
    assert once.stdout == twice.stdout
    assert [line.split()[2] for line in once.stdout.splitlines()] == ["CC008", "CC008"]
    picked = run("check", MISSION, "-f", "concise", "--select", "CC001", "--select", "CC010")
    assert [line.split()[2] for line in picked.stdout.splitlines()] == ["CC001", "CC010"]
