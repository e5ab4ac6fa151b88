"""The rules' and the runner's cheap paths give the answers of the work they stand in for.

Each shortcut is compared with the plain computation it replaces, on random text drawn from
the characters that computation cares about.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_fix_properties import articles

from citecheck.api import analyse
from citecheck.checker import Context
from citecheck.text.lines import LineIndex

_BREAK = re.compile(r"\r\n?|\n")


@settings(max_examples=400)
@given(st.text(alphabet="ab \n\r\t\f\u2028\x85é", max_size=40))
def test_line_starts_are_the_ends_of_line_breaks(text: str) -> None:
    # Text without a CR is split at LFs instead of searched for every kind of break.
    expected = [0, *(m.end() for m in _BREAK.finditer(text))]
    lines = LineIndex(text)
    assert list(lines._starts) == expected  # an array of machine integers
    for offset in range(len(text) + 1):
        line = max(i for i, start in enumerate(expected) if start <= offset)
        assert lines.position(offset) == (line + 1, offset - expected[line] + 1)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="ab [1]\n\r", max_size=30),
    st.lists(st.tuples(st.integers(0, 6), st.integers(0, 12)), max_size=6),
)
def test_fix_plans_find_findings_by_offset_as_by_position(
    text: str, places: list[tuple[int, int]]
) -> None:
    # The planner looks a finding up by the offset its line:column stands for.
    from types import SimpleNamespace

    from citecheck.fixer.plan import _Builder

    doc, res = analyse(text)
    findings = [SimpleNamespace(code="CC011", line=line, column=col) for line, col in places]
    builder = _Builder(Context(doc, res), findings, frozenset({"CC011"}))  # type: ignore[arg-type]
    reported = {("CC011", line, col) for line, col in places}
    lines = LineIndex(text)
    for offset in range(-2, len(text) + 3):
        key = ("CC011", *lines.position(offset))
        assert builder.at("CC011", offset) == (key if key in reported else None)
        assert builder.at("CC007", offset) is None


def _plan(ctx: object, findings: list[object], rules: frozenset[str]) -> object:
    from citecheck.fixer.markers import Unfixable
    from citecheck.fixer.plan import build

    try:
        plan = build(ctx, findings, rules)  # type: ignore[arg-type]
    except Unfixable as error:
        return ("unfixable", str(error))
    return plan.edits, plan.fixed, plan.removed


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_fix_plans_skip_only_groups_that_stay_as_written(article: tuple[str, str]) -> None:
    # The planner rewrites only the marker groups where a key moves or repeats; rewriting
    # every group, as it did, plans the same edits.
    from citecheck.checker.runner import run
    from citecheck.config.settings import Settings, selected_rules, severity_of
    from citecheck.fixer import plan

    fmt, text = article
    settings_ = Settings(select=("ALL",))
    doc, res = analyse(text, fmt=fmt, settings=settings_)
    ctx = Context(doc, res)
    rules = [(r, severity_of(r, settings_)) for r in selected_rules(settings_, ())]
    findings = run(ctx, rules).findings
    every = lambda self: {id(m) for m in self.ctx.doc.markers}  # noqa: E731
    for codes in (frozenset(plan.APPLICABILITY), *(frozenset({c}) for c in plan.ORDER)):
        fast = _plan(ctx, findings, codes)
        saved, plan._Builder.moved = plan._Builder.moved, every  # type: ignore[method-assign]
        try:
            assert _plan(ctx, findings, codes) == fast
        finally:
            plan._Builder.moved = saved  # type: ignore[method-assign]
