"""The records ``citecheck verify`` adds to the schema of the JSON report: each claim checked
against the sources it cites (its verdict, evidence and misquotations) and what the
scholarly indexes record of each reference's work. The base of every model of the schema,
:class:`Frozen`, is here too, so that :mod:`citecheck.report.schema` builds on this module.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    """A model of the schema: frozen, and no field beyond those it declares."""

    model_config = ConfigDict(frozen=True, extra="forbid")


Verdict = Literal["supported", "partially_supported", "unsupported", "unverifiable"]


class Evidence(Frozen):
    """A passage of a cited source and how much of the claim it covers."""

    key: str = Field(description="The reference key of the source.")
    source: str = Field(description="URL or file the text was read from.")
    text: str
    start: int = Field(ge=0, description="Character offset of the passage in the source text.")
    end: int = Field(ge=0)
    score: float = Field(ge=0, le=1)


class WordChange(Frozen):
    """Words in which a quotation differs from the closest passage of its source."""

    quoted: str = Field(description="The quotation's words here; empty for words it leaves out.")
    printed: str = Field(description="The source's words here; empty for words it adds.")


class Misquote(Frozen):
    """A quotation of a claim that no cited source prints word for word (CC203)."""

    text: str = Field(description="The quotation, as the claim writes it.")
    key: str | None = Field(description="The reference key of the source of `closest`.")
    closest: str = Field(description="The passage of that source nearest the quotation.")
    start: int = Field(ge=0, description="Character offset of `closest` in the source text.")
    end: int = Field(ge=0)
    score: float = Field(ge=0, le=100, description="Word-level similarity (0-100).")
    changes: list[WordChange] = Field(description="The words that differ, in order.")


class Claim(Frozen):
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


class WorkRecord(Frozen):
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
