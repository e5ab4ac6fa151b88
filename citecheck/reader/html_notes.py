"""Where the links of a page into itself point: notes, footnotes and listed references.

A link into the document (``<a href="#fn3">``, ``<a href="#cite-smith">``, a wiki's
``#cite_note-3``, ``data-type="noteref"``, ``role="doc-noteref"``, xml2rfc's
``class="cite xref"``) cites the element its ``href`` names when that element is an entry:
a list item, paragraph or division (``li``, ``p``, ``div``, ``dt``, ``dd``), or the entry
that opens with an inline anchor (``<span id>``, ``<a name>``). Headings, sections, figures,
tables and equations are not entries, and a link that points back to where it stands (a
footnote's back-link, a paragraph's pilcrow) cites nothing. In a wiki's
``<ol class="references">`` and a spec's ``<dl>`` of labels (xml2rfc's
``<dl class="references">``, rfc2629.xslt's ``<dt id>[LABEL]</dt>``: a label, then its
``<dd>``) the entries are references keyed by their number or label; any other
entry is a footnote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from citecheck.reader.html_entries import LEAD, entry
from citecheck.reader.html_selflinks import links_to_itself
from citecheck.reader.html_speclists import label_groups, labelled_lists
from citecheck.text.recache import lazy

# A note's marker: ``[3]``, ``[a]``, ``[^1]``, and a wiki's note groups (``[n 1]``,
# ``[note 1]``, ``[lower-alpha 1]``, ``[list 1]``, ``[‡ 1]``) in any language (``[Anm. 1]``,
# ``[註 1]``, ``[прим. 1]``).
NOTE_TEXT = lazy(
    r"^[\[(]?\s*\^?\s*([\w*†‡§]{1,4}|(?:[A-Za-z][A-Za-z-]*\.?|[^\W\d_a-zA-Z]{1,12}\.?|[*†‡§])"
    r"\s+\d{1,3})\s*[\])]?$"
)
_CITE_CLASSES = frozenset({"cite", "footnote-ref", "footnoteref", "noteref", "citation"})
_NOTEREF = frozenset({"doc-noteref", "doc-biblioref", "noteref", "biblioref"})
# A link into the page written with the page's own name before the fragment: Parsoid's
# (the Wikipedia REST API's, its mobile HTML's, Kiwix's) ``./Dog#cite_note-3``. Relative,
# in the same folder, with no scheme, path or query.
_OWN_PAGE = lazy(r"^(?:\./)?[^/:?#\s]*#(.+)$")


@dataclass(slots=True)
class Note:
    """An entry a link points at: its marker key, whether it is a footnote, and whether its
    key is a label (xml2rfc's ``[AEBounds]``) that a link cites whatever its shape."""

    key: str
    footnote: bool
    label: bool = False
    bundles: tuple[str, ...] = ()  # the keys a bundled entry holds (a wiki's ``[list 1]``)


@dataclass(slots=True)
class Notes:
    """The entries of a page: by the id links point at and by block element (``mem_id``),
    the number each ``<ol>`` item shows, the ``<dt>`` labels of reference lists whose
    ``<dd>`` is the rest of their entry, and the bundled entries (by ``mem_id``), which are
    read as the markers they hold, not as entries."""

    by_id: dict[str, Note]
    items: dict[int, Note]
    numbers: dict[int, int]
    pairs: dict[int, Note]
    bundles: set[int] = field(default_factory=set)


def fragment(href: str) -> str | None:
    """The id a link into the page names: ``#cite_note-3``, and the ``./Dog#cite_note-3``
    of a page that writes its own name before the fragment (Parsoid). ``None`` for a link
    elsewhere. Whether the id is one of this page's is for the caller to look up."""
    href = href.strip()
    if href.startswith("#"):
        return href[1:] or None
    m = _OWN_PAGE.match(href)
    return m.group(1) if m else None


def citing(a: Any) -> bool:
    """Whether a link says by its markup that it is a citation or a note reference: by
    its role, type or class, or by holding the cited work's name in a ``<cite>``
    (rfc2629.xslt's ``<a href="#RFC7234"><cite title="…">RFC 7234</cite></a>``)."""
    attrs = a.attributes
    if a.css_first("cite") is not None:
        return True
    if (attrs.get("role") or "") in _NOTEREF:
        return True
    if (attrs.get("data-type") or attrs.get("epub:type") or "") in _NOTEREF:
        return True
    return any(c.lower() in _CITE_CLASSES for c in (attrs.get("class") or "").split())


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


def _pairs(body: Any) -> dict[int, Note]:
    """The labelled entries of spec reference lists by element (see :mod:`.html_speclists`),
    one note for the elements of each entry."""
    out: dict[int, Note] = {}
    for elements, key in label_groups(body):
        note = Note(key, footnote=False, label=True)
        for mem_id in elements:
            out[mem_id] = note
    return out


def _ids(body: Any, pairs: dict[int, Note]) -> set[str]:
    """The ids (and ``<a name>``) of the labelled entries of :func:`_pairs`."""
    if not pairs:
        return set()
    out = set()
    for el in body.css("[id], a[name]"):
        if el.mem_id in pairs:
            out.add(el.attributes.get("id") or el.attributes.get("name") or "")
    return out


def _order(body: Any) -> dict[int, int]:
    return {node.mem_id: i for i, node in enumerate(body.traverse())}


def _targets(body: Any, wanted: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for el in body.css("[id], a[name]"):
        ident = el.attributes.get("id") or el.attributes.get("name") or ""
        if ident in wanted and ident not in out:
            out[ident] = el
    return out


def notes(body: Any) -> Notes:
    """Entries that links of the page point at, keyed as their markers read (``[3]``,
    ``[a]``, ``[note 1]``, ``[AEAD]``); the other items of a lettered list by their letter."""
    numbers = _numbers(body)
    pairs = _pairs(body)
    found = Notes({}, {}, numbers, pairs)
    labelled = _ids(body, pairs)  # a link to a listed label cites it whatever its text
    links: dict[str, tuple[Any, str]] = {}
    for a in body.css('a[href*="#"]'):
        target = fragment(a.attributes.get("href") or "")
        text = " ".join(a.text(deep=True).split())
        if not target or target in links:
            continue
        if NOTE_TEXT.match(text) or citing(a) or target in labelled:
            links[target] = (a, text)
    if not links:
        return found
    order = _order(body)
    lettered: dict[int, tuple[Any, bool]] = {}
    held: list[tuple[Any, Note]] = []
    for ident, el in _targets(body, set(links)).items():
        a, text = links[ident]
        if order.get(el.mem_id, -1) <= order.get(a.mem_id, -1):
            continue  # a back-link, or a link inside what it points at
        if el.mem_id in pairs:
            found.by_id[ident] = pairs[el.mem_id]
            continue
        if links_to_itself(el, ident):
            continue  # an item of the text's own list, with its own address (html_selflinks)
        block = entry(el)
        if block is None:
            continue
        note = _note(block, text, numbers)
        found.by_id[ident] = found.items[block.mem_id] = note
        held.append((block, note))
        parent = block.parent
        if block.tag == "li" and parent is not None and len(note.key) == 1 and note.key.isalpha():
            lettered[parent.mem_id] = (parent, note.footnote)
    _bundles(found, held)
    for parent, footnote in lettered.values():
        for li in parent.iter():
            n = numbers.get(li.mem_id)
            if li.tag == "li" and li.mem_id not in found.items and n is not None and 0 < n <= 26:
                found.items[li.mem_id] = Note(chr(ord("a") + n - 1), footnote)
    return found


def _bundles(found: Notes, held: list[tuple[Any, Note]]) -> None:
    """Mark the entries that only bundle others: a wiki's ``<li id="cite_note-X">`` whose
    text is nothing but note markers (``[248][249]``) and its back-link. A marker of such an
    entry cites what it bundles, in place, and the entry is no entry of its own."""
    for block, note in held:
        keys: list[str] = []
        for a in block.css('a[href*="#"]'):
            text = " ".join(a.text(deep=True).split())
            m = NOTE_TEXT.match(text) if text.startswith("[") else None
            if m is None:
                continue  # a back-link (``^``, ``a``) or an ordinary link
            target = found.by_id.get(fragment(a.attributes.get("href") or "") or "")
            if target is note or (target is not None and target.bundles):
                continue
            keys.append(target.key if target is not None else m.group(1))
        if not keys:
            continue
        rest = block.text(deep=True)
        for a in block.css("a"):
            rest = rest.replace(a.text(deep=True), "", 1)
        if rest.strip(" \t\n^*†‡[]()") == "":
            note.bundles = tuple(keys)
            found.bundles.add(block.mem_id)


def _note(block: Any, text: str, numbers: dict[int, int]) -> Note:
    """The note of an entry: keyed as the link reads, else by its number, else its id."""
    parent = block.parent
    classes = (parent.attributes.get("class") or "").split() if parent is not None else []
    footnote = "references" not in classes
    if m := NOTE_TEXT.match(text):
        return Note(m.group(1), footnote)
    if block.mem_id in numbers:
        return Note(str(numbers[block.mem_id]), footnote)
    if m := LEAD.match(block.text(deep=True)):
        return Note(m.group(1), footnote)
    return Note(text, footnote, label=True)


def not_bibliographies(body: Any, heading: re.Pattern[str]) -> set[int]:
    """Headings named like a reference section that head none, in a page whose reference
    lists are marked (:func:`labelled_lists`): "7.4.1. References" about
    cross-references. By ``mem_id``; empty for any other page."""
    lists = {dl.mem_id for dl in labelled_lists(body)}
    if not lists:
        return set()
    found = [
        el for el in body.css("h1, h2, h3, h4, h5, h6, dl") if el.tag != "dl" or el.mem_id in lists
    ]
    out: set[int] = set()
    for i, el in enumerate(found):
        if el.tag == "dl" or not heading.match(" ".join(el.text(deep=True).split())):
            continue
        level = int(el.tag[1])
        holds = False
        for after in found[i + 1 :]:
            if after.tag == "dl":
                holds = True
                break
            if int(after.tag[1]) <= level:
                break
        if not holds:
            out.add(el.mem_id)
    return out
