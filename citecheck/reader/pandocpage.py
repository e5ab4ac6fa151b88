"""A whole web page converted to Markdown by Pandoc: the article's body, and the page's
furniture around it.

``pandoc -f html -t markdown`` keeps every ``<div>`` of a saved page as a fenced div
(``::: {#sidebar}`` … ``:::``), so the Markdown holds the site's menus, share buttons,
"next post" links, comment forms and sidebars as well as the post. Read as text, the
furniture's sentences are claims and its share links (``facebook.com/sharer``) entries.
A blog or news page marks the post's text itself: schema.org's ``itemprop="articleBody"``
(https://schema.org/articleBody) or the hAtom class ``entry-content``
(http://microformats.org/wiki/hatom), which WordPress and most blog engines write, or
``post-content`` / ``article-body``. When exactly one fenced div is so marked,
:func:`article_only` leaves out of the page's layout every block outside it and blanks its
masked copy there (offsets hold): what stands outside is the page's, not the post's. A page
with no such div, or several, is left as it is.
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

from . import Layout

# A fence line: ``::: {.a .b key="v"}``, ``::: name`` (an opening) or ``:::`` (a closing).
_FENCE = lazy(r"^[ \t]{0,3}(:{3,})[ \t]*(\{[^{}\n]{0,400}\}|[\w-]{1,40})?[ \t]*:*[ \t]*$", re.M)
_BODY = lazy(
    r"""itemprop\s*=\s*["']?articleBody\b|(?:^|[\s{])\.(?:entry-content|post-content|article-body)(?=[\s}])"""
)


def article_span(text: str) -> tuple[int, int] | None:
    """The span of the one fenced div of ``text`` marked as the article's body (see the
    module), from the end of its opening fence to the start of its closing one; None when
    no div, or more than one, is so marked."""
    if ":::" not in text:
        return None
    stack: list[bool] = []  # open divs: whether each is the article's body
    span: tuple[int, int] | None = None
    start = -1
    for m in _FENCE.finditer(text):
        attributes = m.group(2)
        if attributes is not None:
            body = _BODY.search(attributes) is not None
            if body and start >= 0:
                return None  # two bodies: not one post's page
            if body:
                start = m.end()
            stack.append(body)
        elif stack and stack.pop() and span is None:
            span = (start, m.start())
    return span


def article_only(layout: Layout) -> Layout:
    """``layout`` (a Markdown page's) with what stands outside its article's body dropped:
    blocks, links and marks outside the span are left out and the masked copy is blank
    there (line breaks kept). A page with no such span is returned as it is."""
    span = article_span(layout.text)
    if span is None:
        return layout
    s, e = span
    masked = layout.masked
    layout.masked = _blank(masked[:s]) + masked[s:e] + _blank(masked[e:])
    layout.blocks = [b for b in layout.blocks if s <= b.start < e]
    layout.links = [x for x in layout.links if s <= x[0] < e]
    layout.inline = [x for x in layout.inline if s <= x[0] < e]
    layout.anchors = [x for x in layout.anchors if s <= x[0] < e]
    layout.sups = [x for x in layout.sups if s <= x[0] < e]
    return layout


def _blank(part: str) -> str:
    """``part`` written as spaces, its line breaks kept."""
    return re.sub(r"[^\n]", " ", part)
