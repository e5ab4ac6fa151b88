"""The parser under ``numbers.py``: one regular expression for every spelling it reads.

See ``numbers.py`` for what is read and how values are normalised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from citecheck.text.recache import lazy
from citecheck.verifier.numwords import (
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    MONTHS,
    ORDINALS,
    SCALES,
    TENS,
    UNITS,
    word_value,
)

Kind = Literal["count", "decimal", "percent", "money", "ordinal", "year", "decade", "date", "time"]


@dataclass(frozen=True, slots=True)
class Number:
    """One number found in a text: its normalised value, kind and span (offsets into the text)."""

    value: float | str
    kind: Kind
    start: int
    end: int
    text: str


_MONTH_FULL = "|".join(m.capitalize() for m in MONTHS if len(m) > 3)
_MONTH = "|".join(
    sorted((f(m) for m in MONTHS for f in (str.capitalize, str.upper)), key=len, reverse=True)
)
"""A month name capitalised, or in capitals as datelines print it ("30 JUN 2018")."""
_NUM = (
    r"(?<![\d.,])\d{1,3}(?:[,.\u00a0\u202f]\d{3})+(?:[.,]\d+)?(?![\d])"
    r"|(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d,.]?\d)"
    r"|\d+(?:[.,]\d+)?"
)
_SCALE_WORD = r"(?i:hundred|thousand|million|billion|trillion|bn|mn|mln|tn|trn)"
_SCALE_ANY = r"(?:\s?" + _SCALE_WORD + r"|(?i:k|m|b))"
_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_BIG = "hundred|thousand|million|billion"
_WORDS = (
    rf"(?:(?:{_WORD}|one(?=[\s-]+(?:{_BIG}))|a|an)"
    rf"(?:[\s-]+(?:and\s+)?(?:{_WORD}|one|{_BIG}))*)"
)
_ORDW = "|".join(sorted(ORDINALS, key=len, reverse=True))
_PCT = r"\s?(?:%|(?i:per\s?cent|percent)\b)"

_ALTERNATIVES = (
    rf"(?P<iso>\b\d{{4}}-\d{{2}}-\d{{2}}\b)"
    rf"|\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m1>{_MONTH})\b\.?,?"
    rf"(?:\s+(?P<y1>\d{{4}})\b)?"
    rf"|\b(?P<m2>{_MONTH})\b\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}})\b)?"
    rf"|\b(?P<m3>{_MONTH})\b\.?,?\s+(?P<y3>\d{{4}})\b"
    rf"|\b(?P<m4>{_MONTH_FULL})\b"
    rf"|\b(?P<yr1>\d{{4}})\s?[–-]\s?(?P<yr2>\d{{2}})\b(?![-–]\d)"
    rf"|\b(?P<time>\d{{1,2}}:\d{{2}})\b"
    rf"|(?P<decade>\b\d{{3}}0)'?s\b"
    rf"|\b(?P<ord>\d+)(?:st|nd|rd|th)\b"
    rf"|(?P<cur>{CURRENCY_SIGNS})\s?(?P<mnum>{_NUM})(?P<mscale>{_SCALE_ANY}\b)?"
    rf"|(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE_WORD})\b)?"
    rf"(?:(?P<pct>{_PCT})|\s(?P<curw>(?i:{CURRENCY_WORDS}))\b)?"
    rf"|\b(?P<words>(?i:{_WORDS}))\b(?:(?P<wpct>{_PCT})|\s(?P<wcur>(?i:{CURRENCY_WORDS}))\b)?"
    rf"|\b(?P<ordw>(?i:{_ORDW}))\b"
)
# Every alternative starts at a digit, a currency sign, or a word that is "a" or begins with
# the first two letters of a month or a number word. The lookahead says so first, so the
# engine tries none of them inside a word or at most words: the same matches (the lookahead
# only rejects positions where no alternative can match), in a third of the time.
_WORDS_AT = (*MONTHS, *UNITS, *TENS, *ORDINALS, "one", "an")
_SECOND = {w[0]: "".join(sorted({v[1] for v in _WORDS_AT if v[0] == w[0]})) for w in _WORDS_AT}
_START = "|".join(f"{first}[{seconds}]" for first, seconds in sorted(_SECOND.items())) + r"|a\b"
_PATTERN = lazy(rf"(?=\d|{CURRENCY_SIGNS}|\b(?i:{_START}))(?:{_ALTERNATIVES})")
_EURO_MANY = lazy(r"\d\.\d{3}\.\d{3}")
_EURO_ONE = lazy(r"\d\.\d{3}(?![\d.])")
_DEC_COMMA = lazy(r"(?<![\d,\[])\d+,\d{1,2}(?![\d,\]])")
_COMMA_THOUSANDS = lazy(r"\d,\d{3}(?!\d)")
_GROUPING_SPACE = lazy(r"[\u00a0\u202f ]")
_DECIMAL_COMMA = lazy(r"\d+,\d{1,2}")
_FOUR_DIGITS = lazy(r"\d{4}")
_WORD_GAP = lazy(r"[\s-]+")


def _european(text: str) -> bool:
    """Whether the text writes "1.000,5" rather than "1,000.5"."""
    if _EURO_MANY.search(text):
        return True
    return bool(
        _EURO_ONE.search(text) and _DEC_COMMA.search(text) and not _COMMA_THOUSANDS.search(text)
    )


def _parse(token: str, european: bool) -> float:
    """Return the value of a digit token with its separators."""
    token = _GROUPING_SPACE.sub("", token)
    if european or token.count(".") > 1:
        token = token.replace(".", "").replace(",", ".")
    elif _DECIMAL_COMMA.fullmatch(token):
        token = token.replace(",", ".")
    else:
        token = token.replace(",", "")
    return float(token)


# Case-insensitive matching lets a few letters stand for an ASCII one: long s for "s",
# dotless and dotted capital I for "i", the Kelvin sign for "k" ("ſecond", "fİrst").
_ASCII_FOLD = str.maketrans({"ſ": "s", "ı": "i", "\u0307": None})


def _fold(word: str) -> str:
    """Lower-case a matched word the way the pattern matched it, so that it is a key of the
    word tables."""
    return word.lower().translate(_ASCII_FOLD)


def _date(day: str | None, month: str, year: str | None) -> str | None:
    """Return the ISO form of a date, or None when the day cannot be in that month."""
    m = MONTHS[_fold(month)]
    if day is not None and not 1 <= int(day) <= 31:
        return None
    if day is None:
        return f"{year}-{m:02d}"
    return f"{year}-{m:02d}-{int(day):02d}" if year else f"--{m:02d}-{int(day):02d}"


def _number(match: re.Match[str], european: bool) -> Number | None:
    """Turn one match of the pattern into a Number."""
    g = match.groupdict()
    start, end, raw = match.start(), match.end(), match.group()

    def make(value: float | str, kind: Kind) -> Number:
        return Number(value, kind, start, end, raw.strip())

    if g["iso"]:
        return make(g["iso"], "date")
    for d, m, y in (("d1", "m1", "y1"), ("d2", "m2", "y2"), ("", "m3", "y3")):
        if g[m]:
            iso = _date(g[d] if d else None, g[m], g[y])
            return make(iso, "date") if iso else None
    if g["m4"]:
        return make(f"--{MONTHS[_fold(g['m4'])]:02d}", "date")
    if g["time"]:
        return make(g["time"], "time")
    if g["decade"]:
        return make(float(g["decade"]), "decade")
    if g["ord"]:
        return make(float(g["ord"]), "ordinal")
    if g["cur"]:
        scale = SCALES[_fold(g["mscale"].strip())] if g["mscale"] else 1.0
        return make(_parse(g["mnum"], european) * scale, "money")
    if g["num"]:
        value = _parse(g["num"], european)
        scale = SCALES[_fold(g["scale"])] if g["scale"] else 1.0
        if g["pct"]:
            return make(value * scale, "percent")
        if g["curw"]:
            return make(value * scale, "money")
        plain = _FOUR_DIGITS.fullmatch(g["num"]) and not g["scale"]
        if plain and 1000 <= value <= 2100:
            return make(value, "year")
        whole = value * scale == int(value * scale)
        return make(value * scale, "count" if whole else "decimal")
    if g["words"]:
        words = [w for w in _WORD_GAP.split(_fold(g["words"])) if w]
        spelled = word_value(words)
        if spelled is None or words in (["a"], ["an"]):
            return None
        kind: Kind = "percent" if g["wpct"] else "money" if g["wcur"] else "count"
        return make(spelled, kind)
    if g["ordw"]:
        return make(float(ORDINALS[_fold(g["ordw"])]), "ordinal")
    return None


def numbers(text: str) -> list[Number]:
    """Return the numbers of a text in order, each with its normalised value, kind and span."""
    european = _european(text)
    out = []
    for match in _PATTERN.finditer(text):
        if match.group("yr1"):
            out += _year_range(match)
        elif (number := _number(match, european)) is not None:
            out.append(number)
        elif day := match.group("d1") or match.group("d2"):
            out += _not_a_date(match, day, european)
    return out


def _not_a_date(match: re.Match[str], day: str, european: bool) -> list[Number]:
    """Read "76 May 2001" (no such day) as the count 76 and "May 2001": a changed day must
    still be a number that is checked, not nothing."""
    group = "d1" if match.group("d1") else "d2"
    start, end = match.start(group), match.end(group)
    blanked = match.string[match.start() : start] + " " * (end - start)
    blanked += match.string[end : match.end()]
    count = Number(float(day), "count", start, end, day)
    rest = [
        Number(n.value, n.kind, n.start + match.start(), n.end + match.start(), n.text)
        for m in _PATTERN.finditer(blanked)
        if (n := _number(m, european)) is not None
    ]
    return sorted([count, *rest], key=lambda n: n.start)


def _year_range(match: re.Match[str]) -> list[Number]:
    """Return both years of "2018–19" (the second in the first's century, or the next)."""
    first = int(match.group("yr1"))
    second = first // 100 * 100 + int(match.group("yr2"))
    if second <= first:
        second += 100
    return [
        Number(float(first), "year", match.start("yr1"), match.end("yr1"), match.group("yr1")),
        Number(float(second), "year", match.start("yr2"), match.end("yr2"), match.group("yr2")),
    ]
