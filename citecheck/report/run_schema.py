"""The schema of a whole run's JSON report, as pydantic models: its files (the models of
:mod:`citecheck.report.schema`), its summary and the ``--fail-under`` verdict, and the
files that could not be checked; :meth:`Report.model_json_schema` is what ``citecheck
schema`` prints."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from citecheck.report.schema import FileReport, Frozen, Severity


class InputProblem(Frozen):
    """A file that could not be checked (exit code 2)."""

    path: str
    message: str


class FailUnder(Frozen):
    """The ``--fail-under`` verdict: decided once, by :func:`judge_coverage`."""

    threshold: float = Field(description="The required claim coverage in percent.")
    coverage: float | None = Field(description="The run's claim coverage (null: no claims).")
    failed: bool = Field(description="Whether the coverage is below the threshold.")


class RuleCount(Frozen):
    """How many findings one rule gave at one severity (``--statistics``)."""

    code: str
    rule: str
    severity: Severity
    count: int


class Summary(Frozen):
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


class Report(Frozen):
    """The JSON report: ``{"version": 1, "files": [...], "summary": {...}, "errors": [...]}``."""

    version: Literal[1] = 1
    files: list[FileReport]
    summary: Summary
    errors: list[InputProblem] = Field(default_factory=list)
    unmatched: list[str] = Field(
        default_factory=list,
        description="Paths given that matched no file to check (exit code 2).",
    )
