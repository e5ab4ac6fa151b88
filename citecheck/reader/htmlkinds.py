"""What an element of an HTML page is: page chrome, code, a block and its kind.

Chrome is what a page shows around its text (navigation, banners, footers, a wiki's edit
links, contents and navigation boxes, maintenance banners, footnote back-links, xml2rfc's
pilcrows and its v1 "TOC" boxes back to the contents, hidden elements); it is never read.
An entry that links of the page point at (see :mod:`citecheck.reader.html_notes`) is a
footnote or a keyed reference; cells, captions, table notes and the asides of a section
are read but are never claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from citecheck.model import BlockKind
from citecheck.reader.html_notes import Notes
from citecheck.text.recache import lazy

BLOCKS = frozenset(
    {"address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div"}
    | {"dialog", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5"}
    | {"h6", "hgroup", "hr", "li", "main", "ol", "p", "section", "summary", "table", "tbody"}
    | {"td", "tfoot", "th", "thead", "tr", "ul", "menu", "legend"}
)
_SKIP = frozenset(
    {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "head"}
    | {"svg", "math", "form", "button", "select", "iframe", "object", "pre", "textarea"}
    | {"input", "img", "video", "audio", "canvas", "map"}
)
CODE = frozenset({"code", "kbd", "samp", "tt", "var"})
_CHROME_CLASSES = frozenset(
    {"mw-editsection", "mw-cite-backlink", "navbox", "vertical-navbox", "toc", "mw-jump-link"}
    | {"catlinks", "printfooter", "mw-indicators", "shortdescription", "sistersitebox", "ambox"}
    | {"mw-empty-elt", "sr-only", "visually-hidden", "screen-reader-text", "footnote-back"}
    | {"footnote-backref", "reversefootnote", "pilcrow"}
    # xml2rfc v1's link back to the contents above each section ("TOC")
    | {"TOCbug"}
    # a digitised book's printed page numbers ("[Pg 38]", "[11]"), set in the margin
    | {"pagenum", "pageno"}
)
_CAPTION_CLASSES = frozenset(
    {"caption", "thumbcaption", "wp-caption-text", "figure-caption", "figcaption"}
    | {"table-note", "table-notes", "tablenote", "table-footnote", "table-caption"}
)
_CHROME_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "doc-backlink"}
)
_CHROME_IDS = frozenset({"toc", "catlinks", "footer", "mw-navigation", "siteSub", "jump-to-nav"})
# Parsoid's (the REST API's, mobile HTML's) back-links before a note: ``↑``, ``1 2 3``.
_CHROME_RELS = frozenset({"mw:referencedBy"})
_HIDDEN_STYLE = lazy(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


@dataclass(slots=True)
class Spec:
    """The kind of block an element opens."""

    kind: BlockKind
    level: int = 0
    label: str | None = None
    cell: bool = False
    inner: bool = False  # paragraphs inside it are part of it (a list item, a cell)
    pair: bool = False  # a reference list's ``<dt>`` label: its ``<dd>`` continues it
    owner: int = -1  # the element that opened it (``mem_id``)
    row: bool = False  # a table row that is one entry: its cells are part of it


def chrome(body: Any) -> set[int]:
    """The elements of a page that are chrome (by ``mem_id``), found with one selector."""
    selector = ", ".join(
        ["[hidden]", "[style]"]
        + [f'[role="{r}"]' for r in sorted(_CHROME_ROLES)]
        + [f'[id="{i}"]' for i in sorted(_CHROME_IDS)]
        + [f'[rel="{r}"]' for r in sorted(_CHROME_RELS)]
        + [f".{c}" for c in sorted(_CHROME_CLASSES)]
    )
    found = set()
    for el in body.css(selector):
        style = el.attributes.get("style")
        if (style is not None and _HIDDEN_STYLE.search(style)) or _marked(el):
            found.add(el.mem_id)
    return found


def _marked(el: Any) -> bool:
    attrs = el.attributes
    if "hidden" in attrs or (attrs.get("role") or "") in _CHROME_ROLES:
        return True
    if (attrs.get("rel") or "") in _CHROME_RELS:
        return True
    classes = (attrs.get("class") or "").split()
    return (attrs.get("id") or "") in _CHROME_IDS or any(c in _CHROME_CLASSES for c in classes)


SKIP = _SKIP


def aside_of_text(el: Any) -> bool:
    """An ``<aside>`` inside a section of the text (xml2rfc's notes), not beside it."""
    parent = el.parent
    while parent is not None and parent.tag not in ("body", "html"):
        if parent.tag == "section":
            return True
        parent = parent.parent
    return False


# Blocks that are never claims: cells, captions, notes beside the text, and the terms of
# a definition list (an IANA template's "Reference:", "Notes:").
_CELLS = frozenset({"td", "th", "caption", "figcaption", "aside", "dt"})


def spec(el: Any, notes: Notes) -> Spec:
    """The block an element opens (a heading, list item, note, cell or paragraph)."""
    tag = el.tag
    if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
        return Spec(BlockKind.HEADING, level=int(tag[1]))
    note = notes.items.get(el.mem_id) or notes.pairs.get(el.mem_id)
    if note is not None and note.footnote:
        return Spec(BlockKind.FOOTNOTE, label="^" + note.key, inner=True)
    if tag == "li":
        number = notes.numbers.get(el.mem_id)
        label = note.key if note is not None else None if number is None else str(number)
        return Spec(BlockKind.ITEM, label=label, inner=True)
    if note is not None and tag == "tr":
        return Spec(BlockKind.ITEM, label=note.key, inner=True, row=True)
    if note is not None:
        return Spec(BlockKind.ITEM, label=note.key, inner=True, pair=el.mem_id in notes.pairs)
    if tag in _CELLS or _caption(el) or _image_caption(el):
        return Spec(BlockKind.PARAGRAPH, cell=True, inner=True)
    return Spec(BlockKind.PARAGRAPH)


def _image_caption(el: Any) -> bool:
    """A paragraph that captions an image with no class to say so: the container holds a
    lone image (a paragraph or link with an image and no text) and then this paragraph, or a
    wrapper holding only it, and nothing else (readability's and many converters' output of
    a wiki thumbnail: ``<div><p><a><img></a></p><div><p>The kiwi…</p></div></div>``)."""
    if el.tag not in ("p", "div"):
        return False
    node = el
    for _ in range(2):
        parent = node.parent
        if parent is None:
            return False
        kids = list(parent.iter())
        if len(kids) == 2 and kids[1].mem_id == node.mem_id and _lone_image(kids[0]):
            return True
        if len(kids) != 1:
            return False
        node = parent
    return False


def _lone_image(el: Any) -> bool:
    """An image, or an element holding an image and no text."""
    if el.tag == "img":
        return True
    return el.css_first("img") is not None and not el.text(deep=True).strip()


def _caption(el: Any) -> bool:
    """A caption or table note written as a division or paragraph with its class."""
    classes = el.attributes.get("class")
    return bool(classes) and any(c.lower() in _CAPTION_CLASSES for c in classes.split())
