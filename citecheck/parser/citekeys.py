"""Citation keys of Pandoc and LaTeX: ``[@vaswani2017; @kaplan2020, p. 4]``, ``[see
@fedus2021, ch. 2]``, in-text ``@brown2020 [p. 12]``, ``\\cite{devlin2019}``.

A source written for Pandoc or LaTeX cites by the key of a bibliography entry; the entries
themselves are often in a ``.bib`` file beside it, which a checker of the one file does not
see. So a key is read as a citation only when the document's own list matches it: an entry
with that key or label (``[vaswani2017]``), or an entry whose first author and year the key
spells (``vaswani2017attention`` names Vaswani, 2017, as Google Scholar and Zotero's Better
BibTeX write keys). When one key of the document matches, every key is read, and one that
matches nothing is a dangling citation; when none matches, the keys are left alone (never a
placeholder or a malformed citation).

A converter of LaTeX that drops ``\\cite`` leaves the raw keys in brackets
(``[olah2017feature,2019ApJ...887..251W]``, ``[Doorenbos+2024]``): a group is read when every
item is a key, one at least has a key's shape (a name and a year, an ADS bibcode) and none is
a cross-reference label (``[fig:bpt]``); with no list in the document, these keys are read
anyway, as citations of a list that is missing.

A Jekyll post written for jekyll-scholar cites with Liquid tags: ``{% cite key %}``,
``{% cite key1 key2 %}``, ``{% cite key --file refs -l 12 %}``, ``{% reference key %}``; its
list is built by ``{% bibliography %}`` from a ``.bib`` file the post does not hold. The keys
of such a tag (the words before its first option) are read as Pandoc keys are: when the
post's own list matches one of them; otherwise unread-citations says once that they were
not read (:func:`liquid_cites`).

Each key is one marker, at ``@key`` (or the key inside ``\\cite{…}``); keys side by side
form one group, as other markers do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from citecheck.model import Marker, MarkerKind, Reference
from citecheck.parser.authoryear import AuthorYearIndex
from citecheck.parser.markers import normalise_label
from citecheck.parser.pandocbib import Outside, outside_keys
from citecheck.text.recache import lazy

# Pandoc's key: starts with a letter, digit or "_"; inner punctuation allowed (``@doe:2006``).
_KEY = r"[\w](?:[\w:.#$%&+?<>~/-]*\w)?"
_BRACKET = lazy(r"\[([^\[\]\n]{0,300}?(?<![\w.])-?@" + _KEY + r"[^\[\]\n]{0,300}?)\]")
_AT = lazy(r"(?<![\w.@])-?@(" + _KEY + r")")
_IN_TEXT = lazy(r"(?<![\w.@\[;])@(" + _KEY + r")(?!\w)")
# jekyll-scholar's Liquid tags: ``{% cite a b --file refs %}``, ``{%- reference a -%}``.
_LIQUID = lazy(
    r"\{%-?[ \t]*(?:cite|citation|reference|cite_details)[ \t]+([^%\n]{1,400}?)[ \t]*-?%\}"
)
_LIQUID_KEY = lazy(r"[^\s\"']+")
_CITE = lazy(r"\\(?:no)?cite[a-zA-Z]*\*?(?:\[[^\]\n]{0,80}\]){0,2}\{([^{}\n]{1,400})\}")
# A converter's rendering of ``\cite{…}``: the raw keys in brackets, ``[olah2017feature]``,
# ``[2019ApJ...887..251W,Doorenbos+2024]``. Read when each item is a key and one at least
# has a key's shape (a name and a year, an ADS bibcode), and none is a cross-reference label.
_RAW_ITEM = r"[A-Za-z0-9][\w.+&\\:'-]{0,80}"
_RAW = lazy(r"\[(" + _RAW_ITEM + r"(?:,[ \t]?" + _RAW_ITEM + r"){0,40})\](?![(\[:])")
_RAW_LIKE = lazy(
    r"^(?:[A-Za-z'-]*[a-z][A-Za-z'-]*[_:+]?(?:19|20)\d\d(?:[A-Za-z_\\]\w*)?"
    r"|(?:19|20)\d\d[A-Za-z&]{2,}[.\w&]{4,})$"
)
_CROSS_REF = lazy(r"^(?:s*sec|fig|tab|eqn?|app|chap|ch|lst|alg|thm|def|lem)[:.]", re.I)
# ``vaswani2017attention``, ``Vaswani_2017``, ``vaswaniEtAl2017``: a surname and a year.
_NAME_YEAR = lazy(r"^([A-Za-z][A-Za-z'-]*?)(?:[_:-]?et_?al)?[_:-]?((?:1[5-9]|20)\d\d)([a-z]?)")


class CiteKeys:
    """Finds the citation keys of a document's blocks and the entries they cite."""

    def __init__(
        self,
        references: list[Reference],
        authoryear: AuthorYearIndex,
        raw_only: bool = False,
        outside: Outside | None = None,
    ) -> None:
        """``raw_only``: read only bracketed raw keys (a document with no list, whose
        Pandoc keys may name a bibliography kept in another file). ``outside``: the keys of
        a document whose bibliography is kept in another file (see
        :mod:`citecheck.parser.pandocbib`): its Pandoc citations are read, their keys
        naming entries of that file, and an in-text ``@key`` only when it is one of these."""
        self.labels: dict[str, Reference] = {}
        for ref in references:
            if ref.key:
                self.labels.setdefault(normalise_label(ref.key), ref)
        self.authoryear = authoryear
        self.raw_only = raw_only
        self.outside = outside

    def entry(self, key: str) -> Reference | None:
        """The listed entry a key names, or None."""
        ref = self.labels.get(normalise_label(key))
        if ref is None and self.authoryear and (m := _NAME_YEAR.match(key)):
            ref = self.authoryear.find(m.group(1), None, False, m.group(2) + m.group(3))
        return ref

    def scan(self, text: str, start: int, end: int) -> list[tuple[int, int, str, bool]]:
        """``(start, end, key, in_text)`` for each key in ``text[start:end]``, in order;
        ``in_text`` for a key that is a word of its sentence (``@brown2020 showed``)."""
        found: list[tuple[int, int, str, bool]] = list(_raw(text, start, end))
        if self.raw_only:
            return found
        if self.outside is not None:
            return sorted(found + outside_keys(text, start, end, self.outside))
        taken: list[tuple[int, int]] = [(s, e) for s, e, _, _ in found]
        for m in _BRACKET.finditer(text, start, end):
            keys = _AT.finditer(text, *m.span(1))
            found.extend((k.start(), k.end(), k.group(1), False) for k in keys)
            taken.append(m.span())
        for m in _CITE.finditer(text, start, end):
            pos = m.start(1)
            for piece in m.group(1).split(","):
                key = piece.strip()
                at = pos + piece.find(key)
                pos += len(piece) + 1
                if key:
                    found.append((at, at + len(key), key, False))
            taken.append(m.span())
        for m in _LIQUID.finditer(text, start, end):
            found.extend(_liquid_keys(m))
            taken.append(m.span())
        for m in _IN_TEXT.finditer(text, start, end):
            if not any(s <= m.start() < e for s, e in taken):
                found.append((m.start(), m.end(), m.group(1), True))
        found.sort()
        return found

    def markers(self, text: str, start: int, end: int) -> list[Marker]:
        """The keys of ``text[start:end]`` as markers: each cites the entry it names, or
        is dangling under its own text (``@key``, ``olah2017feature``)."""
        out: list[Marker] = []
        for s, e, key, in_text in self.scan(text, start, end):
            ref = self.entry(key)
            keys = (ref.key,) if ref is not None and ref.key else (text[s:e],)
            # An in-text key is a narrative callout (see authoryear.narrative); the others
            # are labels of the entries they cite.
            kind = MarkerKind.AUTHOR_YEAR if in_text else MarkerKind.LABEL
            out.append(Marker(s, e, text[s:e], keys, kind))
        return out

    def matches(self, text: str) -> bool:
        """Whether some key of the whole text names an entry of the list."""
        if any(self.entry(k) is not None for _, _, k, _ in _raw(text, 0, len(text))):
            return True
        if any(self.entry(m.group(1)) is not None for m in _AT.finditer(text)):
            return True
        if any(
            self.entry(key) is not None
            for m in _LIQUID.finditer(text)
            for _, _, key, _ in _liquid_keys(m)
        ):
            return True
        return any(
            self.entry(key.strip()) is not None
            for m in _CITE.finditer(text)
            for key in m.group(1).split(",")
        )


