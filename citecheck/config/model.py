"""The validation of settings: a pydantic model of :class:`citecheck.config.settings.Settings`.

Loaded only when settings other than the defaults are given (a config file, an option, a
keyword from Python): it checks types and ranges, rejects unknown keys and normalises
rule names, then its values become a plain :class:`~citecheck.config.settings.Settings`. Tests
hold the fields of the two alike.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, field_validator

from citecheck.config.settings import _code, _is_all, _kebab
from citecheck.report import Severity


class SettingsModel(BaseModel):
    """Everything a check run can be told."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, alias_generator=_kebab, populate_by_name=True
    )

    select: tuple[str, ...] = Field(
        (), description="Rules to run (codes or names; ALL for every rule)."
    )
    ignore: tuple[str, ...] = Field((), description="Rules to skip.")
    severity: dict[str, Severity] = Field(default_factory=dict, description="Rule → severity.")
    per_file_ignores: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="Glob → rules to skip in matching files."
    )
    scope: Literal["paragraph", "sentence"] = "paragraph"
    profile: Literal["auto", "article", "paper", "spec", "book"] = Field(
        "auto", description="What kind of document: auto detects article, paper, spec or book."
    )
    min_claim_words: Annotated[int, Strict()] = Field(5, ge=1, le=1000)
    reference_headings: tuple[str, ...] = Field((), description="Extra reference-section headings.")
    outlet_aliases: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="Outlet → other names it goes by."
    )
    support_threshold: float = Field(
        0.2, ge=0, le=1, description="Least support score of a claim (unsupported-claim)."
    )
    min_quote_words: Annotated[int, Strict()] = Field(
        4, ge=1, le=1000, description="Shortest quotation quote-not-found checks, in words."
    )
    support_model: str | None = Field(
        None,
        description="Folder of an ONNX cross-encoder that judges support (verify; model extra).",
    )
    allow_private: bool | tuple[str, ...] = Field(
        False,
        description="verify: also fetch from these loopback or private hosts and networks"
        " (true: any but link-local and cloud metadata).",
    )
    fetch_deadline: float = Field(
        60.0, gt=0, le=86400, description="verify: longest one source may take to fetch (s)."
    )
    run_deadline: float | None = Field(
        None, gt=0, description="verify: longest all fetching of a run may take (s)."
    )
    lookup: bool = Field(
        False,
        description="verify: look every reference up in Crossref, doi.org, arXiv and OpenAlex"
        " (reference-not-found, reference-mismatch).",
    )
    mailto: str | None = Field(
        None,
        pattern=r"^[^@\s]+@[^@\s]+$",
        description="verify --lookup: an address sent to Crossref and OpenAlex (polite pool).",
    )
    index_urls: dict[Literal["crossref", "openalex", "arxiv", "doi"], str] = Field(
        default_factory=dict,
        description="verify --lookup: other base URLs for the indexes (a mirror).",
    )
    search_url: str | None = Field(
        None,
        description="verify --lookup: a SearXNG instance's /search endpoint (JSON output on),"
        " through which references with no URL or identifier are found on their outlet's site.",
    )
    outlet_domains: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="verify --lookup: outlet name → its web domains, for outlets citecheck's"
        " table lacks (a search result counts only on the outlet's domains).",
    )
    fail_on: Literal["error", "warning", "info", "never"] = "warning"
    fail_under: float | None = Field(None, ge=0, le=100, description="Minimum claim coverage (%).")
    encoding: str | None = None

    @field_validator("select", "ignore")
    @classmethod
    def _known_rules(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for name in value:
            if not _is_all(name):
                _code(name)
        return value

    @field_validator("allow_private", mode="before")
    @classmethod
    def _allowed_hosts(cls, value: object) -> object:
        if isinstance(value, str):
            value = (value,)
        if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            from citecheck.sources.addresses import parse_allowed

            return parse_allowed(value)
        return value

    @field_validator("index_urls")
    @classmethod
    def _http_urls(cls, value: dict[str, str]) -> dict[str, str]:
        for name, url in value.items():
            if not url.startswith(("http://", "https://")):
                raise ValueError(f"index-urls.{name} must be an http(s) URL, not {url!r}")
        return value

    @field_validator("search_url")
    @classmethod
    def _http_search_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError(f"search-url must be an http(s) URL, not {value!r}")
        return value

    @field_validator("severity")
    @classmethod
    def _known_severities(cls, value: dict[str, Severity]) -> dict[str, Severity]:
        return {_code(name): level for name, level in value.items()}

    @field_validator("per_file_ignores")
    @classmethod
    def _known_file_ignores(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        for names in value.values():
            for name in names:
                if not _is_all(name):
                    _code(name)
        return value
