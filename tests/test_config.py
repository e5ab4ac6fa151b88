"""Configuration: discovery, every key taking effect end to end, errors, ``citecheck config``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli.app import app
from citecheck.config.discovery import Loader
from citecheck.model.errors import ConfigError
from citecheck.run.paths import check_paths

ARTICLE = (Path(__file__).parents[1] / "fixtures" / "000_75297bddb94e8c7d.txt").read_text("utf-8")

HARBOUR = """\
Harbour plans

According to the Planet, the harbour will close for repairs next spring. [1]

{heading}
1. City Herald: Harbour to close for repairs
2. Daily Planet: Harbour repairs planned for spring
"""


@pytest.fixture(autouse=True)
def _plain_env(monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


def codes(root: Path, *paths: str, config: str | None = None) -> list[tuple[str, str, int]]:
    report = check_paths([str(root / p) for p in paths], Loader(config))
    return [
        (Path(f.path).relative_to(root).as_posix(), f.code, f.line)
        for file in report.files
        for f in file.findings
    ]


def pyproject(table: str) -> str:
    return f"[project]\nname = 'x'\n\n[tool.citecheck]\n{table}\n"


# --- every key takes effect -------------------------------------------------------------


def test_select_and_ignore_from_pyproject(tmp_path):
    write(tmp_path, {"a.txt": ARTICLE})
    assert {c for _, c, _ in codes(tmp_path, "a.txt")} == {"CC001", "CC008", "CC010"}
    write(tmp_path, {"pyproject.toml": pyproject('select = ["CC008", "uncited-claim"]')})
    assert {c for _, c, _ in codes(tmp_path, "a.txt")} == {"CC001", "CC008"}
    write(tmp_path, {"pyproject.toml": pyproject('ignore = ["not-a-reference"]')})
    assert {c for _, c, _ in codes(tmp_path, "a.txt")} == {"CC001", "CC010"}


def test_select_all_turns_on_rules_that_are_off_by_default(tmp_path):
    out_of_order = HARBOUR.format(heading="References:").replace("[1]", "[2]")
    write(tmp_path, {"a.txt": out_of_order})
    assert "CC012" not in {c for _, c, _ in codes(tmp_path, "a.txt")}
    write(tmp_path, {"citecheck.toml": 'select = ["ALL"]\n'})
    assert "CC012" in {c for _, c, _ in codes(tmp_path, "a.txt")}


def test_severity_is_stamped_by_the_checker(tmp_path):
    write(
        tmp_path, {"a.txt": ARTICLE, "citecheck.toml": 'severity = {not-a-reference = "error"}\n'}
    )
    report = check_paths([str(tmp_path / "a.txt")], Loader())
    levels = {f.code: f.severity for f in report.files[0].findings}
    assert levels == {"CC001": "warning", "CC008": "error", "CC010": "info"}


def test_per_file_ignores_are_relative_to_the_config_file(tmp_path, monkeypatch):
    write(
        tmp_path,
        {
            "proj/pyproject.toml": pyproject(
                'per-file-ignores = {"drafts/**" = ["uncited-claim"], "*.md" = ["CC010"]}'
            ),
            "proj/drafts/old/a.txt": ARTICLE,
            "proj/final/a.txt": ARTICLE,
            "proj/final/b.md": ARTICLE,
        },
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # globs do not depend on the working directory
    found = codes(tmp_path, "proj")
    assert ("proj/drafts/old/a.txt", "CC001", 2) not in found
    assert ("proj/drafts/old/a.txt", "CC008", 15) in found
    assert ("proj/final/a.txt", "CC001", 2) in found
    assert ("proj/final/a.txt", "CC010", 6) in found
    assert not [f for f in found if f[0] == "proj/final/b.md" and f[1] == "CC010"]


def test_scope_and_min_claim_words(tmp_path):
    write(tmp_path, {"a.txt": ARTICLE, "citecheck.toml": 'scope = "sentence"\n'})
    uncited = [line for _, c, line in codes(tmp_path, "a.txt") if c == "CC001"]
    assert uncited == [2, 4, 5, 5, 6]
    write(tmp_path, {"citecheck.toml": "min-claim-words = 40\n"})
    report = check_paths([str(tmp_path / "a.txt")], Loader())
    assert report.files[0].stats.claims < 3


@pytest.mark.parametrize("name", ["a.txt", "a.md"])
def test_reference_headings_reach_the_reader_and_parser(tmp_path, name):
    heading = "Pressespiegel:" if name.endswith(".txt") else "## Pressespiegel"
    write(tmp_path, {name: HARBOUR.format(heading=heading)})
    assert "CC004" in {c for _, c, _ in codes(tmp_path, name)}
    write(tmp_path, {"citecheck.toml": 'reference-headings = ["Pressespiegel"]\n'})
    assert "CC004" not in {c for _, c, _ in codes(tmp_path, name)}


def test_outlet_aliases_reach_attribution_mismatch(tmp_path):
    write(tmp_path, {"a.txt": HARBOUR.format(heading="References:")})
    assert "CC009" not in {c for _, c, _ in codes(tmp_path, "a.txt")}
    write(tmp_path, {"citecheck.toml": 'outlet-aliases = {"Daily Planet" = ["the Planet"]}\n'})
    assert ("a.txt", "CC009", 3) in codes(tmp_path, "a.txt")


@pytest.mark.parametrize(
    ("table", "code"),
    [
        ("", 1),
        ('fail-on = "error"', 0),
        ('fail-on = "never"', 0),
        ('fail-on = "error"\nfail-under = 95', 1),
        ('fail-on = "error"\nfail-under = 90', 0),
    ],
)
def test_fail_on_and_fail_under_decide_the_exit_code(tmp_path, table, code):
    write(tmp_path, {"a.txt": ARTICLE, "citecheck.toml": table + "\n"})
    assert run("check", str(tmp_path / "a.txt")).exit_code == code


def test_fail_under_on_the_command_line(tmp_path):
    write(tmp_path, {"a.txt": ARTICLE})
    path = str(tmp_path / "a.txt")
    assert run("check", path, "--fail-on", "never", "--fail-under", "90.1").exit_code == 1
    assert run("check", path, "--fail-on", "never", "--fail-under", "90").exit_code == 0


# --- discovery ------------------------------------------------------------------------------


def test_discovery_walks_up_and_prefers_citecheck_toml(tmp_path):
    write(
        tmp_path,
        {
            "pyproject.toml": pyproject('ignore = ["CC001"]'),
            "sub/deeper/a.txt": ARTICLE,
            "sub/pyproject.toml": "[project]\nname = 'no table here'\n",
        },
    )
    loader = Loader()
    target = str(tmp_path / "sub/deeper/a.txt")
    assert loader.file_for(target) == tmp_path / "pyproject.toml"
    write(tmp_path, {"sub/.citecheck.toml": 'ignore = ["CC008"]\n'})
    assert Loader().file_for(target) == tmp_path / "sub/.citecheck.toml"
    write(tmp_path, {"sub/citecheck.toml": 'ignore = ["CC010"]\n'})
    assert Loader().file_for(target) == tmp_path / "sub/citecheck.toml"
    assert Loader()(target).ignore == ("CC010",)


def test_explicit_config_wins_and_command_line_wins_over_it(tmp_path):
    write(
        tmp_path,
        {
            "citecheck.toml": 'scope = "sentence"\n',
            "other.toml": 'scope = "sentence"\nmin-claim-words = 7\n',
            "a.txt": ARTICLE,
        },
    )
    settings = Loader(str(tmp_path / "other.toml"), {"scope": "paragraph"})(str(tmp_path / "a.txt"))
    assert (settings.scope, settings.min_claim_words) == ("paragraph", 7)


# --- errors: one line, exit 2 -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "pyproject.toml",
            pyproject("min-claim-word = 3"),
            "pyproject.toml: unknown key 'min-claim-word' in [tool.citecheck]; "
            "did you mean 'min-claim-words'?",
        ),
        (
            "citecheck.toml",
            'scope = "para"\n',
            "citecheck.toml: bad value for 'scope': Input should be 'paragraph' or 'sentence', "
            "got 'para'",
        ),
        (
            "citecheck.toml",
            "min-claim-words = '5'\n",
            "citecheck.toml: bad value for 'min-claim-words': expected a whole number, got '5'",
        ),
        (
            "citecheck.toml",
            'select = ["uncited-claims"]\n',
            "citecheck.toml: bad value for 'select': unknown rule 'uncited-claims'; "
            "did you mean 'uncited-claim'?",
        ),
        (
            "citecheck.toml",
            'ignore = ["CC01"]\n',
            "citecheck.toml: bad value for 'ignore': unknown rule 'CC01'; did you mean 'CC012'?",
        ),
        (
            "citecheck.toml",
            'severity = {dangling-citations = "info"}\n',
            "citecheck.toml: bad value for 'severity': unknown rule 'dangling-citations'; "
            "did you mean 'dangling-citation'?",
        ),
        (
            "citecheck.toml",
            'severity = {CC001 = "fatal"}\n',
            "citecheck.toml: bad value for 'severity.CC001': Input should be 'error', "
            "'warning' or 'info', got 'fatal'",
        ),
        (
            "citecheck.toml",
            'per-file-ignores = {"*.md" = ["CC9"]}\n',
            "citecheck.toml: bad value for 'per-file-ignores': unknown rule 'CC9'",
        ),
        (
            "citecheck.toml",
            "fail-under = 120\n",
            "citecheck.toml: bad value for 'fail-under': Input should be less than or equal "
            "to 100, got 120",
        ),
        (
            "citecheck.toml",
            "scope = [paragraph\n",
            "citecheck.toml: invalid TOML: ",
        ),
        (
            "citecheck.toml",
            '[tool.citecheck]\nscope = "sentence"\n',
            "citecheck.toml: unknown key 'tool'; keys stand at the top level here",
        ),
    ],
)
def test_config_errors_are_one_line_naming_file_and_key(
    tmp_path, monkeypatch, name, text, expected
):
    write(tmp_path, {name: text, "a.txt": ARTICLE})
    monkeypatch.chdir(tmp_path)
    for args in (["check", "a.txt"], ["config", "a.txt"]):
        result = run(*args)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1
        assert result.stderr.startswith("citecheck: error: " + expected)
        assert "Traceback" not in result.stderr


def test_loader_raises_config_error_for_a_missing_explicit_file(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        Loader(str(tmp_path / "missing.toml"))(str(tmp_path))
    write(tmp_path, {"pyproject.toml": "[project]\nname = 'x'\n"})
    with pytest.raises(ConfigError, match=r"no \[tool.citecheck\] table"):
        Loader(str(tmp_path / "pyproject.toml"))(str(tmp_path))


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--select", "uncited-claims"], "command line: bad value for '--select': unknown rule"),
        (["--ignore", "CC001,nope"], "command line: bad value for '--ignore': unknown rule 'nope'"),
        (["--scope", "page"], "command line: bad value for '--scope': Input should be"),
        (["--fail-under", "101"], "command line: bad value for '--fail-under'"),
    ],
)
def test_command_line_errors_name_the_option(tmp_path, args, expected):
    write(tmp_path, {"a.txt": ARTICLE})
    result = run("check", str(tmp_path / "a.txt"), *args)
    assert result.exit_code == 2
    assert result.stderr.startswith("citecheck: error: " + expected)
    assert result.stderr.count("\n") == 1


def test_a_broken_nested_config_stops_the_run_before_any_output(tmp_path):
    write(tmp_path, {"a.txt": ARTICLE, "sub/b.txt": ARTICLE, "sub/citecheck.toml": "scope = 3\n"})
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "citecheck.toml: bad value for 'scope'" in result.stderr


# --- citecheck config -----------------------------------------------------------------------


def test_config_command_shows_values_and_their_sources(tmp_path, monkeypatch):
    write(
        tmp_path,
        {"pyproject.toml": pyproject('ignore = ["CC008"]\nscope = "sentence"'), "a.txt": ARTICLE},
    )
    monkeypatch.chdir(tmp_path)
    result = run("config", "a.txt", "--format", "json", "--scope", "paragraph")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["config_file"] == "pyproject.toml"
    settings = data["settings"]
    assert settings["ignore"] == {"value": ["CC008"], "source": "pyproject.toml"}
    assert settings["scope"] == {"value": "paragraph", "source": "command line"}
    assert settings["min-claim-words"] == {"value": 5, "source": "default"}
    assert set(settings) >= {
        "select",
        "ignore",
        "severity",
        "per-file-ignores",
        "scope",
        "min-claim-words",
        "reference-headings",
        "outlet-aliases",
        "fail-on",
        "fail-under",
    }
    text = run("config", "a.txt").stdout.splitlines()
    assert text[0] == "# settings for a.txt; config file: pyproject.toml"
    assert 'ignore             = ["CC008"]  # pyproject.toml' in text
    assert 'scope              = "sentence"  # pyproject.toml' in text
    assert "fail-under         = null  # default" in text


def test_config_command_without_any_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = json.loads(run("config", "--format", "json").stdout)
    assert data["config_file"] is None
    assert {v["source"] for v in data["settings"].values()} == {"default"}


def test_ignore_all_in_per_file_ignores(tmp_path):
    write(
        tmp_path,
        {
            "citecheck.toml": 'per-file-ignores = {"CHANGELOG.md" = ["ALL"]}\n',
            "CHANGELOG.md": ARTICLE,
            "a.md": ARTICLE,
        },
    )
    found = codes(tmp_path, ".")
    assert not [f for f in found if f[0] == "CHANGELOG.md"]
    assert [f for f in found if f[0] == "a.md"]


def test_the_readme_configuration_example_is_valid(tmp_path):
    readme = (Path(__file__).parents[1] / "README.md").read_text("utf-8")
    section = readme.split("## Configuration", 1)[1]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    write(tmp_path, {"pyproject.toml": example, "a.txt": ARTICLE})
    effective = Loader().effective(str(tmp_path / "a.txt"))
    assert effective.file == tmp_path / "pyproject.toml"
    assert effective.settings.fail_under == 85
    assert {k for k, v in effective.sources.items() if v != "default"} == {
        "select",
        "ignore",
        "severity",
        "per-file-ignores",
        "scope",
        "min-claim-words",
        "reference-headings",
        "outlet-aliases",
        "fail-on",
        "fail-under",
    }


def test_pre_commit_hook_definition():
    hooks = (Path(__file__).parents[1] / ".pre-commit-hooks.yaml").read_text("utf-8")
    assert "- id: citecheck\n" in hooks
    assert "  entry: citecheck check\n" in hooks
    assert "  types_or: [markdown, text]\n" in hooks
    assert "  language: python\n" in hooks


def test_fail_under_compares_the_exact_coverage(tmp_path):
    text = (
        "Harbour works\n\n"
        "The harbour will close for repairs next spring. [1]\n\n"
        "The ferry will move to the north pier during the works. [1]\n\n"
        "The works are expected to cost four million euros in total.\n\n"
        "References:\n1. City Herald: Harbour to close for repairs\n"
    )
    write(tmp_path, {"a.txt": text})
    path = str(tmp_path / "a.txt")
    shown = run("check", path, "--fail-on", "never").stdout.splitlines()[-1]
    assert "claim coverage 66.6% (2/3)" in shown
    assert run("check", path, "--fail-on", "never", "--fail-under", "66.66").exit_code == 0
    assert run("check", path, "--fail-on", "never", "--fail-under", "66.67").exit_code == 1
