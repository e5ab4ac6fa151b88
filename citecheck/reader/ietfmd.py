"""Internet-Drafts written in Markdown: kramdown-rfc's front-matter references and
``{{…}}`` citations, mmark's ``[@…]`` citations and ``<reference anchor>`` elements.

kramdown-rfc (https://github.com/cabo/kramdown-rfc) keeps a draft's reference list in the
YAML front matter, under ``normative:`` and ``informative:``: one key a reference, either
bare (``RFC8446:``, ``I-D.ietf-tls-esni:``, fetched by the tool), an anchor naming one
(``TLS: RFC8446``, ``HTTP11: {=: RFC9112}``), an alias (``RFC7252: coap``, cited as
``{{-coap}}``; or on lines of its own, ``STD90:`` then ``-: json`` and ``=: RFC8259``) or
a mapping of its own (``title:``, ``author:``, ``date:``, ``target:``).
The text cites with ``{{KEY}}``, ``{{!KEY}}`` and ``{{?KEY}}`` (normative and informative,
declaring the reference where the list does not), ``{{!KEY=RFC9457}}``, ``{{-alias}}``,
``{{KEY, Section 4}}`` and ``{{Section 4 of KEY}}``; ``{{some-heading}}`` is a
cross-reference to a section of the draft, no citation.

mmark (https://mmark.miek.nl) cites with ``[@RFC2119]``, ``[@!RFC2119]``, ``[@?RFC…]``,
``[-@…]`` and groups ``[@RFC1; @RFC2]``; RFCs and Internet-Drafts are fetched by the tool,
other works are ``<reference anchor="KEY">`` elements in the back matter.

Each reference becomes a ``LINKDEF`` block labelled with its key (over its front-matter
lines, its ``<reference>`` element, or, for one declared in the text, its first citation);
each citation becomes a link use (start, end, key) of :attr:`Layout.links`.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from citecheck.model import Block, BlockKind
from citecheck.text.recache import lazy

_FRONT_END = lazy(r"^(?:---|\.\.\.)[ \t]*(?:\w+-?[ \t]*)?$", re.M)
_LIST_KEY = lazy(r"(normative|informative)[ \t]*:[ \t]*(?:#.*)?$")
_KRAMDOWN_KEYS = lazy(r"^(?:normative|informative|docname|ipr|submissiontype)[ \t]*:", re.M)
_ENTRY_KEY = lazy(r"""(["']?)([^\s:"'#{}\[\]][^:"'{}\[\]]*?)\1[ \t]*:(?:[ \t]+(.*?))?[ \t]*$""")
_SUB_ALIAS = lazy(r"""[-=][ \t]*:[ \t]+["']?([A-Za-z0-9][\w.\-/+]*)["']?[ \t]*(?:#.*)?$""")
_SCALAR = lazy(r"""["']?([A-Za-z0-9][\w.\-/+]*)["']?(?:[ \t]+#.*)?$""")
_CURLY = lazy(r"(?<!\{)\{\{(?!\{)([^{}\n]{1,300})\}\}(?!\})")
_OF = lazy(
    r"(?:Sections?|Appendix|Appendices|Figures?|Tables?)\s+[^{}]*?\s+of\s+"
    r"([!?-]?)([A-Za-z0-9][\w.\-/+]*)(?:=([\w.\-/+]+))?\s*$",
    re.I,
)
_KEYED = lazy(r"([!?-]?)([A-Za-z0-9][\w.\-/+]*)(?:=([\w.\-/+]+))?\s*(?:[,(].*)?$")
_MMARK = lazy(r"\[-?@[!?]?[A-Za-z0-9][^\[\]\n]{0,300}\]")
_MMARK_KEY = lazy(r"(?<![\w@])-?@([!?]?)([A-Za-z0-9][\w.\-/+:]*[\w])")
_MMARK_DOC = lazy(r"^(?:%%%|\{(?:front|main|back)matter\})[ \t]*$", re.M)
_TITLE_BLOCK = lazy(r"\A%%%[ \t]*\n[\s\S]*?^%%%[ \t]*$", re.M)
_BOILERPLATE = lazy(r"^\{::boilerplate[ \t]+bcp14[\w-]*\}", re.M)
_REF_ELEMENT = lazy(
    r"<reference\b[^>]*\banchor\s*=\s*[\"']([^\"'<>]{1,200})[\"'][\s\S]*?</reference>"
)
AUTO_KEY = lazy(r"(?:RFC\d{1,5}|BCP\d{1,4}|STD\d{1,4}|FYI\d{1,4}|I-D\.[\w.\-]+|DOI\.\S+)$", re.I)
"""A key the tools fetch themselves: a reference needs no entry of its own."""


class _Entries:
    """A draft's references: key → LINKDEF block, and aliases (value → key)."""

    def __init__(self) -> None:
        self.blocks: dict[str, Block] = {}
        self.aliases: dict[str, str] = {}

    def add(self, key: str, start: int, end: int) -> None:
        if key not in self.blocks:
            self.blocks[key] = Block(BlockKind.LINKDEF, start, end, start, label=key)

    def key(self, prefix: str, name: str, value: str | None, at: tuple[int, int]) -> str | None:
        """The key a citation names, declaring it where the tool would."""
        if prefix == "-" and name in self.aliases:
            return self.aliases[name]
        if name in self.blocks:
            return name
        if name in self.aliases:
            return self.aliases[name]
        if value is not None or prefix in ("!", "?") or AUTO_KEY.match(name):
            self.add(name, *at)
            return name
        return None  # a cross-reference to a section or figure of the draft


def front_matter(text: str) -> tuple[int, int] | None:
    """The span of a YAML front matter that opens the text (``---`` … ``---``), or None."""
    if not text.startswith("---"):
        return None
    first = text.find("\n")
    if first < 0 or text[3:first].strip():
        return None
    end = _FRONT_END.search(text, first + 1)
    return (0, end.start()) if end else None


def _front_entries(text: str, span: tuple[int, int], entries: _Entries) -> None:
    """The entries under ``normative:`` and ``informative:`` of a kramdown-rfc front matter."""
    pos, stop = span[0], span[1]
    inside, indent, current = False, -1, None
    while pos < stop:
        nl = text.find("\n", pos, stop)
        end = stop if nl < 0 else nl
        line = text[pos:end]
        body = line.lstrip(" ")
        depth = len(line) - len(body)
        if not body.strip() or body.startswith("#"):
            pos = end + 1
            continue
        if depth == 0:
            inside, indent = bool(_LIST_KEY.match(body)), -1
            current = None
        elif inside:
            if indent < 0:
                indent = depth
            if depth == indent and (m := _ENTRY_KEY.match(body)):
                key = m.group(2)
                entries.add(key, pos + depth, end)
                current = entries.blocks[key]
                if m.group(3) and (v := _SCALAR.match(m.group(3))):
                    entries.aliases.setdefault(v.group(1), key)
            elif depth > indent and current is not None:
                current.end = end
                if depth > indent and (a := _SUB_ALIAS.match(body)):
                    # ``STD90:`` then ``-: json`` and ``=: RFC8259``: cited as ``{{-json}}``
                    entries.aliases.setdefault(a.group(1), current.label or "")
        pos = end + 1


def _curly(text: str, masked: str, entries: _Entries) -> list[tuple[int, int, str]]:
    """The kramdown-rfc citations ``{{…}}`` of the prose, as link uses; the BCP 14
    boilerplate (``{::boilerplate bcp14}``) cites RFC 2119 and RFC 8174 where they are
    listed."""
    uses: list[tuple[int, int, str]] = []
    if (m := _BOILERPLATE.search(text)) is not None:
        uses.extend((m.start(), m.end(), k) for k in ("RFC2119", "RFC8174") if k in entries.blocks)
    for m in _CURLY.finditer(masked):
        inner = m.group(1).strip()
        found = _OF.match(inner) or _KEYED.match(inner)
        if found is None:
            continue
        key = entries.key(found.group(1), found.group(2), found.group(3), m.span())
        if key is not None:
            uses.append((m.start(), m.end(), key))
    return uses


def _mmark(text: str, masked: str, entries: _Entries) -> list[tuple[int, int, str]]:
    """mmark's citations ``[@KEY]`` (one use a key of a group) and its ``<reference>``
    elements."""
    for m in _REF_ELEMENT.finditer(text):
        entries.add(m.group(1), m.start(), m.end())
    uses: list[tuple[int, int, str]] = []
    for m in _MMARK.finditer(masked):
        keys = list(_MMARK_KEY.finditer(masked, m.start(), m.end()))
        for k in keys:
            s, e = (m.start(), m.end()) if len(keys) == 1 else k.span()
            key = entries.key(k.group(1), k.group(2), None, (s, e))
            if key is not None:
                uses.append((s, e, key))
    return uses


def ietf_references(
    text: str, masked: str, blocks: list[Block]
) -> tuple[str, list[Block], list[tuple[int, int, str]]] | None:
    """A Markdown draft's references and citations (see the module's docstring).

    ``blocks`` are the reader's. Returns the masked text with the front matter blanked,
    the blocks with those of the front matter replaced by one ``LINKDEF`` block a
    reference (labelled with its key), and the link uses (start, end, key), in character
    offsets of ``text``; None for a document that is neither a kramdown-rfc nor an mmark
    draft. A kramdown-rfc front matter ends at ``--- abstract`` or ``--- middle``, which
    CommonMark does not know: read as Markdown, it would be prose.
    """
    entries = _Entries()
    span = front_matter(text)
    uses: list[tuple[int, int, str]] = []
    if span is not None and _KRAMDOWN_KEYS.search(text, *span):
        masked = _blank(masked, span)
        blocks = [b for b in blocks if not span[0] <= b.start < span[1]]
        _front_entries(text, span, entries)
        uses = _curly(text, masked, entries)
    elif _MMARK_DOC.search(text) or "<reference" in text:
        if (title := _TITLE_BLOCK.match(text)) is not None:  # mmark's TOML title block
            masked = _blank(masked, title.span())
            blocks = [b for b in blocks if not title.start() <= b.start < title.end()]
        uses = _mmark(text, masked, entries)
    else:
        return None
    if not entries.blocks:
        return None
    blocks = sorted(blocks + list(entries.blocks.values()), key=lambda b: b.start)
    return masked, blocks, uses


def _blank(masked: str, span: tuple[int, int]) -> str:
    """``masked`` with every character of ``span`` but a line break blanked."""
    s, e = span
    part = "".join(c if c == "\n" else " " for c in masked[s:e])
    return masked[:s] + part + masked[e:]


def merge_links(
    links: list[tuple[int, int, str]], uses: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """``links`` with ``uses`` added, in order; a use replaces the links it overlaps."""
    if not uses:
        return links
    starts = sorted(uses)
    kept = []
    for link in links:
        i = bisect_left(starts, link)
        near = starts[max(i - 1, 0) : i + 1]
        if not any(s < link[1] and link[0] < e for s, e, _ in near):
            kept.append(link)
    return sorted(kept + starts)
