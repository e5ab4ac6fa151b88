"""Page furniture of a paper converted from PDF to text: page marks, side stamps, running heads.

A PDF text extractor writes what was printed on each page, page by page. Between the
pages it (or the script that ran it) may put a mark of its own (``=== Page 2 ===``,
``===== PAGE 2 =====``, ``--- PAGE 2 ---``, ``Total pages: 24``); from each page it keeps
the running head or foot (``2086 AMBALAVANAN et al``, ``Kim et al., Science 368, 155–160
(2020) 10 April 2020 1 of 6``) and arXiv's side stamp (``arXiv:1106.6320v1 [q-bio.PE]
30 Jun 2011``, or its characters one line each and reversed: ``]SD.sc[``,
``1v90011.1122:viXra``). None of it is the paper's prose: a sentence or a reference entry
that runs over a page goes on after it, so the reader masks it (offsets hold) and does not
end a paragraph or a list there.

Running heads are told by recurrence, not by wording: a line whose digits aside is the same
on three pages or more (its page number changes), or, where the extractor ran the head into
the prose (no line break of its own), the words around a page counter ``N of M`` that recur
around every counter of the same ``M``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from itertools import pairwise

from citecheck.reader.stackedheads import stacked_heads
from citecheck.text.recache import lazy

# ``=== Page 2 ===``, ``===== PAGE 2 =====``, ``--- PAGE 2 ---``, ``-- Page 2 of 9 --``,
# ``<!-- page 2 -->``, ``[Page 2]`` on its own, ``Total pages: 24``, ``PAGES: 34``.
_MARK = lazy(
    r"^[ \t]*(?:(?:={2,}|-{2,}|\*{2,}|<!--)[ \t]*\[?page[ \t]+\d{1,4}(?:[ \t]+of[ \t]+\d{1,4})?\]?"
    r"[ \t]*(?:={2,}|-{2,}|\*{2,}|-->)"
    r"|(?:total[ \t]+)?pages?[ \t]*:[ \t]*\d{1,4}"
    r"|\[page[ \t]+\d{1,4}\])[ \t]*$",
    re.I,
)
# arXiv's side stamp, on one line or reversed a piece per line (``1v90011.1122:viXra``,
# ``]SD.sc[``, ``voN``, ``02``, ``2202``).
_STAMP = lazy(
    r"^[ \t]*arXiv:\d{4}\.\d{4,5}v\d+[ \t]+\[[\w.-]+\][ \t]+\d{1,2}[ \t]+\w{3}[ \t]+\d{4}[ \t]*$"
)
_REVERSED = lazy(r"^[ \t]*(?:\d+v\d{4,5}\.\d{4}:viXra|\][\w.-]+\.[\w-]+\[)[ \t]*$")
_STAMP_PIECE = 12  # the reversed stamp's other lines (month, day, year) are this short at most
_DIGITS = lazy(r"\d+")
# A publisher's download stamp at the foot of every page.
_DOWNLOADED = lazy(r"^[ \t]*Downloaded from[ \t]+(?:https?://)?[\w.-]+\.\w+\S*", re.I)
_SPACES = lazy(r"\s+")
_LETTERS = lazy(r"[^\W\d_]{2,}")
_HEAD_KEY = 50  # running heads are compared by their first characters (digits aside)
_LEAST_HEADS = 3
_PAGE_LINES = 15  # a page holds more lines than this between two of its running heads
_PAGE_STEP = 4  # a running head's page number grows by this much at most from one to the next
# ``1 of 6``: the page counter a journal prints in its running head.
_COUNTER = lazy(r"(?<![\w.])(\d{1,3}) of (\d{1,3})(?![\w.])")
# ``Page 4 of 9`` on a line of its own: short, but a page's all the same.
_PAGE_COUNTER_LINE = lazy(r"^page \d{1,3} of \d{1,3}$", re.I)
_AROUND = 90  # how far before and after a counter its running head is looked for
_LEAST_SHARED = 12  # characters the heads around every counter must share at least


_MARK_LINES = lazy(_MARK.pattern, re.I | re.M)
_LEAST_MARKS = 2


def paged_text(text: str) -> bool:
    """Whether a text named Markdown is a PDF's text: two page marks or more and no strong
    sign of Markdown (see :func:`citecheck.reader.sniff.sniff`)."""
    from citecheck.reader.sniff import sniff

    for marks, _ in enumerate(_MARK_LINES.finditer(text), 1):
        if marks >= _LEAST_MARKS:
            return sniff(text) == "text"
    return False


def is_page_mark(line: str) -> bool:
    """A converter's mark between pages: ``=== Page 2 ===``, ``--- PAGE 2 ---``,
    ``Total pages: 24``."""
    return bool(_MARK.match(line))


def furniture(text: str, lines: list[tuple[int, int]]) -> tuple[set[int], set[int]]:
    """Return the indexes (into ``lines``, (start, end) pairs of ``text``) of the lines that
    are page furniture (page marks, arXiv's side stamp and running heads), and of those the
    page marks. Running heads are those of :func:`_running_heads`."""
    found: set[int] = set()
    marks: set[int] = set()
    downloads: list[int] = []
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        if _MARK.match(line):
            found.add(i)
            marks.add(i)
        elif _STAMP.match(line):
            found.add(i)
        elif _REVERSED.match(line):
            found.update(_stamp_run(text, lines, i))
        elif _DOWNLOADED.match(line):
            downloads.append(i)
    if len(downloads) >= 2:
        found.update(downloads)
    found.update(_running_heads(text, lines, marks))
    found.update(_lone_heads(text, lines))
    found.update(stacked_heads(text, lines))
    return found, marks


def _stamp_run(text: str, lines: list[tuple[int, int]], i: int) -> set[int]:
    """The short lines around a reversed stamp line that hold the rest of the stamp."""
    run = {i}
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and abs(j - i) <= 6:
            piece = text[lines[j][0] : lines[j][1]].strip()
            if not piece or len(piece) > _STAMP_PIECE or " " in piece:
                break
            run.add(j)
            j += step
    return run


def _running_heads(text: str, lines: list[tuple[int, int]], marks: set[int]) -> set[int]:
    """Lines whose first characters, digits aside, recur on three pages or more (at least
    :data:`_PAGE_LINES` lines apart), with a number that changes (the page's): ``2086
    AMBALAVANAN et al``, ``PEDIATRICS Volume 118, Number 5, November 2006 2085`` (see
    :func:`_paged`). A line the same to the digit (``Shi et al. Light: Science &
    Applications (2022) 11:247``, its page number on a line of its own) is a running head
    too when a page mark (indexes ``marks``) stands between each one and the next, and so
    is ``Page 15 of 18`` on a page of a few lines."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, (s, e) in enumerate(lines):
        line = text[s:e].strip()
        short = len(line) < 12 and not _PAGE_COUNTER_LINE.match(line)
        if short or not _DIGITS.search(line) or len(_LETTERS.findall(line)) < 2:
            continue
        key = _SPACES.sub(" ", _DIGITS.sub("#", line))[:_HEAD_KEY]
        groups[key].append(i)
    found: set[int] = set()
    for members in groups.values():
        if len(members) < _LEAST_HEADS:
            continue
        numbers = [_DIGITS.findall(text[lines[i][0] : lines[i][1]]) for i in members]
        if _on_each_page(members, numbers, marks):
            found.update(members)  # a short page (a figure's) may hold few lines
        elif min(b - a for a, b in pairwise(members)) < _PAGE_LINES:
            continue  # lines of a list or a table, not one a page
        elif _paged(numbers):
            found.update(members)
    return found


_LEAST_LONE_HEADS = 4
_LONE_HEAD_MAX = 80  # a running head is one short line


def _lone_heads(text: str, lines: list[tuple[int, int]]) -> set[int]:
    """Lines without a digit (``Abdulhadi Abbas Akanni and Co-Author Name``: an ACM
    preprint's head, its page number elsewhere) that recur word for word, each a paragraph
    of its own (a blank line before and after), four times or more and one a page at most
    (:data:`_PAGE_LINES` lines apart at least). A refrain or a repeated heading sits in a
    paragraph of prose or closer together."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, (s, e) in enumerate(lines):
        line = text[s:e].strip()
        if not 12 <= len(line) <= _LONE_HEAD_MAX or _DIGITS.search(line):
            continue
        if len(_LETTERS.findall(line)) < 2 or line[-1] in ".:;?!" or not _alone(text, lines, i):
            continue
        groups[_SPACES.sub(" ", line)].append(i)
    found: set[int] = set()
    for members in groups.values():
        if len(members) >= _LEAST_LONE_HEADS and all(
            b - a >= _PAGE_LINES for a, b in pairwise(members)
        ):
            found.update(members)
    return found


def _alone(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """Whether line ``i`` has a blank line (or the text's edge) before and after it."""
    before = i == 0 or not text[lines[i - 1][0] : lines[i - 1][1]].strip()
    after = i + 1 >= len(lines) or not text[lines[i + 1][0] : lines[i + 1][1]].strip()
    return before and after


def _on_each_page(members: list[int], numbers: list[list[str]], marks: set[int]) -> bool:
    """Whether recurring lines, the same to the digit (``numbers`` all equal) or but for a
    page number (:func:`_paged`), stand one a page: a page mark between each (index into
    the text's lines, in ``members``) and the next."""
    if any(n != numbers[0] for n in numbers) and not _paged(numbers):
        return False
    ordered = sorted(marks)
    return all(bisect_left(ordered, a) < bisect_left(ordered, b) for a, b in pairwise(members))


def _paged(numbers: list[list[str]]) -> bool:
    """Whether the numbers of recurring lines are a page's: one place changes from line to
    line, always growing by a page or a few (a page without its head, the other side's
    head in between), and the rest stays the same. Entries of a list that share their
    first words (``[7] Freed, N. …``, ``[40] Freed, N. …``) jump further."""
    if len({len(n) for n in numbers}) != 1:
        return False
    places = [tuple(int(n[k]) for n in numbers) for k in range(len(numbers[0]))]
    varying = [p for p in places if len(set(p)) > 1]
    return len(varying) == 1 and all(1 <= b - a <= _PAGE_STEP for a, b in pairwise(varying[0]))


def inline_heads(text: str) -> list[tuple[int, int]]:
    """Spans of running heads the extractor ran into the prose, each holding a page counter
    ``N of M``: the longest stretch around the counter (within its line) that is the same,
    digits of the counter aside, around at least three counters of the same ``M``. Returns
    (start, end) offsets into ``text``, in order."""
    by_total: dict[str, list[re.Match[str]]] = defaultdict(list)
    for m in _COUNTER.finditer(text):
        if int(m.group(1)) <= int(m.group(2)):
            by_total[m.group(2)].append(m)
    spans: list[tuple[int, int]] = []
    for found in by_total.values():
        if len(found) < _LEAST_HEADS:
            continue
        befores = [_line_part(text, m.start(), -1) for m in found]
        afters = [_line_part(text, m.end(), 1) for m in found]
        left = _common_suffix(befores)
        right = _common_prefix(afters)
        if len(left) + len(right) < _LEAST_SHARED:
            continue
        spans.extend((m.start() - len(left), m.end() + len(right)) for m in found)
    return sorted(spans)


def _line_part(text: str, at: int, step: int) -> str:
    """Up to :data:`_AROUND` characters before (``step`` -1) or after ``at``, within its
    line."""
    if step < 0:
        part = text[max(0, at - _AROUND) : at]
        return part.rsplit("\n", 1)[-1]
    part = text[at : at + _AROUND]
    return part.split("\n", 1)[0]


def _common_prefix(parts: list[str]) -> str:
    first = min(parts, key=len)
    n = 0
    while n < len(first) and all(p[n] == first[n] for p in parts):
        n += 1
    return _whole_words(first[:n])


def _common_suffix(parts: list[str]) -> str:
    return _common_prefix([p[::-1] for p in parts])[::-1]


def _whole_words(shared: str) -> str:
    """``shared`` cut back to a blank, so no word of the prose is masked in part."""
    if not shared or shared[-1].isspace():
        return shared
    cut = shared.rfind(" ")
    return shared[: cut + 1] if cut >= 0 else ""
