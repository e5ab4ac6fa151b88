"""The element a link into the page stands for (see :mod:`.html_notes`): a list item,
paragraph or division, or the block an inline anchor (``<span id>``, ``<a name>``) opens;
not a heading, figure, table or a digitised book's printed page. A note whose label stands
in a paragraph of its own (a Gutenberg note that quotes a letter: ``<p>[85]</p>`` then the
letter's paragraphs) is its whole division."""

from __future__ import annotations

import re
from typing import Any

from citecheck.text.recache import lazy

_ENTRIES = frozenset({"li", "p", "div", "dt", "dd"})
_INLINE = frozenset({"span", "a", "sup", "cite", "b", "i", "em", "strong", "small", "bdi"})
_NOT_ENTRIES = "h1, h2, h3, h4, h5, h6, section, figure, table, img, math, pre, ol, ul"
# A digitised book's printed page ("Page_38", "Page_xiv", which its contents and index link
# to) is no entry either; a converter's "page-9-2" (an id on page 9) may be.
_NOT_ENTRY_ID = lazy(
    r"^(?:(?:fig(?:ure)?|tab(?:le)?|tbl|eqn?|equation|sec(?:tion)?|chapter|chap|appendix|"
    r"app|algorithm|alg|listing|lst|theorem|thm|lemma|def(?:inition)?|name|toc)"
    r"(?:[-_:.]|\d|$)|(?:page|pg)_?(?:\d+|[ivxlcdm]+)$)",
    re.I,
)
LEAD = lazy(r"^\s*(?:\^\s*)?[\[(]?\s*(\d{1,3})\s*[\].)]?(?:\s|$)")
"""A note's number at the start of its text (``[3]``, ``3.``, ``^ 3``): group 1."""


def entry(el: Any) -> Any | None:
    """The block a link's target stands for, or None when it is not an entry."""
    ident = el.attributes.get("id") or el.attributes.get("name") or ""
    if _NOT_ENTRY_ID.match(ident):
        return None
    block = el
    if el.tag in _INLINE:
        block = el.parent
        while block is not None and block.tag in _INLINE:
            block = block.parent
        if block is None or block.tag not in _ENTRIES or not _opens(block, el):
            return None
    elif el.tag not in _ENTRIES:
        return None
    parent = block.parent
    if block.tag == "p" and parent is not None and parent.tag == "div" and _label_only(block):
        block = parent  # the note goes on in the paragraphs after its label
    if block.tag == "div" and block.css_first(_NOT_ENTRIES) is not None:
        return None  # a division that holds headings, figures or lists is a container
    return block


def _label_only(block: Any) -> bool:
    """Whether a paragraph holds nothing but a note's label (``[85]``): a Gutenberg note
    that quotes a letter in full opens with its label in a paragraph of its own."""
    return bool(_LABEL_ONLY.match(" ".join(block.text(deep=True).split())))


_LABEL_ONLY = lazy(r"^\[?\w{1,4}\]?$")


def _opens(block: Any, anchor: Any) -> bool:
    """Whether an inline anchor opens its block: no text before it but a number."""
    before = []
    for node in block.traverse(include_text=True):
        if node.mem_id == anchor.mem_id:
            break
        if node.is_text_node:
            before.append(node.text_content or "")
    lead = "".join(before).strip()
    return not lead or (bool(LEAD.match(lead + " ")) and len(lead) <= 6)
