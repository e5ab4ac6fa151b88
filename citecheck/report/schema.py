"""The schema of the JSON report, as pydantic models: what ``citecheck schema`` prints.

The report itself is built from the dataclasses of :mod:`citecheck.report` (pydantic's
model building cost start-up more than checking an article); these models say the same
fields with their constraints and descriptions, and tests hold the two alike.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning", "info"]


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


class WordChange(_Frozen):
    """Words in which a quotation differs from the closest passage of its source."""

    quoted: str = Field(description="The quotation's words here; empty for words it leaves out.")
    printed: str = Field(description="The source's words here; empty for words it adds.")


class Misquote(_Frozen):
    """A quotation of a claim that no cited source prints word for word (CC203)."""

    text: str = Field(description="The quotation, as the claim writes it.")
    key: str | None = Field(description="The reference key of the source of `closest`.")
    closest: str = Field(description="The passage of that source nearest the quotation.")
    start: int = Field(ge=0, description="Character offset of `closest` in the source text.")
    end: int = Field(ge=0)
    score: float = Field(ge=0, le=100, description="Word-level similarity (0-100).")
    changes: list[WordChange] = Field(description="The words that differ, in order.")


class Claim(_Frozen):
    """A covered claim checked against the sources it cites (``citecheck verify``)."""

    line: int = Field(ge=1)
    column: int = Field(ge=1)
    text: str
    cites: list[str] = Field(description="Keys of the references the claim cites.")
    verdict: Verdict = Field(
        description="The support verdict, at most partially_supported when a quotation or"
        " a number of the claim is in none of its sources (see capped_by)."
    )
    score: float = Field(ge=0, le=1, description="Support score in [0, 1].")
    evidence: list[Evidence]
    capped_by: list[str] = Field(
        default_factory=list,
        description="Rules whose findings capped the verdict: quote-not-found, number-not-found.",
    )
    misquotes: list[Misquote] = Field(
        default_factory=list, description="Quotations no cited source prints word for word."
    )
    missing_numbers: list[str] = Field(
        default_factory=list, description="Numbers of the claim in none of its sources (CC204)."
    )


class WorkRecord(_Frozen):
    """What the scholarly indexes record of a reference's work (``citecheck verify
    --lookup``): the record the verdict rests on (for ``not_found`` after a title search,
    the closest candidate), and what differs from the entry."""

    key: str | None = Field(description="The reference's key.")
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    verdict: Literal["found", "mismatch", "not_found", "unknown"] = Field(
        description="found: a record agrees in title, first author and year; mismatch: it"
        " differs (reference-mismatch); not_found: no index knows the work"
        " (reference-not-found; after a search: no page of that title on the outlet's"
        " site); unknown: the indexes or the search backend could not answer."
    )
    way: Literal["doi", "arxiv", "title", "search"] = Field(
        description="How the work was looked up (search: by title on the outlet's site,"
        " through the search backend, for an entry with no URL or identifier)."
    )
    index: str | None = Field(
        None, description="crossref, doi.org, arxiv, openalex, or search (a search backend)."
    )
    identifier: str | None = Field(None, description="The work's DOI, arXiv id or OpenAlex id.")
    title: str | None = None
    authors: list[str] = Field(default_factory=list, description="Surnames, in order.")
    year: int | None = None
    url: str | None = None
    differences: list[str] = Field(
        default_factory=list, description="What the entry says otherwise."
    )
    problem: str | None = Field(None, description="Why the indexes could not answer.")
    found: str | None = Field(
        None,
        description="The page found for an entry that lists no URL, fetched and verified"
        " like a listed one (shown as 'found: URL (search)').",
    )
    found_by: Literal["search"] | None = Field(None, description="How the page was found.")


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
