"""Where an entry's author block ends, for the styles that give no year after it.

``Basso, D. M., Beattie, M. S. & Bresnahan, J. C. A sensitive …`` (inverted names with
initials: the list ends after the last initial), ``Ortiz B, Chen CD. Title`` (Vancouver),
``Botkin, Daniel B. Title`` (one inverted author in full), ``R. Drach, Doron Rotem,
Efficient organization …`` (names and title separated by commas alone: the first piece with
small words), ``Kuhn, Thomas S. “Title.”`` (a quoted title), or the first full stop after
a word that is no initial.
"""

from __future__ import annotations

import re

from citecheck.parser.names import is_initials
from citecheck.text.recache import lazy

# A quoted title, each kind of quote closed by its own mark: ‘Poe: “Gotham” as Urban’.
QUOTED = re.compile(
    r"(?:^|(?<=[\s,.:(]))(?:“\s*(?P<a>.+?)\s*”|\"\s*(?P<b>.+?)\s*\"|«\s*(?P<c>.+?)\s*»"
    r"|‘(?P<d>.+?)’(?!\w)|``(?P<e>.+?)''|„(?P<f>.+?)[“”]|'(?=[A-Z])(?P<g>.+?)'(?=[,.;:]))"
    r"(?=[\s,.;:)]|$)"
)
VANCOUVER = re.compile(
    r"^((?:[^\W\d_][\w'’-]*(?: [\w'’-]+)?\s[A-Z](?:-?[A-Z]){0,3},\s*)*"
    r"[^\W\d_][\w'’-]*(?: [\w'’-]+)?\s[A-Z](?:-?[A-Z]){0,3}(?:,?\s*et\s+al)?)(\.:?|:)\s"
)
# A piece of a comma-separated author list that is a name: "R. Drach", "Doron Rotem",
# "Chen, L." (the caller joins inverted pairs), "S . Louis" (a PDF's stray space).
_NAME_PIECE = lazy(
    r"^(?:(?:[A-Z] ?\.[ -]{0,2}){1,3})?(?:(?:van|von|de|der|den|du|da|di|le|la|al|el)\s)*"
    r"[A-Z][\w'’-]+(?:\s(?:[A-Z]\.|[A-Z][\w'’-]+)){0,3}$"
)
# "Basso, D. M., Beattie, M. S. & Bresnahan, J. C. A sensitive …" (Nature, APA): inverted
# names with initials; the list ends after the last initial, wherever the title starts.
SURNAME = r"(?:(?:van|von|de|der|den|del|della|di|da|du|la|le|dos|al|el|ter|ten)\s)*[A-Z][\w'’-]+"
_INITS = r"[A-Z]\.(?:\s?-?\s?[A-Z]\.)*+"
_INVERTED = lazy(
    rf"^((?:{SURNAME}(?:\s{SURNAME})?,\s{_INITS}(?:[,;]\s(?:&\s|and\s)?|\s(?:&|and)\s))*+"
    rf"{SURNAME}(?:\s{SURNAME})?,\s{_INITS}(?:,?\s+et\s+al\.)?),?"
    r"(?=\s+[A-Z0-9“\"‘])(?!\s+[A-Z]\.)(?!\s+[A-Z][\w'’-]+(?:\.\s|,|\s+and\s+[A-Z]))"
)

# One author, surname first and given name in full, then the title: "Botkin, Daniel B."
_INVERTED_FULL = lazy(
    rf"^({SURNAME},\s+[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?(?:\s[A-Z]\.)*)(?:(?<=\.)|\.)\s+"
    r"(?=[A-Z“\"‘«])(?![A-Z]\.)(?![A-Z][\w'’-]+,)"
)

_LOWER_WORD = lazy(
    r"\b(?!(?:van|von|de|der|den|del|della|di|da|du|la|le|des|dos|das|bin|ibn|al|el|ter|ten"
    r"|et|and|und)\b)[a-z]{3,}\b"
)
_TITLE_WORDS = lazy(r"\b[a-z]{3,}\s+[a-z]{2,}\s+[a-z]{2,}\b")

_END = lazy(r"(?<=[^\s.])[.?!]\s+(?=\S)")
_ABBREV = lazy(r"(?:^|\s)(?:et al|al|ed|eds|vol|no|pp|p|jr|sr|st|dr|inc|ltd|co|mr|ms|vs)$", re.I)


def sentence_end(text: str, start: int = 0, names: bool = False) -> int:
    """Where the first sentence of ``text[start:]`` ends: the index of its full stop
    (``len(text)`` when none). A stop after an initial or an abbreviation is no end; with
    ``names``, a stop after an initial never ends."""
    for m in _END.finditer(text, start):
        before = text[start : m.start()].rsplit(None, 1)
        word = before[-1] if before else ""
        if _ABBREV.search(" " + word):
            continue
        short = len(word.replace(".", "").replace("-", "")) <= 3
        if (names or short) and is_initials(word.strip(".,")) and text[m.start()] == ".":
            continue
        return m.start()
    return len(text)


def authors_end(text: str) -> int:
    """Where the names at the head of ``text`` end (an entry with no year after them)."""
    if (m := VANCOUVER.match(text)) and (
        "," in m.group(1) or ":" in m.group(2) or re.search(r"\s[A-Z]{2,4}$", m.group(1))
    ):
        return m.end(1)
    if (m := _INVERTED.match(text)) and "," in m.group(1):
        return m.end(1)
    if m := _INVERTED_FULL.match(text):
        return m.end(1)
    end = sentence_end(text, names=True)
    if (q := QUOTED.search(text)) and q.start() < end:
        end = q.start()
    return _comma_names(text, end)


def _comma_names(text: str, end: int) -> int:
    """Names and title separated by commas alone (``R. Drach, Doron Rotem, Efficient
    organization of …``): the names end before the first piece that reads as no name."""
    at = 0
    initials_first = bool(re.match(r"(?:[A-Z] ?\.[ -]{0,2})+[A-Z][\w'’-]+", text))
    pieces = re.split(r"(,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*)", text[:end])
    for k in range(0, len(pieces), 2):
        piece = pieces[k].strip()
        ok = (
            _NAME_PIECE.match(piece)
            or is_initials(piece)
            or re.fullmatch(r"et\s+al\.?|others|jr\.?|[-—–_]{2,}\.?", piece, re.I)
        )
        if k and (
            (not ok and (_LOWER_WORD.search(piece) or ":" in piece or len(piece.split()) > 4))
            or (initials_first and not re.match(r"[A-Z]\s?\.", piece) and not ok_tail(piece))
        ):
            return at
        at += len(pieces[k]) + (len(pieces[k + 1]) if k + 1 < len(pieces) else 0)
    return end


def ok_tail(piece: str) -> bool:
    """``et al.``, ``Jr.`` or a dash: no name, but still the author list."""
    return bool(re.fullmatch(r"et\s+al\.?|others|jr\.?|[-—–_]{2,}\.?", piece.strip(), re.I))


def before_year(pre: str) -> bool:
    """The text before a year reads as an author block: letters (or a dash standing for
    the previous entry's authors), no quoted title, no run of small words."""
    pre = pre.strip()
    return (
        0 < len(pre) <= 300
        and bool(re.search(r"[^\W\d_]|^[-—–_]{2,}", pre))
        and not re.search(r"[“\"«]|``", pre)
        and not _TITLE_WORDS.search(pre.replace(" et al", ""))
        and not re.search(r"\d", pre)
        and (authors_end(pre) >= len(pre) - 2 or bool(re.match(r"[-—–_]{2,}", pre)))
    )
