"""Reference lists of a spec page written as label and entry.

xml2rfc (RFC 7749, RFC 7991) and rfc2629.xslt write a spec's references as a list of
labels, each with its entry: in HTML a ``<dl>`` (``<dt id="RFC2119">[RFC2119]</dt><dd>
Bradner, S., …</dd>``; v3's ``<dl class="references">``) or, in the older xml2rfc HTML, a
table of two cells a row (v2's ``<td class="reference">``; v1 names no class: ``<tr><td><a
name="RFC2119">[RFC2119]</a></td><td>Bradner, S., …</td></tr>``). ReSpec and Bikeshed
write the W3C's ``<dl>`` the same way (``<dt id="bib-css2">[CSS2]</dt>``); a W3C document
written by hand may leave the label bare (``<dt id="ref-CSS2">CSS2</dt>``) and put the
brackets around the link that cites it (``[<a href="#ref-CSS2">CSS2</a>]``). A term may
hold its anchor instead of being one: pybtex's HTML output as site generators extend it
writes ``<dt><a name="smith2020">[1]</a></dt>`` (an ``<a name>``, HTML 4's anchor, or an
``<a id>``). Each label and its entry are one reference keyed by the label.
"""

from __future__ import annotations

from typing import Any

from citecheck.text.recache import lazy

_LABEL = lazy(r"^\s*\[([^\[\]]{1,60})\]\s*$")


def labelled_lists(body: Any) -> list[Any]:
    """The ``<dl>`` reference lists of a spec: xml2rfc's ``<dl class="references">``, and
    any other ``<dl>`` of two or more terms that all have an anchor (:func:`_anchor`) and are
    all bracketed labels, as rfc2629.xslt, ReSpec, Bikeshed and pybtex write them
    (``<dt id="RFC2119">[<a href="#RFC2119">RFC2119</a>]</dt>``, ``<dt id="bib-css2">[CSS2]
    </dt>``, ``<dt><a name="smith2020">[1]</a></dt>``), or are cited
    as labels: a W3C document written by hand puts the label bare (``<dt id="ref-CSS2">CSS2
    </dt>``) and the brackets around the link that cites it (``[<a href="#ref-CSS2">CSS2
    </a>]``), two of its terms at least cited so."""
    out = []
    bracketed: set[str] | None = None
    for dl in body.css("dl"):
        if "references" in (dl.attributes.get("class") or "").split():
            out.append(dl)
            continue
        terms = [el for el in dl.iter() if el.tag == "dt"]
        if len(terms) < 2 or not all(_anchor(dt) for dt in terms):
            continue
        if all(_LABEL.match(" ".join(dt.text(deep=True).split())) for dt in terms):
            out.append(dl)
            continue
        if bracketed is None:
            bracketed = _bracketed_targets(body)
        if sum(_anchor(dt) in bracketed for dt in terms) >= 2:
            out.append(dl)
    return out


def _anchor(dt: Any) -> str | None:
    """The anchor a term is or holds: its ``id``, else the ``id`` or ``name`` of an element
    inside it (``<dt><a name="smith2020">[1]</a></dt>``); None when it has none."""
    if found := dt.attributes.get("id"):
        return str(found)
    inner = dt.css_first("[id], a[name]")
    if inner is None:
        return None
    return inner.attributes.get("id") or inner.attributes.get("name") or None


def _bracketed_targets(body: Any) -> set[str]:
    """The ids that links into the page written inside square brackets point at
    (``[<a href="#ref-CSS2">CSS2</a>]``)."""
    out = set()
    for a in body.css('a[href^="#"]'):
        before, after = a.prev, a.next
        if before is None or after is None or not (before.is_text_node and after.is_text_node):
            continue
        if (before.text_content or "").endswith("[") and (after.text_content or "").startswith(
            ("]", ",", ";")
        ):
            out.add((a.attributes.get("href") or "")[1:])
    return out


def _label_cells(body: Any) -> list[Any]:
    """The label cells of xml2rfc v1's reference tables (``<tr><td><a name="RFC2119">
    [RFC2119]</a></td><td>Bradner, S., …</td></tr>``, no class to say so): a table of two
    or more rows of two cells whose first cell is a bracketed label that is, or holds, an
    anchor (an ``id`` or ``<a name>``), and no other rows."""
    out = []
    for table in body.css("table"):
        rows = [tr for tr in table.css("tr") if _table_of(tr) == table.mem_id]
        cells = [[td for td in tr.iter() if td.tag in ("td", "th")] for tr in rows]
        firsts = [c[0] for c in cells if len(c) == 2 and _anchored_label(c[0])]
        if len(firsts) >= 2 and len(firsts) == len(rows):
            out.extend(firsts)
    return out


def _table_of(tr: Any) -> int:
    """The ``mem_id`` of the table a row belongs to (-1 for none)."""
    node = tr.parent
    while node is not None and node.tag != "table":
        node = node.parent
    return -1 if node is None else int(node.mem_id)


def _anchored_label(td: Any) -> bool:
    if _LABEL.match(" ".join(td.text(deep=True).split())) is None:
        return False
    return bool(td.attributes.get("id")) or td.css_first("[id], a[name]") is not None


def label_groups(body: Any) -> list[tuple[list[int], str]]:
    """The labels of spec reference lists, each with the elements (``mem_id``) that stand
    for its entry: each ``<dt>`` of a list of :func:`labelled_lists`, and each row of a
    table of label and entry (xml2rfc v2's ``td.reference``, v1's unclassed
    :func:`_label_cells`): the row, the label cell and what in it has an id or a name."""
    out: list[tuple[list[int], str]] = []
    for dl in labelled_lists(body):
        for dt in dl.iter():
            if dt.tag != "dt":
                continue
            text = " ".join(dt.text(deep=True).split())
            m = _LABEL.match(text)
            key = m.group(1).strip() if m else text
            if key:
                out.append(([dt.mem_id, *(el.mem_id for el in dt.css("[id], a[name]"))], key))
    rows: set[int] = set()
    for td in body.css("td.reference") + _label_cells(body):
        m = _LABEL.match(" ".join(td.text(deep=True).split()))
        row = td.parent
        if m is None or row is None or row.tag != "tr" or row.mem_id in rows:
            continue
        rows.add(row.mem_id)
        elements = [row.mem_id, td.mem_id, *(el.mem_id for el in td.css("[id], a[name]"))]
        out.append((elements, m.group(1).strip()))
    return out
