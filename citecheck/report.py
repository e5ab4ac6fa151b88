"""The public report: frozen pydantic models, serialised as the versioned JSON report."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Finding(_Frozen):
    """One problem at one place of one file."""

    code: str = Field(description="Permanent rule code, e.g. CC001.")
    rule: str = Field(description="Permanent rule name, e.g. uncited-claim.")
    severity: Severity
    path: str
    line: int = Field(ge=1, description="1-based line where the finding starts.")
    column: int = Field(ge=1, description="1-based column (characters) where it starts.")
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1, description="1-based column just past the end.")
    message: str
    text: str = Field("", description="The text the finding points at, squeezed to one line.")
    fix: Literal["safe", "unsafe"] | None = Field(
        None,
        description="Whether `citecheck fix` repairs it: safe (always), unsafe (with --unsafe).",
    )
    location: str | None = Field(
        None,
        description="Where the finding is in a file without lines: paragraph and excerpt of a"
        ' Word document, e.g. p12 "The council approved…"; line is then the paragraph.',
    )

    @property
    def where(self) -> str:
        """``line:column``, or the location of a file without lines."""
        return self.location or f"{self.line}:{self.column}"


class FileStats(_Frozen):
    """Claim coverage and reference use of one file."""

    claims: int = 0
    covered_claims: int = 0
    coverage: float | None = Field(
        None, description="Covered claims in percent; null without claims."
    )
    markers: int = 0
    references: int = 0
    cited_references: int = 0
    uncited_references: int = 0
    suppressed: int = Field(0, description="Findings hidden by suppression comments.")
    baselined: int = Field(0, description="Findings hidden by the baseline.")
    verified: int = Field(0, description="Claims checked against their sources (verify).")
    supported: int = 0
    partially_supported: int = 0
    unsupported: int = 0
    unverifiable: int = Field(0, description="Claims none of whose sources could be read.")


Verdict = Literal["supported", "partially_supported", "unsupported", "unverifiable"]


class Evidence(_Frozen):
    """A passage of a cited source and how much of the claim it covers."""

    key: str = Field(description="The reference key of the source.")
    source: str = Field(description="URL or file the text was read from.")
    text: str
    start: int = Field(ge=0, description="Character offset of the passage in the source text.")
    end: int = Field(ge=0)
    score: float = Field(ge=0, le=1)


class Claim(_Frozen):
    """A covered claim checked against the sources it cites (``citecheck verify``)."""

    line: int = Field(ge=1)
    column: int = Field(ge=1)
    text: str
    cites: list[str] = Field(description="Keys of the references the claim cites.")
    verdict: Verdict
    score: float = Field(ge=0, le=1, description="Support score in [0, 1].")
    evidence: list[Evidence]


class FileReport(_Frozen):
    """The findings and statistics of one checked file."""

    path: str
    format: Literal["text", "markdown", "html", "docx"]
    profile: Literal["article", "paper", "spec"] = Field(
        description="What the file was checked as: the profile setting, or what auto detected."
    )
    findings: list[Finding]
    stats: FileStats
    claims: list[Claim] | None = Field(
        None, description="Verified claims in document order; only from citecheck verify."
    )
    _source: str | None = PrivateAttr(None)

    @property
    def source(self) -> str | None:
        """The checked text, kept only when the caller asked for it (for excerpts)."""
        return self._source


class InputProblem(_Frozen):
    """A file that could not be checked (exit code 2)."""

    path: str
    message: str


class FailUnder(_Frozen):
    """The ``--fail-under`` verdict: decided once, by :func:`judge_coverage`."""

    threshold: float = Field(description="The required claim coverage in percent.")
    coverage: float | None = Field(description="The run's claim coverage (null: no claims).")
    failed: bool = Field(description="Whether the coverage is below the threshold.")


class RuleCount(_Frozen):
    """How many findings one rule gave at one severity (``--statistics``)."""

    code: str
    rule: str
    severity: Severity
    count: int


class Summary(_Frozen):
    """Counts over the whole run."""

    files: int = 0
    findings: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    input_errors: int = 0
    claims: int = 0
    covered_claims: int = 0
    coverage: float | None = Field(None, description="Covered claims over all files in percent.")
    references: int = 0
    cited_references: int = 0
    uncited_references: int = 0
    suppressed: int = Field(0, description="Findings hidden by suppression comments.")
    baselined: int = Field(0, description="Findings hidden by the baseline.")
    verified: int = 0
    supported: int = 0
    partially_supported: int = 0
    unsupported: int = 0
    unverifiable: int = 0
    baseline_stale: int = Field(
        0, description="Baseline entries of the checked files that were not found any more."
    )
    by_rule: dict[str, int] = Field(default_factory=dict)
    fail_under: FailUnder | None = Field(
        None, description="The --fail-under verdict; null when no threshold was set."
    )
    fixable: int = Field(0, description="Findings `citecheck fix` would repair.")
    unsafe_fixable: int = Field(0, description="Further findings `citecheck fix --unsafe` would.")


class Report(_Frozen):
    """The JSON report: ``{"version": 1, "files": [...], "summary": {...}, "errors": [...]}``."""

    version: Literal[1] = 1
    files: list[FileReport]
    summary: Summary
    errors: list[InputProblem] = Field(default_factory=list)
    unmatched: list[str] = Field(
        default_factory=list,
        description="Paths given that matched no file to check (exit code 2).",
    )


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
    return Summary.model_validate(
        {
            "files": len(files),
            "findings": sum(counts.values()),
            "errors": counts["error"],
            "warnings": counts["warning"],
            "infos": counts["info"],
            "input_errors": len(errors),
            "coverage": percent(totals["covered_claims"], totals["claims"]),
            "baseline_stale": baseline_stale,
            "by_rule": dict(sorted(by_rule.items())),
            "fixable": fixes["safe"],
            "unsafe_fixable": fixes["unsafe"],
            **totals,
        }
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
