"""The numbers Word shows before numbered paragraphs, computed from ``word/numbering.xml``.

A numbered paragraph names a list instance (``w:numPr/w:numId``) and a level
(``w:ilvl``). The instance (``w:num``) points to an abstract definition (``w:abstractNum``)
whose levels give the start value, the number format (``decimal``, ``upperRoman``,
``lowerLetter``, ``bullet`` …) and the label text (``[%1]``, ``%1.``, ``%1.%2``). Instances
of one abstract definition share their counters, as in Word, unless an instance restarts a
level (``w:lvlOverride/w:startOverride``, what Word's "Restart at 1" writes). Counting a
level resets the levels below it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from citecheck.text.recache import lazy

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PLACE = lazy(r"%([1-9])")
_ROMAN = tuple(
    zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        ["m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"],
        strict=True,
    )
)


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a list definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass(slots=True)
class _Instance:
    abstract: str
    restarts: dict[int, int] = field(default_factory=dict)  # level -> start override
    used: bool = False


class Numbering:
    """List definitions of one document and the counters of the paragraphs read so far."""

    def __init__(self, root: Any | None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.instances: dict[str, _Instance] = {}
        self.counters: dict[str, dict[int, int]] = {}  # abstract id -> level -> last value
        if root is None:
            return
        for ab in root.iterchildren(_W + "abstractNum"):
            self.abstracts[ab.get(_W + "abstractNumId") or ""] = _levels(ab)
        for num in root.iterchildren(_W + "num"):
            ref = num.find(_W + "abstractNumId")
            inst = _Instance(ref.get(_W + "val") or "" if ref is not None else "")
            for over in num.iterchildren(_W + "lvlOverride"):
                level = _int(over.get(_W + "ilvl"), 0)
                start = over.find(_W + "startOverride")
                if start is not None:
                    inst.restarts[level] = _int(start.get(_W + "val"), 1)
                lvl = over.find(_W + "lvl")
                if lvl is not None:  # an override of the whole level: its own definition
                    own = {**self.abstracts.get(inst.abstract, {}), level: _level(lvl)}
                    inst.abstract = f"{inst.abstract}/{num.get(_W + 'numId')}"
                    self.abstracts[inst.abstract] = own
            self.instances[num.get(_W + "numId") or ""] = inst

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Count a paragraph of list ``num_id`` at level ``ilvl`` and return the label Word
        shows before it; ``None`` for a bullet, an unknown list or no numbering (``0``)."""
        inst = self.instances.get(num_id)
        if inst is None or num_id == "0":
            return None
        levels = self.abstracts.get(inst.abstract, {})
        counts = self.counters.setdefault(inst.abstract, {})
        if not inst.used:
            inst.used = True
            for level, start in inst.restarts.items():
                counts[level] = start - 1
                for deeper in [k for k in counts if k > level]:
                    del counts[deeper]
        this = levels.get(ilvl, Level())
        counts[ilvl] = counts.get(ilvl, this.start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        if this.fmt == "bullet":
            return None

        def place(m: re.Match[str]) -> str:
            at = int(m.group(1)) - 1
            own = levels.get(at, Level())
            return number(counts.get(at, own.start), own.fmt)

        return _PLACE.sub(place, this.text).strip() or None


def _levels(parent: Any) -> dict[int, Level]:
    return {_int(lvl.get(_W + "ilvl"), 0): _level(lvl) for lvl in parent.iterchildren(_W + "lvl")}


def _level(lvl: Any) -> Level:
    def val(name: str) -> str | None:
        el = lvl.find(_W + name)
        return el.get(_W + "val") if el is not None else None

    text = val("lvlText")
    return Level(_int(val("start"), 1), val("numFmt") or "decimal", "%1." if text is None else text)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def number(n: int, fmt: str) -> str:
    """``n`` written in a Word number format (``decimal`` for one not known here)."""
    if fmt in ("upperRoman", "lowerRoman"):
        out, rest = "", max(n, 0)
        for value, numeral in _ROMAN:
            while rest >= value:
                out, rest = out + numeral, rest - value
        return out.upper() if fmt == "upperRoman" else out
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)  # Word: y, z, aa, bb
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)
