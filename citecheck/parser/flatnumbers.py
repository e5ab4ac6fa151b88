"""Source numbers an answer engine raised and a copy flattened, in Chinese, Japanese or
Korean text: ``…输出中的关键技术 1。``, ``…管道 3，在企业级…``, ``…（例如 1024 令牌）4。``.

Gemini's deep-research report marks each sentence with the numbers of its sources, set
raised after the sentence's last word. Copied as plain text, the raised numbers come down
onto the line: a space (or nothing, after a closing bracket) and the numbers, just before
the sentence's full stop or comma, or at the end of its line. In a CJK text a number
standing there, with no unit or counter after it, is that source number; a quantity is
followed by its counter (``3 句``, ``11 年``, ``41 令牌``).

One such number could still be a quantity that closes its sentence (``…增加到 5。``), so
they are read only as a text's habit: :data:`HABIT` or more of them, naming
:data:`DISTINCT` or more numbers, and none in a text that cites in another way.
"""

from __future__ import annotations

import re

from citecheck.model import Marker, MarkerKind
from citecheck.text.recache import lazy

# A CJK character (Han, kana, Hangul) and a space, or a closing bracket or quotation mark,
# before the numbers; the numbers (a group of up to six, ``1, 3``); then the sentence's full
# stop, comma, colon or other CJK punctuation (not the end of a line: a contents entry ends
# in its page, ``4.3 历史奥运项目评估实验 33``). Not after a word that
# introduces a number of its own: a figure, table, section or page (``图 6：``, ``第 3，``).
# A value glued to its verb (``权重是4，``, ``见图6。``) has no space before it.
_REFERRING = "图表第节章页"
_FLAT = lazy(
    r"(?:(?<=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af])(?<!["
    + _REFERRING
    + r"])[ \u00a0]|(?<=[)）”」』】])[ \u00a0]?)"
    r"(\d{1,3}(?:[,，][ \u00a0]?\d{1,3}){0,5})"
    r"(?=[。；！？，、：])"
)
_CJK = lazy(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
HABIT = 8
DISTINCT = 4
_LARGEST = 300  # Gemini's reports cite at most a few hundred sources


def _numbers(group: str) -> tuple[str, ...]:
    """The numbers of one flattened group (``1, 3`` → ``("1", "3")``), () when one of them
    cannot be a source's number."""
    keys = tuple(str(int(p)) for p in re.split(r"[,，]", group))
    if any(not 1 <= int(k) <= _LARGEST for k in keys):
        return ()
    return keys


def flat_habit(masked: str) -> bool:
    """Whether a text cites with flattened source numbers: at least :data:`HABIT` of
    them, naming at least :data:`DISTINCT` different numbers."""
    if not _CJK.search(masked, 0, 4000):
        return False
    found: set[str] = set()
    count = 0
    for m in _FLAT.finditer(masked):
        keys = _numbers(m.group(1))
        if keys:
            count += 1
            found.update(keys)
    return count >= HABIT and len(found) >= DISTINCT


def flat_numbers(masked: str, start: int, end: int) -> list[Marker]:
    """The flattened source numbers in ``masked[start:end]`` (offsets into the text), as
    numeric markers in document order; the caller has found the habit (:func:`flat_habit`)."""
    found: list[Marker] = []
    for m in _FLAT.finditer(masked, start, end):
        keys = _numbers(m.group(1))
        if keys:
            found.append(Marker(m.start(1), m.end(1), m.group(1), keys, MarkerKind.NUMERIC))
    return found
