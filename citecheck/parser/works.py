"""Lists of a person's works: titles, not claims.

A biography on a wiki lists what its subject made under a heading of its own: "Selected
bibliography", "Works", "Publications", "Discography", "Filmography", "Patents", in
English or in the language of the page ("Werke", "Œuvres", "Obras", "Сочинения",
"作品"). Each item of such a list names a work (``Accelerated C++, Addison-Wesley, 2000``,
``Is Abstraction Good? JOOP 11(2): 66-69 (1998)``), often with the work's own summary in
quotation marks; none states a fact a reader would ask the source of, and Wikipedia's
verifiability policy (WP:V, "Lists of works") takes the work itself as the source of its
listing. The items of such a section, and of the sections under it, are no claims; its
paragraphs still are ("His first novel sold a million copies.").
"""

from __future__ import annotations

import re

from citecheck.model import Block, BlockKind
from citecheck.text.recache import lazy

_QUALIFIER = r"(?:(?:selected|select|major|main|principal|notable|partial|complete|other)\s+)?"
_ENGLISH = (
    r"works|writings|publications|bibliography|books|papers|articles|essays|novels"
    r"|poems|poetry|plays|patents|discography|filmography|videography|albums|singles"
    r"|compositions|recordings|list\s+of\s+works|works\s+and\s+publications"
    r"|published\s+works|scholarly\s+works|journal\s+articles|books\s+and\s+articles"
)
_OTHER = (
    r"werke|schriften|veröffentlichungen|publikationen|werkverzeichnis|diskografie"
    r"|filmografie|auswahl|œuvres|oeuvres|publications\s+principales|discographie"
    r"|filmographie|obras|publicaciones|discografía|filmografía|obra|opere|pubblicazioni"
    r"|discografia|filmografia|publicações|werken|publicaties|verk|skrifter|труды"
    r"|сочинения|публикации|библиография|дискография|фильмография|избранные\s+труды"
    r"|作品|著作|著書|作品リスト|主な作品|主な著作|ディスコグラフィ|フィルモグラフィ"
    r"|出演作品|作品列表|著作列表|主要作品|作品集"
)
_TITLE = lazy(
    rf"^[#*_\s]*(?:\d+(?:\.\d+)*\.?\s+)?{_QUALIFIER}(?:{_ENGLISH}|{_OTHER})"
    r"(?:\s*\((?:selected|selection|partial|sélection|auswahl|selección)\))?"
    r"(?:\s*\{#[^}]*\})?[*_\s.:]*$",
    re.I,
)


def works_title(text: str) -> bool:
    """Whether a heading's text (at most 60 characters) names a list of works."""
    return len(text) <= 60 and bool(_TITLE.match(text))


def works_item(block: Block, text: str, level: int | None) -> tuple[int | None, bool]:
    """Follow the headings of a list of works: returns the rank of the works heading now
    open (None when none is) and whether ``block`` is an item of it (no claim).

    ``level`` is what the previous call returned; a heading of the same or a higher rank
    closes the list, a deeper one (``### Books``, ``#### 1999``) stays inside it."""
    if block.kind is BlockKind.HEADING:
        rank = block.level or 1
        if level is not None and rank <= level:
            level = None
        title = text[block.content_start : block.end].strip().split("\n")[0]
        if level is None and works_title(title):
            return rank, False
        return level, False
    return level, level is not None and block.kind is BlockKind.ITEM
