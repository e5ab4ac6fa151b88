"""A rule's documentation, as ``citecheck rules`` and ``explain`` show it and SARIF ships it."""

from __future__ import annotations

import inspect
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
