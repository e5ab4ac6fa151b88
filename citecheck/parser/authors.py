"""Who wrote an entry and when: the authors' surnames and the years of a reference.

Entries name their authors in every style: ``Bloom, N., Han, R., & Liang, J. (2024)``
(APA), ``Ross, B. and Moe, C. (2005)`` (Harvard), ``Mangen, Anne, and Don Kuiken. 2014.``
(Chicago), ``Ortiz B, Chen C.`` (Vancouver), ``N. Bloom, R. Han, and J. Liang,`` (IEEE),
``Anna Lind, Ben Ross, and Carl Moe. 1999.`` (ACM), an organisation as author. Surnames
are compared folded: no case, diacritics, particles or punctuation.
"""

from __future__ import annotations

import re
import unicodedata

from citecheck.model import Reference
from citecheck.text.recache import lazy

PARTICLES = (
    "van|von|vom|de|der|den|des|del|della|delle|dei|da|das|dos|di|du|la|le|lo|ten|ter|te"
    "|al|el|bin|ibn|ben|mac|st|d|l"
)
_ENTRY_YEAR = lazy(
    r"(?<![\d/.-])(1[5-9]\d\d|20\d\d)([a-z])?(?![\d/])|\bn\.\s?d\.|\b(forthcoming|in\s+press)\b",
    re.I,
)
_TOKEN = lazy(r"\S+")
_URL_PART = lazy(r"://|doi\.org|10\.\d{4,}/")
# A capital letter of any Latin script (the class leaves out digits, "_" and small letters).
_UP = r"[^\W\d_a-zß-ÿ]"
_INITIALS = lazy(rf"^(?:{_UP}\.?[\s-]*){{1,4}}$")
_TRAILING_INITIALS = lazy(rf"\s{_UP}{{1,3}}$")
# Vancouver names: "Ortiz B, Chen CD, Lee D." ends at the full stop after the last initials.
_VANCOUVER = lazy(
    rf"^((?:[^\W\d_][\w'’ -]*?\s{_UP}{{1,3}},\s+)*[^\W\d_][\w'’ -]*?\s{_UP}{{1,3}})\.\s"
)
# "Marc C. Kennedy and …", "Richard P. Brent. Title": after a given name and an initial the
# surname follows (a capitalised word closed by a comma, "and" or a full stop), so the
# names are not Vancouver's "Ortiz B." with the title after them.
_NAME_GOES_ON = lazy(rf"{_UP}[\w'’-]+(?:,|\.\s|\s+(?:and|&)\s)")
# Where the names of an entry end at the latest: the year, a quoted title, ". 1999."
_AUTHORS_END = (
    lazy(r"\(\s*(?:1[5-9]\d\d|20\d\d|n\.\s?d\.)"),
    lazy(r"[“\"]"),
    lazy(r"(?<=\.)\s+(?:1[5-9]|20)\d\d\b"),
)
_GIVEN = lazy(r"^[A-Z][a-z]+(?:[\s-]+(?:[A-Z]\.?|[A-Z][a-z]+))*$")
_JOINED_PARTICLE = lazy(r"\b(?:al|el|ad|as|an|ash|at|az|d|l)-")
_NAME_SPLIT = lazy(r"[\s’']+")
_PARTICLE = lazy(PARTICLES)
_PARTICLE_ANY_CASE = lazy(PARTICLES, re.I)
_NOT_LETTERS = lazy(r"[\W_]+")
# A full stop after a word of at least two letters, and the word before such a stop.
_WORD_STOP = lazy(r"(?<=\w{2})\.\s")
_STOPPED_WORD = lazy(r"(\S+)\.\s$")
_ET_AL = lazy(r"\bet\s+al\.?")
_NAME_SEPARATOR = lazy(r"\s*;\s*|,?\s+(?:and|&)\s+|\s*,\s*")


def fold(name: str) -> str:
    """The form surnames are compared in: no case, diacritics, particles or punctuation.

    ``"van der Berg"``, ``"Van Der Berg"`` and ``"Berg"`` all give ``"berg"``;
    ``"al-Khwārizmī"`` gives ``"khwarizmi"``.
    """
    plain = unicodedata.normalize("NFKD", name)
    # A dotless "ı" is the "i" a PDF's separate accent sat on ("Mart´ın": Martín).
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold().replace("ı", "i")
    plain = _JOINED_PARTICLE.sub(" ", plain)
    words = [w for w in _NAME_SPLIT.split(plain) if w]
    while len(words) > 1 and _PARTICLE.fullmatch(words[0]):
        words.pop(0)
    return _NOT_LETTERS.sub("", "".join(words))


