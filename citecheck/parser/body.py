"""Sentences and claims of one body block, with the markers each carries.

Markers are taken out before segmenting (see :mod:`.sentences`), with their round brackets
when a group is wrapped in them; a narrative callout (``Lind (1999) showed …``) stays in,
since its names are words of the sentence. A sentence is a claim unless it is a heading, a
question, a lead-in, too short, addressed to the reader (see :mod:`.claims`), a caption, a
table cell or a page's footnote left in the body (:mod:`.claimtest`).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from citecheck.model import Block, BlockKind, Document, Marker, Placeholder, Sentence
from citecheck.parser.authoryear import narrative
from citecheck.parser.claimtest import WORD as _WORD
from citecheck.parser.claimtest import examples, is_claim, not_claims, self_described
from citecheck.parser.claimtest import words_at_least as _words_at_least
from citecheck.parser.finder import MarkerFinder
from citecheck.parser.quotespans import quoted_continuations
from citecheck.parser.sentences import segment
from citecheck.parser.sourcelinks import attribution, epigraph, source_link
from citecheck.reader import Layout
from citecheck.text.recache import lazy

# ``_WORD`` and ``_words_at_least`` (see :mod:`.claimtest`) are read from here by the tests.
__all__ = ["_WORD", "Body", "ParseOptions", "_words_at_least"]

# Code spans that end right where a sentence starts (the masked text left them out).
_CODE_GAP = lazy(r"(?:^|(?<=\s))(?P<code>(?:(`+)[^`\n]+\2\s*)+)\Z")
_FINISHED = lazy(r"[.!…][\"'”’)\]»*_]*\s*$")


@dataclass(frozen=True, slots=True)
class ParseOptions:
    """What the parser needs to know beyond the text."""

    scope: str = "paragraph"
    min_claim_words: int = 5
    reference_headings: tuple[str, ...] = ()


class Body:
    """Finds sentences and claims in the body blocks of one document."""

    def __init__(self, doc: Document, layout: Layout, opts: ParseOptions) -> None:
        self.doc, self.masked, self.opts = doc, layout.masked, opts
        self.finder = MarkerFinder(doc, layout)
        self.keys = self.finder.keys
        # Inline links to source pages (a blog's news and agency links) cover like markers.
        self.sourced = [(s, d) for s, _, d in layout.inline if source_link(d)]
        self.sourced_starts = [s for s, _ in self.sourced]
        self.claimed = False  # a claim seen yet: an epigraph stands before any

    def markers(self, block: Block) -> list[Marker]:
        """The markers of a block that is not body prose (a footnote definition)."""
        return self.finder.markers(block).markers

    def sentences(self, index: int, block: Block, claims: bool = True) -> None:
        """Segment one body block and decide which sentences are covered claims
        (none when ``claims`` is false: a chat user's turn, say)."""
        doc, masked, opts = self.doc, self.masked, self.opts
        found = self.finder.markers(block)
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
        if not spans and found.markers:
            # A block that holds only markers (a table's ``| [30] |`` cell) is one sentence
            # with no words: its markers are shown where they stand, and it is no claim.
            spans = [(block.content_start, block.end)]
        spans = _with_opening_code(spans, doc.text, block.start)
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
            # A link to a source page covers the words it sits on: its own sentence.
            linked = self._linked(sentence) if not cover and self.sourced else ()
            sentence.covered_by = cover or linked
            sentence.claim = claims and is_claim(sentence, masked, opts.min_claim_words)
        examples(sentences, masked)
        self_described(sentences, masked)
        quoted_continuations(sentences, doc.text, block.content_start, block.end)
        last = sentences[-1] if sentences else None
        # A block that stops without punctuation is a label, byline, cell or navigation link,
        # not a claim.
        if last and not last.markers:
            last.claim = last.claim and bool(_FINISHED.search(masked[last.start : last.end]))
        if sentences and not heading and not_claims(block, masked, doc.text):
            for sentence in sentences:
                sentence.claim = False
        if not self.claimed and any(x.claim for x in sentences):
            raw = doc.text[block.start : block.end]
            nxt = doc.blocks[index + 1] if index + 1 < len(doc.blocks) else None
            if epigraph(raw) or (nxt and attribution(doc.text[nxt.start : nxt.end])):
                for sentence in sentences:
                    sentence.claim = False
            else:
                self.claimed = True
        doc.sentences.extend(sentences)

    def _linked(self, sentence: Sentence) -> tuple[str, ...]:
        """The destination of the first inline link to a source page inside a sentence, as
        the key that covers it (the link is its own source); () when it holds none."""
        i = bisect_right(self.sourced_starts, sentence.start - 1)
        if i < len(self.sourced) and self.sourced[i][0] < sentence.end:
            return (self.sourced[i][1],)
        return ()


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


def _with_opening_code(spans: list[tuple[int, int]], text: str, lo: int) -> list[tuple[int, int]]:
    """The sentences ``spans`` (offsets into ``text``, of a block from ``lo`` on), each
    opening at the code span that opens it (```papaja` is a package…``): code is masked,
    so segmenting starts the sentence after it, and its subject would be lost."""
    out: list[tuple[int, int]] = []
    prev = lo
    for s, e in spans:
        code = _CODE_GAP.search(text, prev, s) if "`" in text[prev:s] else None
        out.append((code.start("code") if code else s, e))
        prev = e
    return out


def _year_part(marker: Marker) -> Marker | None:
    """The bracketed year of a narrative callout (``[2011]`` of ``Lind et al. [2011]``)."""
    at = marker.raw.rfind("[")
    if at < 0:
        return None
    return Marker(marker.start + at, marker.end, marker.raw[at:], marker.keys, marker.kind)
