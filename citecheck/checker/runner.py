"""Run the selected rules over a resolved document, apply suppressions, stamp findings.

Rules yield offsets and messages; here each violation gets its rule's code, name and
configured severity and its line:column. Suppression comments are matched here, before
anything is rendered, and those that suppress nothing become ``unused-suppression``
findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import ModuleType

from citecheck.checker import misread as misread_list
from citecheck.checker import suppressions as suppress
from citecheck.checker import unread_citations, unused_suppression
from citecheck.checker.base import Context, Violation
from citecheck.report import Finding, Severity
from citecheck.text.lines import LineIndex


@dataclass(frozen=True, slots=True)
class Outcome:
    """The findings of one document and how many were suppressed; ``reported`` holds each
    rule's own violations by code, before suppressions (for the statistics, which count
    what a rule reports whether or not a comment silences it)."""

    findings: list[Finding]
    suppressed: int
    reported: dict[str, list[Violation]] = field(default_factory=dict)


def run(ctx: Context, rules: list[tuple[ModuleType, Severity]], path: str | None = None) -> Outcome:
    """Run rules (each with its severity), apply suppressions and return sorted findings."""
    text = ctx.doc.text
    directives = suppress.find(ctx.doc)
    cover = suppress.Cover(directives)
    found: list[tuple[ModuleType, Severity, Violation]] = []
    suppressed = 0
    if any(rule is unread_citations for rule, _ in rules) and unread_citations.unread(ctx):
        # The citations are likely written in a style not read: say so once, instead of
        # an uncited claim per paragraph and an uncited entry per reference.
        rules = [(r, s) for r, s in rules if r.CODE not in unread_citations.HIDES]
        if unread_citations.interleaved(ctx) is not None:  # two columns: nothing is read
            rules = [(r, s) for r, s in rules if r is unread_citations]
    misread = None
    if any(rule is unread_citations for rule, _ in rules):
        misread = misread_list.misread(ctx)  # reported once by unread-citations
    reported: dict[str, list[Violation]] = {}
    for rule, severity in rules:
        reported[rule.CODE] = violations = list(rule.check(ctx))
        for v in violations:
            if misread is not None and _misread_hides(misread, rule.CODE, v):
                continue
            if cover.hit(rule.CODE, v.start):
                suppressed += 1
            else:
                found.append((rule, severity, v))
    ctx.forget_titles()  # before the findings are stamped: the peak of a long document
    ran = {rule.CODE: severity for rule, severity in rules}
    if unused_suppression.CODE in ran and directives:
        names = {rule.CODE: str(rule.NAME) for rule, _ in rules}
        for start, end, message in suppress.unused_messages(directives, set(ran), names):
            if cover.hit(unused_suppression.CODE, start, mark=False):
                suppressed += 1
                continue
            found.append(
                (unused_suppression, ran[unused_suppression.CODE], Violation(start, end, message))
            )
    if not found:
        return Outcome([], suppressed, reported)
    lines = ctx.positions
    shown = path or "-"
    findings = [
        _stamp(rule, _level(rule, severity, v), v, text, lines, shown)
        for rule, severity, v in found
    ]
    findings.sort(key=lambda f: (f.line, f.column, f.code))
    return Outcome(findings, suppressed, reported)


def _misread_hides(found: misread_list.Misread, code: str, v: Violation) -> bool:
    """Whether a finding is about a number or an item of a misread list (not reported)."""
    if code == misread_list.DANGLING:
        return (v.start, v.end) in found.markers
    return code == misread_list.NOT_A_REFERENCE and v.start in found.items


def _level(rule: ModuleType, severity: Severity, v: Violation) -> Severity:
    """A violation may ask for a lower level than its rule's default; configuration wins."""
    if v.severity is not None and severity == rule.SEVERITY:
        return v.severity  # type: ignore[return-value]
    return severity


def _stamp(
    rule: ModuleType, severity: Severity, v: Violation, text: str, lines: LineIndex, path: str
) -> Finding:
    line, col = lines.position(v.start)
    end_line, end_col = lines.position(max(v.start, v.end))
    return Finding(
        code=rule.CODE,
        rule=rule.NAME,
        severity=severity,
        path=path,
        line=line,
        column=col,
        end_line=end_line,
        end_column=end_col,
        message=v.message,
        text=" ".join(text[v.start : v.end].split())[:200],
        location=lines.label(v.start, v.end),
    )
