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


class FileReport(_Frozen):
    """The findings and statistics of one checked file."""

    path: str
    format: Literal["text", "markdown", "html", "docx"]
    profile: Literal["article", "paper", "spec"] = Field(
        description="What the file was checked as: the profile setting, or what auto detected."
    )
    findings: list[Finding]
    stats: FileStats
    _source: str | None = PrivateAttr(None)

    @property
    def source(self) -> str | None:
        """The checked text, kept only when the caller asked for it (for excerpts)."""
        return self._source


class InputProblem(_Frozen):
    """A file that could not be checked (exit code 2)."""

    path: str
    message: str


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
    baseline_stale: int = Field(
        0, description="Baseline entries of the checked files that were not found any more."
    )
    by_rule: dict[str, int] = Field(default_factory=dict)


class Report(_Frozen):
    """The JSON report: ``{"version": 1, "files": [...], "summary": {...}, "errors": [...]}``."""

    version: Literal[1] = 1
    files: list[FileReport]
    summary: Summary
    errors: list[InputProblem] = Field(default_factory=list)


def summarise(
    files: list[FileReport], errors: list[InputProblem], baseline_stale: int = 0
) -> Summary:
    """Count findings by severity and rule, claim coverage and reference use over all files."""
    counts = {"error": 0, "warning": 0, "info": 0}
    by_rule: dict[str, int] = {}
    totals = dict.fromkeys(_TOTALS, 0)
    for f in files:
        for key in _TOTALS:
            totals[key] += getattr(f.stats, key)
        for finding in f.findings:
            counts[finding.severity] += 1
            by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
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
        **totals,
    )


_TOTALS = (
    "claims",
    "covered_claims",
    "references",
    "cited_references",
    "uncited_references",
    "suppressed",
    "baselined",
)


def percent(part: int, whole: int) -> float | None:
    """Return ``part`` of ``whole`` in percent, rounded down to 0.1 (None when whole is 0).

    Rounding down keeps ``--fail-under`` honest: 89.96% is shown as 89.9%, never 90.0%.
    """
    if not whole:
        return None
    return (1000 * part // whole) / 10
