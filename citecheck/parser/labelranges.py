"""Ranges written between two labelled citations: ``[Ref6]_ - [Ref13]_``.

A reStructuredText citation is a label, not a number (``[Ref12]_`` calls ``.. [Ref12]``),
so a writer who numbers the labels cites a run of them as two calls joined by a dash, the
way an IEEE range joins two numbers (``[1]–[3]``). The run names every label in between
when both ends share a stem and every label of the run is one of the document's
references; otherwise the two calls stay two markers.

The same labels decide what ``[Ref12]`` is: in a document whose entries are labelled
``Ref1``, ``Ref2``, … it is the label ``Ref12`` (found or dangling), not the number 12 that
``[Ref. 12]`` names elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable

from citecheck.model import Marker, MarkerKind
from citecheck.text.recache import lazy

_NUMBERED = lazy(r"([A-Za-z][A-Za-z_.:-]*?)(\d{1,4})\Z")
_STEM = lazy(r"([^\W\d]+)\d{1,4}\Z")
_LONGEST = 100  # labels a run may name


def label_run(
    first: Marker, last: Marker, text: str, known: Callable[[str], bool]
) -> Marker | None:
    """One marker citing every label from ``first`` to ``last`` (``Ref6`` … ``Ref13``), or
    None when they are not two single labels with one stem and ascending numbers whose
    every label ``known`` accepts (``known`` takes a label as written)."""
    if first.kind is not MarkerKind.LABEL or last.kind is not MarkerKind.LABEL:
        return None
    if len(first.keys) != 1 or len(last.keys) != 1 or first.problem or last.problem:
        return None
    lo, hi = _NUMBERED.match(first.keys[0]), _NUMBERED.match(last.keys[0])
    if lo is None or hi is None or lo.group(1) != hi.group(1):
        return None
    a, b = int(lo.group(2)), int(hi.group(2))
    if not 0 < b - a <= _LONGEST:
        return None
    keys = tuple(f"{lo.group(1)}{n}" for n in range(a, b + 1))
    if not all(known(k) for k in keys):
        return None
    raw = text[first.start : last.end]
    return Marker(first.start, last.end, raw, keys, MarkerKind.LABEL, first.group)


def numbered_label(content: str, labels: frozenset[str]) -> bool:
    """Whether a bracket's ``content`` (``Ref12``: letters then a number, nothing else) is
    one of the numbered labels of ``labels`` (the document's reference labels, normalised
    as :func:`~citecheck.parser.markers.normalise_label` does): it is one of them, or its
    stem (``ref``) followed by a number is."""
    stem = _STEM.match(content.strip())
    if stem is None:
        return False
    head = stem.group(1).casefold()
    if content.strip().casefold() in labels:
        return True
    return any(k.startswith(head) and k[len(head) :].isdigit() for k in labels)
