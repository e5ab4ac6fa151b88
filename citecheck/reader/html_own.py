"""Links of a saved page that name the page's own address before the fragment.

A page saved from its site often has its links into itself made absolute: xml2rfc's RFC
9000 saved from rfc-editor.org writes ``<a href="https://www.rfc-editor.org/rfc/rfc9000.html#fig-auth-cid"
class="xref">7</a>`` for "Figure 7", where the published page wrote ``#fig-auth-cid``.
Read as a link elsewhere, such a cross-reference is a numbered link callout ``[7]`` with
no entry. The page's own address is its ``<link rel="canonical">`` (or ``og:url``) when
it names one; otherwise the address most links with a fragment name, when nearly all of
their fragments are ids of this page (:data:`_LEAST` links at least, :data:`_SHARE` of
them) — links to another document's sections name ids this page rarely has all of. Those
of them that point to a part of the page's structure (a division, section, heading,
figure or table) are rewritten to the bare fragment, so they are read as the
cross-references they are (see :mod:`.html_notes`); those to entries and notes are read
as before.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

_STRUCTURE = frozenset(
    {"div", "section", "article", "figure", "table", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}
)
_LEAST = 10
_SHARE = 0.9


def _base(href: str) -> str:
    return href.split("#", 1)[0]


def own_address(tree: Any, ids: set[str]) -> str | None:
    """The page's own address (scheme, host and path, no fragment), or None."""
    for selector in ('link[rel="canonical"]', 'meta[property="og:url"]'):
        el = tree.css_first(selector)
        value = el.attributes.get("href") or el.attributes.get("content") if el else None
        if value and value.lower().startswith(("http://", "https://")):
            return _base(value.strip())
    hits: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for a in tree.css('a[href*="#"]'):
        href = (a.attributes.get("href") or "").strip()
        if not href.lower().startswith(("http://", "https://")):
            continue
        base, _, frag = href.partition("#")
        seen[base] += 1
        hits[base] += frag in ids
    if not hits:
        return None
    base, count = hits.most_common(1)[0]
    return base if count >= _LEAST and count >= _SHARE * seen[base] else None


def localise_links(tree: Any) -> None:
    """Rewrite, in place, each link of ``tree`` to the page's own address and to a part of
    its structure (a division, section, heading, figure or table: a cross-reference) into
    the bare fragment (``https://…/rfc9000.html#fig-1`` → ``#fig-1``). A link to an entry
    or a note (``<li>``, ``<p>``, ``<dt>``, an inline anchor) is left as it is read."""
    tags = {el.attributes.get("id") or "": el.tag for el in tree.css("[id]")}
    ids = set(tags) | {el.attributes.get("name") or "" for el in tree.css("a[name]")}
    own = own_address(tree, ids)
    if own is None:
        return
    for a in tree.css('a[href*="#"]'):
        href = (a.attributes.get("href") or "").strip()
        frag = href.partition("#")[2]
        if _base(href) == own and tags.get(frag) in _STRUCTURE:
            a.attrs["href"] = "#" + frag