def _surname(name: str, inverted: bool) -> str:
    """The surname of one author as a list writes it."""
    name = name.strip(" .;:")
    words = name.split()
    if not words:
        return ""
    if inverted or len(words) == 1:
        return name
    # "Ortiz B", "De Iaco A" (Vancouver): surname first, initials after.
    if _INITIALS.match(words[-1]) and words[-1].isupper() and not _INITIALS.match(words[0]):
        return " ".join(w for w in words if not (_INITIALS.match(w) and w.isupper()))
    # "N. Bloom", "Anna Lind", "Anna van der Berg": the surname is last, with its particles.
    i = len(words) - 1
    while i > 0 and _PARTICLE_ANY_CASE.fullmatch(words[i - 1]):
        i -= 1
    return " ".join(words[i:])


def _without_addresses(text: str) -> str:
    """``text`` with each run of non-blanks that holds a web address or a DOI blanked out.
    Token by token, so a long run without blanks is scanned once (a pattern that opened
    with ``\\S*`` went back over the run from each of its characters)."""
    return _TOKEN.sub(lambda m: " " if _URL_PART.search(m.group()) else m.group(), text)


def _author_part(text: str) -> str:
    """The stretch of an entry that names its authors."""
    text = _without_addresses(text)
    m = _VANCOUVER.match(text)
    if m and ("," in m.group(1) or not _NAME_GOES_ON.match(text, m.end())):
        return m.group(1)
    cut = len(text)
    for pattern in _AUTHORS_END:
        if m := pattern.search(text):
            cut = min(cut, m.start())
    # A full stop after a word that is not an initial ends the names (ACM, Chicago, MLA).
    for m in _WORD_STOP.finditer(text[:cut]):
        word = _STOPPED_WORD.search(text[: m.end()])
        if word and word.group(1).casefold() in ("al", "eds", "ed", "jr", "sr"):
            continue
        cut = m.start()
        break
    return text[:cut]


def authors_of(ref: Reference) -> tuple[str, ...]:
    """Folded surnames of an entry's authors, first author first (empty when unknown)."""
    return authors(ref)[0]


def authors(ref: Reference) -> tuple[tuple[str, ...], str]:
    """Folded surnames, and the first author's whole name folded (an organisation's name,
    ``World Health Organization``, is its own surname)."""
    part = _author_part(ref.text).strip(" ,.")
    if not part:
        return (), ""
    part = _ET_AL.sub("", part)
    pieces = [p.strip() for p in _NAME_SEPARATOR.split(part) if p.strip()]
    names: list[str] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        nxt = pieces[i + 1] if i + 1 < len(pieces) else ""
        # "Bloom, N." and "Bloom, Nicholas" (the first author of Chicago and MLA): inverted.
        lone = not _TRAILING_INITIALS.search(piece) and (
            len(piece.split()) == 1 or bool(PARTICLE_START.match(piece))
        )
        initials = bool(_INITIALS.match(nxt)) and not _TRAILING_INITIALS.search(piece)
        if (
            nxt
            and (initials or (not names and lone and _GIVEN.match(nxt)))
            and (len(piece.split()) <= 3)
        ):
            names.append(_surname(piece, inverted=True))
            i += 2
            continue
        if not _INITIALS.match(piece):
            names.append(_surname(piece, inverted=False))
        i += 1
    folded = tuple(f for f in (fold(n) for n in names[:12]) if f)
    return folded, fold(pieces[0]) if pieces else ""


def years(ref: Reference) -> tuple[frozenset[str], frozenset[str]]:
    """The years an entry names (``2020``, ``n.d.``, ``in press`` for a work forthcoming)
    and those written with a letter (``2020a``)."""
    years, letters = set(), set()
    for m in _ENTRY_YEAR.finditer(_without_addresses(ref.text)):
        if m.group(1):
            years.add(m.group(1))
            if m.group(2):
                letters.add(m.group(1) + m.group(2).casefold())
        else:
            years.add("in press" if m.group(3) else "n.d.")
    return frozenset(years), frozenset(letters)


PARTICLE_START = lazy(rf"(?:{PARTICLES})(?:\s|[-’'])", re.I)
