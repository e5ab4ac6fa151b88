"""Superscript numerals as citations: ``<sup>2,3</sup>``, ``¹²``, ``offloading.4``.

Vancouver style and many exports cite with raised numbers instead of brackets. Raised
numbers are also exponents, units, isotopes and ordinals, so a number counts as a citation
only when the document has a numbered reference list that holds every number it names,
and only where a citation can stand:

- after a word of at least three letters or after punctuation that ends one
  (``cells²``, ``cells.²``, ``results,³``, ``**bold** <sup>6</sup>``), after an ideograph,
  kana or hangul or the full-width punctuation of those scripts (``开发环境 <sup>5</sup>。``,
  ``（.d.ts） <sup>10</sup>``), never right after a digit (``10⁶``; ``in 2023.³``
  cites), a bracket (``(a+b)²``) or a one- or two-letter symbol (``m²``, ``mc²``,
  ``km²``); a ``<sup>`` alone in a table cell (``| <sup>5</sup> |``, a column of
  sources) cites too;
- not glued to the next word (``¹⁴C``) and not an ordinal (``1<sup>st</sup>``);
- digits glued to the end of a lower-case word before a full stop or comma
  (``simulators3.``, ``norms3,``, never ``Aust1`` or ``lme4 R``), as a Gemini export
  written to Markdown flattens its superscripts, only in a document that does so
  :data:`HABIT` times or more (see :func:`glued_word_habit`) and never after a word that
  names a type or a model (``float32``, ``resnet18``);
- digits glued after a full stop (``offloading.4``, ``población.3``), as exports flatten
  a superscript (superscripts side by side run together: ``población.12`` cites 1 and 2
  when the list holds no 12), and after the full stop of a year, a percentage or a day
  of a month before the next sentence (``in 2023.49 Legal``, ``by 24%.42 Data``, ``on
  April 20.8 The``) in a paragraph that cites so after words too,
  or after a closing quote or parenthesis and a full stop or comma (``"nurse".19``,
  ``safety).52``), only after a word that is not an abbreviation that numbers things
  (``Fig.4``, ``No.4``).

The HTML reader decides ``<sup>`` in HTML the same way (see :mod:`citecheck.reader.html_sup`).
"""

from __future__ import annotations

import re

from citecheck.model import Marker, MarkerKind
from citecheck.parser.markers import parse_numeric
from citecheck.parser.memo import current, pieces
from citecheck.text.recache import lazy
from citecheck.text.vocab import CJK_RANGES

_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_UNICODE = lazy(rf"[{_DIGITS}]+(?:[,⁻‐–-][{_DIGITS}]+)*")
_CLOSE = ')”"’'
# Digits glued after the punctuation that ends a word of three letters (``awareness.1``),
# or after a full stop or comma that follows a closing quote or parenthesis
# (``"nurse".19``, ``safety).52``, ``Reward B").10``): group 1 is the number.
_GLUED = lazy(
    rf"(?:(?<=[^\W\d_]{{3}})[.,;:!?{_CLOSE}]|(?<=[^\W_])[{_CLOSE}]{{1,2}}[.,;:])"
    r"(\d{1,3}(?:[,–-]\d{1,3})*)(?=[\s)\]]|$)"
)
_WORD_GLUED = lazy(rf"([A-Za-z\u00c0-\u024f]+)\s?\d{{0,3}}[{_CLOSE}]{{0,2}}[.,;:!?{_CLOSE}]?$")
# After a closing quote or parenthesis the glued number ends its sentence: the line ends
# or the next sentence opens (``safety).52 The``), unlike ``(v2).5 of the task``.
_SENTENCE_NEXT = lazy(r"\s*$|\s+[\"“*_(\[]*[A-Z]", re.M)
_NUMBER_END = lazy(r"[\d%][.,;:!?]\s*$")
# A year, a percentage or a day of a month, its sentence's full stop, the glued number
# (group 1), then the next sentence's capital: ``in 2023.49 Legal``, ``by 24%.42 Data``,
# ``on April 20.8 The``.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
)
_AFTER_FIGURE = lazy(
    rf"(?:(?<![\d.,])(?:1[5-9]|20)\d\d|%|\b{_MONTH}[ \t]+[1-3]?\d)"
    r"\.(\d{1,3}(?:,\d{1,3})*)(?=[ \t\r\n]+[\"“*_(\[]*[A-Z])"
)
_SUP_TEXT = lazy(r"\s*\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\s*")
_WORD_BEFORE = lazy(r"([A-Za-z\u00c0-\u024f]+)(?:\*\*?|__?)?[.,;:!?)”\"’]?\s*$")
# Scripts written without spaces between words (CJK), and their full-width punctuation:
# a raised number after one of them stands after a word.
_CJK = CJK_RANGES
_CJK_BEFORE = lazy(
    rf"(?:[{_CJK}](?:\*\*?|__?)?[。，、；：！？）」』》】”’]?|[。，；：！？）」』》】])\s*$"
)
_TAIL = lazy(r"</?sup>|\s")
_CELL_AFTER = lazy(r"\s*(?:\||<sup>)")
# Digits glued to a word of letters, then punctuation or the end of the line.
# Digits glued to a lower-case word (not a name with its affiliation, ``Aust1``) or to the
# bracket or quotation mark after one, then the punctuation that ends a clause.
_WORD_DIGITS = lazy(
    r"(?:(?<![\w@/.#&=-])(?P<w>(?:[a-z]+-)*[a-z]{3,})|(?<=[a-z][)”\"’]))(?P<n>\d{1,3})"
    r"(?=[.,;:!?)]+(?:[ \t]|$))",
    re.M,
)
_GLUED_KEY = "glued numbers"  # a memo's key for a stretch's numbers
_TOKEN_WORDS = frozenset(
    {
        *("float", "bfloat", "int", "uint", "utf", "sha", "ipv", "python", "resnet", "gpt"),
        *("log", "base", "covid", "web", "mp", "win", "windows", "llama", "qwen", "ray"),
        *("level", "stage", "phase", "version", "step", "part", "round", "layer", "tier"),
    }
)
HABIT = 5
_NUMBERING = "fig figs no nos vol vols eq eqs sec secs ch chap pp art ref refs para rev ver tab"
_NUMBERING_WORDS = frozenset((_NUMBERING + " table figure section step part page item").split())


