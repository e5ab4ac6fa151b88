"""Sentence segmentation with sentencex, markers taken out before and mapped back after.

Marker groups and placeholders (with the space before them) are removed from a block's text,
the rest is segmented, and every boundary is mapped back to the original offsets. A group
that follows a sentence's full stop therefore ends that sentence instead of opening the next
one; a group between terminal punctuation and a capitalised word is a boundary even where
sentencex reads the full stop as an abbreviation's (``…into the U.K. [7] Staff said…``).

sentencex errs both ways on news prose, so its pieces are adjusted: ordinary words it takes
for abbreviations (``in May. Economists…``, ``say no. Supporters…``) and a Unicode
ellipsis before a capital end a sentence; a piece that ends with an abbreviation that never
ends a sentence (``approx.``, ``Dr.``), a bare list number (``1.``, ``Step 2.``) or a number
before a lower-case continuation (``parts: 1. a tax cut``) runs on into the next.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from sentencex import get_sentence_boundaries

from citecheck.model import Marker, Placeholder

_LIST_NUMBER = re.compile(
    r"^(?:(?:Step|Part|Phase|Stage|Item|Option|Point|Question)\s+)?"
    r"\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.):]\s*$",
    re.I,
)
_NUMBER_END = re.compile(r"(?<![\d.,])\d{1,3}\.\s*$")
_LOWER_START = re.compile(r"^\s*[a-z]")
_CAPITAL = r"(?=[\"“‘(]?[A-Z])"
# A boundary sentencex missed: a closing bracket or quote after terminal punctuation, a
# Unicode ellipsis, a URL and full stop, or a plain word and full stop (checked against the
# abbreviations below), each followed by a capitalised word.
_MISSED = re.compile(
    r"(?:[.!?][)\"”’]+|…|(?:https?://|www\.)\S{0,200}?[^\s.]\.|(?<![\w.’'-])(?P<word>[A-Za-z]+)\.)"
    rf"\s+{_CAPITAL}"
)
_TERMINAL_END = re.compile(r"(?:[.!?…]|\.\.\.)[)\"”’»]*$")
_NEXT_OPENS = re.compile(rf"\s+{_CAPITAL}")
_RUN = 200
_LONG_RUN = re.compile(rf"\S{{{_RUN + 1},}}")
_TERMINALS = frozenset(".!?…")
_TAIL = 200
_CHUNK = 2000
# sentencex panics on a capital, a blank outside ASCII and a full stop ("U\u00a0."): it
# sees ASCII spaces in their place, one character for one, so offsets are unchanged.
_WIDE_BLANKS = {c: " " for c in range(128, 0x3001) if chr(c).isspace()}
_SAFE_CUT = re.compile(r"(?<=[a-z]{3}[.!?])\s+(?=[A-Z])")
_BLANKS = re.compile(r"\s+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words written with a full stop that is not a sentence's: capitalised ones only when
# capitalised ("Ill." is Illinois, "ill." is not), lower-case ones in any case.
_CAPITALISED = _words(
    """
    mr mrs ms mx dr prof gen sen rep gov rev hon st mt ft jr sr co corp inc ltd bros
    fig figs vol vols eq ch sec dept univ ave rd blvd lt col capt cmdr sgt maj adm pres
    supt esq messrs mme mlle fr jan feb mar apr jun jul aug sep sept oct nov dec mon tue
    tues wed thu thur thurs fri sat sun ala ariz ark calif colo conn del fla ga ill ind kan
    kans ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis
    wyo
    """
)
_LOWER_CASE = _words("approx ca cf vs viz incl excl esp etc al ed eds pp est govt")
# Of those, the ones that never end a sentence: the next piece always continues it.
_NEVER_FINAL = _words(
    "mr mrs ms mx dr prof gen sen rep gov rev hon mt lt col capt cmdr sgt maj adm supt "
    "messrs mme mlle approx ca cf vs viz incl excl esp"
)
_LAST_WORD = re.compile(r"(?<![\w.])([A-Za-z]+)\.\s*$")

Removable = Marker | Placeholder


def _strip(
    text: str, start: int, end: int, removed: Sequence[Removable]
) -> tuple[str, list[int], list[int]]:
    """Remove markers and placeholders and the blanks before them; return text and map."""
    parts: list[str] = []
    cuts: list[int] = []  # positions in the stripped text where something was removed
    shifts: list[int] = []  # total characters removed up to and including that cut
    pos, total, length = start, 0, 0
    for item in removed:
        if item.start < pos:
            continue
        cut_from = item.start
        while cut_from > pos and text[cut_from - 1] in " \t":
            cut_from -= 1
        parts.append(text[pos:cut_from])
        length += cut_from - pos
        total += item.end - cut_from
        cuts.append(length)
        shifts.append(total)
        pos = item.end
    parts.append(text[pos:end])
    return "".join(parts), cuts, shifts


def _to_original(i: int, start: int, cuts: list[int], shifts: list[int], after: bool) -> int:
    """Map a stripped offset back; ``after`` puts a boundary past removed markers."""
    k = bisect_right(cuts, i) if after else bisect_right(cuts, i - 1)
    return start + i + (shifts[k - 1] if k else 0)


def _missed(stripped: str, s: int, e: int) -> list[int]:
    """Return the boundaries sentencex missed inside ``stripped[s:e]``."""
    out = []
    for m in _MISSED.finditer(stripped, s, e):
        word = m.group("word")
        if word is not None and _abbreviation(word):
            continue
        out.append(m.end())
    return out


def _abbreviation(word: str) -> bool:
    """Whether a word followed by a full stop is an abbreviation or an initial."""
    folded = word.casefold()
    if len(word) == 1 or folded in _LOWER_CASE:
        return True
    return folded in _CAPITALISED and word[0].isupper()


def _forced(stripped: str, cuts: list[int]) -> list[int]:
    """Return boundaries at removed groups that follow terminal punctuation and open a word."""
    out = []
    for cut in dict.fromkeys(cuts):  # adjacent groups share a cut: test it once
        if _TERMINAL_END.search(stripped, max(0, cut - 8), cut) and _NEXT_OPENS.match(
            stripped, cut
        ):
            out.append(cut)
    return out


def _runs_on(piece: str, following: str, whole: bool = True) -> bool:
    """Whether a piece cannot end a sentence and continues into the following one.

    ``piece`` may be only the tail of a longer piece (``whole`` false): a match at its very
    start then proves nothing, since the text before it is not seen.
    """
    if whole and _LIST_NUMBER.match(piece):
        return True
    m = _NUMBER_END.search(piece)
    if m and (whole or m.start()) and _LOWER_START.match(following):
        return True
    m = _LAST_WORD.search(piece)
    if not m or not (whole or m.start()):
        return False
    return m.group(1).casefold() in _NEVER_FINAL and _abbreviation(m.group(1))


def _tail(text: str, start: int, end: int) -> tuple[str, bool]:
    """The end of ``text[start:end]`` that decides whether it runs on, and if it is all.

    Pieces that run on are merged and grow; testing only their tail keeps the merge linear.
    """
    last = end
    while last > start and text[last - 1].isspace():
        last -= 1
    begin = max(start, last - _TAIL)
    return text[begin:end], begin == start


def _on(stripped: str, previous: tuple[int, int], s: int, e: int) -> tuple[str, str, bool]:
    """Arguments of :func:`_runs_on` for the merged piece ``previous`` and the next one."""
    tail, whole = _tail(stripped, *previous)
    return tail, stripped[s:e], whole


def _boundaries(text: str) -> list[tuple[int, int]]:
    """Sentence spans from sentencex, asked about one chunk of a very long block at a time.

    sentencex takes time quadratic in some shapes of text (unclosed quotes, runs without
    blanks); chunks of at most about ``2 * _CHUNK`` characters keep the whole linear. A
    block is cut only past ``_CHUNK`` characters, preferably after a sentence that ends
    with a lower-case word and is followed by a capital, so ordinary paragraphs are whole.
    """
    out: list[tuple[int, int]] = []
    for lo, hi in _chunks(text):
        chunk = _breakable(text[lo:hi]).translate(_WIDE_BLANKS)
        try:
            found = [
                (b["start_index"], b["end_index"]) for b in get_sentence_boundaries("en", chunk)
            ]
        except BaseException as exc:  # a Rust panic is a BaseException
            if isinstance(exc, KeyboardInterrupt | SystemExit):
                raise
            found = [(0, len(chunk))]  # a chunk sentencex cannot read is one sentence
        out.extend((lo + s, lo + e) for s, e in found)
    return out


def _chunks(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    lo = 0
    while len(text) - lo > 2 * _CHUNK:
        m = _SAFE_CUT.search(text, lo + _CHUNK, lo + 2 * _CHUNK) or _BLANKS.search(
            text, lo + _CHUNK, lo + 2 * _CHUNK
        )
        hi = m.end() if m else lo + _CHUNK
        out.append((lo, hi))
        lo = hi
    out.append((lo, len(text)))
    return out


def _breakable(text: str) -> str:
    """A copy of equal length in which very long runs without blanks are broken up.

    sentencex takes time quadratic in the length of a run without whitespace (``"!"``
    after ``"["`` or ``"("`` thousands of times); such runs are never prose. A blank every
    ``_RUN`` characters, never right after terminal punctuation so that it adds no sentence
    end, bounds that time; offsets are unchanged.
    """
    if len(text) <= _RUN or not _LONG_RUN.search(text):
        return text
    return _LONG_RUN.sub(_break_run, text)


def _break_run(m: re.Match[str]) -> str:
    chars = list(m.group())
    i = _RUN
    while i < len(chars):
        if chars[i - 1] in _TERMINALS:
            i += 1
            continue
        chars[i] = " "
        i += _RUN
    return "".join(chars)


def _pieces(stripped: str, forced: list[int]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for begin, e in _boundaries(stripped):
        s = begin
        inside = forced[bisect_right(forced, s) : bisect_left(forced, e)]
        last = s + len(stripped[s:e].rstrip())  # text after p is not blank iff p < last
        for p in sorted({*_missed(stripped, s, e), *inside}):
            if p < last and stripped[s:p].strip():
                spans.append((s, p))
                s = p
        spans.append((s, e))
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and _runs_on(*_on(stripped, merged[-1], s, e)):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def segment(text: str, start: int, end: int, markers: Sequence[Removable]) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence in ``text[start:end]``, markers included.

    ``markers`` may hold placeholders too: they stay with the sentence they follow.
    """
    inside = sorted((m for m in markers if start <= m.start and m.end <= end), key=_start)
    stripped, cuts, shifts = _strip(text, start, end, inside)
    starts = [m.start for m in inside]
    out: list[tuple[int, int]] = []
    for s, e in _pieces(stripped, _forced(stripped, cuts)):
        os_ = _to_original(s, start, cuts, shifts, after=bool(out))
        oe = _to_original(e, start, cuts, shifts, after=True)
        chunk = text[os_:oe]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        # A marker may be blank in ``text`` (a Markdown link label): keep it in its sentence.
        mine = inside[bisect_left(starts, os_) : bisect_left(starts, oe)]
        last = max((m.end for m in mine), default=0)
        if oe - trail > os_ + lead:
            out.append((os_ + lead, max(oe - trail, min(last, oe))))
    return out


def _start(item: Removable) -> int:
    return item.start
