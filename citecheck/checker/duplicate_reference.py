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
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from citecheck.checker.base import Context, Violation, describe_reference, first_line_end
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


class _Outlet:
    """The earlier references of one outlet and their titles, also sorted by title length."""

    __slots__ = ("by_length", "exact", "lengths", "positions", "refs", "titles")

    def __init__(self) -> None:
        self.refs: list[Reference] = []
        self.titles: list[str] = []
        # Up to _MAX_FUZZY_GROUP titles, in order of length (then of the document), with
        # their positions: the titles near a length are one slice, scored in one call.
        self.lengths: list[int] = []
        self.by_length: list[str] = []
        self.positions: list[int] = []
        self.exact: dict[str, Reference] = {}

    def first_like(self, title: str) -> Reference | None:
        """Return the earliest reference whose title is near-identical (rapidfuzz ratio)."""
        n = len(self.refs)
        lo = 0 if n < _MAX_FUZZY_GROUP else n - 50
        if lo == 0 and title in self.exact:
            return self.exact[title]  # a title seen before: the answer is known
        # A ratio of 92 or more needs |a - b| <= 0.08 (a + b): only near lengths can match.
        size = len(title)
        low, high = int(size * 0.92 / 1.08) - 1, int(size * 1.08 / 0.92) + 2
        if lo:
            candidates = [j for j in range(lo, n) if low <= len(self.titles[j]) < high]
            choices = [self.titles[j] for j in candidates]
        else:
            i, k = bisect_left(self.lengths, low), bisect_left(self.lengths, high)
            candidates, choices = self.positions[i:k], self.by_length[i:k]
        if not candidates:
            return None
        from rapidfuzz import fuzz, process

        hits = process.extract(
            title, choices, scorer=fuzz.ratio, score_cutoff=_TITLE_CUTOFF, limit=None
        )
        return self.refs[min(candidates[h[2]] for h in hits)] if hits else None

    def add(self, ref: Reference, title: str, first: Reference | None) -> None:
        """Remember a reference with its normalised title and the earlier one it repeats."""
        n = len(self.refs)
        if n < _MAX_FUZZY_GROUP:
            at = bisect_right(self.lengths, len(title))
            self.lengths.insert(at, len(title))
            self.by_length.insert(at, title)
            self.positions.insert(at, n)
        # Later references come after this one: the earliest match for this title is
        # ``first`` or, when there was none, this reference itself.
        self.exact.setdefault(title, first or ref)
        self.refs.append(ref)
        self.titles.append(title)


def check(ctx: Context) -> Iterator[Violation]:
    """Yield each reference that duplicates an earlier one."""
    seen: dict[str, Reference] = {}
    by_outlet: dict[str, _Outlet] = {}
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
            group = by_outlet.setdefault(canonical(ref.outlet) or ref.outlet.casefold(), _Outlet())
            first = group.first_like(title)
            if first is not None:
                why = "same outlet and near-identical title"
            group.add(ref, title, first)
        if first is not None:
            line_end = first_line_end(ctx.doc.text, ref.start, ref.end)
            yield Violation(
                ref.start,
                line_end,
                f"{describe_reference(ref)} duplicates {describe_reference(first)} ({why})",
            )
