"""The public report: frozen dataclasses, serialised as the versioned JSON report.

The records are plain dataclasses (see :mod:`citecheck.report.records` for why); they dump, copy
and serialise as the pydantic models of :mod:`citecheck.report.schema`, which give their
schema and constraints (``citecheck schema``) and are not loaded to check a file.
"""

from __future__ import annotations

from dataclasses import field
from typing import TYPE_CHECKING, Any, Literal

from citecheck.report.records import Record, record
from citecheck.report.summary import (
    FailUnder,
    RuleCount,
    Summary,
    fail_under_message,
    judge_coverage,
    percent,
    rule_counts,
    summarise,
)

if TYPE_CHECKING:
    from citecheck.report.outline import Outline

__all__ = [
    "SEVERITY_RANK",
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
    "fail_under_message",
    "judge_coverage",
    "percent",
    "rule_counts",
    "summarise",
]

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
Verdict = Literal["supported", "partially_supported", "unsupported", "unverifiable"]


@record
class Finding(Record):
    """One problem at one place of one file."""

    code: str
    rule: str
    severity: Severity
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    text: str = ""
    fix: Literal["safe", "unsafe"] | None = None
    location: str | None = None

    @property
    def where(self) -> str:
        """``line:column``, or the location of a file without lines."""
        return self.location or f"{self.line}:{self.column}"


@record
class FileStats(Record):
    """Claim coverage and reference use of one file."""

    claims: int = 0
    covered_claims: int = 0
    coverage: float | None = None
    markers: int = 0
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


@record
class Evidence(Record):
    """A passage of a cited source and how much of the claim it covers."""

    key: str
    source: str
    text: str
    start: int
    end: int
    score: float


@record
class WordChange(Record):
    """Words in which a quotation differs from the closest passage of its source."""

    quoted: str
    printed: str


@record
class Misquote(Record):
    """A quotation of a claim that no cited source prints word for word."""

    text: str
    key: str | None
    closest: str
    start: int
    end: int
    score: float
    changes: list[WordChange]


@record
class Claim(Record):
    """A covered claim checked against the sources it cites (``citecheck verify``)."""

    line: int
    column: int
    text: str
    cites: list[str]
    verdict: Verdict
    score: float
    evidence: list[Evidence]
    capped_by: list[str] = field(default_factory=list)
    misquotes: list[Misquote] = field(default_factory=list)
    missing_numbers: list[str] = field(default_factory=list)


@record
class WorkRecord(Record):
    """What the scholarly indexes record of a reference's work (``verify --lookup``)."""

    key: str | None
    line: int
    column: int
    verdict: Literal["found", "mismatch", "not_found", "unknown"]
    way: Literal["doi", "arxiv", "title", "search"]
    index: str | None = None
    identifier: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    url: str | None = None
    differences: list[str] = field(default_factory=list)
    problem: str | None = None
    found: str | None = None
    found_by: Literal["search"] | None = None


@record
class Citing(Record):
    """How an article cites: what ``uncited-claim`` asks of its claims.

    ``dense``: most of its claim paragraphs carry a marker, and every claim is asked for
    one; ``sparse``: few do, and only the paragraphs that lean on others' work are (see
    :mod:`citecheck.parser.habit`); with the counts it was read from."""

    habit: Literal["dense", "sparse"]
    claim_paragraphs: int
    cited_paragraphs: int


@record
class FileReport(Record):
    """The findings and statistics of one checked file.

    ``source`` is the checked text, kept only when the caller asked for it (for excerpts);
    it is not part of the report's JSON; nor is ``outline`` (claims, markers and reference
    entries, kept for ``--format html``).
    """

    path: str
    format: Literal["text", "markdown", "rst", "html", "docx"]
    profile: Literal["article", "paper", "spec", "book"]
    findings: list[Finding]
    citing: Citing | None = None
    stats: FileStats
    claims: list[Claim] | None = None
    works: list[WorkRecord] | None = None
    encoding: str | None = None
    nul_bytes: int | None = None
    source: str | None = field(default=None, repr=False, compare=False, metadata={"dump": False})
    outline: Outline | None = field(
        default=None, repr=False, compare=False, metadata={"dump": False}
    )


@record
class InputProblem(Record):
    """A file that could not be checked (exit code 2)."""

    path: str
    message: str


@record
class Report(Record):
    """The JSON report: ``{"version": 1, "files": [...], "summary": {...}, "errors": [...]}``."""

    version: Literal[1] = 1
    files: list[FileReport]
    summary: Summary
    errors: list[InputProblem] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)

    @classmethod
    def model_json_schema(cls) -> dict[str, Any]:
        """Return the JSON Schema of the report (from :mod:`citecheck.report.schema`)."""
        from citecheck.report.schema import Report as Model

        return Model.model_json_schema()
