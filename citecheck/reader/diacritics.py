"""Accents a PDF conversion set apart from their letters: ``Mart´ın Rodr´ıguez``,
``Flores Najera´ (2019)``, ``(Cortez Ocotlan´ , 2017)``, ``Muller-Eberstein et al. ¨ , 2021``.

LaTeX sets an accented letter as a letter and an accent placed over it; text taken from
such a PDF (pdfminer, and MinerU, marker or nougat over it) often gives the accent as a
spacing character of its own (``´`` U+00B4, ``¨`` U+00A8, ``˜`` U+02DC, …) beside the
letter, before it or at the end of the word, with the dotless ``ı`` it sat on. The names of
callouts and entries then break at the accent, and a callout's comma stands apart from its
name.

In the masked text (what markers and entries are read from; offsets hold) each word that
holds such accents is written without them, the spaces they took at its end, and a comma,
semicolon, colon or closing parenthesis that the accent and its spaces kept from the name
is moved back to it: ``Ocotlan´ , 2017`` reads as ``Ocotlan,   2017``. The dotless ``ı``
stays; surnames are compared with it as ``i`` (:func:`citecheck.parser.authors.fold`).
"""

from __future__ import annotations

from citecheck.text.recache import lazy

_ACCENTS = frozenset("´¨˜ˆˇ¸˝˘˚")
_ACCENT = lazy("[´¨˜ˆˇ¸˝˘˚]")
_CLOSERS = ",;:)"


def _word_end(chars: list[str], at: int) -> int:
    n = len(chars)
    while at < n and (chars[at].isalpha() or chars[at] in _ACCENTS):
        at += 1
    return at


def _word_start(chars: list[str], at: int, floor: int) -> int:
    while at > floor and (chars[at - 1].isalpha() or chars[at - 1] in _ACCENTS):
        at -= 1
    return at


def attach_diacritics(masked: str) -> str:
    """``masked`` with each word's spacing accents taken out (its letters close up, the
    accents' room left as spaces at the word's end) and a comma, semicolon, colon or
    closing parenthesis after those spaces moved back to the word. Same length. Text
    without such accents is returned as it is."""
    found = [m.start() for m in _ACCENT.finditer(masked)]
    if not found:
        return masked
    chars = list(masked)
    n, done = len(chars), 0  # ``done``: where the last word rewritten ends
    for at in found:
        if at < done:
            continue
        start = _word_start(chars, at, done)
        end = _word_end(chars, at)
        letters = [c for c in chars[start:end] if c not in _ACCENTS]
        chars[start:end] = letters + [" "] * (end - start - len(letters))
        done = end
        _close_up(chars, start + len(letters), end, n)
    return "".join(chars)


def _close_up(chars: list[str], gap: int, end: int, n: int) -> None:
    """Move a closing mark after the spaces from ``gap`` on (the accents' room, and
    spaces or tabs after it on the same line) back to ``gap``, or to the end of the word
    before when the accent stood alone (``al. ¨ ,``)."""
    after = end
    while after < n and chars[after] in " \t":
        after += 1
    if after >= n or chars[after] not in _CLOSERS:
        return
    back = gap
    while back > 0 and chars[back - 1] in " \t":
        back -= 1
    if back == 0 or chars[back - 1] in "\n\r":
        return
    chars[back], chars[after] = chars[after], chars[back]
