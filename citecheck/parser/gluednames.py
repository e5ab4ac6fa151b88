"""Entries a PDF conversion glued into one paragraph, in styles that open with full names.

NeurIPS, ICLR and ACM lists open each entry with the authors' full names and close it with
the year: ``…, PMLR, 2019. Jan-Matthias Lueckmann, Jan Boelts, and Jakob Macke.
Benchmarking simulation-based inference. …``. A converter that loses the line breaks
writes a page of such entries as one paragraph. A new entry opens after a full stop where
a run of names follows, closed by a full stop: two names or more (``A B, C D, and E F.``,
``A B and C D.``), or one with an initial (``Christian P Robert.``). A capitalised title
of one name's shape (``Deep Learning.``) opens nothing, but after a year in a paragraph
that holds two such entries already.
"""

from __future__ import annotations

import re

from citecheck.model import Block, BlockKind
from citecheck.text.recache import lazy

# A given name ("Jan-Matthias", "Jan- Matthias" with a converter's broken hyphen) or
# initials ("H.W."), then the other names.
_UP = r"[^\W\d_a-zß-ÿ]"  # a capital of any Latin script ("Öcal")
_WORD = rf"(?:{_UP}[\w’']*(?:-\s?{_UP}[\w’']*)*|(?:{_UP}\.){{1,3}})"
_PART = rf"(?:{_UP}\.?|{_UP}[\w’'-]+|(?:van|von|de|der|den|del|della|da|di|du|la|le)(?=\s))"
# Not a name: a venue or a title's first word ("In C. Cortes, …, editors").
_NOT = r"(?!(?:In|The|A|An|On|Of|For|To|And|Proceedings|Advances|Journal|Editors?)\b)"
_NAME = rf"{_NOT}{_WORD}(?:\s+{_PART}){{0,2}}\s+{_UP}[\w’'-]+"
_INITIAL = r"\s[A-Z]\.?\s"
_NAMES = rf"(?P<names>{_NAME}(?:,\s+{_NAME})*(?:,?\s+and\s+{_NAME}|,\s+et\s+al)?)\.\s+[A-Z]"
_AFTER_YEAR = lazy(r"(?:1[5-9]|20)\d\d[a-z]?$")
_START = lazy(rf"(?<=[\w).])\.\s+(?={_NAMES})")
_NEXT = lazy(rf"\s+(?={_NAMES})")
# Only a long paragraph can be a page of glued entries.
_LONG = 400


def split_glued_names(item: Block, source: str) -> list[Block]:
    """Split a reference-list paragraph of glued full-name entries into one block per
    entry (offsets into ``source``); ``[item]`` when it holds one entry."""
    if item.end - item.start < _LONG:
        return [item]
    found = list(_START.finditer(source, item.start, item.end))
    starts = [m.start("names") for m in found if _several(m.group("names"))]
    # In a page that surely glues such entries, one name after a year opens one too
    # ("…, 2019. Troels Pedersen. Stochastic multipath model …").
    if len(starts) >= 2:
        lone = [m.start("names") for m in found if _AFTER_YEAR.search(source, 0, m.start())]
        starts = sorted(set(starts) | set(lone))
    if not starts:
        return [item]
    out: list[Block] = []
    begin, content = item.start, item.content_start
    for s in starts:
        end = len(source[begin:s].rstrip()) + begin
        out.append(Block(BlockKind.ITEM, begin, end, content, section=item.section))
        begin = content = s
    out.append(Block(BlockKind.ITEM, begin, item.end, begin, section=item.section))
    return out


def _several(names: str) -> bool:
    """Whether a run of names is surely authors: two or more, or one with an initial."""
    return "," in names or " and " in names or bool(re.search(_INITIAL, f" {names} "))


def opens_glued_entry(source: str, at: int) -> bool:
    """Whether a glued full-name entry opens after the blanks at ``at`` (where an entry
    that :func:`split_glued_names` cut ends)."""
    m = _NEXT.match(source, at)
    return m is not None and _several(m.group("names"))