def liquid_cites(text: str) -> list[tuple[int, int]]:
    """The spans of jekyll-scholar's citing Liquid tags in ``text`` (``{% cite key %}``,
    ``{% reference key %}``), in order."""
    if "{%" not in text:
        return []
    return [m.span() for m in _LIQUID.finditer(text) if any(_liquid_keys(m))]


def _liquid_keys(m: re.Match[str]) -> Iterator[tuple[int, int, str, bool]]:
    """The keys of a Liquid citing tag: its words up to the first option (``--file``,
    ``-l``), each ``(start, end, key, False)``."""
    for k in _LIQUID_KEY.finditer(m.string, *m.span(1)):
        if k.group().startswith("-"):
            return
        yield k.start(), k.end(), k.group(), False


def _raw(text: str, start: int, end: int) -> Iterator[tuple[int, int, str, bool]]:
    """The keys of bracketed raw key groups (``[olah2017feature,2019ApJ...887..251W]``)."""
    for m in _RAW.finditer(text, start, end):
        items = m.group(1).split(",")
        keys = [i.strip() for i in items]
        if any(_CROSS_REF.match(k) for k in keys) or not any(_RAW_LIKE.match(k) for k in keys):
            continue
        if start and text[m.start() - 1 : m.start()].isalnum():
            continue  # glued to a word: an index, not a citation
        pos = m.start(1)
        for item in items:
            key = item.strip()
            at = pos + item.find(key)
            pos += len(item) + 1
            yield at, at + len(key), key.replace("\\_", "_"), False