def _citable_after(text: str, at: int) -> bool:
    """Whether a raised number may cite at ``at``: after a word of three letters or more,
    or after the punctuation that ends one."""
    m = _WORD_BEFORE.search(text, max(0, at - 40), at)
    if m is None or m.end() != at:
        # ``in 2023.<sup>3</sup>``: punctuation that ends a sentence or clause stands
        # between the number and the raised one, so it is no exponent (as in HTML).
        if _NUMBER_END.search(text, max(0, at - 4), at) is not None:
            return True
        return _CJK_BEFORE.search(text, max(0, at - 8), at) is not None
    word = m.group(1)
    if word.casefold() in _NUMBERING_WORDS:
        return False
    # ``UI <sup>9</sup>``: an acronym a space away is no symbol raised to a power.
    if len(word) >= 3 or (len(word) == 2 and word.isupper() and m.group().endswith(" ")):
        return True
    return word == "al" and text.endswith("et ", max(0, m.start() - 3), m.start())  # et al.²


def _alone_in_cell(text: str, at: int, after: int) -> bool:
    """Whether the ``<sup>`` at ``at`` (ending at ``after``) fills a table cell by itself."""
    line = text.rfind("\n", 0, at) + 1
    before = text[line:at]
    return (
        before.rstrip().endswith("|")
        and before.lstrip().startswith("|")
        and _CELL_AFTER.match(text, after) is not None
    )


def _keys(digits: str, numbers: frozenset[str], every: bool = True) -> tuple[str, ...] | None:
    """The keys a raised number names, when the list holds every one of them (or, with
    ``every`` false, one of them: ``<sup>2,9</sup>`` is a group, its 9 dangling)."""
    keys, problem = parse_numeric(digits.replace("–", "-"))
    if problem or not keys:
        return None
    held = all(k in numbers for k in keys) if every else any(k in numbers for k in keys)
    return keys if held else None


def _run(digits: str, numbers: frozenset[str]) -> tuple[str, ...] | None:
    """The numbers of superscripts side by side that flattening ran together, when the
    list does not hold the number they spell: ``población.12`` cites 1 and 2, ``.910``
    cites 9 and 10, ``.345`` 3, 4 and 5 (an ascending run of consecutive numbers, two at
    least, each in the list); None otherwise."""
    if not digits.isdigit() or digits in numbers or digits.startswith("0"):
        return None
    for width in range(1, len(digits)):
        n, spelt, keys = int(digits[:width]), "", []
        while len(spelt) < len(digits):
            keys.append(str(n))
            spelt += str(n)
            n += 1
        if spelt == digits and len(keys) >= 2 and all(k in numbers for k in keys):
            return tuple(keys)
    return None


def _glued_words(masked: str, start: int, end: int, numbers: frozenset[str]) -> list[re.Match[str]]:
    """The numbers glued to a word in ``masked[start:end]`` that the list holds."""
    return [
        m
        for m in _WORD_DIGITS.finditer(masked, start, end)
        if m.group("n") in numbers and (m.group("w") or "").rpartition("-")[2] not in _TOKEN_WORDS
    ]


