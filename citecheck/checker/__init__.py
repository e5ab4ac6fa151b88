"""Checker: run the rules over a resolved document and stamp what they find.

Rules are pure: each module has ``CODE``, ``NAME``, ``SEVERITY``, ``ENABLED`` and a
``check(ctx)`` generator of :class:`Violation`. The checker stamps code, name and the
configured severity; rules never decide either.
"""

from __future__ import annotations

from types import ModuleType

from citecheck.checker import (
    attribution_mismatch,
    citation_needed,
    dangling_citation,
    duplicate_citation,
    duplicate_reference,
    malformed_citation,
    missing_reference_section,
    not_a_reference,
    number_not_found,
    possible_miscitation,
    quote_not_found,
    reference_mismatch,
    reference_not_found,
    reference_order,
    source_found,
    source_unavailable,
    title_mismatch,
    uncited_claim,
    uncited_reference,
    unread_citations,
    unsupported_claim,
    unused_suppression,
    unverified_claim,
)
from citecheck.checker.base import Context, RuleOptions, Violation, describe_reference

__all__ = [
    "BY_NAME",
    "RULES",
    "Context",
    "RuleOptions",
    "Violation",
    "describe_reference",
    "find_rule",
]

RULES: list[ModuleType] = [
    uncited_claim,
    dangling_citation,
    uncited_reference,
    missing_reference_section,
    citation_needed,
    malformed_citation,
    duplicate_reference,
    not_a_reference,
    attribution_mismatch,
    possible_miscitation,
    duplicate_citation,
    reference_order,
    unread_citations,
    unused_suppression,
    source_unavailable,
    title_mismatch,
    quote_not_found,
    number_not_found,
    unsupported_claim,
    unverified_claim,
    reference_not_found,
    reference_mismatch,
    source_found,
]
BY_NAME: dict[str, ModuleType] = {
    **{r.CODE.casefold(): r for r in RULES},
    **{r.NAME: r for r in RULES},
}


def find_rule(name: str) -> ModuleType | None:
    """Return the rule with a code or name (any case)."""
    return BY_NAME.get(name.strip().casefold())
