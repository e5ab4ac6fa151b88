"""The HTML reader's state as it walks the tree (:mod:`.html_walk` calls it): the pieces
of the block being read, written onto the canvas when the block ends; where a reference
section opens and closes; and what an element writes in place of its text: a link into a
notes list, a labelled entry, Pandoc's citation, a wiki's cleanup tag or a superscript
numeral, each as the marker it stands for, and an ordinary link's span and address."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from citecheck.model import LISTED_HEADING, Block, BlockKind
from citecheck.reader.html_notes import NOTE_TEXT, Note, Notes, citing, fragment
from citecheck.reader.html_pills import pill
from citecheck.reader.html_sup import Superscripts, cleanup_tag
from citecheck.reader.htmlkinds import Spec
from citecheck.reader.htmlsource import Canvas, Piece, Token
from citecheck.text.recache import lazy
from citecheck.text.vocab import REFERENCE_HEADING

__all__ = ["Reader", "texts"]

_NUMBERED = lazy(r"^\[?\s*\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*\s*\]?$")


@dataclass(slots=True)
class Reader:
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
        runs = [self.align[n.mem_id] for n in texts(el) if n.mem_id in self.align]
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
        if pill(el, label, href):
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
        first = next((n.mem_id for n in texts(el) if n.mem_id in self.align), None)
        piece.anchor = self.toks[self.align[first]].start if first is not None else -1
        self.add(piece)
        if inline is not None:
            self.inline.append((piece, piece, inline))
        return True


def _bundled(note: Note, found: Notes) -> str:
    """The markers a bundled entry stands for: ``[248,249]``, or ``[^n 1][^n 2]`` for notes."""
    keys = note.bundles
    footnotes = {n.key for n in found.by_id.values() if n.footnote}
    if all(k.isdigit() for k in keys) and not footnotes.intersection(keys):
        return "[" + ",".join(keys) + "]"
    return "".join(f"[^{k}]" if k in footnotes else f"[{k}]" for k in keys)


def texts(el: Any) -> list[Any]:
    return [n for n in el.traverse(include_text=True) if n.is_text_node]
