"""Counts over a whole run: the :class:`Summary` of a report (findings by severity and rule,
claim coverage, reference use, verdicts), the ``--fail-under`` verdict decided on it, and
the findings per rule that ``--statistics`` shows."""

from __future__ import annotations

from dataclasses import field
from typing import TYPE_CHECKING

from citecheck.report.records import Record, record

if TYPE_CHECKING:
    from citecheck.report import FileReport, InputProblem, Report, Severity


@record
class FailUnder(Record):
    """The ``--fail-under`` verdict: decided once, by :func:`judge_coverage`."""

    threshold: float
    coverage: float | None
    failed: bool


@record
class RuleCount(Record):
    """How many findings one rule gave at one severity (``--statistics``)."""

    code: str
    rule: str
    severity: Severity
    count: int


@record
class Summary(Record):
    """Counts over the whole run."""

    files: int = 0
    findings: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    input_errors: int = 0
    claims: int = 0
    covered_claims: int = 0
    coverage: float | None = None
    references: int = 0
    cited_references: int = 0
    uncited_references: int = 0
    suppressed: int = 0
    baselined: int = 0
    verified: int = 0
    supported: int = 0
    partially_supported: int = 0
    unsupported: int = 0
    unverifiable: int = 0
    baseline_stale: int = 0
    by_rule: dict[str, int] = field(default_factory=dict)
    fail_under: FailUnder | None = None
    fixable: int = 0
    unsafe_fixable: int = 0


def summarise(
    files: list[FileReport], errors: list[InputProblem], baseline_stale: int = 0
) -> Summary:
    """Count findings by severity and rule, claim coverage and reference use over all files."""
    counts = {"error": 0, "warning": 0, "info": 0}
    fixes = {"safe": 0, "unsafe": 0, "": 0}
    by_rule: dict[str, int] = {}
    totals = dict.fromkeys(_TOTALS, 0)
    for f in files:
        for key in _TOTALS:
            totals[key] += getattr(f.stats, key)
        for finding in f.findings:
            counts[finding.severity] += 1
            by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
            fixes[finding.fix or ""] += 1
    return Summary(
        files=len(files),
        findings=sum(counts.values()),
        errors=counts["error"],
        warnings=counts["warning"],
        infos=counts["info"],
        input_errors=len(errors),
        coverage=percent(totals["covered_claims"], totals["claims"]),
        baseline_stale=baseline_stale,
        by_rule=dict(sorted(by_rule.items())),
        fixable=fixes["safe"],
        unsafe_fixable=fixes["unsafe"],
        **totals,  # type: ignore[arg-type]
    )


_TOTALS = (
    "claims",
    "covered_claims",
    "references",
    "cited_references",
    "uncited_references",
    "suppressed",
    "baselined",
    "verified",
    "supported",
    "partially_supported",
    "unsupported",
    "unverifiable",
)


def percent(part: int, whole: int) -> float | None:
    """Return ``part`` of ``whole`` in percent, rounded down to 0.1 (None when whole is 0).

    Rounding down keeps ``--fail-under`` honest: 89.96% is shown as 89.9%, never 90.0%.
    """
    if not whole:
        return None
    return (1000 * part // whole) / 10


def judge_coverage(report: Report, threshold: float | None) -> Report:
    """Return the report with ``summary.fail_under`` decided for a threshold (None: unset).

    Exact, not the rounded percentage shown: 8 of 9 claims (88.88…%) fail a threshold of
    88.9. A run without claims never fails.
    """
    if threshold is None:
        return report
    s = report.summary
    failed = s.claims > 0 and 100 * s.covered_claims < threshold * s.claims
    verdict = FailUnder(threshold=threshold, coverage=s.coverage, failed=failed)
    return report.model_copy(update={"summary": s.model_copy(update={"fail_under": verdict})})


def fail_under_message(verdict: FailUnder) -> str:
    """Return the one line every format shows for a run that failed ``--fail-under``."""
    shown = "none" if verdict.coverage is None else f"{verdict.coverage:.1f}%"
    return f"claim coverage {shown} is below --fail-under {verdict.threshold:g}%"


def rule_counts(report: Report) -> list[RuleCount]:
    """Count findings per rule and severity, most frequent first (``--statistics``)."""
    counts: dict[tuple[str, str, Severity], int] = {}
    for file in report.files:
        for f in file.findings:
            key = (f.code, f.rule, f.severity)
            counts[key] = counts.get(key, 0) + 1
    rows = [RuleCount(code=c, rule=r, severity=s, count=n) for (c, r, s), n in counts.items()]
    return sorted(rows, key=lambda row: (-row.count, row.code, row.severity))
