"""Each rule's docstring is its documentation and its oracle: the examples must hold."""

from __future__ import annotations

import importlib
import pkgutil
import re
import textwrap

import pytest

import citecheck.checker
from citecheck import check_text
from citecheck.checker import RULES
from citecheck.config.settings import Settings
from citecheck.sources.indexes.model import Lookup, Query, Record
from citecheck.sources.model import Source

_SECTION = re.compile(r"^(?P<title>\S.*)\n(?P<body>(?:[ \t]+.*\n|\n)*)", re.M)
_FENCE = re.compile(r"^```text\n(?P<code>.*?)^```\s*$", re.M | re.S)
ALL = Settings(select=("ALL",))


def sections(doc: str) -> dict[str, str]:
    """Split a rule docstring into its titled sections, bodies dedented."""
    return {m["title"].strip(): textwrap.dedent(m["body"]) for m in _SECTION.finditer(doc + "\n")}


def example(rule, title: str) -> str:
    body = sections(rule.__doc__ or "").get(title)
    assert body is not None, f"{rule.NAME} has no {title!r} section"
    blocks = _FENCE.findall(body)
    assert len(blocks) == 1, f"{rule.NAME}: {title!r} needs exactly one ```text block"
    text = textwrap.dedent(blocks[0])
    assert text.strip(), f"{rule.NAME}: {title!r} block is empty"
    return text


_SOURCE = re.compile(r"^Source (?P<key>\S+)(?: \((?P<note>[^)]*)\))?$")


def snapshots(rule, title: str) -> dict[str, Source] | None:
    """The sources written after an example (``Source 1 (title: …)`` sections), by key; None
    for a rule that does not read sources."""
    if not rule.CODE.startswith("CC2"):
        return None
    found: dict[str, Source] = {}
    current = None
    for m in _SECTION.finditer((rule.__doc__ or "") + "\n"):
        head = m["title"].strip()
        if head in ("Example", "Use instead"):
            current = head
            continue
        source = _SOURCE.match(head)
        if source is None or current != title:
            continue
        text = textwrap.dedent(_FENCE.findall(textwrap.dedent(m["body"]))[0]).strip()
        note = source["note"] or ""
        state = note if note in ("dead", "blocked") else "ok"
        page_title = note.removeprefix("title: ") if note.startswith("title: ") else None
        spans = tuple((s.start(), s.end()) for s in re.finditer(r"[^.!?]+[.!?]*", text))
        found[source["key"]] = Source(
            key=source["key"],
            location=f"https://example.com/{source['key']}",
            final_url=None,
            status=404 if state == "dead" else 403 if state == "blocked" else 200,
            state=state,  # type: ignore[arg-type]
            problem=None if state == "ok" else f"HTTP {404 if state == 'dead' else 403}",
            title=page_title,
            site_name=None,
            date=None,
            text=text if state == "ok" else "",
            sentences=spans if state == "ok" else (),
            origin="snapshot",
        )
    return found


_RECORD = re.compile(r"^Record (?P<key>\S+) \((?P<index>[a-z.]+)\)$")


def records(rule, title: str) -> dict[str, Lookup] | None:
    """The index records written after an example (``Record 1 (crossref)`` sections with
    ``id:``, ``title:``, ``authors:``, ``year:`` and ``url:`` lines, the last three
    optional; ``(search)``: the page a search found; ``(unknown)``: the identifier names no
    work), as the lookups of the references by key; None when the example has none."""
    found: dict[str, Lookup] = {}
    current = None
    for m in _SECTION.finditer((rule.__doc__ or "") + "\n"):
        head = m["title"].strip()
        if head in ("Example", "Use instead"):
            current = head
            continue
        got = _RECORD.match(head)
        if got is None or current != title:
            continue
        text = textwrap.dedent(_FENCE.findall(textwrap.dedent(m["body"]))[0])
        fields = dict(line.split(": ", 1) for line in text.splitlines() if ": " in line)
        query = Query(doi="10.0/doc")
        if got["index"] == "unknown":
            found[got["key"]] = Lookup(query, "arxiv", unknown=True, asked=("arxiv",))
            continue
        record = Record(
            got["index"],  # type: ignore[arg-type]
            fields.get("id", "10.0/doc"),
            fields["title"],
            tuple(fields["authors"].split("; ")) if "authors" in fields else (),
            (int(fields["year"]),) if "year" in fields else (),
            fields.get("url"),
        )
        way = {"arxiv": "arxiv", "search": "search"}.get(record.index, "doi")
        found[got["key"]] = Lookup(query, way, (record,), asked=(record.index,))
    return found or None