def glued_word_habit(masked: str, numbers: frozenset[str]) -> bool:
    """Whether a text cites with numbers glued to words (``simulators3.``): :data:`HABIT`
    or more of them, naming three or more of the list's numbers.

    Under a :mod:`~citecheck.parser.memo` the glued numbers are read stretch by stretch
    (:func:`~citecheck.parser.memo.pieces`: the pattern reads within a line), so an edit
    reads again only the paragraphs it changed."""
    if not numbers:
        return False
    if current() is None:
        found = [m.group("n") for m in _glued_words(masked, 0, len(masked), numbers)]
    else:
        glued = pieces(_GLUED_KEY, masked, _glued_numbers)
        found = [n for part in glued for n in part if n in numbers]
    return len(found) >= HABIT and len(set(found)) >= 3


def _glued_numbers(part: str) -> tuple[str, ...]:
    """The numbers glued to a word in ``part``, whatever the list holds."""
    return tuple(
        m.group("n")
        for m in _WORD_DIGITS.finditer(part)
        if (m.group("w") or "").rpartition("-")[2] not in _TOKEN_WORDS
    )


def _after_figures(masked: str, start: int, end: int, numbers: frozenset[str]) -> list[Marker]:
    """Numbers glued after the full stop of a year, a percentage or a day of a month that
    ends a sentence (``…in 2023.49 Legal…``, ``…fell by 24%.42 Data…``, ``…on April 20.8
    The…``), read in a paragraph that already cites with numbers glued after a word's
    stop: alone, ``2023.4`` could be a decimal."""
    found: list[Marker] = []
    for m in _AFTER_FIGURE.finditer(masked, start, end):
        keys = _keys(m.group(1), numbers)
        if keys:
            found.append(Marker(m.start(1), m.end(1), m.group(1), keys, MarkerKind.NUMERIC))
    return found


def superscripts(
    text: str,
    masked: str,
    start: int,
    end: int,
    sups: list[tuple[int, int]],
    numbers: frozenset[str],
    glued: bool = False,
) -> list[Marker]:
    """Raised-number citations in ``masked[start:end]`` (offsets into the text).

    ``sups`` are the spans of the digits of ``<sup>…</sup>`` the reader found, in order;
    ``numbers`` the numbers of the document's list; ``glued`` says the document cites
    with numbers glued to words (:func:`glued_word_habit`). Returns markers in document
    order.
    """
    if not numbers:
        return []
    found: list[Marker] = []
    for s, e in sups:
        if s < start or e > end or not _SUP_TEXT.fullmatch(text, s, e):
            continue
        tag = text.rfind("<", max(0, s - 40), s)  # the <sup> opening tag
        after = text.find(">", e) + 1  # past </sup>
        if tag < 0 or not after:
            continue
        if not _citable_after(text, tag) and not _alone_in_cell(text, tag, after):
            continue
        if after < len(text) and text[after].isalnum():
            continue  # ¹⁴C written as <sup>14</sup>C
        keys = _keys(text[s:e], numbers, every=False)
        if keys and after <= end:  # the marker is the whole <sup>…</sup>
            found.append(Marker(tag, after, text[tag:after], keys, MarkerKind.NUMERIC))
        elif keys and e <= end and not _TAIL.sub("", text[end:after]).strip(" *_"):
            # a table cell's block stops before its closing tags: the marker stops with it
            found.append(Marker(tag, end, text[tag:after], keys, MarkerKind.NUMERIC))
    if any(c in masked[start:end] for c in _DIGITS):
        for m in _UNICODE.finditer(masked, start, end):
            if m.end() < len(masked) and masked[m.end()].isalnum():
                continue
            if not _citable_after(masked, m.start()):
                continue
            keys = _keys(m.group().translate(_SUPERSCRIPT), numbers)
            if keys:
                found.append(Marker(m.start(), m.end(), m.group(), keys, MarkerKind.NUMERIC))
    for m in _GLUED.finditer(masked, start, end):
        word = _WORD_GLUED.search(masked, max(0, m.start(1) - 40), m.start(1))
        if word is None or word.group(1).casefold() in _NUMBERING_WORDS:
            continue
        closed = masked[m.start() : m.start() + 1] in _CLOSE and m.start(1) - m.start() > 1
        if closed and not _SENTENCE_NEXT.match(masked, m.end(1)):
            continue
        keys = _keys(m.group(1), numbers) or _run(m.group(1), numbers)
        if keys:
            found.append(Marker(m.start(1), m.end(1), m.group(1), keys, MarkerKind.NUMERIC))
    if any(mk.raw[:1] in "0123456789" for mk in found):
        found.extend(_after_figures(masked, start, end, numbers))
    if glued:
        for m in _glued_words(masked, start, end, numbers):
            n = m.group("n")
            found.append(Marker(m.start("n"), m.end("n"), n, (n,), MarkerKind.NUMERIC))
    found.sort(key=lambda mk: mk.start)
    return found
