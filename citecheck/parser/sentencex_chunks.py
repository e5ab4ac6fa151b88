"""sentencex, asked about a block one chunk at a time and never about a shape it chokes on.

sentencex (https://github.com/wikimedia/sentencex) finds the sentence boundaries; this
module bounds its time and catches its panics so that any text gives an answer in time
linear in its length.
"""

from __future__ import annotations

import re
from functools import cache

from sentencex import get_sentence_boundaries

from citecheck.text.recache import lazy

_RUN = 200
_LONG_RUN = lazy(rf"\S{{{_RUN + 1},}}")
# The same test, faster: the engine skips from blank to blank (a run not at the start of
# the text follows one).
_BLANK_THEN_RUN = lazy(rf"\s\S{{{_RUN + 1}}}")
_TERMINALS = frozenset(".!?…")
_CHUNK = 2000
_SAFE_CUT = lazy(r"(?<=[a-z]{3}[.!?])\s+(?=[A-Z])")
_BLANKS = lazy(r"\s+")


@cache
def _wide_blanks() -> dict[int, str]:
    """sentencex panics on a capital, a blank outside ASCII and a full stop ("U\\u00a0."): it
    sees ASCII spaces in their place, one character for one, so offsets are unchanged (a
    table made on the first text that is not ASCII)."""
    return {c: " " for c in range(128, 0x3001) if chr(c).isspace()}


def boundaries(text: str) -> list[tuple[int, int]]:
    """Sentence spans from sentencex, asked about one chunk of a very long block at a time.

    sentencex takes time quadratic in some shapes of text (unclosed quotes, runs without
    blanks); chunks of at most about ``2 * _CHUNK`` characters keep the whole linear. A
    block is cut only past ``_CHUNK`` characters, preferably after a sentence that ends
    with a lower-case word and is followed by a capital, so ordinary paragraphs are whole.
    """
    out: list[tuple[int, int]] = []
    for lo, hi in _chunks(text):
        chunk = _breakable(text[lo:hi])
        if not chunk.isascii():
            chunk = chunk.translate(_wide_blanks())
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
    if len(text) <= _RUN or not (_LONG_RUN.match(text) or _BLANK_THEN_RUN.search(text)):
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
