"""Same source listed twice.

What it does
    Reports a reference that repeats an earlier one: the same URL or DOI, or the same outlet
    with a near-identical title (compared with rapidfuzz).

Why is this bad?
    Duplicates split citations of one source over two numbers and inflate the source count.

Example
    ```text
    Rents rose by a fifth in two years. [1][2]

    References:
    1. Metro News: Rents rise by a fifth
    2. Metro News: Rents rise by a fifth.
    ```

Use instead
    ```text
    Rents rose by a fifth in two years. [1]

    References:
    1. Metro News: Rents rise by a fifth
    ```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from citecheck.checker.base import Context, Violation, describe_reference
from citecheck.model import BlockKind, Reference
from citecheck.outlets import canonical

CODE = "CC007"
NAME = "duplicate-reference"
SEVERITY = "warning"
ENABLED = True

_TITLE_CUTOFF = 92
_MAX_FUZZY_GROUP = 2000


def normalise_url(url: str) -> str:
    """Compare URLs without scheme, ``www.``, fragment or trailing slash."""
    url = re.sub(r"^[a-z]+://(?:www\.)?", "", url.strip().casefold())
    return url.split("#", 1)[0].rstrip("/")


def _title(ref: Reference) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", ref.title or "").casefold().split())


def check(ctx: Context) -> Iterator[Violation]:
    """Yield each reference that duplicates an earlier one."""
    from rapidfuzz import fuzz

    seen: dict[str, Reference] = {}
    by_outlet: dict[str, list[Reference]] = {}
    for ref in ctx.doc.references:
        if ref.kind is BlockKind.LINKDEF:
            continue
        first, why = None, ""
        for kind, value in (("DOI", ref.doi), ("URL", ref.url)):
            if value and first is None:
                key = kind + ":" + (value.casefold() if kind == "DOI" else normalise_url(value))
                first, why = seen.get(key), f"same {kind}"
                seen.setdefault(key, ref)
        title = _title(ref)
        if first is None and ref.outlet and title:
            group = by_outlet.setdefault(canonical(ref.outlet) or ref.outlet.casefold(), [])
            for other in group if len(group) < _MAX_FUZZY_GROUP else group[-50:]:
                if fuzz.ratio(title, _title(other), score_cutoff=_TITLE_CUTOFF):
                    first, why = other, "same outlet and near-identical title"
                    break
            group.append(ref)
        if first is not None:
            line_end = ref.start + len(ctx.doc.text[ref.start : ref.end].split("\n", 1)[0])
            yield Violation(
                ref.start,
                line_end,
                f"{describe_reference(ref)} duplicates {describe_reference(first)} ({why})",
            )
