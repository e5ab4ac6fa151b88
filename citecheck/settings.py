"""Settings: defaults, validation and rule selection.

Settings are a frozen pydantic model that rejects unknown keys. Keys are spelled in kebab
case in configuration files (``min-claim-words``) and accepted in snake case from Python.
Rule names in ``select``, ``ignore``, ``severity`` and ``per-file-ignores`` are checked when
the settings are built, so a typo is a configuration error before any file is read.
"""

from __future__ import annotations

from difflib import SequenceMatcher, get_close_matches
from types import ModuleType
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, Strict, field_validator

from citecheck.errors import ConfigError
from citecheck.globs import any_match, relative
from citecheck.report import Severity


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class Settings(BaseModel):
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
    profile: Literal["auto", "article", "paper", "spec"] = Field(
        "auto", description="What kind of document: auto detects article, paper or spec."
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
    fail_on: Literal["error", "warning", "info", "never"] = "warning"
    fail_under: float | None = Field(None, ge=0, le=100, description="Minimum claim coverage (%).")
    encoding: str | None = None

    # Where relative per-file-ignores globs are anchored: the config file's folder.
    _root: str | None = PrivateAttr(None)

    @field_validator("select")
    @classmethod
    def _known_selection(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for name in value:
            if not _is_all(name):
                _code(name)
        return value

    @field_validator("ignore")
    @classmethod
    def _known_ignores(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for name in value:
            if not _is_all(name):
                _code(name)
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

    @property
    def root(self) -> str | None:
        """The folder that relative ``per-file-ignores`` globs start from (None: cwd)."""
        return self._root

    def rooted(self, root: str | None) -> Settings:
        """Return a copy whose ``per-file-ignores`` are anchored at ``root``."""
        copy = self.model_copy()
        copy._root = root
        return copy


def rule_named(name: str) -> ModuleType:
    """Return the rule for a code or name, or raise :class:`ConfigError` with a hint."""
    from citecheck.checker import find_rule

    rule = find_rule(name)
    if rule is None:
        raise ConfigError(f"unknown rule {name!r}{rule_hint(name)}")
    return rule


def rule_hint(name: str) -> str:
    """Return ``; did you mean 'x'?`` with the nearest rule code or name, or nothing."""
    from citecheck.checker import BY_NAME

    typed = name.strip().casefold()
    near = get_close_matches(typed, list(BY_NAME), n=3)
    if not near:
        return ""
    # Of equally close names, the one that starts like the typo (CC01 → CC012, not CC201).
    best = max(near, key=lambda c: (_ratio(typed, c), _shared_start(typed, c)))
    rule = BY_NAME[best]
    shown = rule.CODE if best == rule.CODE.casefold() else rule.NAME
    return f"; did you mean {shown!r}?"


def _shared_start(one: str, two: str) -> int:
    n = 0
    while n < min(len(one), len(two)) and one[n] == two[n]:
        n += 1
    return n


def _ratio(one: str, two: str) -> float:
    return SequenceMatcher(None, one, two).ratio()


def _is_all(name: str) -> bool:
    return name.strip().upper() == "ALL"


def _code(name: str) -> str:
    """Return a rule's code; a ValueError (which pydantic reports with the key) if unknown."""
    try:
        return str(rule_named(name).CODE)
    except ConfigError as exc:
        raise ValueError(str(exc)) from None


def file_ignores(path: str | None, settings: Settings) -> tuple[str, ...]:
    """Return the rules that ``per-file-ignores`` switch off for a path."""
    if not path or path == "-" or not settings.per_file_ignores:
        return ()
    rel = relative(path, settings.root)
    out: list[str] = []
    for pattern, rules in settings.per_file_ignores.items():
        if any_match((pattern,), rel):
            out.extend(rules)
    return tuple(out)


def selected_rules(settings: Settings, extra_ignores: tuple[str, ...] = ()) -> list[ModuleType]:
    """Return the rules a run uses: defaults or ``select``, minus ``ignore``."""
    from citecheck.checker import RULES

    if not settings.select:
        chosen = [r for r in RULES if r.ENABLED]
    elif any(_is_all(s) for s in settings.select):
        chosen = list(RULES)
    else:
        wanted = {rule_named(s).CODE for s in settings.select}
        chosen = [r for r in RULES if r.CODE in wanted]
    ignores = (*settings.ignore, *extra_ignores)
    if any(_is_all(s) for s in ignores):
        return []
    dropped = {rule_named(s).CODE for s in ignores}
    return [r for r in chosen if r.CODE not in dropped]


def severity_of(rule: ModuleType, settings: Settings) -> Severity:
    """Return the configured severity of a rule, else its default."""
    return settings.severity.get(rule.CODE, rule.SEVERITY)  # type: ignore[no-any-return]
