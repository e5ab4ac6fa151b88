"""Start-up: the report and settings as plain records, pydantic only for schema and
validation, and the cache of compiled patterns. None of it may change an output byte."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citecheck import report
from citecheck.api import check_text
from citecheck.config.model import SettingsModel
from citecheck.config.settings import Settings
from citecheck.report import schema as report_schema
from citecheck.report.records import json_float

ROOT = Path(__file__).parents[1]
MISSION = ROOT / "fixtures" / "000_75297bddb94e8c7d.txt"
RECORDS = [
    "Finding",
    "FileStats",
    "Evidence",
    "Claim",
    "FileReport",
    "InputProblem",
    "FailUnder",
    "RuleCount",
    "Summary",
    "Report",
]


def _default(f: dataclasses.Field[object]) -> object:
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return None if f.default is dataclasses.MISSING else f.default


@pytest.mark.parametrize("name", RECORDS)
def test_each_record_has_the_fields_of_its_schema_model(name: str) -> None:
    record = getattr(report, name)
    model = getattr(report_schema, name)
    shown = [f for f in dataclasses.fields(record) if f.metadata.get("dump", True)]
    assert [f.name for f in shown] == list(model.model_fields)
    for f in shown:
        info = model.model_fields[f.name]
        expected = info.default_factory() if info.default_factory else info.default  # type: ignore[call-arg]
        if info.is_required():
            expected = None
        assert _default(f) == expected, f.name
    assert record.__doc__.split("\n")[0] == model.__doc__.split("\n")[0]


def test_settings_have_the_fields_and_defaults_of_their_model() -> None:
    fields = [f for f in dataclasses.fields(Settings) if f.init]
    assert [f.name for f in fields] == list(SettingsModel.model_fields)
    model = SettingsModel()
    assert {f.name: _default(f) for f in fields} == dict(model)


def test_settings_are_validated_as_before() -> None:
    assert Settings(severity={"uncited-claim": "info"}).severity == {"CC001": "info"}
    assert Settings(select=["CC001"]).select == ("CC001",)  # type: ignore[arg-type]
    from pydantic import ValidationError

    for bad in ({"min_claim_words": 5.0}, {"scope": "page"}, {"select": ("no-such-rule",)}):
        with pytest.raises(ValidationError):
            Settings(**bad)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Settings.model_validate({"no-such-key": 1})
    assert Settings.model_validate({"min-claim-words": 3}).min_claim_words == 3


def test_the_json_of_a_report_is_the_json_pydantic_writes() -> None:
    text = MISSION.read_text(encoding="utf-8")
    file = check_text(text, path="a.txt")
    summary = report.summarise([file], [])
    ours = report.Report(files=[file], summary=summary)
    theirs = report_schema.Report.model_validate(ours.model_dump())
    assert ours.model_dump_json(indent=2) == theirs.model_dump_json(indent=2)
    assert ours.model_dump_json() == theirs.model_dump_json()
    assert ours.model_dump(mode="json") == theirs.model_dump(mode="json")


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_floats_are_spelled_as_pydantic_spells_them(value: float) -> None:
    from pydantic import TypeAdapter

    assert json_float(value) == TypeAdapter(float).dump_json(value).decode()


@given(st.text())
def test_strings_are_escaped_as_pydantic_escapes_them(value: str) -> None:
    stats = report.InputProblem(path=value, message="m")
    model = report_schema.InputProblem(path=value, message="m")
    assert stats.model_dump_json(indent=2) == model.model_dump_json(indent=2)


def test_a_copy_keeps_the_checked_text() -> None:
    file = check_text("Hello.", path="a.txt", keep_source=True)
    assert file.model_copy(update={"findings": []}).source == "Hello."
    assert "source" not in file.model_dump()


def _run(code: str, prefix: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(prefix)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout


_CHECK = f"""
import sys
sys.argv = ["citecheck", "check", {str(MISSION)!r}, "--format", "json"]
from citecheck.cli.app import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write(" ".join(m for m in sys.modules if m.startswith(("pydantic", "typer._"))))
"""


def test_checking_an_article_loads_no_pydantic_model(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", _CHECK],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert done.stdout.startswith('{\n  "version": 1,')
    loaded = done.stderr.split()
    assert "pydantic.main" not in loaded
    assert "typer._adapters" not in loaded  # typer coerced no option with pydantic


_PATTERNS = """
import re, sys
from citecheck.text.recache import cache_file, install
install()
import citecheck.text.vocab as vocab
pattern = re.compile(r"(?P<word>[a-z]+)-(\\d+)", re.I)
found = vocab.REFERENCE_HEADING.pattern, pattern.groupindex, pattern.findall("Ab-12 cd-3")
print(repr(found), cache_file().exists())
"""


def test_patterns_served_from_the_cache_match_as_compiled_ones(tmp_path: Path) -> None:
    first = _run(_PATTERNS, tmp_path)
    second = _run(_PATTERNS, tmp_path)
    # The first run writes the cache as it ends; the second reads it.
    assert (first.split()[-1], second.split()[-1]) == ("False", "True")
    assert first.split()[:-1] == second.split()[:-1]
    fresh = re.compile(r"(?P<word>[a-z]+)-(\d+)", re.I)
    assert repr(fresh.findall("Ab-12 cd-3")) in second


def test_the_cache_keeps_only_patterns_compiled_at_import(tmp_path: Path) -> None:
    code = _PATTERNS + (
        "import marshal\n"
        "known = marshal.loads(cache_file().read_bytes())[1]\n"
        "mine = (pattern.pattern, pattern.flags & ~re.U)\n"
        "print((vocab.TERMINAL.pattern, 0) in known, mine in known)\n"
    )
    _run(_PATTERNS, tmp_path)  # writes the cache
    # The modules' patterns are kept; the one the script compiles at run time is not.
    assert _run(code, tmp_path).split()[-2:] == ["True", "False"]


def test_edits_are_verified_as_applying_them_would() -> None:
    from citecheck.fixer.edits import Edit, OverlapError, apply, verify

    text = "one two three"
    edits = [Edit(8, "three", "3"), Edit(0, "one", "1")]
    assert [e.start for e in verify(text, edits)] == [0, 8]
    assert apply(text, edits) == "1 two 3"
    for bad, error in (
        ([Edit(0, "two", "2")], ValueError),
        ([*edits, Edit(1, "ne", "")], OverlapError),
    ):
        with pytest.raises(error):
            verify(text, bad)
        with pytest.raises(error):
            apply(text, bad)


def test_another_tools_pyproject_is_not_parsed(tmp_path: Path) -> None:
    from citecheck.config.discovery import Loader

    (tmp_path / "pyproject.toml").write_text("[tool.other\nbroken = \n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Hello.\n", encoding="utf-8")
    assert Loader().file_for(str(tmp_path / "a.txt")) is None
