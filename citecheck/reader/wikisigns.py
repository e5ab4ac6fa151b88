"""Whether a plain text is wikitext: in its first 64 KiB, a ``<ref>``, a note template
(``{{הערה|…}}``, ``{{refn|…}}``) or a citation template (``{{cite …}}``, ``{{sfn|…}}``,
``{{harvnb|…}}``), and at least two other signs of MediaWiki's markup (``== Heading ==``
lines, ``[[links]]``, ``'''bold'''``, ``{{reflist}}``). See :mod:`.wikitext`."""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

__all__ = ["is_wikitext"]

_REF_SIGN = lazy(
    r"<ref[\s>/]|\{\{\s*(?:[Cc]ite\s|[Cc]itation\s*\||[Ss]fnp?\s*\||[Hh]arv|הערה\s*\||[Rr]efn\s*\|)"
)
_SIGNS = (
    lazy(r"^={2,6}[^=\n]+={2,6}[ \t]*$", re.M),
    lazy(r"\[\[[^\[\]\n|]+(?:\|[^\[\]\n]*)?\]\]"),
    lazy(r"'''[^'\n]+'''"),
    lazy(r"\{\{\s*(?:[Rr]eflist|[Rr]eferences|[Ii]nfobox|[Ss]hort description)|<references"),
)


def is_wikitext(text: str) -> bool:
    """Whether a plain text is wikitext (see the module's docstring)."""
    head = text[:65536]
    if _REF_SIGN.search(head) is None:
        return False
    return sum(1 for sign in _SIGNS if sign.search(head)) >= 2
