"""Note markers whose brackets a copy of a web page kept as HTML character references:
``&#91;1&#93;``.

MediaWiki writes each note call as ``<sup class="reference"><a href="#cite_note-1">&#91;1&#93;
</a></sup>``: the brackets are numeric character references (``&#91;`` is U+005B, ``&#93;``
U+005D; HTML's named forms are ``&lbrack;``/``&lsqb;`` and ``&rbrack;``/``&rsqb;``, the
hexadecimal ones ``&#x5B;`` and ``&#x5D;``; WHATWG HTML, "Named character references").
A page text taken from the HTML source without decoding it (a scraper keeping a node's
raw text, a converter to Markdown that leaves character references as they stand:
``[&#91;1&#93;](#cite_note-1)``) keeps the references, and the plain-text and Markdown
readers read ``&#91;1&#93;`` as a word: every note call of the page is left unread and
each sentence it cites reads as uncited, or the page as one with no citations at all.

:func:`decoded_brackets` writes, in the copy the readers parse, each such bracketed label
(one to forty characters with no bracket, markup or line break inside: ``&#91;12&#93;``,
``&#91;noot 1&#93;``, ``&#91;a&#93;``) as the brackets it stands for, at the offset of its
first ``&``; a run of them (``&#91;1&#93;&#91;2&#93;``) is written as one group,
``[1][2]``, and the characters freed after the run are spaces, so every offset after it
holds and a finding falls on the reference's ``&``. A lone ``&#91;`` with no closing
reference on its line (an escaped bracket in prose or code) is left as it stands, as is a
text with none: markup that writes one is never a citation of its own.
"""

from __future__ import annotations

import html
import re

from citecheck.text.recache import lazy

_OPEN = r"&(?:#0*91|#[xX]0*5[bB]|lbrack|lsqb);"
_CLOSE = r"&(?:#0*93|#[xX]0*5[dD]|rbrack|rsqb);"
# One label between escaped brackets: no bracket, markup, entity or line break inside.
_LABEL = rf"{_OPEN}[^\[\]&<>\n]{{1,40}}?{_CLOSE}"
_RUN = lazy(rf"(?:{_LABEL})+")
_ONE = lazy(_LABEL)
_ANY_OPEN = lazy(_OPEN)


def decoded_brackets(text: str) -> str:
    """Return ``text`` (same length) with each run of entity-escaped bracketed labels
    written as its brackets (see the module): ``x.&#91;1&#93;&#91;2&#93; Next`` becomes
    ``x.[1][2]`` then spaces, then `` Next``. A text with no ``&`` is returned as it is."""
    if "&" not in text or not _ANY_OPEN.search(text):
        return text

    def group(m: re.Match[str]) -> str:
        labels = "".join(html.unescape(one.group()) for one in _ONE.finditer(m.group()))
        return labels + " " * (len(m.group()) - len(labels))

    return _RUN.sub(group, text)
