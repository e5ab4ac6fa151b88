"""An entry's author block read into names: (surname, given names or initials), in order.

Every style writes names its own way: ``Bloom, N., Han, R., & Liang, J.`` (APA, Harvard,
Nature), ``Mangen, Anne, and Don Kuiken`` (Chicago, MLA: the first name inverted),
``Ortiz B, Chen CD`` (Vancouver), ``N. Bloom, R. Han, and J. Liang`` (IEEE, BibTeX
``plain``), ``Anna Lind and Ben Ross`` (ACM), ``BLOOM N.; HAN R.`` and an organisation
(``World Health Organization``). Particles stay with the surname (``van der Berg``,
``de Roever``, ``al-Khwārizmī``); ``et al.`` ends the list and is reported.
"""

from __future__ import annotations

import re

from citecheck.model import Name
from citecheck.parser.authors import PARTICLES
from citecheck.text.recache import lazy

# A capital letter of an alphabet (CJK characters have no case: they are no initials).
_UP = r"[^\W\d_a-zß-ÿ\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]"
# "A.", "A. B.", "Th.", "J.A", "W.-P.", "M.- C" (dotted); "AB", "J-L" (bare, Vancouver).
_INITIALS = lazy(rf"^(?:{_UP}[a-z]?\.\s*(?:-\s*)?)*{_UP}(?:[a-z]?\.)?$")
_BARE_INITIALS = lazy(rf"^{_UP}{{1,3}}$|^{_UP}-{_UP}$")
_ET_AL = lazy(r",?\s*(?:\bet\s*al\b\.?|\bet\s+alii\b|\band\s+others\b|…|\.\.\.)", re.I)
_EDITORS = lazy(r"\s*[(\[]?\b(?:eds?|editors?|hrsg|hg)\b\.?[)\]]?\s*$", re.I)
_SUFFIX = lazy(r"^(?:jr|sr|ii|iii|iv)\.?$", re.I)
_SPLIT = lazy(r"\s*;\s*|\s*,?\s+(?:and|&|und|et|y|e)\s+|\s*&\s*|\s*,\s*", re.I)
_PARTICLE = lazy(rf"(?:{PARTICLES})$", re.I)
_GROUP_WORD = lazy(
    r"\b(?:of|for|the|and|on|in|association|organi[sz]ation|society|institute|committee|group"
    r"|council|agency|department|ministry|university|office|bureau|foundation|commission"
    r"|centers?|centres?|board|network|consortium|collaboration|team|project|inc|ltd|gmbh"
    r"|corporation|company|world|national|international|federal|union)\b",
    re.I,
)
_CJK = lazy(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def is_initials(piece: str) -> bool:
    """``"A."``, ``"A. B."``, ``"W.-P."``, ``"AB"`` or ``"J.A"``: initials only."""
    piece = piece.strip()
    return bool(piece) and bool(_INITIALS.match(piece) or _BARE_INITIALS.match(piece))


def _given_name(piece: str) -> bool:
    """A given name written out after an inverted surname (``Anne``, ``Mary Jo``,
    ``Anne M.``)."""
    words = piece.split()
    return 0 < len(words) <= 3 and all(
        re.match(rf"^{_UP}[\w'’-]*\.?$", w) and not _GROUP_WORD.fullmatch(w) for w in words
    )


def _one(name: str) -> Name:
    """One name written given-first (``A. B. Surname``, ``Anna van der Berg``) or
    Vancouver-style (``Ortiz BC``)."""
    words = [w for w in name.split() if not _SUFFIX.match(w)] or name.split()
    if not words:
        return Name("")
    if len(words) == 1:
        return Name(words[0])
    if _CJK.search(name) and not any(re.search(r"[A-Za-z]", w) for w in words):
        return Name(" ".join(words))
    # "Ortiz BC", "De Iaco A", "Lipiński J.": surname first, capitals after.
    tail = words[-1].replace(".", "")
    if _BARE_INITIALS.match(tail) and not is_initials(words[0]):
        given: list[str] = []
        while len(words) > 1 and _BARE_INITIALS.match(words[-1].replace(".", "")):
            given.insert(0, words.pop())
        return Name(" ".join(words), " ".join(given))
    # "N. Bloom", "Anna Lind", "Anna van der Berg", "J. del R. Millán".
    i = len(words) - 1
    while i > 0 and _PARTICLE.match(words[i - 1]) and words[i - 1][0].islower():
        i -= 1
    if i == len(words) - 1 and i > 0 and _PARTICLE.match(words[i - 1]) and i > 1:
        i -= 1  # "Van Dyke" after given names: "Anna Van Dyke"
    return Name(" ".join(words[i:]), " ".join(words[:i]))


def is_group(block: str) -> bool:
    """An organisation as author: several words, none an initial, with a word such
    organisations use (``World Health Organization``, ``The RAND Corporation``)."""
    words = block.split()
    return (
        len(words) >= 2
        and "," not in block
        and bool(_GROUP_WORD.search(block))
        and not any(is_initials(w) for w in words)
    )


def split_names(block: str) -> tuple[tuple[Name, ...], bool]:
    """The names of an author block, in order, and whether it ends in ``et al.``.

    ``block`` is the stretch of an entry that names its authors (no year, no title).
    Returns ``((), False)`` for an empty block; never raises.
    """
    block = " ".join(block.split()).strip(" ,;:")
    if not re.search(rf"(?:^|[\s.-]){_UP}\.$", block):
        block = block.rstrip(" .")
    et_al = False
    if m := _ET_AL.search(block):
        et_al, block = True, block[: m.start()].strip(" ,.;:")
    block = _EDITORS.sub("", block).strip(" ,;:")
    block = re.sub(r"^by\s+", "", block, flags=re.I)
    if not block:
        return (), et_al
    if is_group(block) and not re.search(r"\b(?:and|&)\b", block):
        return (Name(block),), et_al
    pieces = [p.strip(" .") if not is_initials(p) else p.strip() for p in _SPLIT.split(block)]
    pieces = [p for p in pieces if p and not _SUFFIX.match(p) and not re.fullmatch(r"[-—–_]+", p)]
    names: list[Name] = []
    i = 0
    while i < len(pieces):
        piece, nxt = pieces[i], pieces[i + 1] if i + 1 < len(pieces) else ""
        # "LEE, C. H." (ACM's capitals): a bare capital surname before dotted initials.
        capitals = "." not in piece and "." in nxt and is_initials(nxt) and is_initials(piece)
        single = len(piece.split()) <= 3 and (capitals or not is_initials(piece))
        if (
            nxt
            and single
            and not _trailing_initials(piece)
            and (
                is_initials(nxt)
                or (_given_name(nxt) and _inverted_first(piece) and (not names or _full(names[-1])))
                or (
                    len(pieces) == 2
                    and len(nxt.split()) == 1
                    and _given_name(nxt)
                    and "." not in piece
                )
            )
        ):
            names.append(Name(piece, nxt))
            i += 2
            continue
        if is_initials(piece) and names and not names[-1].given:
            names[-1] = Name(names[-1].surname, piece)
        elif is_initials(piece) and nxt and not is_initials(nxt) and len(nxt.split()) == 1:
            names.append(Name(nxt, piece))  # "A. B., Surname" split by a stray comma
            i += 1
        elif not is_initials(piece):
            names.append(_one(piece))
        i += 1
    return tuple(n for n in names if n.surname), et_al


def _trailing_initials(piece: str) -> bool:
    """``"Ortiz B"``, ``"Tsuruoka Y."``: a Vancouver name, surname then initials."""
    words = piece.split()
    return len(words) > 1 and bool(_BARE_INITIALS.match(words[-1].replace(".", "")))


def _full(name: Name) -> bool:
    """The name was written inverted with its given name in full (``Batra, Rishtee``): the
    next one-word piece may be inverted too (``Batra, Rishtee, Chandran, Sucharita``)."""
    return bool(name.given) and not is_initials(name.given)


def _inverted_first(piece: str) -> bool:
    """Chicago's and MLA's first author, ``Mangen, Anne, and Don Kuiken``: a one-word
    surname (or one with particles) then a given name, the others written given-first."""
    words = piece.split()
    return len(words) == 1 or all(_PARTICLE.match(w) for w in words[:-1])
