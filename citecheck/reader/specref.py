"""W3C and WHATWG specifications in their source form: Bikeshed (``.bs``) and ReSpec, whose
bibliography the tool builds from the citations.

Bikeshed (https://speced.github.io/bikeshed/) opens a spec with a ``<pre class=metadata>``
block (``Title:``, ``Shortname:``, ``Group:``, ``Status:``, ``Abstract:`` …); ReSpec
(https://respec.org) configures one with a ``respecConfig`` script. Both cite with
``[[KEY]]``, ``[[!KEY]]`` (normative) and ``[[?KEY]]`` (informative, ReSpec), and ReSpec's
``[[[KEY]]]`` (the title as a link); the entries come from the SpecRef database at build
time, or from a ``<pre class=biblio>`` JSON block (Bikeshed) for works it lacks. The
source holds no reference list: each cited key is a reference the tool makes, declared
where it is first cited, as kramdown-rfc's ``{{!RFC2119}}`` is (see :mod:`.ietfmd`).
``[[#id]]`` is a cross-reference to a section of the spec, no citation.

The metadata, ``biblio``, ``anchors`` and ``link-defaults`` blocks are configuration, not
prose: they are blanked in the masked copy and their blocks dropped.
"""

from __future__ import annotations

import re

from citecheck.model import Block, BlockKind
from citecheck.text.recache import lazy

_HEAD = 65536
# Bikeshed's metadata block, with or without quotes round the class.
_METADATA = lazy(r"<pre\s+class\s*=\s*[\"']?metadata\b", re.I)
_RESPEC = lazy(r"\brespecConfig\b")
_CONFIG = lazy(
    r"<pre\s+class\s*=\s*[\"']?(?:metadata|biblio|anchors|link-defaults|ignored-specs)\b"
    r"[^>]*>[\s\S]*?</pre\s*>",
    re.I,
)
_BIBLIO = lazy(r"<pre\s+class\s*=\s*[\"']?biblio\b[^>]*>([\s\S]*?)</pre\s*>", re.I)
# A top-level key of the biblio JSON: two spaces or less of indent (the house style is one).
_BIBLIO_KEY = lazy(r"^[ \t]{0,2}\"([^\"\n]{1,80})\"\s*:\s*\{", re.M)
_TITLE = lazy(r"\"title\"\s*:\s*\"([^\"\n]{1,300})\"")
_CITATION = lazy(
    r"\[\[(\[?)([!?]?)([A-Za-z0-9][\w.\-/+]*)(?:#[^\]\s|]*)?(?:\s+inline)?(?:\|[^\]\n]*)?\]\]"
)


def is_spec_source(text: str) -> bool:
    """Whether ``text`` is the source of a Bikeshed or ReSpec specification."""
    head = text[:_HEAD]
    return bool(_METADATA.search(head) or _RESPEC.search(head))


def spec_citations(
    source: str, masked: str, blocks: list[Block]
) -> tuple[str, list[Block], list[tuple[int, int, str]]]:
    """A Bikeshed or ReSpec source's references and citations (see the module).

    ``source`` is the text as read (an HTML page's markup included: its reader keeps the
    offsets of the source), ``masked`` and ``blocks`` are the reader's. Returns the masked
    text with the configuration blocks blanked, the blocks without theirs and with one
    ``LINKDEF`` block a reference (a ``<pre class=biblio>`` entry, or a cited key at its
    first citation), and the link uses (start, end, key), in character offsets of
    ``source``.
    """
    config = [m.span() for m in _CONFIG.finditer(source)]
    entries: dict[str, Block] = {}
    for m in _BIBLIO.finditer(source):
        keys = list(_BIBLIO_KEY.finditer(source, m.start(1), m.end(1)))
        for k, nxt in zip(keys, [*keys[1:], None], strict=True):
            stop = nxt.start() if nxt is not None else m.end(1)
            title = _TITLE.search(source, k.end(), stop)  # the entry's text: its title
            span = title.span(1) if title is not None else k.span(1)
            entries.setdefault(k.group(1).casefold(), _entry(k.group(1), *span))
    for s, e in config:
        masked = masked[:s] + "".join(c if c == "\n" else " " for c in masked[s:e]) + masked[e:]
    kept = [b for b in blocks if not any(s <= b.start < e for s, e in config)]
    uses: list[tuple[int, int, str]] = []
    for m in _CITATION.finditer(masked):
        if m.group(1) and source[m.end() : m.end() + 1] != "]":
            continue  # ``[[[`` without its third closing bracket: not ReSpec's form
        end = m.end() + (1 if m.group(1) else 0)
        start = m.start()
        fold = m.group(3).casefold()
        entry = entries.get(fold)
        if entry is None:
            entry = entries[fold] = _entry(m.group(3), start, end)
        uses.append((start, end, entry.label or m.group(3)))
    new = sorted(kept + list(entries.values()), key=lambda b: b.start)
    return masked, new, uses


def _entry(key: str, start: int, end: int) -> Block:
    return Block(BlockKind.LINKDEF, start, end, start, label=key)
