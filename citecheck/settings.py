"""Settings: defaults, validation and rule selection.

Settings are a frozen pydantic model that rejects unknown keys. Keys are spelled in kebab
case in configuration files (``min-claim-words``) and accepted in snake case from Python.
"""

from __future__ import annotations

from difflib import get_close_matches
from types import ModuleType
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from citecheck.errors import ConfigError
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
    min_claim_words: int = Field(5, ge=1, le=1000)
    reference_headings: tuple[str, ...] = Field((), description="Extra reference-section headings.")
    outlet_aliases: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="Outlet → other names it goes by."
    )
    fail_on: Literal["error", "warning", "info", "never"] = "warning"
    fail_under: float | None = Field(None, ge=0, le=100, description="Minimum claim coverage (%).")
    encoding: str | None = None


def rule_named(name: str) -> ModuleType:
    """Return the rule for a code or name, or raise :class:`ConfigError` with a hint."""
    from citecheck.checker import BY_NAME, find_rule

    rule = find_rule(name)
    if rule is None:
        near = get_close_matches(name.casefold(), list(BY_NAME), n=1)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        raise ConfigError(f"unknown rule {name!r}{hint}")
    return rule


def selected_rules(settings: Settings, extra_ignores: tuple[str, ...] = ()) -> list[ModuleType]:
    """Return the rules a run uses: defaults or ``select``, minus ``ignore``."""
    from citecheck.checker import RULES

    if not settings.select:
        chosen = [r for r in RULES if r.ENABLED]
    elif any(s.upper() == "ALL" for s in settings.select):
        chosen = list(RULES)
    else:
        wanted = {rule_named(s).CODE for s in settings.select}
        chosen = [r for r in RULES if r.CODE in wanted]
    dropped = {rule_named(s).CODE for s in (*settings.ignore, *extra_ignores)}
    return [r for r in chosen if r.CODE not in dropped]


def severity_of(rule: ModuleType, settings: Settings) -> Severity:
    """Return the configured severity of a rule, else its default."""
    for key in (rule.CODE, rule.NAME, rule.CODE.casefold()):
        if key in settings.severity:
            return settings.severity[key]
    return rule.SEVERITY  # type: ignore[no-any-return]
