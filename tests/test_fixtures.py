"""Every article under fixtures/ against its expected findings.

An article ``name.txt`` (or ``.md``, or RFC XML ``.xml``) is checked once per expectation
file beside it: ``name.expected`` with default settings (or those of ``name.options.toml``) and
``name.VARIANT.expected`` with ``name.VARIANT.options.toml`` on top. Expectations are in
the concise format ``line:col CODE rule-name message``, one finding per line.
``pytest --update-fixtures`` rewrites them from the current output, for review.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from citecheck.api import check_file
from citecheck.checker import RULES
from citecheck.config.settings import Settings
from citecheck.sources.model import SourceOptions

FIXTURES = Path(__file__).parents[1] / "fixtures"
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".mmd", ".xml", ".rst")


def _articles() -> list[Path]:
    """Every article under fixtures/, but not the source snapshots of ``verify`` examples."""
    return sorted(
        p
        for p in FIXTURES.rglob("*")
        if p.suffix in ARTICLE_SUFFIXES and not any(d.suffix == ".sources" for d in p.parents)
    )


def _variants(article: Path) -> list[str]:
    """Return "" for the default run and the name of each other run."""
    stem = article.with_suffix("").name
    names = {""}
    for p in article.parent.glob(f"{stem}.*"):
        middle = p.name[len(stem) + 1 :]
        for tail in (".expected", ".options.toml"):
            if middle.endswith(tail) and middle != tail[1:]:
                names.add(middle[: -len(tail)])
    return sorted(names)


def _sidecar(article: Path, variant: str, suffix: str) -> Path:
    stem = article.with_suffix("").name
    name = f"{stem}.{variant}.{suffix}" if variant else f"{stem}.{suffix}"
    return article.with_name(name)


def _settings(article: Path, variant: str) -> Settings:
    options: dict[str, object] = {}
    for v in dict.fromkeys(("", variant)):
        path = _sidecar(article, v, "options.toml")
        if path.exists():
            options.update(tomllib.loads(path.read_text("utf-8")))
    return Settings.model_validate(options)


def _sources(article: Path) -> SourceOptions | None:
    """An article with a ``<stem>.sources/`` folder beside it is verified against those
    snapshots, offline; a ``<stem>.cache/`` folder beside it is its cache of fetched pages."""
    stem = article.with_suffix("").name
    snapshots, cache = article.with_name(f"{stem}.sources"), article.with_name(f"{stem}.cache")
    if not snapshots.is_dir() and not cache.is_dir():
        return None
    return SourceOptions(offline=True, cache_dir=cache, use_cache=cache.is_dir())


def concise(article: Path, settings: Settings) -> str:
    """Return the findings of an article in the concise format, one per line."""
    report = check_file(str(article), settings, sources=_sources(article))
    return "".join(f"{f.line}:{f.column} {f.code} {f.rule} {f.message}\n" for f in report.findings)


CASES = [(a, v) for a in _articles() for v in _variants(a)]


def test_articles_have_distinct_names():
    stems = [a.with_suffix("").as_posix() for a in _articles()]
    assert len(stems) == len(set(stems)), "two articles would share one .expected file"


def _id(case: tuple[Path, str]) -> str:
    article, variant = case
    name = article.relative_to(FIXTURES).as_posix()
    return f"{name}[{variant}]" if variant else name


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_fixture(case, update_fixtures):
    article, variant = case
    expected_path = _sidecar(article, variant, "expected")
    actual = concise(article, _settings(article, variant))
    if update_fixtures:
        expected_path.write_text(actual, "utf-8")
    assert expected_path.exists(), f"{expected_path.name} is missing; run --update-fixtures"
    assert actual == expected_path.read_text("utf-8")


def _codes(article: Path, variant: str) -> set[str]:
    path = _sidecar(article, variant, "expected")
    lines = path.read_text("utf-8").splitlines() if path.exists() else []
    return {line.split()[1] for line in lines if line.strip()}


@pytest.mark.parametrize("rule", RULES, ids=[r.NAME for r in RULES])
def test_every_rule_has_failing_and_passing_fixtures(rule):
    folder = FIXTURES / "rules" / rule.NAME
    runs = [(a, v) for a, v in CASES if a.parent == folder]
    failing = [a for a, v in runs if a.name.startswith("fail") and rule.CODE in _codes(a, v)]
    passing = [a for a, v in runs if a.name.startswith("pass") and rule.CODE not in _codes(a, v)]
    assert failing, f"no fixture in {folder} where {rule.NAME} fires"
    assert passing, f"no fixture in {folder} where {rule.NAME} stays silent"
    for a, v in runs:
        if a.name.startswith("pass"):
            assert rule.CODE not in _codes(a, v), f"{a.name} is meant to pass {rule.NAME}"
        else:
            assert rule.CODE in _codes(a, v), f"{a.name} is meant to fail {rule.NAME}"
