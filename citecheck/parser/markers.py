"""The scan for markers: every bracket and marker-like token of a stretch of text, each
judged by the marker grammar (:func:`.brackets.classify`); markers written side by side
share a group, and an IEEE range written as two markers (``[1]–[3]``) becomes one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from citecheck.model import Marker, MarkerKind, Placeholder
from citecheck.parser.brackets import classify
from citecheck.parser.labelforms import canonical_label, normalise_label
from citecheck.parser.labelranges import label_run
from citecheck.parser.numericgroups import parse_numeric
from citecheck.text.recache import lazy

__all__ = [
    "BRACKET",
    "Scan",
    "canonical_label",
    "classify",
    "groups",
    "normalise_label",
    "parse_numeric",
    "scan",
]

# Bounded content keeps the scan linear on adversarial input such as 1 MB of "[".
BRACKET = lazy(r"\[([^\[\]\n]{0,100}(?:\n[^\[\]\n]{0,100})?)\]")
# What else a scan looks for: answer-engine markers (``【8†source】``), the private-use
# residue of an answer engine's citations (``\ue200cite\ue202turn0search1\ue201``, or
# ``citeturn0search1`` once the private-use characters are dropped), and placeholders that
# are not bracketed (``{{citation needed}}``, ``(TK)``, ``TK:``).
# Every alternative opens with a literal character, so that the regular expression engine
# skips ahead to the next ``[``, ``【``, ``c``, ``{``, ``(`` or ``T`` instead of trying each
# position (``T(?<!\wT)K:`` is ``\bTK:`` written that way). Groups: 1 bracket content,
# 2 answer-engine marker content, 3 and 4 citation residue, 5 template, 6 a writer's
# placeholder in parentheses (``(TK)``, ``(CITE)``, ``(CITATION NEEDED)``), 7 ``TK:``,
# 8 the residue of a copied ChatGPT answer (``:contentReference[oaicite:0]{index=0}``).
_TOKEN = lazy(
    BRACKET.pattern
    + r"|【([^【】\n]{1,60})】"
    + r"|\ue200([^\ue200\ue201\n]{0,200})\ue201|c(ite(?:turn\d+[a-z]+\d+)+)"
    + r"|\{(\{[^{}\n]{1,120}\}\})|\(((?:TK|CITE|CITATION(?: NEEDED)?)\))|T(?<!\wT)(K:)"
    + r"|:(contentReference\[oaicite:\d{1,4}\](?:\{index=\d{1,4}\})?)"
)
_DASH = lazy(r"^\s*[-–—]\s*$")


@dataclass(slots=True)
class Scan:
    """Markers and placeholders found in one stretch of text."""

    markers: list[Marker]
    placeholders: list[Placeholder]


def _range_of(first: Marker, last: Marker, text: str) -> Marker:
    """Join an IEEE range written as two markers (``[1]–[3]``) into one marker."""
    keys, problem = parse_numeric(f"{first.keys[0]}-{last.keys[0]}")
    raw = text[first.start : last.end]
    return Marker(first.start, last.end, raw, keys, first.kind, first.group, problem)


def _single(marker: Marker) -> bool:
    return marker.kind is MarkerKind.NUMERIC and len(marker.keys) == 1 and not marker.problem


def scan(
    text: str,
    start: int,
    end: int,
    labels: frozenset[str] = frozenset(),
    numbers: frozenset[str] = frozenset(),
    lettered: bool = False,
) -> Scan:
    """Find markers and placeholders in ``text[start:end]``; group adjacent markers.

    Offsets are into ``text``; see :func:`classify` for ``labels``, ``numbers`` and
    ``lettered``. Markers written side by side (``[1][2]``, ``[4], [5]``) share a group, and
    an IEEE range ``[1]–[3]`` becomes one marker citing 1, 2 and 3 (``[Ref1]–[Ref3]`` one
    citing Ref1, Ref2 and Ref3 when all three are references: :mod:`.labelranges`).
    """
    markers: list[Marker] = []
    placeholders: list[Placeholder] = []
    group = 0
    prev_end = -1
    for m in _TOKEN.finditer(text, start, end):
        found = classify(text, m, labels, numbers, lettered)
        if isinstance(found, Placeholder):
            placeholders.append(found)
        elif found is not None:
            between = text[prev_end : found.start] if prev_end >= 0 else "x"
            if between and _DASH.match(between):
                if _single(found) and _single(markers[-1]):
                    run: Marker | None = _range_of(markers[-1], found, text)
                else:  # ``[Ref6]_ - [Ref13]_``
                    run = label_run(
                        markers[-1], found, text, lambda k: normalise_label(k) in labels
                    )
                if run is not None:
                    markers[-1] = run
                    prev_end = found.end
                    continue
            if between.strip(" \t\n,;") != "":
                group += 1
            found.group = group
            prev_end = found.end
            markers.append(found)
    return Scan(markers, placeholders)


def groups(markers: list[Marker]) -> Iterator[list[Marker]]:
    """Yield runs of markers that share a group number."""
    run: list[Marker] = []
    for marker in markers:
        if run and marker.group != run[-1].group:
            yield run
            run = []
        run.append(marker)
    if run:
        yield run
