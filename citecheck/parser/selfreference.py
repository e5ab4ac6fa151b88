"""Sentences in which a document speaks of itself, not of the world: no claims.

A pointer to the document's own figure or table (``Figure 1 depicts these
relationships.``, ``Table 2 lists the hyper-parameters …``) and a change log's account of
edits to the document (RFC 8446's ``References have been updated to point to the updated
versions of RFCs``) state nothing a reader could ask the source of.
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

_POINTER = lazy(
    r"^(?:as\s+)?(?:figure|fig\.|table|chart|diagram|graph|plate|exhibit|listing|box)\s*"
    r"[A-Z]?\d+[a-z]?(?:\.\d+)*\s+(?:below\s+|above\s+)?(?:depicts|shows|illustrates|presents"
    r"|summari[sz]es|plots|lists|gives|compares|displays|outlines|sketches|visuali[sz]es"
    r"|details|contains|sets\s+out)\b",
    re.I,
)
_EDITED = lazy(
    r"^(?:the\s+)?(?:references|citations|sections?|terminology|examples?|figures|tables"
    r"|appendix|appendices|(?:this|the)\s+(?:document|draft|specification|memo|version|text))"
    r"\s+(?:has|have)\s+been\s+(?:updated|revised|clarified|reorganized|reorganised"
    r"|rewritten|corrected|expanded|renamed|moved|removed|added|split|merged|restructured)\b",
    re.I,
)


def pointer(sentence: str) -> bool:
    """Whether a sentence points at the document's own figure or table (``Figure 1 depicts
    these relationships.``) or tells what was edited in the document itself (a change
    log's ``References have been updated to …``): the document speaking of itself."""
    return bool(_POINTER.match(sentence) or _EDITED.match(sentence))
