"""Brackets that are not citations, whatever digits or capitals they hold.

Intervals (``[0, 1]``, and ``[256, 480]`` when no entry has either number), arrays of
data (``"IDs": [116, 943]``), bracketed years (``[2019]``), vectors (``[1 0]``), ORCID iDs,
forbidden lines of astronomy (``[O III]``, ``[N2]``), a language model's special tokens (``[CLS]``,
``[EOS]``), media and file-format labels of links
(``[MIDI]``, ``[PDF]``, ``[MP3]``, ``[Listen]``: a book's music files, a listing's
downloads) unless a reference has that label, array sizes and indexes of code and of a spec's
presentation language (``opaque random[46];``, ``byte[0] << 8``), and labels glued to a word
(``remain[s]``), the numbered steps of a derivation (``[P.1]``, ``[S.7]``), optional
elements of an ABNF rule (``LWS = [CRLF] 1*( SP | HT )``,
RFC 5234 section 3.8); CJK text writes no spaces between words, so a marker glued to ideographs
(``参见[RFC6749]的``) is still one.
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy
from citecheck.text.vocab import CJK_RANGES

# Numbers side by side with only blanks between (``[1 1]^T``) are a vector, not a group.
SPACED = lazy(r"\d[ \t]+\d")
ORCID = lazy(r"^\s*\d{4}(?:\s*-\s*\d{3}[\dX]){3}\s*$")
# Forbidden lines of astronomy and ions (``[O III]``, ``[N2]``, ``[S II]``), not keys.
LINE = lazy(r"^(?:H|He|C|N|O|Ne|S|Ar|Fe|Mg|Si|Ca|Na|Cl|Ni)\s?(?:I{1,3}|IV|VI{0,3}|IX|X|\d)$")
# Media and file-format labels: the text of a link to a file (``[<a href="x.midi">MIDI</a>]``)
# or to play or fetch one, never the label of a reference unless the list has that label.
MEDIA = frozenset(
    {
        "MIDI", "MID", "MP3", "MP4", "M4A", "OGG", "WAV", "FLAC", "AAC", "WMA", "WEBM",
        "PDF", "EPUB", "MOBI", "DJVU", "PS", "ZIP", "DOC", "DOCX", "PPT", "PPTX", "XLS",
        "XLSX", "ODT", "RTF", "JPG", "JPEG", "PNG", "GIF", "SVG", "TIFF", "MUSICXML",
        "LISTEN", "AUDIO", "VIDEO", "WATCH", "PLAY", "DOWNLOAD", "SLIDES", "SOUND",
    }
)  # fmt: skip
# The special tokens of a language model's vocabulary (BERT's ``[CLS]`` and ``[SEP]``, a
# decoder's ``[BOS]`` and ``[EOS]``, Llama's ``[INST]``, a multimodal model's image
# placeholder in its prompt templates, ``[IMAGE] Describe the image concisely.``): a paper
# on models writes them in brackets; never the label of a reference unless the list has
# that label.
TOKENS = frozenset(
    {"CLS", "SEP", "MASK", "PAD", "UNK", "BOS", "EOS", "SOS", "EOT", "INST", "/INST", "SYS"}
    | {"IMAGE", "IMG"}
)
# A word character that glues a bracket to a word; CJK script writes no spaces between
# words, so a marker stands glued to its ideographs (``参见[RFC6749]的``).
_CJK = CJK_RANGES
_WORD_CHAR = lazy(rf"(?![{_CJK}])\w")
_IDENT_END = lazy(r"[A-Za-z0-9_']")
_CODE_CLOSE = lazy(r"</(?:var|code|kbd|samp|tt)>$", re.I)
# A chain of subscripts before a bracket: ``A[i]`` (or ``A[1][n 1 −1]``) then ``[0]``; the
# identifier (group 1) and the brackets (group 2).
_CHAIN_BEFORE = lazy(r"(\w+)((?:\[[^\[\]\n]{1,30}\])+)$")
_CHAIN_AFTER = lazy(r"(?:\[[^\[\]\n]{1,30}\])+")
_WORD_BEFORE = lazy(r"\w+$")
_BARE_CHAIN = lazy(r"(?:\[[^\[\]\n]{1,30}\])+$")
# A code identifier written in snake case (``from_square``), never a citation's key.
_SNAKE = lazy(r"\[[a-z]+(?:_[a-z]+)+\]")
_PARTS = lazy(r"\[([^\[\]\n]*)\]")
# Numbers, with the source kind an answer engine names before them (``[web: 11]``).
_NUMBERS_ONLY = lazy(r"^(?i:(?:web|file|image)\s*:)?[\d\s,;–-]+$")
# A one-letter variable before a bracket: ``x[``, `` T[``, ``(A[``; not ``Sitarski[``.
_ONE_LETTER = lazy(r"(?:^|[^\w.'’])[A-Za-z]$")
# An ABNF rule (RFC 5234): a rule name, ``=`` or ``=/``, and its elements; a continuation
# line is indented past the rule name and holds only elements (no sentence).
_ABNF_RULE = lazy(r"[ \t]*[A-Za-z][\w-]*[ \t]+=/?[ \t]")
_ABNF_MORE = lazy(r"[ \t]{8,}[][()*/|%\w\"<>.:;-]+(?:[ \t]+[][()*/|%\w\"<>.:;-]+)*[ \t]*$")
# A callout glued to a word of a sentence, then ``; `` and the sentence going on
# (``studied above[2]; later work``), not a declaration (``opaque random[46];``): three
# words of letters before the bracket (the last of four letters at least, not ``buf``),
# and after it a word of letters and another word.
# The word glued to the bracket may be emphasised or hyphenated (``_boenji-boenji-an_[80];``),
# or an emphasised name (a ship's, a book's: ``met the _Merrimac_[3]; the site``).
_PROSE_BEFORE = lazy(
    r"(?:[A-Za-z]+,?(?:[ \t]+|[ \t]*\n[ \t]*)){2}(?:[_*]{1,2}(?:[a-z]+-)*)?[a-z]{4,}[_*]{0,2}$"
    r"|(?:[A-Za-z]+,?(?:[ \t]+|[ \t]*\n[ \t]*)){2}[_*]{1,2}(?:[a-z]+-)+[a-z]{2,}[_*]{1,2}$"
    r"|(?:[A-Za-z]+,?(?:[ \t]+|[ \t]*\n[ \t]*)){2}[_*]{1,2}[A-Z][a-z]{3,}[_*]{1,2}$"
)
_PROSE_AFTER = lazy(r"[A-Za-z]{2,},?[ \t]+(?:[A-Za-z]{2,}|[A-Z])\b(?![ \t]*[=(\[;])")
_LONG_NUMBER = lazy(r"\d{7}")
_LONE_CAPITAL = lazy(r"^[A-Z](?:/\d{1,2}|\.\d{1,3})?$")
_LEGEND_AFTER = lazy(r"[ \t]+=[ \t]+\w")
_CODE_AFTER = lazy(r"[ \t]*(?:;|<<|>>|[-+*/%&|^]?=(?!=)|[&|^][ \t]*(?:0[xX][\dA-Fa-f]+|\d+)\b)")


def is_math(content: str) -> bool:
    """``[0, 1]`` and other intervals: two numbers and a comma, starting at zero."""
    parts = [p.strip() for p in content.split(",")]
    return len(parts) == 2 and parts[0] == "0" and parts[1].isdigit()


def is_array(content: str) -> bool:
    """A list of values written as an array or a vector (``[-60, -60, -30]``,
    ``[0, 20, 40]``): a group of numbers that holds a negative number or a zero, which no
    citation group does (references are numbered from 1)."""
    parts = [p.strip() for p in content.split(",")]
    if len(parts) < 2 or not all(p.lstrip("-−").isdigit() for p in parts):
        return False
    return any(p[0] in "-−" or int(p) == 0 for p in parts)


_ARRAY_NEAR = lazy(r"\[\s*(?:[-−]\d|0\s*,|\d+(?:\s*,\s*\d+)*\s*,\s*(?:[-−]\d|0\s*[,\]]))")
_NEAR = 120  # characters either side, on the same line, that an array's neighbours stand in


def among_arrays(text: str, start: int, end: int) -> bool:
    """Whether the bracket ``text[start:end]`` stands beside arrays (``… HARD as [-60, -60,
    -30], … and TURN_RIGHT_HARD as [30, 60, 60]``): a value listed with other values, not
    a citation, when a bracket holding a negative number or a zero (:func:`is_array`)
    stands within :data:`_NEAR` characters on its line."""
    lo = max(text.rfind("\n", max(0, start - _NEAR), start) + 1, start - _NEAR)
    hi = text.find("\n", end, end + _NEAR)
    hi = end + _NEAR if hi < 0 else hi
    return any(m.start() != start for m in _ARRAY_NEAR.finditer(text, max(0, lo), hi))


# A member of data or an assignment before the bracket: ``"IDs": ``, ``'sizes': ``,
# ``scales = `` (JSON, RFC 8259 section 4; a Python or TOML value).
_VALUE_BEFORE = lazy(r"(?:[\"'][\w .-]{1,40}[\"'][ \t]*:|\b[A-Za-z_][\w.]{0,40}[ \t]*=)[ \t]*$")


def is_value(text: str, start: int) -> bool:
    """Whether the bracket at ``start`` is the value of a member of a JSON object or of an
    assignment (``"IDs": [116, 943, 234]``, ``sizes = [256, 480]``): an array of data, not a
    citation group. Only a quoted name before ``:`` counts (prose writes "as follows: [3]")."""
    return _VALUE_BEFORE.search(text, max(0, start - 48), start) is not None


def is_interval(content: str, numbers: frozenset[str]) -> bool:
    """A range of values written as an interval (``[256, 480]``, image sizes sampled in
    it; ``[80–350] × [100–600] nm``, a parameter's range; ``[1–300]``, a parameter swept):
    two numbers joined by a comma or a dash, the first below the second, and either the
    first more than twice the highest number of the document's numbered list, or the
    second past twice that number with more than ``_LONGEST_GROUP`` numbers between them.
    A citation group names entries of the list, or, when the list was cut short, numbers a
    little past its end (``[5, 6]`` and ``[5–7]`` after entry [3] are still read, and
    dangle); a citation range spans a handful of entries, never a hundred."""
    parts = [p.strip() for p in _INTERVAL_SEP.split(content)]
    listed = [int(n) for n in numbers if n.isdigit()]
    if len(parts) != 2 or not listed or not all(p.isdigit() for p in parts):
        return False
    low, high = int(parts[0]), int(parts[1])
    if low >= high:
        return False
    ceiling = 2 * max(listed)
    return low > ceiling or (high > ceiling and high - low > _LONGEST_GROUP)


# The most entries a citation range past the list's end is taken to span: wider ranges
# that reach more than twice past the list are a quantity's interval.
_LONGEST_GROUP = 20


_INTERVAL_SEP = lazy(r",|\s*(?:[-‐‑‒–—]|\.\.)\s*")


def is_year(content: str, numbers: frozenset[str]) -> bool:
    """A bracketed year (``[2019]``) that no reference is numbered with."""
    c = content.strip()
    return len(c) == 4 and c.isdigit() and 1500 <= int(c) <= 2100 and c not in numbers


def is_index(text: str, start: int, end: int) -> bool:
    """An array size or index in a spec's presentation language or in code
    (``opaque random[46];``, ``uint8 x[32] = …``, ``byte[0] << 8``, ``mask[0] & 0x0f``):
    the bracket is glued to an identifier and an operator or the statement's end follows
    it. Index zero glued to an identifier (``packet[0]``) is always one: no reference is
    numbered 0. A bracket glued to the last of three words and followed by ``; `` and two
    more words of prose, or by ``;`` that ends the line (an item of a list of prose), is a
    callout (``attention above[2]; later work``)."""
    if legend(text, start, end):
        return True
    if start == 0:
        return False
    if subscript(text, start, end):
        return True
    if not _IDENT_END.match(text[start - 1]):
        return False
    if text[start + 1 : end - 1].strip() == "0":
        return True
    if text.startswith("; ", end) and _PROSE_BEFORE.search(text, max(0, start - 80), start):
        return not _PROSE_AFTER.match(text, end + 2)  # ``shown above[2]; later work …``
    # A list item of prose that ends in its callout and the list's semicolon
    # (``la media armonica di precisione e recupero[24];``).
    closes = text.startswith(";", end) and text[end + 1 : end + 2] in ("", "\n")
    if closes and _PROSE_BEFORE.search(text, max(0, start - 80), start):
        return False
    return bool(_CODE_AFTER.match(text, end, min(len(text), end + 8)))


def too_long(content: str) -> bool:
    """Whether a bracket's numbers have more digits than any list's (seven or more): a range
    of tag numbers or code points (``[1668546817, 1668612095]``), an identifier."""
    return _LONG_NUMBER.search(content) is not None


def symbol(label: str) -> bool:
    """Whether a label no entry holds is one capital, alone or with a fraction (``[O]``,
    ``[C/2]``, ``[B]``): a transcription's symbol (a time signature, a note value), no key;
    or one capital, a full stop and a number (``[P.1]``, ``[S.7]``, ``[A.1]``): a step of a
    derivation numbered by its kind (premise, synthesis, axiom), which the text refers back
    to, as a proof's numbered lines are. No citation style keys an entry so."""
    return _LONE_CAPITAL.match(label) is not None


def legend(text: str, start: int, end: int) -> bool:
    """A legend's symbol: the bracket opens its line and ``=`` and the symbol's meaning follow
    (a transcriber's key to a book's notation, ``[16] = Sixteenth-note (Semiquaver)``)."""
    if not _LEGEND_AFTER.match(text, end, min(len(text), end + 12)):
        return False
    line = text.rfind("\n", 0, start) + 1
    return not text[line:start].strip()


def subscript(text: str, start: int, end: int) -> bool:
    """An index of an array or a sequence in code or mathematics, in any format: a bracket
    glued to a one-letter variable (``x[1]``, ``T[k]``, ``A[i+1]``), or one of a chain of
    subscripts (``A[i][0]``, ``row[j][k]``) where the chain holds an index that is no
    number, or a chain with no name before it that holds a snake-case identifier
    (``indexed by [color][from_square][to_square]``). Citations glued to a word
    (``shortages[2]``, ``audit[1][2]``: common in PDF text that lost its spaces) are left
    alone: their word is longer than one letter and their brackets hold numbers."""
    before = text[start - 1] if start > 0 else " "
    if before == "]":
        chain = _CHAIN_BEFORE.search(text, max(0, start - 60), start)
        if chain is None:  # ``[color][from_square]``: a chain of named indexes, no name
            bare = _BARE_CHAIN.search(text, max(0, start - 60), start)
            return bare is not None and bool(_SNAKE.search(bare.group() + text[start:end]))
        return _indexes(chain.group(1), chain.group(2) + text[start:end])
    if end < len(text) and text[end] == "[" and _IDENT_END.match(before):
        after = _CHAIN_AFTER.match(text, end, min(len(text), end + 60))
        head = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if after is None or head is None:
            return False
        return _indexes(head.group(), text[start:end] + after.group())
    return bool(_ONE_LETTER.search(text, max(0, start - 2), start))


def _indexes(name: str, chain: str) -> bool:
    """Whether a chain of brackets after ``name`` indexes it: ``name`` is one letter, or a
    bracket holds something other than numbers (``[i]``, ``[n−1]``)."""
    if len(name) == 1:
        return True
    return any(not _NUMBERS_ONLY.match(part) for part in _PARTS.findall(chain))


def glued_to_code(text: str, masked: str, start: int) -> bool:
    """A bracket glued to code or a variable that the masked copy blanks
    (``<var>sequence</var>[3]``, ```buf`[0]``) indexes it, as is index zero glued to an
    emphasised variable (``_pair_\\[0]``): ``text`` is the document's, ``masked`` its masked
    copy, ``start`` the offset of the ``[``."""
    if start == 0:
        return False
    before = text[start - 1]
    if (_IDENT_END.match(before) or before == "`") and masked[start - 1].isspace():
        return True
    if before == ">" and _CODE_CLOSE.search(text, max(0, start - 8), start):
        return True  # ``<var>sequence</var>[3]`` in Markdown, its tags kept in the text
    at = start - 1
    while at > 0 and text[at] in "\\_*`":
        at -= 1
    return at < start - 1 and bool(_IDENT_END.match(text[at])) and text[start : start + 3] == "[0]"


def attached(text: str, start: int, end: int, code: bool = False) -> bool:
    """A label glued to a word (``remain[s]``, ``[PO4]3``) is not a citation; with
    ``code``, nor is an index (``T'[n];``) or a bracket inside another (``[[T]]``)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if code and (is_index(text, start, end) or (before == "[" and after == "]")):
        return True
    return bool(_WORD_CHAR.match(before) or _WORD_CHAR.match(after) or after == "(")


def in_abnf(text: str, start: int) -> bool:
    """Whether the bracket at ``start`` stands in an ABNF rule (``LWS = [CRLF] 1*( SP | HT )``)
    or on a continuation line of one, after the ``=``: an optional element, no citation."""
    lo = text.rfind("\n", 0, start) + 1
    rule = _ABNF_RULE.match(text, lo, start)
    if rule is not None:
        return True
    for _ in range(6):  # a continuation: look up through the rule's earlier lines
        hi = text.find("\n", lo)
        line = text[lo : hi if hi >= 0 else len(text)]
        if not _ABNF_MORE.match(line) or lo == 0:
            return False
        lo = text.rfind("\n", 0, lo - 1) + 1
        if _ABNF_RULE.match(text, lo):
            return True
    return False
