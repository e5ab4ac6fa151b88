"""What an element of an HTML page is: page chrome, code, a block and its kind, a note.

Chrome is what a page shows around its text (navigation, banners, footers, a wiki's edit
links, contents and navigation boxes, maintenance banners, footnote back-links, hidden
elements); it is never read. A note is an item of a list that links of the page point at
(``<li id="cite_note-3">``): in a wiki's ``<ol class="references">`` it is a reference
keyed by its number, anywhere else a footnote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from citecheck.model import BlockKind

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
    | {"footnote-backref", "reversefootnote"}
)
_CHROME_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "doc-backlink"}
)
_CHROME_IDS = frozenset({"toc", "catlinks", "footer", "mw-navigation", "siteSub", "jump-to-nav"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
NOTE_TEXT = re.compile(r"^[\[(]?\s*\^?\s*([\w*†‡§]{1,4}|[A-Za-z]+\s+\d{1,3})\s*[\])]?$")


@dataclass(slots=True)
class Spec:
    """The kind of block an element opens."""

    kind: BlockKind
    level: int = 0
    label: str | None = None
    cell: bool = False
    inner: bool = False  # paragraphs inside it are part of it (a list item, a cell)


@dataclass(slots=True)
class Note:
    """A note a link points at: its marker key, and whether it is a footnote."""

    key: str
    footnote: bool


def chrome(body: Any) -> set[int]:
    """The elements of a page that are chrome (by ``mem_id``), found with one selector."""
    selector = ", ".join(
        ["[hidden]", "[style]"]
        + [f'[role="{r}"]' for r in sorted(_CHROME_ROLES)]
        + [f'[id="{i}"]' for i in sorted(_CHROME_IDS)]
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
    classes = (attrs.get("class") or "").split()
    return (attrs.get("id") or "") in _CHROME_IDS or any(c in _CHROME_CLASSES for c in classes)


SKIP = _SKIP


@dataclass(slots=True)
class Notes:
    """The notes of a page: by the id links point at, and by item (``mem_id``), with the
    number each ``<ol>`` item shows."""

    by_id: dict[str, Note]
    items: dict[int, Note]
    numbers: dict[int, int]


def spec(el: Any, notes: Notes) -> Spec:
    """The block an element opens (a heading, list item, note, cell or paragraph)."""
    tag = el.tag
    if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
        return Spec(BlockKind.HEADING, level=int(tag[1]))
    if tag == "li":
        note = notes.items.get(el.mem_id)
        if note is not None and note.footnote:
            return Spec(BlockKind.FOOTNOTE, label="^" + note.key, inner=True)
        number = notes.numbers.get(el.mem_id)
        label = note.key if note is not None else None if number is None else str(number)
        return Spec(BlockKind.ITEM, label=label, inner=True)
    if tag in ("td", "th", "caption", "figcaption"):
        return Spec(BlockKind.PARAGRAPH, cell=True, inner=True)
    return Spec(BlockKind.PARAGRAPH)


def _numbers(body: Any) -> dict[int, int]:
    """The number each ``<ol>`` item shows (``start`` and ``value`` honoured)."""
    out: dict[int, int] = {}
    for ol in body.css("ol"):
        start = (ol.attributes.get("start") or "1").strip()
        n = int(start) - 1 if start.lstrip("-").isdigit() else 0
        for child in ol.iter():
            if child.tag == "li":
                value = (child.attributes.get("value") or "").strip()
                n = int(value) if value.isdigit() else n + 1
                out[child.mem_id] = n
    return out


def notes(body: Any) -> Notes:
    """Items of notes lists that links of the page point at, keyed as their markers read
    (``[3]``, ``[a]``, ``[note 1]``); the other items of a lettered list by their letter."""
    first: dict[str, str] = {}
    for a in body.css('a[href^="#"]'):
        target = (a.attributes.get("href") or "")[1:]
        if target and target not in first:
            first[target] = " ".join(a.text(deep=True).split())
    numbers = _numbers(body)
    found = Notes({}, {}, numbers)
    lettered: dict[int, Any] = {}
    for li in body.css("li[id]"):
        ident = li.attributes.get("id") or ""
        if ident not in first:
            continue
        parent = li.parent
        classes = (parent.attributes.get("class") or "").split() if parent is not None else []
        m = NOTE_TEXT.match(first[ident])
        key = m.group(1) if m else str(numbers.get(li.mem_id, ident))
        note = Note(key, footnote="references" not in classes)
        found.by_id[ident] = found.items[li.mem_id] = note
        if parent is not None and len(key) == 1 and key.isalpha():
            lettered[parent.mem_id] = (parent, note.footnote)
    for parent, footnote in lettered.values():
        for li in parent.iter():
            n = numbers.get(li.mem_id)
            if li.tag == "li" and li.mem_id not in found.items and n is not None and 0 < n <= 26:
                found.items[li.mem_id] = Note(chr(ord("a") + n - 1), footnote)
    return found
