"""Fixer: turn findings into span edits, check they keep meaning, apply them once.

``fix_text`` repairs what it safely can and returns the new text; writing files is the
job of :mod:`citecheck.run.originals`. Safe fixes: a key repeated in one marker group
(duplicate-citation), a duplicate reference (markers point at the first copy, the copy
goes) and, when selected, numbering in order of first citation (reference-order). Unsafe
fixes, only when asked: removing references nobody cites (uncited-reference) and list items
that are not sources (not-a-reference), and writing into a title-only entry the page a
search found for it (source-found, from the addresses ``verify --write-sources`` saved).

Every pass is checked: each sentence must cite the same sources afterwards (by DOI, URL or
text) and the lists must hold the same sources and items, less those removed on purpose. A
rule whose fix would break that is left out of the pass. Passes repeat until nothing more
changes, so a second run changes nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from citecheck.checker import Context, RuleOptions
from citecheck.checker.runner import run
from citecheck.config.settings import Settings, file_ignores, selected_rules, severity_of
from citecheck.fixer.edits import Edit, apply, verify
from citecheck.fixer.markers import Unfixable
from citecheck.fixer.meaning import meaning
from citecheck.fixer.plan import APPLICABILITY, ORDER, Plan, build
from citecheck.model import Document
from citecheck.parser.profile import resolve as resolve_profile
from citecheck.report import Finding
from citecheck.resolver import Resolution

__all__ = ["APPLICABILITY", "Edit", "FixResult", "annotate", "fix", "fix_one"]

_MAX_PASSES = 5


@dataclass(slots=True)
class FixResult:
    """The fixed text, how many findings each rule's fixes repaired, and the edits made."""

    text: str
    fixed: Counter[str] = field(default_factory=Counter)
    edits: list[list[Edit]] = field(default_factory=list)
    """The edits of each pass, offsets into that pass's input."""
    left: Counter[str] = field(default_factory=Counter)
    """Findings of the fixed text by how a fix could repair them: ``safe`` (a fix that
    would change meaning, so was not made), ``unsafe`` (with ``unsafe``) or ``""``."""

    @property
    def unsafe_left(self) -> int:
        """Findings left that an unsafe fix would repair."""
        return self.left["unsafe"]

    @property
    def changed(self) -> bool:
        """Whether the fix changed anything."""
        return bool(self.edits)


Analyse = Callable[..., tuple[Document, Resolution]]
"""Parse and resolve a text (:func:`citecheck.api.analyse`): what a fix reads and rechecks."""


def _context(
    analyse: Analyse,
    text: str,
    path: str | None,
    fmt: str | None,
    settings: Settings,
    found: Mapping[str, str] | None = None,
) -> tuple[Context, list[Finding]]:
    doc, res = analyse(text, path=path, fmt=fmt, settings=settings)
    aliases = tuple((k, tuple(v)) for k, v in sorted(settings.outlet_aliases.items()))
    verification = None
    if found:
        from citecheck.fixer.found import saved_searches

        verification = saved_searches(doc.references, found)
    ctx = Context(
        doc,
        res,
        RuleOptions(
            settings.scope,
            resolve_profile(settings.profile, doc),
            aliases,
            claim_gate=settings.profile == "auto",
        ),
        verification,
    )
    rules = selected_rules(settings, file_ignores(path, settings))
    outcome = run(ctx, [(r, severity_of(r, settings)) for r in rules], path)
    return ctx, outcome.findings


Checked = tuple[Context, list[Finding]]


def _try(
    ctx: Context, findings: list[Finding], rules: frozenset[str], text: bool = True
) -> tuple[Plan, str] | None:
    """Plan and apply the fixes of ``rules``; None when a marker cannot be rewritten.

    Without ``text`` the edits are checked as applying them would, and the new text (a
    copy of the whole document) is not built: "" stands for it.
    """
    try:
        plan = build(ctx, findings, rules)
        if not text:
            verify(ctx.doc.text, plan.edits)
            return plan, ""
        return plan, apply(ctx.doc.text, plan.edits)
    except (Unfixable, ValueError):  # OverlapError is a ValueError
        return None