def codes(text: str, sources: dict[str, Source] | None = None, lookups=None) -> list[str]:
    if lookups is not None and sources is None:
        sources = {}
    report = check_text(text, settings=ALL, sources=sources, lookups=lookups)
    return [f.code for f in report.findings]


@pytest.mark.parametrize("rule", RULES, ids=[r.NAME for r in RULES])
def test_docstring_has_the_ruff_sections(rule):
    found = sections(rule.__doc__ or "")
    for title in ("What it does", "Why is this bad?", "Example", "Use instead"):
        assert title in found, f"{rule.NAME} lacks {title!r}"
    assert (rule.__doc__ or "").strip().splitlines()[0].endswith(".")


@pytest.mark.parametrize("rule", RULES, ids=[r.NAME for r in RULES])
def test_example_fails(rule):
    got = codes(example(rule, "Example"), snapshots(rule, "Example"), records(rule, "Example"))
    assert rule.CODE in got


@pytest.mark.parametrize("rule", RULES, ids=[r.NAME for r in RULES])
def test_use_instead_passes(rule):
    title = "Use instead"
    assert rule.CODE not in codes(
        example(rule, title), snapshots(rule, title), records(rule, title)
    )


@pytest.mark.parametrize("rule", RULES, ids=[r.NAME for r in RULES])
def test_use_instead_passes_a_default_run(rule):
    """What ``explain`` offers as the fix gives no finding at all with default settings."""
    findings = check_text(example(rule, "Use instead")).findings
    assert [(f.code, f.message) for f in findings] == []


def test_codes_and_names_are_unique_and_well_formed():
    assert len({r.CODE for r in RULES}) == len(RULES)
    assert len({r.NAME for r in RULES}) == len(RULES)
    for rule in RULES:
        assert re.fullmatch(r"CC\d{3}", rule.CODE), rule.CODE
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)+", rule.NAME), rule.NAME
        assert rule.SEVERITY in ("error", "warning", "info")
        assert isinstance(rule.ENABLED, bool)
        assert callable(rule.check)


def test_every_rule_module_is_registered():
    modules = [
        importlib.import_module(f"citecheck.checker.{info.name}")
        for info in pkgutil.iter_modules(citecheck.checker.__path__)
    ]
    rule_modules = {m.__name__ for m in modules if hasattr(m, "CODE") and hasattr(m, "check")}
    assert rule_modules == {r.__name__ for r in RULES}


# code: (name, default severity, on by default), as DESIGN.md's rule table has them.
DESIGN_RULES = {
    "CC001": ("uncited-claim", "warning", True),
    "CC002": ("dangling-citation", "error", True),
    "CC003": ("uncited-reference", "warning", True),
    "CC004": ("missing-reference-section", "error", True),
    "CC005": ("citation-needed", "error", True),
    "CC006": ("malformed-citation", "error", True),
    "CC007": ("duplicate-reference", "warning", True),
    "CC008": ("not-a-reference", "warning", True),
    "CC009": ("attribution-mismatch", "warning", True),
    "CC010": ("possible-miscitation", "info", True),
    "CC011": ("duplicate-citation", "info", True),
    "CC012": ("reference-order", "info", False),
    "CC201": ("source-unavailable", "warning", True),
    "CC202": ("title-mismatch", "warning", True),
    "CC203": ("quote-not-found", "error", True),
    "CC204": ("number-not-found", "warning", True),
    "CC205": ("unsupported-claim", "warning", True),
    "CC206": ("unverified-claim", "info", True),
    "CC207": ("reference-not-found", "warning", True),
    "CC208": ("reference-mismatch", "warning", True),
    "CC209": ("source-found", "info", True),
}


def test_the_rules_of_the_design_keep_their_codes_and_defaults():
    registered = {r.CODE: (r.NAME, r.SEVERITY, r.ENABLED) for r in RULES}
    assert {code: registered.get(code) for code in DESIGN_RULES} == DESIGN_RULES


def test_the_readme_rules_table_is_the_registry():
    """The README's table of rules says what the registry holds: each rule once, by code
    and name, with its default severity, and "(off)" for the rules off by default."""
    from pathlib import Path

    readme = (Path(__file__).parents[1] / "README.md").read_text("utf-8")
    table = readme.split("## Rules\n", 1)[1].strip().split("\n\n", 1)[0]
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in table.splitlines()[2:]
        if line.startswith("| CC")
    ]
    assert [(code, name) for code, name, *_ in rows] == [(r.CODE, r.NAME) for r in RULES]
    for (_, _, default, *_), rule in zip(rows, RULES, strict=True):
        assert default.startswith(rule.SEVERITY), (rule.CODE, default)
        assert ("(off)" in default) == (not rule.ENABLED), (rule.CODE, default)
