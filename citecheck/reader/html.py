"""HTML reader on selectolax (the Lexbor engine, a WHATWG HTML5 parser).

The parser builds the tree as a browser does, with implied and misnested tags repaired; the
lexer of :mod:`citecheck.reader.htmlsource`, matched to the tree by
:mod:`citecheck.reader.htmlalign`, says where each of its text nodes lies in the source.
Headings, paragraphs, list items, table cells (never claims), captions and block quotes
become blocks. Page chrome (``<nav>``, ``<header>``, ``<footer>``, ``<aside>``,
scripts, styles, a wiki's edit links, contents and navigation boxes, footnote back-links) is
left out; code is kept in the document but blank in the masked copy.

Citations: a link into a notes list (``<sup class="reference"><a href="#cite_note-3">[3]
</a></sup>``, ``<a href="#fn1"><sup>1</sup></a>``) is written as the marker ``[3]`` of
that list's item; an item of a wiki's ``<ol class="references">`` is a reference with that
key, any other note a footnote (``[^1]``). A link whose text is a number cites like a
numbered Markdown link (``[1](url)``), any other link of the prose may cite the listed
source with its URL, and a link in a reference section lends the entry its address.
Superscript numerals cite a numbered list (:mod:`citecheck.reader.html_sup`); a draft whose
text is all in ``<pre>`` is read as plain text (:mod:`citecheck.reader.html_pre`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from citecheck.model import LISTED_HEADING, Block, BlockKind
from citecheck.reader import Layout
from citecheck.reader.citeproc import csl_elements, csl_entries
from citecheck.reader.html_notes import (
    NOTE_TEXT,
    Note,
    Notes,
    citing,
    fragment,
    not_bibliographies,
    notes,
)
from citecheck.reader.html_pre import is_pre_document, read_pre
from citecheck.reader.html_sup import Superscripts, cleanup_tag
from citecheck.reader.html_walk import walk
from citecheck.reader.htmlalign import align
from citecheck.reader.htmlkinds import Spec, chrome
from citecheck.reader.htmlsource import Canvas, Piece, Token, tokens
from citecheck.text.recache import lazy
from citecheck.text.vocab import REFERENCE_HEADING

_NUMBERED = lazy(r"^\[?\s*\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*\s*\]?$")
# A chip's label: a site's name (``politico.eu``, ``en.wikipedia.org``), with the count of
# further sources a chip may add (``srf.ch +2``).
_SITE = lazy(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\s*\+\d{1,2})?$", re.I)
_TEXT_FRAGMENT = "#:~:text="
_DIRECTIVE = lazy(r"<!--[ \t]*citecheck[ \t]*:.*?-->", re.I | re.S)


@dataclass(slots=True)
class _Reader:
    source: str
    toks: list[Token]
    align: dict[int, int]  # text node mem_id -> index of its run in toks
    notes: Notes
    canvas: Canvas
    chrome: set[int]
    blocks: list[Block] = field(default_factory=list)
    inline: list[tuple[Piece, Piece, str]] = field(default_factory=list)
    specs: list[Spec] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    joined: bool = False
    code: int = 0
    open_links: list[tuple[int, list[Piece], int, str]] = field(default_factory=list)
    heading: re.Pattern[str] = REFERENCE_HEADING
    refs: int = 0  # the level of the reference section's heading while inside one
    sups: Superscripts | None = None
    sup: Piece | None = None  # the last superscript written as a marker
    links: int = 0  # ordinary links open around the text being read
    pair: bool = False  # a reference list's <dt> is open, waiting for its <dd>
    joined_dd: set[int] = field(default_factory=set)
    plain: set[int] = field(default_factory=set)  # headings named so that head no list
    citing: set[str] = field(default_factory=set)  # links marked as an engine's citations
    csl: set[int] = field(default_factory=set)  # inside citeproc's bibliography divisions

    def flush(self) -> None:
        words = self.pieces
        self.pieces, self.joined = [], False
        if self.specs and self.specs[-1].owner in self.plain:
            return  # a heading named like a reference section that heads no list
        if not words or not any(p.mask or (p.shown and p.text.strip()) for p in words):
            return
        if not self.specs:
            return
        self.canvas.write(words)
        spec = self.specs[-1]
        if spec.kind is BlockKind.ITEM and not self.refs:
            self._under_heading(spec, words[0].at)
        elif spec.owner in self.csl and not self.refs:
            self._listed(words[0].at)  # citeproc's bibliography, headed or not
        start, end = words[0].at, max(p.at + len(p.text) for p in words)
        block = Block(spec.kind, start, end, start, level=spec.level, label=spec.label)
        block.cell = spec.cell
        self.blocks.append(block)
        if spec.kind is BlockKind.HEADING:  # a reference section runs to the next such heading
            title = "".join(self.canvas.masked_text(p) for p in words).strip()
            if self.heading.match(title):
                self.refs = spec.level
            elif self.refs and spec.level <= self.refs:
                self.refs = 0

    def _under_heading(self, spec: Spec, at: int) -> None:
        """The first entry of a wiki's ``<ol class="references">`` outside a reference
        section: under a heading not named like one (``სქოლიო``, a language whose names
        the pattern lacks), or under none. The markup says what the name does not: the
        heading (an empty one where there is none) opens a reference section, its block
        labelled ``references``."""
        note = self.notes.items.get(spec.owner)
        if note is None or note.footnote:
            return
        self._listed(at)

    def _listed(self, at: int) -> None:
        """The last block, a heading, heads a reference section; with none, an empty
        heading put at ``at`` does."""
        last = self.blocks[-1] if self.blocks else None
        if last is None or last.kind is not BlockKind.HEADING:
            # No heading at all (a saved page with the headings folded away): an empty one.
            last = Block(BlockKind.HEADING, at, at, at, level=2)
            self.blocks.append(last)
        last.label = LISTED_HEADING
        self.refs = last.level

    def add(self, piece: Piece) -> None:
        piece.glue = self.joined
        self.pieces.append(piece)
        self.joined = True

    def text(self, node: Any) -> None:
        k = self.align.get(node.mem_id)
        if k is None:  # blank between inline elements, or text the lexer did not place
            self.joined = False
            return
        tok = self.toks[k]
        words = self.canvas.words(tok.start, tok.end, self.code == 0, self.joined)
        self.pieces.extend(words)
        self.joined = bool(words) and not self.source[tok.end - 1 : tok.end].isspace()

    def span(self, el: Any) -> tuple[int, int] | None:
        """The source span of an element, from its start tag to its end tag."""
        runs = [self.align[n.mem_id] for n in _texts(el) if n.mem_id in self.align]
        if not runs:
            return None
        name, first, last = el.tag, runs[0], runs[-1]
        start = self.toks[first].start
        for k in range(first - 1, max(first - 8, -1), -1):
            t = self.toks[k]
            if t.name == "":
                break
            if t.name == name and not t.closing:
                start = t.start
                break
        end = self.toks[last].end
        for k in range(last + 1, min(last + 8, len(self.toks))):
            t = self.toks[k]
            if t.name == "":
                break
            if t.name == name and t.closing:
                end = t.end
                break
        return start, end

    def link(self, el: Any) -> bool:
        """Write a citing link as one piece; return False for an ordinary link."""
        href = (el.attributes.get("href") or "").strip()
        label = " ".join(el.text(deep=True).split())
        spec = self.specs[-1] if self.specs else None
        kind = spec.kind if spec is not None else None
        listed = kind in (BlockKind.ITEM, BlockKind.PARAGRAPH) and self.refs > 0
        in_note = kind is BlockKind.FOOTNOTE or listed
        own = fragment(href)
        if own is not None and (href.startswith("#") or own in self.notes.by_id):
            note = self.notes.by_id.get(own)
            if note is None:
                return False
            if note.label and not note.footnote:
                return self._label(el, note)
            if not (NOTE_TEXT.match(label) or citing(el)):
                return False
            if note.bundles:  # a wiki's ``[list 1]``: the entries it bundles
                return self._piece(el, _bundled(note, self.notes), True)
            text = f"[^{note.key}]" if note.footnote else f"[{note.key}]"
            return self._piece(el, text, True)
        if not href.lower().startswith(("http://", "https://")):
            return False
        if "relref" in (el.attributes.get("class") or "").split():
            return False  # "Section 8.1" of a cited document: the cite follows it
        if _NUMBERED.match(label) and not in_note:
            number = label.strip("[] ")
            return self._piece(el, f"[{number}]({href})", False, inline=href)
        if in_note and label:  # an entry: the label is its text, the URL its address
            return self._piece(el, f"[{label}]({href})", False, mask=label)
        self.open_links.append((el.mem_id, self.pieces, len(self.pieces), href))
        if _pill(el, label, href):
            self.citing.add(href)
        return False

    def _label(self, el: Any, note: Note) -> bool:
        """A link to a labelled entry (xml2rfc's ``[<a href="#AEAD">AEAD</a>]``): its
        label inside the brackets around it, or a marker of its own when it is marked as a
        citation and has none."""
        span = self.span(el)
        if span is None:
            return False
        src = self.source
        if src[span[0] - 1 : span[0]] == "[" and src[span[1] : span[1] + 1] == "]":
            return self._piece(el, note.key, True)
        return citing(el) and self._piece(el, f"[{note.key}]", True)

    def citation(self, el: Any) -> bool:
        """Write Pandoc's citation (``<span class="citation" data-cites="a b">``) as the
        markers of the bibliography's entries it names (see :mod:`.citeproc`)."""
        if self.code or "citation" not in (el.attributes.get("class") or "").split():
            return False
        keys = (el.attributes.get("data-cites") or "").split()
        found = [self.notes.by_id.get("ref-" + k) for k in keys]
        if not keys or any(n is None or n.footnote for n in found):
            return False
        return self._piece(el, "".join(f"[{n.key}]" for n in found if n is not None), True)

    def cleanup_tag(self, el: Any) -> bool:
        """Write a wiki's inline cleanup tag (``[要出典]``) as the placeholder it is."""
        text = None if self.code else cleanup_tag(el)
        return text is not None and self._piece(el, text, True)

    def superscript(self, el: Any) -> bool:
        """Write a superscript numeral that cites the numbered list as a marker."""
        if self.sups is None or self.code or self.links or self.refs:
            return False
        span = self.span(el)
        if span is None:
            return False
        last = self.pieces[-1] if self.pieces and self.joined else None
        before = " " if last is None else "." if last is self.sup else last.text
        text = self.sups.marker(el, before, span[1])
        if text is None or not self._piece(el, text, True):
            return False
        self.sup = self.pieces[-1]
        return True

    def close_link(self, el: Any) -> None:
        """An ordinary link ends: record its text's span and address (it may cite by URL)."""
        if not self.open_links or self.open_links[-1][0] != el.mem_id:
            return
        _, pieces, i, url = self.open_links.pop()
        if pieces is self.pieces and len(pieces) > i:
            self.inline.append((pieces[i], pieces[-1], url))

    def _piece(
        self, el: Any, text: str, shown: bool, inline: str | None = None, mask: str = ""
    ) -> bool:
        span = self.span(el)
        if span is None or span[1] - span[0] < len(text):
            return False
        piece = Piece(span[0], span[1], text, shown and self.code == 0)
        piece.mask = mask if self.code == 0 else ""
        first = next((n.mem_id for n in _texts(el) if n.mem_id in self.align), None)
        piece.anchor = self.toks[self.align[first]].start if first is not None else -1
        self.add(piece)
        if inline is not None:
            self.inline.append((piece, piece, inline))
        return True


_PARSOID = 'meta[property^="mw:"], ol.mw-references, [typeof="mw:Extension/references"]'


def _pill(a: Any, label: str, href: str) -> bool:
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


def _bundled(note: Note, found: Notes) -> str:
    """The markers a bundled entry stands for: ``[248,249]``, or ``[^n 1][^n 2]`` for notes."""
    keys = note.bundles
    footnotes = {n.key for n in found.by_id.values() if n.footnote}
    if all(k.isdigit() for k in keys) and not footnotes.intersection(keys):
        return "[" + ",".join(keys) + "]"
    return "".join(f"[^{k}]" if k in footnotes else f"[{k}]" for k in keys)


def _texts(el: Any) -> list[Any]:
    return [n for n in el.traverse(include_text=True) if n.is_text_node]


def read_html(source: str, heading: re.Pattern[str] = REFERENCE_HEADING) -> Layout:
    """Split an HTML page into blocks; offsets are those of the source.

    ``heading`` is the pattern of reference-section headings: links in the items of those
    sections give the item its URL.
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(source)
    toks = tokens(source)
    body = tree.body or tree.root
    canvas = Canvas(source)
    for m in _DIRECTIVE.finditer(source):
        canvas.copy(m.start(), m.end())
    if body is None:
        text, masked = canvas.result()
        return Layout(text, masked, [])
    if is_pre_document(body, heading):
        return read_pre(source, toks, heading)
    if 'href="http' in source:
        from citecheck.reader.html_own import localise_links

        localise_links(tree)  # a saved page's links into itself, made absolute
    found = notes(body)
    for key, div in csl_entries(body).items():  # Pandoc's citations name these by key
        if "ref-" + key not in found.by_id:
            found.by_id["ref-" + key] = found.items[div.mem_id] = Note(key, False, label=True)
    skipped = chrome(body) | found.bundles  # a bundle is read where its marker stands
    reader = _Reader(source, toks, align(tree, source, toks), found, canvas, skipped)
    reader.heading = heading
    reader.sups = Superscripts.of(body, source, found.numbers, heading)
    reader.plain = not_bibliographies(body, heading)
    reader.csl = csl_elements(body, source)
    walk(reader, body)
    reader.flush()
    text, masked = canvas.result()
    inline = [(a.at, b.at + len(b.text), url) for a, b, url in reader.inline if a.at >= 0]
    blocks = sorted(reader.blocks, key=lambda b: b.start)
    generator = tree.css_first('meta[name="generator"]')
    wiki = generator is not None and (generator.attributes.get("content") or "").startswith(
        "MediaWiki"
    )
    # Parsoid's HTML (the REST API's, mobile HTML, Kiwix's dumps) names no generator: its
    # ``mw:`` metadata and reference lists say a wiki made it.
    wiki = wiki or tree.css_first(_PARSOID) is not None
    if found.pairs:  # a spec's labelled lists: a label naming none of them is quoted text
        from citecheck.reader.html_labels import blank_unlisted_labels

        keys = {note.key for note in found.pairs.values()}
        masked = blank_unlisted_labels(masked, keys, blocks)
    layout = Layout(text, masked, blocks, [], sorted(inline), citing=reader.citing, wiki=wiki)
    layout.citeproc = bool(reader.csl)
    return layout
