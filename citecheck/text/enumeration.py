"""Inline enumerations: ``1) … 2) …``, ``a. … b. …``, ``(i) … (ii) …``, ``• … • …``.

An enumeration is a run of at least two enumerators of one form (``1.``, ``1)``, ``1.)``,
``(1)``; digits, letters or roman numerals of one case; or one bullet character) whose
values count up from one (bullets repeat), the first at the start of the text or after
terminal punctuation, a colon or a semicolon, each later one after a blank. Its items are
sentences of their own only when every item opens like a sentence (a capital, a digit or
an opening quote) and none is joined to the next by a comma or a conjunction:
``The plan has three parts: 1. a tax cut, 2. …`` and ``Pick one: 1) Apple or 2) Google``
are one sentence each.

The scan is one pass of a regular expression with bounded repeats and a dictionary of open
runs, so its time is linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citecheck.text.recache import lazy

_BULLETS = "•⁃‣◦▪●"
_ENUMERATOR = lazy(
    r"(?<!\S)(?:"
    rf"(?P<bullet>[{_BULLETS}])(?:[ \t]?\d{{1,3}}[.)])?"
    r"|\((?P<paren>\d{1,2}|[a-zA-Z]|[ivx]{2,5}|[IVX]{2,5})\)"
    r"|(?P<close>\d{1,2}|[a-zA-Z]|[ivx]{2,5}|[IVX]{2,5})(?P<form>\.?\))"
    r"|(?P<stop>\d{1,2}|[a-z]|[ivx]{2,5})\."
    r")(?=\s+(?P<next>\S))"
)
# What every enumerator contains: a bullet, a closing parenthesis, or a full stop after a
# blank and a label of one or two digits, a letter or a roman numeral. Searching for these
# first (the pattern opens with one set of characters, so the engine skips to the next of
# them) spares the costly search in most text.
_CANDIDATE = lazy(
    rf"[{_BULLETS}).](?:(?<=[{_BULLETS})])|(?<=\s[\da-z]\.)|(?<=\s\d\d\.)|(?<=\s[ivx]{{2}}\.)"
    r"|(?<=\s[ivx]{3}\.)|(?<=\s[ivx]{4}\.)|(?<=\s[ivx]{5}\.))"
)
# Where an enumeration may open: terminal punctuation, a colon or a semicolon, and blanks.
_OPENING = lazy(r"[.!?…:;][\"'”’)\]]*\s+$")
_FIRST = lazy(r"\S")
# Items joined by a comma or a conjunction are parts of one sentence: "1) Apple or 2) Google".
_JOINED = lazy(r"(?:,|\b(?:and|or|nor|but))\s+$")
_ITEM_START = lazy(r"[A-Z0-9\"'“‘(\[]")
_ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
}
_ROMAN_LETTERS = frozenset("ivx")


@dataclass(slots=True)
class _Run:
    last: int
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    sentences: bool = True


def _values(token: str) -> list[tuple[str, int]]:
    """The (kind, value) readings of an enumerator's label: ``i`` is a letter or a numeral."""
    if token.isdigit():
        return [("digit", int(token))]
    folded = token.lower()
    case = "upper" if token.isupper() else "lower"
    out = []
    if len(token) == 1:
        out.append((f"letter-{case}", ord(folded) - ord("a") + 1))
    if set(folded) <= _ROMAN_LETTERS and folded in _ROMAN:
        out.append((f"roman-{case}", _ROMAN[folded]))
    return out


def _keys(m: re.Match[str]) -> list[tuple[str, int]]:
    """The run keys (form and kind) an enumerator may belong to, each with its value."""
    if m.group("bullet"):
        return [("bullet " + m.group("bullet"), 0)]
    for form in ("paren", "close", "stop"):
        label = m.group(form)
        if label is not None:
            shape = form + (m.group("form") if form == "close" else "")
            return [(f"{shape} {kind}", value) for kind, value in _values(label)]
    return []


def _seeded(label: str, opening: str) -> dict[str, _Run]:
    """Runs opened by a list-item label before the text (kept out of the result: start -1)."""
    seed = _ENUMERATOR.match(f"{label} {opening}")
    if seed is None or seed.end() != len(label):
        return {}
    sentence_like = bool(_ITEM_START.match(opening))
    return {
        key: _Run(value, [-1], [-1], sentence_like)
        for key, value in _keys(seed)
        if value == (not key.startswith("bullet"))
    }


def enumeration(
    text: str, start: int = 0, end: int | None = None, label: str = ""
) -> list[tuple[int, int]]:
    """Return (start, end) of each enumerator of an inline enumeration in ``text[start:end]``.

    Only enumerations whose items read as sentences are returned, in text order; each span
    covers the enumerator itself (``2)``, ``(ii)``, ``• 10.``), not its item. ``label`` is
    the list-item label just before the text, if any (``1)`` of a Markdown item): it counts
    as the enumeration's first enumerator, so ``The first item 2) The second item`` splits.
    """
    stop = len(text) if end is None else end
    # An enumerator at the very start of the text has no blank before it.
    if not _CANDIDATE.search(text, start, stop) and not (
        start == 0 and _ENUMERATOR.match(text, 0, stop)
    ):
        return []
    first = _FIRST.search(text, start, stop)
    runs = _seeded(label, text[first.start()]) if label and first else {}
    done: list[_Run] = []
    for m in _ENUMERATOR.finditer(text, start, stop):
        opens = (first is not None and m.start() == first.start()) or bool(
            _OPENING.search(text, max(start, m.start() - 8), m.start())
        )
        sentence_like = bool(_ITEM_START.match(m.group("next")))
        joined = bool(_JOINED.search(text, max(start, m.start() - 6), m.start()))
        for key, value in _keys(m):
            run = runs.get(key)
            if run is not None and value == run.last + (not key.startswith("bullet")):
                run.last = value
                run.sentences = run.sentences and not joined
            elif opens and value == (not key.startswith("bullet")):
                if run is not None:
                    done.append(run)
                run = runs[key] = _Run(value)
            else:
                continue
            run.starts.append(m.start())
            run.ends.append(m.end())
            run.sentences = run.sentences and sentence_like
    done.extend(runs.values())
    spans = {
        (s, e)
        for run in done
        if run.sentences and len(run.starts) > 1
        for s, e in zip(run.starts, run.ends, strict=True)
        if s >= 0
    }
    return sorted(spans)


def is_enumerator(text: str, pos: int) -> bool:
    """Whether an enumerator (``2)``, ``(ii)``, ``b.``, ``•``) starts at ``text[pos]``."""
    return bool(_ENUMERATOR.match(text, pos))


def opens_enumeration(line: str) -> bool:
    """Whether ``line`` starts with the first enumerator of an inline enumeration."""
    found = enumeration(line)
    return bool(found) and not line[: found[0][0]].strip()
