"""The shapes of single lines of plain text that the reader asks about.

Where a line ends, whether it is page chrome (a form feed, an RFC page header or footer, a
page number) or
a contents line with dot leaders, the wrap width of hard-wrapped text, whether a line
ends like a sentence, and whether it ends inside a parenthetical group of citations.
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

_LINE = lazy(r"[^\r\n]*(?:\r\n?|\n|$)")
_FOOTER = lazy(r"\[Page \d+\]\s*$")
# Written so that backtracking stays linear: a run of dots or blanks is tried from its
# start only, and no two unbounded repeats of the same characters touch.
_HEADER = lazy(r"^\s*(?:RFC \d+|Internet-Draft|INTERNET[- ]DRAFT)\s{2,}\S.*\s\s\S")
_PAGE_NUMBER = lazy(
    r"^\s*(?:(?:page|p\.)\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|/)\s*\d{1,4})?\s*$"
    r"|^\s*[-–—]\s*\d{1,4}\s*[-–—]\s*$",
    re.I,
)
_DOT_LEADERS = lazy(r"(?<!\.)(?<!\.\s)(?:\.\s?){4,}\s*\d+\s*$")
_SPACED_DOTS = lazy(r"\s\.\s\.\s")
_ENDS_IN_NUMBER = lazy(r"\d\s*$")
_GROUP_GOES_ON = lazy(r"(?:;|\bet\.?\s?al\.)[ \t]*$")


def lines(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each line, the end before its line break."""
    out = []
    for m in _LINE.finditer(text):
        s, e = m.span()
        if s == e:
            break
        line = m.group()
        out.append((s, e - (len(line) - len(line.rstrip("\r\n")))))
    return out


def leaders(line: str) -> bool:
    """A contents line: dot leaders (``. . . .`` or ``....``) then a page number."""
    tail = line.rstrip()
    if not tail or not tail[-1].isdecimal():  # both patterns end in \d\s*$
        return False
    if _DOT_LEADERS.search(line):
        return True
    m = _SPACED_DOTS.search(line)
    return bool(m and _ENDS_IN_NUMBER.search(line, m.end()))


def is_chrome(line: str) -> bool:
    """Page chrome: a form feed, an RFC page footer (``[Page 9]``) or header."""
    return "\f" in line or bool(_FOOTER.search(line) or _HEADER.match(line))


def page_number(line: str) -> bool:
    """A line that is only a page number: ``16``, ``Page 3``, ``3 of 12``, ``- 4 -``, ``xii``
    (chrome only beside a form feed: see :func:`citecheck.reader.text.read_text`)."""
    return bool(_PAGE_NUMBER.match(line))


def wrap_width(lengths: list[int]) -> int:
    """Return the wrap width of hard-wrapped text, or 0 when lines are not wrapped."""
    long = sorted(n for n in lengths if n > 20)
    if len(long) < 5:
        return 0
    p95 = long[int(len(long) * 0.95) - 1]
    return p95 if p95 <= 100 else 0


_CLOSERS = "\"'”’)]»"
_TERMINALS = frozenset(".!?:;…")


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends like a sentence: terminal punctuation, a colon or a semicolon,
    then closing quotes or brackets, or a closing bracket (a marker group).

    The same answer as ``vocab.TERMINAL.search(line)``, read from the end of the line
    instead of searched for at every position.
    """
    body = line.rstrip()
    if body.endswith("]"):
        return True
    body = body.rstrip(_CLOSERS)
    return bool(body) and body[-1] in _TERMINALS


def inside_group(text: str, start: int, end: int) -> bool:
    """Whether the line ending at ``end`` ends with ``;`` or ``et al.`` inside a
    parenthesis that opened after ``start`` (in the last 1,200 characters): a group of
    author-year citations that goes on over the next lines (``… (Abdulhai, Pringle, &
    Karakoulas, 2003;`` then ``Balaji, German, & Srinivasan, 2010; …)``, ``(Deng and Li
    2022; Zhang et al.`` then ``2023c)``), not the end of a paragraph."""
    if not _GROUP_GOES_ON.search(text, max(start, end - 12), end):
        return False
    span = text[max(start, end - 1200) : end]
    return span.rfind("(") > span.rfind(")")
