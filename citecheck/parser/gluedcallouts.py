"""Superscript callouts glued to the word before them in text converted from PDF.

A PDF-to-text conversion flattens a Vancouver superscript into the line, so ``deaths¹ and``
reads ``deaths1 and``, ``connectomics⁴⁶,⁴⁷ and`` reads ``connectomics46,47 and``, and
``Vannucci et al²⁰`` reads ``Vannucci et al20`` (or ``Brieman et al.14``), in Nature, Cell,
Pediatrics and most medical journals. Digits after a word are also model names, units,
chemical formulas and versions (``GPT4``, ``CO2``, ``H2O``, ``covid19``, ``day2``), so a
number counts as a callout only when

- it stands after a lower-case word of three letters or more (``deaths1``, never
  ``Hapln1``, ``CO2`` or ``McKinney85``: a capital marks a name or a symbol) or after
  ``et al`` or ``et al.``, and no word or digit follows it (``deaths1 and``,
  ``effective10;``);
- every number it names is one of the document's numbered list;
- the word is not one that takes a number of its own (``covid19``, ``python3``, ``day2``),
  and the word does not name a series (``rule1 | rule2`` in a grammar, ``day1``, ``day2``);
- what follows is a word, a bracket or the line's end, not an operator (``rule1 |``);
- the document cites this way often: :data:`HABIT` such callouts or more, counting those
  flattened after a sentence's stop (``birth.2``), naming three numbers or more, and at
  least :data:`SPACED` before a space or clause punctuation.

:mod:`citecheck.parser.superscripts` reads ``simulators3.`` and ``birth.2`` under its own
conditions; where both read the same digits, its marker stands.
"""

from __future__ import annotations

import re

from citecheck.model import Marker, MarkerKind
from citecheck.parser.markers import parse_numeric
from citecheck.text.recache import lazy

HABIT = 8
SPACED = 3
NAME_RECURS = 3
# group "w" the word (absent after "et al" or "et al.": "Brieman et al.14 To"), group "n"
# the number or group of numbers
_SPACED = lazy(
    r"(?:(?<![\w@/.#&=-])(?P<w>(?:[a-z]+-)*[a-z]{3,})|(?<=\bet al)|(?<=\bet al\.))"
    r"(?P<n>\d{1,3}(?:[,–-]\d{1,3})*)(?=[.,;:!?)]*(?:[ \t]+[\w(“\"‘\[]|[ \t]*$))",
    re.M,
)
# "birth.2", "HIE.3,4": flattened after the stop that ends a sentence
_AFTER_STOP = lazy(r"(?<=[A-Za-z]{3}[.,])(\d{1,3}(?:[,–-]\d{1,3})*)(?=\s)")
_OWN_NUMBER_WORDS = frozenset(
    {
        *("float", "bfloat", "int", "uint", "utf", "sha", "ipv", "python", "resnet", "gpt"),
        *("log", "base", "covid", "web", "win", "windows", "llama", "qwen", "ray", "mp"),
        *("level", "stage", "phase", "version", "step", "part", "round", "layer", "tier"),
        *("day", "days", "week", "month", "year", "wave", "arm", "group", "session", "run"),
        *("trial", "test", "case", "site", "sample", "model", "block", "visit", "dose"),
        *("grade", "type", "class", "figure", "table", "page", "item", "model", "cohort"),
    }
)


def _keys(digits: str, numbers: frozenset[str]) -> tuple[str, ...] | None:
    keys, problem = parse_numeric(digits.replace("–", "-"))
    if problem or not keys or not all(k in numbers for k in keys):
        return None
    return keys


def _callouts(masked: str, start: int, end: int, numbers: frozenset[str]) -> list[re.Match[str]]:
    return [
        m
        for m in _SPACED.finditer(masked, start, end)
        if (m.group("w") or "").rpartition("-")[2] not in _OWN_NUMBER_WORDS
        and _keys(m.group("n"), numbers) is not None
        and not (m.group("w") and _named(masked, m.group()))
    ]


def _named(masked: str, token: str) -> bool:
    """Whether ``token`` (``rule1``) is a name in a series: its word stands glued to
    another number too (``rule1 | rule2``, ``day1`` and ``day2``), or the pair recurs
    :data:`NAME_RECURS` times or more. Callouts seldom follow one word twice."""
    word = token.rstrip("0123456789,–-")
    found = re.findall(rf"(?<![\w-]){re.escape(word)}(\d+)(?![\w])", masked)
    return len(set(found)) > 1 or len(found) >= NAME_RECURS


def spaced_habit(masked: str, numbers: frozenset[str]) -> bool:
    """Whether ``masked`` cites with superscripts flattened onto the word before them
    (``deaths1 and``): see the module's conditions. ``numbers`` are the numbers of the
    document's list; without any the answer is no."""
    if not numbers:
        return False
    spaced = _callouts(masked, 0, len(masked), numbers)
    if len(spaced) < SPACED:
        return False
    stops = [m for m in _AFTER_STOP.finditer(masked) if _keys(m.group(1), numbers)]
    named = {m.group("n") for m in spaced} | {m.group(1) for m in stops}
    return len(spaced) + len(stops) >= HABIT and len(named) >= 3


def spaced_callouts(masked: str, start: int, end: int, numbers: frozenset[str]) -> list[Marker]:
    """The callouts glued to a word in ``masked[start:end]`` (offsets into the text), for a
    document with :func:`spaced_habit`; each marker spans the digits alone."""
    found: list[Marker] = []
    for m in _callouts(masked, start, end, numbers):
        keys = _keys(m.group("n"), numbers)
        assert keys is not None
        found.append(Marker(m.start("n"), m.end("n"), m.group("n"), keys, MarkerKind.NUMERIC))
    return found
