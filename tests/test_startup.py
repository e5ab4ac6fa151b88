"""Start-up: the report and settings as plain records, pydantic only for schema and
validation, and the cache of compiled patterns. None of it may change an output byte."""

from __future__ import annotations

import ast
import dataclasses
import json
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
    "Citing",
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
end = vocab.TERMINAL.search("The end.)")
found = vocab.REFERENCE_HEADING.pattern, pattern.groupindex, pattern.findall("Ab-12 cd-3"), end
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
    assert "match='.)'" in second


def test_the_cache_keeps_only_the_modules_patterns_that_were_used(tmp_path: Path) -> None:
    code = _PATTERNS + (
        "import marshal\n"
        "known = marshal.loads(cache_file().read_bytes())[1]\n"
        "mine = (pattern.pattern, pattern.flags & ~re.U)\n"
        "print((vocab.TERMINAL.pattern, 0) in known, mine in known,"
        " (vocab.HTML_TAG.pattern, 0) in known)\n"
    )
    _run(_PATTERNS, tmp_path)  # writes the cache
    # A module's pattern compiled on its first use is kept; the one the script compiles
    # at run time is not, nor a module's pattern that nothing used (never compiled).
    assert _run(code, tmp_path).split()[-3:] == ["True", "False", "False"]


_SAMPLES = ["", "Ab-12 cd-3", "x-1\ny-22 Z-333", "-- no -- match --"]


def _span(m: re.Match[str] | None) -> tuple[tuple[int, int], tuple[str | None, ...]] | None:
    return None if m is None else (m.span(), m.groups())


@pytest.mark.parametrize(
    ("source", "flags"),
    [(r"(?P<word>[a-z]+)-(\d+)", re.I), (r"^(\w)-", re.M), (r"\s+", 0), (r"(?i)z", 0)],
)
def test_a_lazy_pattern_answers_as_the_compiled_one(source: str, flags: int) -> None:
    from citecheck.text.recache import lazy

    compiled = re.compile(source, flags)
    before = lazy(source, flags)
    assert before.pattern == source
    assert "_compiled" not in vars(before)  # reading the source compiles nothing
    for fresh in (before, lazy(source, flags)):  # the method that compiles it, then the rest
        for text in _SAMPLES:
            for method in ("search", "match", "fullmatch"):
                got, want = getattr(fresh, method)(text, 1), getattr(compiled, method)(text, 1)
                assert _span(got) == _span(want)
            assert [_span(m) for m in fresh.finditer(text)] == [
                _span(m) for m in compiled.finditer(text)
            ]
            assert fresh.findall(text) == compiled.findall(text)
            assert fresh.sub("_", text) == compiled.sub("_", text)
            assert fresh.subn("_", text, 1) == compiled.subn("_", text, 1)
            assert fresh.split(text) == compiled.split(text)
    late = lazy(source, flags)
    assert (late.flags, late.groups, late.groupindex) == (
        compiled.flags,
        compiled.groups,
        compiled.groupindex,
    )
    assert late.search == late.search  # compiled once: the bound method of one pattern


_RUN_CHECK = """
import sys
sys.argv = ["citecheck", "check", {path!r}, "--format", "json"]
from citecheck.cli.app import main
try:
    main()
except SystemExit:
    pass
"""
# A check of the small article, then the patterns it compiled.
_SMALL_CHECK = (
    _RUN_CHECK
    + """from citecheck.parser import authoryear, citeworthy
patterns = {{"author-year": authoryear._PAREN, "citation-worthiness": citeworthy._STRONG}}
compiled = sorted(name for name, p in patterns.items() if "_compiled" in vars(p))
loaded = sorted({{m.split(".")[1] for m in sys.modules if m.startswith("citecheck.")}})
sys.stderr.write(repr((compiled, loaded)))
"""
)

_SMALL = """# Harbour seals

Harbour seals haul out on sandbanks at low tide, and the colonies of the Wadden Sea have
grown since hunting stopped {first}. Pups can swim within hours of their birth {second}.

## References

{entries}
"""


@pytest.mark.parametrize("style", ["numbered", "author-year"])
def test_a_small_markdown_check_compiles_and_imports_only_what_it_needs(
    tmp_path: Path, style: str
) -> None:
    if style == "numbered":
        first, second = "[1]", "[2]"
        entries = (
            "1. Reijnders, P. Harbour seals. https://example.org/a\n2. Pups. https://example.org/b"
        )
    else:
        first, second = "(Reijnders, 2019)", "(Lee, 2020)"
        entries = "- Lee, K. (2020). Pups. https://example.org/b\n- Reijnders, P. (2019). Seals."
    article = tmp_path / "seals.md"
    article.write_text(_SMALL.format(first=first, second=second, entries=entries), "utf-8")
    done = _run_fresh(_SMALL_CHECK.format(path=str(article)), tmp_path)
    report = json.loads(done.stdout)
    assert [f["rule"] for f in report["files"][0]["findings"]] == []  # both cite both entries
    compiled, loaded = ast.literal_eval(done.stderr)
    # The author-year patterns wait for entries with a year; the citation-worthiness cues
    # for a paper or a spec (this is an article).
    assert compiled == ([] if style == "numbered" else ["author-year"])
    # No source is fetched or read, no claim verified, no language server started.
    assert not {"sources", "verifier", "server"} & set(loaded)
    assert {"parser", "checker", "reader"} <= set(loaded)


def _run_fresh(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a new interpreter in ``tmp_path`` that writes its bytecode to a
    folder of its own (as an installed package would), so what it imports is what a fresh
    start imports."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "pycache")
    return subprocess.run(
        [sys.executable, "-c", code],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )


_LINKED = """# Harbour seals

Harbour seals haul out on sandbanks at low tide, and the colonies of the Wadden Sea have
grown since hunting stopped ([Reijnders]({link})).
Pups can swim within hours of their birth ([Lee](http://Example.ORG/pups)).

## References

- Reijnders, P. (2019). Harbour seals. https://example.org/seals?id={id}
- Lee, K. (2020). Pups. https://example.org/pups
"""

_LINKED_CHECK = (
    _RUN_CHECK
    + """heavy = ("w3lib", "urllib.request", "http", "email", "ssl", "socket")
sys.stderr.write(repr(sorted(m for m in sys.modules if m.startswith(heavy))))
"""
)


@pytest.mark.parametrize("listed", [2, 3])
def test_a_markdown_check_keys_plain_urls_without_loading_w3lib(
    tmp_path: Path, listed: int
) -> None:
    # The link and the entry are one address (host case, www., a trailing slash, a
    # tracking parameter, a fragment) when the entry's id is the link's; w3lib, and the
    # urllib.request it imports (http.client, email, ssl), are not needed to tell.
    link = "https://www.example.org/seals/?utm_source=news&id=2#top"
    article = tmp_path / "seals.md"
    article.write_text(_LINKED.format(link=link, id=listed), "utf-8")
    done = _run_fresh(_LINKED_CHECK.format(path=str(article)), tmp_path)
    report = json.loads(done.stdout)
    rules = [f["rule"] for f in report["files"][0]["findings"]]
    assert rules == ([] if listed == 2 else ["uncited-reference"])
    assert ast.literal_eval(done.stderr) == []


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
