"""Links that cite by their look: an answer engine's citation pill (ChatGPT's
``<span data-testid="webpage-citation-pill">``), found on the link or the two elements
around it, and a chip that names its site and points at a passage of the page with a text
fragment (``#:~:text=``, the WICG Scroll-to-Text-Fragment syntax) as a deep-research report
saved as the page's HTML writes them. The HTML reader records such a link's address as
cited."""

from __future__ import annotations

import re
from typing import Any

from citecheck.text.recache import lazy

__all__ = ["pill"]

# A chip's label: a site's name (``politico.eu``, ``en.wikipedia.org``), with the count of
# further sources a chip may add (``srf.ch +2``).
_SITE = lazy(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\s*\+\d{1,2})?$", re.I)
_TEXT_FRAGMENT = "#:~:text="


def pill(a: Any, label: str, href: str) -> bool:
    """Whether a link is an answer engine's citation pill (ChatGPT's
    ``<span data-testid="webpage-citation-pill">``), by itself or the two elements around it;
    or a chip that names its site and points at a passage of the page (a deep-research
    report saved as the page's HTML: ``<span class="ms-1 inline-flex …"><a
    href="https://…#:~:text=…">politico.eu</a></span>``)."""
    if _TEXT_FRAGMENT in href and _SITE.match(label):
        return True
    el = a
    for _ in range(3):
        if el is None:
            return False
        if "citation" in (el.attributes.get("data-testid") or ""):
            return True
        el = el.parent
    return False
