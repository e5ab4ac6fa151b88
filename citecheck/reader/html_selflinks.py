"""Items of a page's own lists that carry a link to themselves are no notes.

xml2rfc (RFC 7991's HTML output) and the translations and tools that write RFCs its way
give each numbered item of a hanging list an anchor and a link to that anchor, so a reader
can copy its address: ``<dt id="s2.i1"><a href="#s2.i1" class="self">(1)</a></dt>``. The
text refers back to such an item by its label (``case <a href="#s2.i1">(1)</a>``), which
reads like a note's marker. A note never links to itself: it links back to where it is
called (a back-link) or not at all. So a link whose target holds a link to that same
target is a cross-reference to an item of the text, not a call of a note.
"""

from __future__ import annotations

from typing import Any


def links_to_itself(el: Any, ident: str) -> bool:
    """Whether element ``el`` (the target of ``#ident``) holds a link to ``#ident``."""
    return any((a.attributes.get("href") or "").strip() == f"#{ident}" for a in el.css("a[href]"))