def fix(
    text: str,
    *,
    analyse: Analyse,
    path: str | None = None,
    fmt: str | None = None,
    settings: Settings | None = None,
    unsafe: bool = False,
    found: Mapping[str, str] | None = None,
) -> FixResult:
    """Fix one decoded text: safe fixes, and unsafe ones when ``unsafe`` is true.

    ``found`` (reference key → the page a search found, as ``verify --write-sources``
    saves it) lets ``source-found`` (CC209) report those entries; with ``unsafe`` its fix
    writes each address into its entry (:mod:`citecheck.fixer.found`).

    ``analyse`` parses and resolves a text (the API's, handed down by
    :func:`citecheck.api.fix_text`); ``settings`` select the rules as for ``check`` (a rule
    that is not run is not fixed); the result's ``fixed`` counts repaired findings per rule
    code.
    """
    settings = settings or Settings()
    allowed = frozenset(c for c, kind in APPLICABILITY.items() if unsafe or kind == "safe")
    result = FixResult(text)
    checked = _context(analyse, text, path, fmt, settings, found)

    def recheck(new: str) -> Checked:
        return _context(analyse, new, path, fmt, settings, found)

    for _ in range(_MAX_PASSES):
        step = _pass(checked, allowed, recheck)
        if step is None:
            break
        plan, result.text, checked = step
        result.edits.append(plan.edits)
        result.fixed.update(code for code, _, _ in plan.fixed)
    result.left = Counter(f.fix or "" for f in annotate(*checked))
    return result


def _pass(
    checked: Checked, allowed: frozenset[str], recheck: Callable[[str], Checked]
) -> tuple[Plan, str, Checked] | None:
    """One pass: all fixable rules at once, else as many rules as keep meaning, in order."""
    ctx, findings = checked
    wanted = frozenset(f.code for f in findings) & allowed
    if not wanted:
        return None

    def attempt(rules: frozenset[str]) -> tuple[Plan, str, Checked] | None:
        step = _try(ctx, findings, rules)
        if step is None or not step[0].edits or step[1] == ctx.doc.text:
            return None  # a pass that leaves the text as it was repairs nothing
        after = recheck(step[1])
        if meaning(ctx, step[0].removed, step[0].added) != meaning(after[0]):
            return None
        return step[0], step[1], after

    step = attempt(wanted)
    if step is not None:
        return step
    accepted: frozenset[str] = frozenset()
    best = None
    for code in ORDER:
        if code in wanted and (trial := attempt(accepted | {code})) is not None:
            accepted, best = accepted | {code}, trial
    return best


def fix_one(
    text: str,
    where: tuple[str, int, int],
    *,
    analyse: Analyse,
    path: str | None = None,
    fmt: str | None = None,
    settings: Settings | None = None,
    found: Mapping[str, str] | None = None,
) -> list[Edit] | None:
    """Return the edits that repair one finding, ``where`` = (code, line, column), in order,
    offsets into ``text``; None when no fix repairs it or the fix would change meaning.

    The plan is the one :func:`fix` makes for that finding alone, checked as a pass of
    ``fix`` is (every sentence cites the same sources afterwards). Unsafe fixes are
    returned too: the caller says which kind it offers (:data:`APPLICABILITY`).
    """
    settings = settings or Settings()
    if where[0] not in APPLICABILITY:
        return None
    ctx, findings = _context(analyse, text, path, fmt, settings, found)
    mine = [f for f in findings if (f.code, f.line, f.column) == where]
    step = _try(ctx, mine, frozenset({where[0]})) if mine else None
    if step is None or not step[0].edits or where not in step[0].fixed:
        return None
    after = _context(analyse, step[1], path, fmt, settings, found)
    if meaning(ctx, step[0].removed, step[0].added) != meaning(after[0]):
        return None
    return sorted(step[0].edits, key=lambda e: e.start)


def annotate(ctx: Context, findings: list[Finding]) -> list[Finding]:
    """Return the findings with ``fix`` set to ``safe`` or ``unsafe`` where ``fix`` can
    repair them (planned, not applied: a fix that would change meaning is found only then)."""
    codes = frozenset(f.code for f in findings) & frozenset(APPLICABILITY)
    if not codes:
        return findings
    fixed: dict[tuple[str, int, int], str] = {}
    for rules in (codes, *(frozenset({c}) for c in ORDER if c in codes)):
        try:
            step = _try(ctx, findings, rules, text=False)
        except Exception:  # a defect in planning must not cost ``check`` its report
            step = None
        if step is not None:
            fixed |= step[0].fixed
            if rules == codes:
                break
    return [
        f.model_copy(update={"fix": fixed[k]}) if (k := (f.code, f.line, f.column)) in fixed else f
        for f in findings
    ]
