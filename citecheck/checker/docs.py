"""A rule's documentation, as ``citecheck rules`` and ``explain`` show it and SARIF ships it."""

from __future__ import annotations

import inspect
import json
from collections.abc import Sequence
from types import ModuleType


def summary(rule: ModuleType) -> str:
    """Return the first line of a rule's docstring."""
    return (rule.__doc__ or "").strip().splitlines()[0] if rule.__doc__ else str(rule.NAME)


def explanation(rule: ModuleType) -> str:
    """Return what ``citecheck explain`` prints: heading line, summary, then the rule's docs."""
    doc = inspect.cleandoc(rule.__doc__ or "")
    title, _, body = doc.partition("\n")
    default = "on" if rule.ENABLED else "off"
    head = f"{rule.CODE} {rule.NAME} ({rule.SEVERITY}, {default} by default)"
    return f"{head}\n{title}\n{body}\n"


def rule_table(rules: Sequence[ModuleType], fmt: str = "text") -> str:
    """Return what ``citecheck rules`` prints: a line a rule, or ``--format json``'s
    ``{"version": 1, "rules": [{"code", "name", "severity", "enabled", "summary"}]}``."""
    if fmt == "json":
        listed = [
            {
                "code": r.CODE,
                "name": r.NAME,
                "severity": r.SEVERITY,
                "enabled": bool(r.ENABLED),
                "summary": summary(r),
            }
            for r in rules
        ]
        return json.dumps({"version": 1, "rules": listed}, indent=2) + "\n"
    lines = []
    for r in rules:
        state = "" if r.ENABLED else "  (off by default)"
        lines.append(f"{r.CODE}  {r.NAME:<26} {r.SEVERITY:<8} {summary(r)}{state}\n")
    return "".join(lines)
