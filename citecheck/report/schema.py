"""The schema of the JSON report, as pydantic models: what ``citecheck schema`` prints.

The report itself is built from the dataclasses of :mod:`citecheck.report` (pydantic's
model building cost start-up more than checking an article); these models say the same
fields with their constraints and descriptions, and tests hold the two alike. The records
``citecheck verify`` adds (claims, evidence, misquotes, works) are kept in
:mod:`citecheck.report.schema_verify` and imported from here.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from citecheck.report.schema_verify import (
    Claim,
    Evidence,
    Misquote,
    Verdict,
    WordChange,
    WorkRecord,
)
from citecheck.report.schema_verify import Frozen as _Frozen

__all__ = [
    "Citing",
    "Claim",
    "Evidence",
    "FailUnder",
    "FileReport",
    "FileStats",
    "Finding",
    "InputProblem",
    "Misquote",
    "Report",
    "RuleCount",
    "Severity",
    "Summary",
    "Verdict",
    "WordChange",
    "WorkRecord",
]

Severity = Literal["error", "warning", "info"]


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


class Citing(_Frozen):
    """How an article cites: what ``uncited-claim`` asks of its claims."""

    habit: Literal["dense", "sparse"] = Field(
        description="dense: most claim paragraphs carry a marker, every claim needs one;"
        " sparse: fewer than one in three do, only paragraphs that lean on others' work do."
    )
    claim_paragraphs: int = Field(ge=0, description="Body paragraphs holding a claim.")
    cited_paragraphs: int = Field(
        ge=0, description="Of those, the paragraphs with a marker or a placeholder."
    )


class FileReport(_Frozen):
    """The findings and statistics of one checked file."""

    path: str
    format: Literal["text", "markdown", "rst", "html", "docx"]
    profile: Literal["article", "paper", "spec", "book"] = Field(
        description="What the file was checked as: the profile setting, or what auto detected."
    )
    findings: list[Finding]
    citing: Citing | None = Field(
        None,
        description="How the file cites, read from its own claim paragraphs; only for a file"
        " checked as an article that cites sources.",
    )
    stats: FileStats
    claims: list[Claim] | None = Field(
        None, description="Verified claims in document order; only from citecheck verify."
    )
    works: list[WorkRecord] | None = Field(
        None,
        description="Each looked-up reference's work as the indexes record it, in list order;"
        " only from citecheck verify --lookup.",
    )
    encoding: str | None = Field(
        None,
        description="The encoding the file was decoded with when it was not UTF-8 and none"
        " was given (detected, e.g. iso8859-1); null otherwise.",
    )
    nul_bytes: int | None = Field(
        None,
        description="How many stray NUL characters were dropped when the file was read (a"
        " text extracted from a PDF keeps a few; a file with many is binary, not read); null"
        " when there were none.",
    )


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
