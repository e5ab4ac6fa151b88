"""Parser: blocks in, sentences, markers, claims and references out."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from citecheck.model import Block, BlockKind, Document, Marker, MarkerKind, Placeholder, Sentence
from citecheck.parser import claims
from citecheck.parser.anchors import anchor_targets, anchored_notes
from citecheck.parser.authoryear import AuthorYearIndex, narrative
from citecheck.parser.leadins import share_lead_ins
from citecheck.parser.links import LinkCitations
from citecheck.parser.markers import Scan, normalise_label, scan
from citecheck.parser.references import parse_item
from citecheck.parser.sections import find_sections, split_items
from citecheck.parser.sentences import segment
from citecheck.parser.superscripts import superscripts
from citecheck.reader import Layout, read
from citecheck.vocab import NOTES_HEADING, REFERENCE_HEADING, reference_heading

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
# ``min_words`` words of ``_WORD`` (each whole, as ``finditer`` finds them), at the start of
# a text after anything that is not a word: one anchored match instead of a search per word.
_FIRST_WORDS = r"[\W_]*(?:(?>[^\W_]+(?:['’.-][^\W_]+)*)[\W_]*){%d}"
_END = re.compile(r"([?:])[\"'”’)\]»\s]*$")
_FINISHED = re.compile(r"[.!…][\"'”’)\]»*_]*\s*$")
# A footnote of a page that a PDF converter left in the body: "5We acknowledge…",
# "\\(^1\\)For simplicity…", "<sup>4.</sup> We use…", "<span id=…></span><sup>1</sup> …".
_PAGE_NOTE = re.compile(
    r"(?:<span\b[^<>]*></span>\s*)?"
    r"(?:\d{1,2}(?=[A-Z][a-z])|\\\(\^\{?\d{1,2}\}?\\\)|<sup>\s*\d{1,2}\.?\s*</sup>)"
)
_BODY = (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.ITEM)


@dataclass(frozen=True, slots=True)
class ParseOptions:
    """What the parser needs to know beyond the text."""

    scope: str = "paragraph"
    min_claim_words: int = 5
    reference_headings: tuple[str, ...] = ()


def parse(
    text: str, fmt: str, path: str | None = None, options: ParseOptions | None = None
) -> Document:
    """Parse a decoded text into a :class:`Document`."""
    opts = options or ParseOptions()
    heading = reference_heading(opts.reference_headings) if opts.reference_headings else None
    layout = read(text, fmt, heading)
    # An HTML reader's text is the page as read, written at the offsets of its source.
    text = layout.text
    doc = Document(text=text, fmt=fmt, path=path, blocks=layout.blocks)
    source = layout.masked if fmt == "text" else text
    doc.sections = find_sections(layout.blocks, layout.masked, heading or REFERENCE_HEADING, source)
    if layout.anchors:
        anchored_notes(doc.blocks, layout)
    summary = _summary_items(doc.blocks, layout)
    _references(doc, source, summary)
    body = _Body(doc, layout, opts)
    turn: str | None = None  # whose turn it is in an exported chat
    for i, block in enumerate(doc.blocks):
        if block.kind in _BODY and block.section is None:
            if not block.cell:
                turn = _speaker(block, text, layout.masked) or turn
            body.sentences(i, block, claims=turn != "user")
        elif i in summary:
            body.sentences(i, block, claims=False)
        elif block.kind is BlockKind.FOOTNOTE:
            doc.markers.extend(body.markers(block).markers)  # notes may cite too
    if opts.scope == "paragraph":
        share_lead_ins(doc, layout.masked)
    return doc


def _summary_items(blocks: list[Block], layout: Layout) -> set[int]:
    """Items of a reference section that cite link definitions (``* **Ledger**: …
    ([Harbour Trust][1])``): a summary of the sources above their definitions, which
    cites them as prose does and is not a list of its own. Returns their indexes."""
    if not layout.links or not any(b.kind is BlockKind.LINKDEF for b in blocks):
        return set()
    defined = {" ".join(b.label.split()).casefold() for b in blocks if b.label}
    uses = [s for s, _, label in layout.links if " ".join(label.split()).casefold() in defined]
    found: set[int] = set()
    for i, block in enumerate(blocks):
        if block.section is None or block.kind not in (BlockKind.ITEM, BlockKind.PARAGRAPH):
            continue
        at = bisect_left(uses, block.content_start)
        if at < len(uses) and uses[at] < block.end:
            found.add(i)
    return found


def _references(doc: Document, source: str, summary: Collection[int] = ()) -> None:
    outlets: dict[str, str] = {}  # one string per outlet, not one per reference
    for i, block in enumerate(doc.blocks):
        if i in summary:
            continue
        in_list = block.section is not None and block.kind in (BlockKind.ITEM, BlockKind.PARAGRAPH)
        if not (in_list or block.kind in (BlockKind.FOOTNOTE, BlockKind.LINKDEF)):
            continue
        notes = in_list and bool(NOTES_HEADING.search(doc.sections[block.section or 0].title))
        for item in split_items(block, source) if block.kind is BlockKind.PARAGRAPH else [block]:
            ref, non = parse_item(item, source, notes)
            if ref is not None:
                if ref.outlet:
                    ref.outlet = outlets.setdefault(ref.outlet, ref.outlet)
                doc.references.append(ref)
            if non is not None:
                doc.non_references.append(non)
    listed = [r for r in doc.references if r.kind not in (BlockKind.FOOTNOTE, BlockKind.LINKDEF)]
    doc.explicit_numbers = any(r.number is not None for r in listed)
    if not doc.explicit_numbers:
        n = 0
        for ref in listed:
            if ref.key is None:
                n += 1
                ref.number = n
    for ref in doc.references:
        if ref.key is None and ref.number is not None:
            ref.key = str(ref.number)


class _Body:
    """Finds markers, sentences and claims in the body blocks of one document."""

    def __init__(self, doc: Document, layout: Layout, opts: ParseOptions) -> None:
        self.doc, self.masked, self.opts = doc, layout.masked, opts
        self.links = layout.links
        self.link_starts = [s for s, _, _ in layout.links]
        self.inline = layout.inline
        self.sups = layout.sups
        self.inline_starts = [s for s, _, _ in layout.inline]
        self.defined = frozenset(
            " ".join(r.key.split()).casefold()
            for r in doc.references
            if r.kind is BlockKind.LINKDEF and r.key
        )
        self.labels = frozenset(normalise_label(r.key) for r in doc.references if r.key)
        self.numbers = frozenset(str(r.number) for r in doc.references if r.number is not None)
        self.lettered = any(len(k) <= 2 and k.isalpha() for k in self.labels)
        self.cites = LinkCitations(doc, self.labels, anchors=anchor_targets(doc, layout.anchors))
        listed = [
            r for r in doc.references if r.kind not in (BlockKind.FOOTNOTE, BlockKind.LINKDEF)
        ]
        self.authoryear = AuthorYearIndex.of(listed, numbered=doc.explicit_numbers)
        # One copy of each spelling and each tuple of keys: a long document writes ``[2]``
        # tens of thousands of times, and each marker would hold its own.
        self.raws: dict[str, str] = {}
        self.keys: dict[tuple[str, ...], tuple[str, ...]] = {}

    def markers(self, block: Block) -> Scan:
        """Scan a block; reference-style links become markers of their own group."""
        found = scan(
            self.masked, block.content_start, block.end, self.labels, self.numbers, self.lettered
        )
        if self.numbers:
            raised = superscripts(
                self.doc.text, self.masked, block.content_start, block.end, self.sups, self.numbers
            )
            if raised:
                starts = [m.start for m in raised]
                kept = [m for m in found.markers if not _overlaps(m, raised, starts)]
                found.markers = sorted(kept + raised, key=lambda m: m.start)
        inline = self._inline(block)
        if inline:
            found.markers = sorted(found.markers + inline, key=lambda m: m.start)
        if inline:
            # ``[^1](#fn:1)``: the link cites; the bracket inside it is not a marker of its own.
            starts = [m.start for m in inline]
            found.markers = [
                m for m in found.markers if m in inline or not _overlaps(m, inline, starts)
            ]
        if self.authoryear:
            callouts = self.authoryear.scan(self.masked, block.content_start, block.end)
            if inline:  # a link into the list says which entry it cites
                starts = [m.start for m in inline]
                callouts = [c for c in callouts if not _overlaps(c, inline, starts)]
            if callouts:
                starts = [c.start for c in callouts]
                kept = [m for m in found.markers if not _overlaps(m, callouts, starts)]
                found.markers = sorted(kept + callouts, key=lambda m: m.start)
        lo = bisect_left(self.link_starts, block.content_start)
        hi = bisect_left(self.link_starts, block.end)
        if lo < hi:
            uses = [
                Marker(s, e, self.doc.text[s:e], (label,), MarkerKind.LINK)
                for s, e, label in self.links[lo:hi]
            ]
            starts = [u.start for u in found.markers]
            # ``[5][9]`` with no definition for 9 is two numbers, not a link labelled 9.
            uses = [
                u
                for u in uses
                if u.keys[0].casefold() in self.defined or not _overlaps(u, found.markers, starts)
            ]
            starts = [u.start for u in uses]
            kept = [m for m in found.markers if not _overlaps(m, uses, starts)]
            found.markers = sorted(kept + uses, key=lambda m: m.start)
        # Markers side by side, with nothing but separators between, form one group
        # (``[1][2]``, ``[4], [5]``, ``[1][1]`` written as link labels alike).
        group = self.doc.markers[-1].group if self.doc.markers else 0
        prev_end, kind = -1, MarkerKind.NUMERIC
        for m in found.markers:
            between = self.masked[prev_end : m.start] if prev_end >= 0 else "x"
            # Reference links a space apart are links side by side, not one citation.
            touching = between == "" or "," in between or ";" in between
            if between.strip(" \t\n,;") or (not touching and MarkerKind.LINK in (kind, m.kind)):
                group += 1
            m.group, prev_end, kind = group, m.end, m.kind
            m.raw = self.raws.setdefault(m.raw, m.raw)
            m.keys = self.keys.setdefault(m.keys, m.keys)
            m.end = block.end if m.end == block.end else m.end  # the block's int, not a copy
        return found

    def _inline(self, block: Block) -> list[Marker]:
        """Markers for the inline links of a block that cite (``[1](url)``, named ones)."""
        lo = bisect_left(self.inline_starts, block.content_start)
        hi = bisect_left(self.inline_starts, block.end)
        found = (self.cites.marker(s, e, url) for s, e, url in self.inline[lo:hi])
        return [m for m in found if m is not None]

    def sentences(self, index: int, block: Block, claims: bool = True) -> None:
        """Segment one body block and decide which sentences are covered claims
        (none when ``claims`` is false: a chat user's turn, say)."""
        doc, masked, opts = self.doc, self.masked, self.opts
        found = self.markers(block)
        doc.markers.extend(found.markers)
        doc.placeholders.extend(found.placeholders)
        label = doc.text[block.start : block.content_start] if block.kind is BlockKind.ITEM else ""
        # A narrative callout (``Lind (1999) showed …``) is part of its sentence's words.
        # sentencex ends a sentence at ``al. [2011]``: the bracket is taken out as a marker's.
        cut: list[Marker | Placeholder] = []
        for m in found.markers:
            part = _year_part(m) if narrative(m) else m
            if part is not None:
                cut.append(part)
        cut = _with_brackets(cut, masked)
        spans = segment(
            masked,
            block.content_start,
            block.end,
            sorted([*cut, *found.placeholders], key=lambda r: r.start),
            label.strip(),
        )
        heading = block.kind is BlockKind.HEADING
        # Offsets at the block's ends are its int objects, not copies (32 bytes each).
        lo, hi = block.content_start, block.end
        spans = [(lo if s == lo else s, hi if e == hi else e) for s, e in spans]
        sentences = [Sentence.of(doc.text, s, e, index, heading) for s, e in spans]
        if sentences:
            starts = [x.start for x in sentences]
            held: dict[int, list[Marker]] = {}
            for marker in found.markers:
                held.setdefault(max(0, bisect_right(starts, marker.start) - 1), []).append(marker)
            for i, markers in held.items():
                sentences[i].markers = tuple(markers)
            for holder in found.placeholders:
                sentences[max(0, bisect_right(starts, holder.start) - 1)].placeholder = True
        cover: tuple[str, ...] = ()
        for sentence in reversed(sentences):
            own = tuple(k for m in sentence.markers for k in m.keys) if sentence.markers else ()
            own = self.keys.setdefault(own, own)  # one marker's keys are its marker's tuple
            if own or opts.scope == "sentence":
                cover = own
            sentence.covered_by = cover
            sentence.claim = claims and _is_claim(sentence, masked, opts.min_claim_words)
        last = sentences[-1] if sentences else None
        # A block that stops without punctuation is a label, byline, cell or navigation link,
        # not a claim.
        if last and not last.markers:
            last.claim = last.claim and bool(_FINISHED.search(masked[last.start : last.end]))
        if sentences and not heading and _not_claims(block, masked, doc.text):
            for sentence in sentences:
                sentence.claim = False
        doc.sentences.extend(sentences)


def _with_brackets(cut: list[Marker | Placeholder], masked: str) -> list[Marker | Placeholder]:
    """Markers of one group wrapped in round brackets (``([Harbour Trust][1])``,
    ``(Bloom et al., 2024; Ng, 2019)``) are taken out with their brackets, so that a group
    after a full stop ends that sentence instead of opening the next."""
    out: list[Marker | Placeholder] = []
    i = 0
    while i < len(cut):
        first = cut[i]
        j = i
        if isinstance(first, Marker):
            while (
                j + 1 < len(cut)
                and isinstance(cut[j + 1], Marker)
                and cut[j + 1].group == first.group  # type: ignore[union-attr]
            ):
                j += 1
        last = cut[j]
        # Blank stretches of the masked text are link texts (``[Harbour Trust]``) or markup.
        s = first.start - 1
        while s > first.start - 200 and s > 0 and masked[s] == " ":
            s -= 1
        e = last.end
        while e < last.end + 200 and e < len(masked) - 1 and masked[e] == " ":
            e += 1
        if isinstance(first, Marker) and masked[s : s + 1] == "(" and masked[e : e + 1] == ")":
            e += 1
            out.append(Marker(s, e, masked[s:e], first.keys, first.kind, first.group))
        else:
            out.extend(cut[i : j + 1])
        i = j + 1
    return out


def _year_part(marker: Marker) -> Marker | None:
    """The bracketed year of a narrative callout (``[2011]`` of ``Lind et al. [2011]``)."""
    at = marker.raw.rfind("[")
    if at < 0:
        return None
    return Marker(marker.start + at, marker.end, marker.raw[at:], marker.keys, marker.kind)


def _overlaps(marker: Marker, uses: list[Marker], starts: list[int]) -> bool:
    """Whether a scanned marker lies inside a link label (uses sorted by start)."""
    i = bisect_right(starts, marker.start) - 1
    near = uses[max(i, 0) : i + 2]
    return any(u.start < marker.end and marker.start < u.end for u in near)


def _speaker(block: Block, text: str, masked: str) -> str | None:
    """Whose turn a chat export's label opens (see :func:`claims.speaker`)."""
    words = masked[block.content_start : block.end].strip()
    if not words or (len(words) > 40 and ":" not in words[:20]):
        return None
    raw = text[block.start : block.end].strip()
    marked = block.kind is BlockKind.HEADING or raw.startswith(("**", "__"))
    return claims.speaker(words, marked)


def _not_claims(block: Block, masked: str, text: str) -> bool:
    """A table cell, a table row of plain text, a caption or a page's footnote converted
    from PDF holds no claims."""
    head = masked[block.content_start : min(block.end, block.content_start + 200)].lstrip()
    if block.cell or claims.caption(head) or claims.table_row(head):
        return True
    return bool(_PAGE_NOTE.match(text, block.start, min(block.end, block.start + 80)))


def _is_claim(sentence: Sentence, masked: str, min_words: int) -> bool:
    if sentence.heading:
        return False
    if sentence.markers:
        pieces, pos = [], sentence.start
        for marker in sentence.markers:
            if narrative(marker):
                continue
            pieces.append(masked[pos : marker.start])
            pos = marker.end
        pieces.append(masked[pos : sentence.end])
        body = "".join(pieces)
    else:
        body = masked[sentence.start : sentence.end]
    if ("?" in body or ":" in body) and _END.search(body.rstrip()):
        return False
    # Counting stops at min_words: a long sentence need not be split into all its words.
    if not _words_at_least(min_words).match(body):
        return False
    text = " ".join(body.split())
    return not (claims.addressed_to_reader(text) or claims.formula(text))


@cache
def _words_at_least(n: int) -> re.Pattern[str]:
    """A pattern that matches a text of at least ``n`` words (``_WORD``) at its start."""
    return re.compile(_FIRST_WORDS % n)
