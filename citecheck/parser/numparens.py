"""Numeric callouts in parentheses: ``norms (1–5).``, ``(1, 2, 15)``, ``Asch (6) showed``.

*Science*, PNAS-like and many Vancouver-style manuscripts cite by the number of an entry
in parentheses instead of brackets. Parenthesised numbers are also list enumerations
(``we asked (1) whether … and (2) whether``), equation numbers (``x = y + z (3)``,
``Eq. (3)``), statistics (``(1, 234) = 5.6``), coordinates and section or step numbers,
so they are read as citations only when the document says so:

- it has a numbered reference list (numbers typed or given by Word), which holds every
  number a callout names;
- its body holds at least :data:`MIN_CALLOUTS` such callouts naming at least a third of
  the list's entries and :data:`MIN_NUMBERS` of them (or every entry of a shorter list):
  enumerations name (1), (2), (3) again and again, a manuscript's callouts name most of
  its list;
- it does not cite with bracketed numbers (``[1]``) as often as with parentheses: then
  the parentheses are something else.

A single callout is never one when a word that numbers things stands before it (``Eq.``,
``Figure``, ``Section``, ``step``, ``Table``, and the ``and (2)`` that continues such a
list), when it is glued to the word before (``F(1, 23)``, ``70(1)``), when ``=`` or another
operator stands beside it, when it opens its line or a capital follows it (``(1) First
use …``: a callout stands before the full stop), or when it is one item of an
enumeration: ``(1)`` then ``(2)``
in one paragraph, ``(1)`` after a colon, a sentence start or a clause word and ``(2)``
after ``and``, ``or``, a comma or a semicolon.
"""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.model import Marker, MarkerKind
from citecheck.parser.markers import parse_numeric
from citecheck.text.recache import lazy

MIN_CALLOUTS = 3
MIN_NUMBERS = 3
_PART = r"\d{1,3}(?:\s*[-–—]\s*\d{1,3})?"
# ``(1–5)``, ``(1, 2, 15)``, ``(11,\n12)``: whitespace before, nothing glued after but
# punctuation or a space.
_CALLOUT = lazy(rf"(?<=\s)\(({_PART}(?:\s*[,;]\s*{_PART}){{0,12}})\)(?![\w(=])")
_BEFORE = lazy(r"([\w.%’”\"'\]})$-]*)\s+$")
_NUMBERING_WORDS = """eq eqs equation equations formula formulas fig figs figure figures table
    tables
    tab sec secs section sections chapter chapters ch chap step steps stage phase item
    items part parts appendix line lines p pp page pages hypothesis h no nos number row
    column panel constraint inequality lemma theorem proposition corollary definition
    assumption criterion"""
_NUMBERING = frozenset(_NUMBERING_WORDS.split())
_CONTINUE = lazy(r"^\s*(?:,|and|or|to|through|,\s*and|,\s*or|-|–)\s*$")
_OPERATOR = lazy(r"[=<>≤≥±×+*/^\\$]")
_CLAUSE_WORDS = """to that whether we they the are were is was include includes including which
    namely both either"""
_CLAUSE = frozenset(_CLAUSE_WORDS.split())
_ENUM_NEXT = lazy(r"(?:and|or|,|;)\s*$")
# A callout stands before the full stop; "(1) First, use …" opens an item.
_CAPITAL_NEXT = lazy(r"[ \t]+[A-Z]")


def candidates(masked: str, start: int, end: int, numbers: frozenset[str]) -> list[Marker]:
    """Parenthesised numbers in ``masked[start:end]`` that may cite an entry of the list
    (``numbers``, the entries' numbers as strings): every number they name is in the list
    and nothing around them says they number something else. Returns markers (offsets into
    the text, the parentheses included) in document order."""
    found: list[Marker] = []
    prev: tuple[int, bool] | None = None  # the last callout's end and whether it was dropped
    for m in _CALLOUT.finditer(masked, start, end):
        keys, problem = parse_numeric(m.group(1).replace(";", ","))
        if problem or not keys or not all(k in numbers for k in keys):
            prev = (m.end(), True)
            continue
        before = masked[max(start, m.start() - 40) : m.start()]
        word = _BEFORE.search(before)
        name = word.group(1).rstrip(".").casefold() if word else ""
        numbered = name in _NUMBERING
        # ``Equations (1) and (2)``: the list a numbering word opened goes on.
        if prev is not None and prev[1] and _CONTINUE.match(masked[prev[0] : m.start()]):
            numbered = True
        near = masked[max(start, m.start() - 3) : m.start()] + masked[m.end() : m.end() + 3]
        opens = not before.rsplit("\n", 1)[-1].strip() or _CAPITAL_NEXT.match(masked, m.end())
        tail = _display_tail(masked, m.end(), end, before)
        if numbered or opens or tail or _OPERATOR.search(near):
            prev = (m.end(), True)
            continue
        found.append(Marker(m.start(), m.end(), m.group(), keys, MarkerKind.NUMERIC))
        prev = (m.end(), False)
    return _without_enumerations(masked, found)


def _display_tail(masked: str, after: int, end: int, before: str) -> bool:
    """An equation's number at the end of its line: the line holds an operator."""
    rest = masked[after:end].split("\n", 1)[0]
    if rest.strip():
        return False
    line = before.rsplit("\n", 1)[-1]
    return bool(_OPERATOR.search(line))


def _without_enumerations(masked: str, found: list[Marker]) -> list[Marker]:
    """The callouts but the items of an enumeration: ``(1)`` after a colon, a sentence
    start or a clause word, then ``(2)`` after ``and``, ``or`` or a comma, and what
    follows in sequence (``(3)``…)."""
    drop: set[int] = set()
    for i, m in enumerate(found):
        if m.keys != ("1",):
            continue
        head = masked[max(0, m.start - 30) : m.start].rstrip()
        last = head.split()[-1].casefold() if head.split() else ""
        opens = not head or head.endswith((":", ".", ";", "—", "–")) or last in _CLAUSE
        chain, want = [i], 2
        for j in range(i + 1, len(found)):
            if found[j].keys == (str(want),):
                chain.append(j)
                want += 1
        if len(chain) < 2:
            continue
        second = found[chain[1]]
        between = masked[m.end : second.start]
        if "\n\n" in between:
            continue
        if opens or _ENUM_NEXT.search(masked[max(0, second.start - 10) : second.start]):
            drop.update(chain)
    return [m for i, m in enumerate(found) if i not in drop]


def cites_with_parentheses(
    body: Iterable[tuple[int, int]], masked: str, numbers: frozenset[str]
) -> bool:
    """Whether a document cites its numbered list with parenthesised numbers: its body
    (``body``, spans of the blocks outside the list) holds enough callouts naming enough
    entries, and fewer bracketed numbers than those callouts."""
    if not numbers:
        return False
    count, brackets = 0, 0
    named: set[str] = set()
    for s, e in body:
        for m in candidates(masked, s, e, numbers):
            count += 1
            named.update(m.keys)
        brackets += len(_BRACKETED.findall(masked, s, e))
    enough = min(len(numbers), max(MIN_NUMBERS, len(numbers) // 3))
    return count >= min(MIN_CALLOUTS, len(numbers)) and len(named) >= enough and brackets < count


_BRACKETED = lazy(rf"\[{_PART}(?:\s*,\s*{_PART})*\]")
