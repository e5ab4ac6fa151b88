"""Markdown links as citations.

Three shapes cite a source with a link instead of a bracketed number:

- a numbered inline link, ``[1](https://…)``, cites reference 1 (or, when no list numbers
  it, the listed reference with that URL); in a document with no reference list at all the
  link is its own source, as answer-engine exports write them;
- a named inline link, ``([NASA](https://www.nasa.gov/…))``, cites the listed reference whose
  URL it repeats; a link to anything else is an ordinary link;
- a reference-style link (``[text][1]``, ``[1]``) cites its link definition (the reader
  records those);
- a link named as an author-year callout, ``([Kahneman & Tversky, 1979](https://doi.org/…))``
  or ``[Barber & Odean (2001)](…)``, cites the listed source with its URL; in a document
  with no reference list (or a list still to be filled in), the distinct linked works are
  the reference list, numbered in order of first citation, as an answer engine's are (a
  thesis drafted in Markdown whose bibliography a build step writes later);
- a link an answer engine marks as its citation (ChatGPT's web-citation pills,
  ``<a href="https://www.epa.gov/…?utm_source=chatgpt.com">US EPA</a>``, and their Markdown
  conversions ``([epa.gov](https://…?utm_source=chatgpt.com))``) cites the listed source
  with its URL; in an export with no reference list, the distinct linked sources are the
  reference list, numbered in order of first citation. A link alone in parentheses whose
  address ends in a text fragment (``([Page title](https://…#:~:text=…))``, ChatGPT deep
  research) is such a citation too: the fragment quotes the passage it rests on; so is a
  copied ChatGPT answer's ``[oai_citation:1‡Reuters](https://…)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citecheck.model import BlockKind, Document, Marker, MarkerKind, Reference
from citecheck.parser.anchors import AnchorTargets
from citecheck.parser.markers import normalise_label, parse_numeric
from citecheck.text.recache import lazy
from citecheck.text.urls import url_key

_CARET = lazy(r"\[\^(\d{1,3})\]")
# The query an answer engine adds to the links it cites (``?utm_source=chatgpt.com``).
_ENGINE_CITE = lazy(
    r"[?&]utm_source=(?:chatgpt\.com|openai|perplexity(?:\.ai)?|copilot\.microsoft\.com)(?:&|#|$)",
    re.I,
)
# A text fragment (``#:~:text=…``) points at the sentence a link supports: answer engines
# write one into each source they cite (ChatGPT deep research's ``([Page title](url#:~:text=…))``).
_TEXT_FRAGMENT = lazy(r"#:~:text=")
# A copied ChatGPT answer's citation link: ``[oai_citation:1‡Reuters](https://…)``.
_OAI_CITATION = lazy(r"\[oai_citation:\d{1,4}")
_SITE_CHIP = lazy(r"\[(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\s*\+\d{1,2})?\]\(", re.I)
# A link named after its site, as Perplexity's page shows its sources when an answer is
# copied: ``[reuters](https://www.reuters.com/…)``, ``[journals.sagepub](https://…)``,
# ``[parquelatapera+3](https://parquelatapera.cl/…)`` (the site, and three sources more).
# The name is the address's host without ``www.`` and its last label, in lower case.
_NAMED_CHIP = lazy(
    r"\[((?:[a-z0-9-]{1,63}\.){0,3}[a-z0-9-]{1,63})(?:\s?\+\d{1,2})?\]"
    r"\(https?://(?:www\.)?\1\.[a-z0-9.-]{2,24}[/)?#]"
)
# So many site-named links make them the export's citations, not a writer's links to sites.
_CHIP_HABIT = 3
_ESCAPED_NUMBER = lazy(r"\[\\\[(\d{1,4})\\\]\]\(")
# A link named as an author-year callout: one surname (particles and hyphens allowed), two
# joined by "&" or "and", or one and "et al.", then the year after a comma or in
# parentheses: ``[Kahneman & Tversky, 1979](``, ``[Ben-David et al., 2013](``,
# ``[Barber & Odean (2001)](``, ``[van Dijk, 2020a](``.
_SURNAME = r"(?:(?:van|von|de|del|der|den|da|di|du|la|le|al)[ -])?[^\W\d_][\w'’-]+"
_AUTHOR_YEAR_LINK = lazy(
    rf"\[{_SURNAME}(?:\s*(?:&|and)\s*{_SURNAME}|\s+et\s+al\.?)?"
    r"(?:,\s*|\s+\()(?:1[5-9]|20)\d\d[a-z]?\)?\]\(https?://"
)
_NUMBERED = lazy(r"\[\s*(\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*)\s*\]")


@dataclass(slots=True)
class LinkCitations:
    """Turns the inline links of one document into markers."""

    doc: Document
    labels: frozenset[str]
    anchors: AnchorTargets = field(default_factory=AnchorTargets)
    own: dict[str, Reference] = field(default_factory=dict)
    listed: bool = False
    citing: set[str] = field(default_factory=set)
    """Destinations the markup marks as an answer engine's citations (see Layout.citing)."""
    _by_url: dict[str, Reference] | None = None
    _listed_refs: list[Reference] = field(default_factory=list)
    _keys: dict[str, str | None] = field(default_factory=dict)
    _chips: bool | None = None

    def __post_init__(self) -> None:
        self._listed_refs = list(self.doc.references)
        self.listed = bool(self.doc.references)

    @property
    def by_url(self) -> dict[str, Reference]:
        """The listed references by the key of their URL, the first of each; built on the
        first inline link, since most documents have none in their prose."""
        if self._by_url is None:
            self._by_url = {}
            for ref in self._listed_refs:
                key = url_key(ref.url) if ref.url else None
                if key and ref.key:
                    self._by_url.setdefault(key, ref)
        return self._by_url

    def marker(self, start: int, end: int, url: str) -> Marker | None:
        """Return the marker an inline link ``text[start:end]`` to ``url`` stands for."""
        text = self.doc.text
        if url.startswith("#"):
            return self._internal(start, end, url[1:])
        listed = self._listed(url)
        numbered = _NUMBERED.match(text, start)
        if numbered is None or numbered.end() >= end or text[numbered.end()] != "(":
            engine = (
                url in self.citing
                or _ENGINE_CITE.search(url)
                or _OAI_CITATION.match(text, start)
                or self._callout(start, end, url)
                or self._site_chip(start, end)
                or _AUTHOR_YEAR_LINK.match(text, start)
            )
            if (listed is None or listed.key is None) and engine:
                listed = self._engine_source(start, end, url)
            if listed is None or listed.key is None:
                return None
            key = listed.key
            # ``[\[13\]](…)`` cites the listed ``[\[1\]](…) [\[13\]](…) Title`` as 13.
            if listed.aliases and (escaped := _ESCAPED_NUMBER.match(text, start)):
                key = escaped.group(1) if escaped.group(1) in listed.aliases else key
            return Marker(start, end, text[start:end], (key,), MarkerKind.LINK)
        raw = numbered.group()
        keys, problem = parse_numeric(numbered.group(1).replace("–", "-"))
        if problem is None and len(keys) == 1 and normalise_label(keys[0]) not in self.labels:
            if listed is not None and listed.key is not None:
                keys = (listed.key,)
            elif not self.listed:
                self._own_source(keys[0], start, end, url)
        return Marker(start, numbered.end(), raw, keys, MarkerKind.NUMERIC, problem=problem)

    def _callout(self, start: int, end: int, url: str) -> bool:
        """A link that stands alone in parentheses and points at a passage of its page with a
        text fragment: ``([Flavonoids | Linus Pauling Institute](https://…#:~:text=…))``,
        an answer engine's citation of that page."""
        text = self.doc.text
        alone = text[start - 1 : start] == "(" and text[end : end + 1] == ")"
        # Or a chip that names the site: ``[politico.eu](https://…#:~:text=…)``, a deep
        # research report's citation as its page shows it.
        alone = alone or bool(_SITE_CHIP.match(text, start, end))
        web = url.startswith(("https://", "http://"))  # not a file:// upload of the writer's
        return alone and web and bool(_TEXT_FRAGMENT.search(url))

    def _site_chip(self, start: int, end: int) -> bool:
        """A link named after its own site, ``[reuters](https://www.reuters.com/…)`` or
        ``[parquelatapera+3](https://parquelatapera.cl/…)``: a copied Perplexity answer's
        citation, when the text has at least :data:`_CHIP_HABIT` of them (one such link is
        a writer's link to a site)."""
        if not _NAMED_CHIP.match(self.doc.text, start, end + 1):
            return False
        if self._chips is None:
            found = 0
            for _ in _NAMED_CHIP.finditer(self.doc.text):
                found += 1
                if found >= _CHIP_HABIT:
                    break
            self._chips = found >= _CHIP_HABIT
        return self._chips

    def _internal(self, start: int, end: int, ident: str) -> Marker | None:
        """A link into the document: the entry with that id, or a number of its own."""
        text = self.doc.text
        ref = self.anchors.entries.get(ident)
        if ref is not None and ref.key is not None:
            return Marker(start, end, text[start:end], (ref.key,), MarkerKind.LINK)
        if ident in self.anchors.elsewhere:
            return None  # a heading, figure or table of the page
        numbered = _NUMBERED.match(text, start) or _CARET.match(text, start)
        if numbered is None or numbered.end() >= end or text[numbered.end()] != "(":
            return None
        if numbered.group().startswith("[^"):
            key = "^" + numbered.group(1)
            if normalise_label(key) in self.labels:  # [^1](#fn:1) with a [^1]: definition
                return Marker(start, end, text[start:end], (key,), MarkerKind.LINK)
        keys, problem = parse_numeric(numbered.group(1).replace("–", "-"))
        return Marker(start, end, text[start:end], keys, MarkerKind.LINK, problem=problem)

    def _listed(self, url: str) -> Reference | None:
        """The listed reference with the URL ``url``; each distinct URL is keyed once, and
        none when no listed reference has a URL."""
        if not url or not self.by_url:
            return None
        if url not in self._keys:
            self._keys[url] = url_key(url)
        key = self._keys[url]
        return self.by_url.get(key) if key else None

    def _engine_source(self, start: int, end: int, url: str) -> Reference | None:
        """The source an answer engine's citation link names, in an export with no
        reference list: one per distinct URL (its tracking query dropped), numbered in
        order of first citation. None when the document lists its references."""
        if self.listed:
            return None
        address = _ENGINE_CITE.sub(lambda m: "?" if m.group().endswith("&") else "", url)
        address = address.replace("?&", "?").rstrip("?")
        key = url_key(address) or address
        if key not in self.own:
            number = str(sum(1 for k in self.own if not k.isdigit()) + 1)
            ref = Reference(number, start, end, address, BlockKind.LINKDEF, url=address)
            self.own[key] = ref
            self.doc.references.append(ref)
            self.doc.linked_sources = True
        return self.own[key]

    def _own_source(self, key: str, start: int, end: int, url: str) -> None:
        """A numbered link in a document without a reference list is its own source."""
        if key in self.own:
            return
        ref = Reference(key, start, end, url, BlockKind.LINKDEF, url=url or None)
        self.own[key] = ref
        self.doc.references.append(ref)
