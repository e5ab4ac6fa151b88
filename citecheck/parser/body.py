"""Sentences and claims of one body block, with the markers each carries.

Markers are taken out before segmenting (see :mod:`.sentences`), with their round brackets
when a group is wrapped in them; a narrative callout (``Lind (1999) showed …``) stays in,
since its names are words of the sentence. A sentence is a claim unless it is a heading, a
question, a lead-in, too short, addressed to the reader (see :mod:`.claims`), a caption, a
table cell or a page's footnote left in the body.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from citecheck.model import Block, BlockKind, Document, Marker, Placeholder, Sentence
from citecheck.parser import claims, declarations, howto, manual
from citecheck.parser.authoryear import narrative
from citecheck.parser.chrome import page_chrome
from citecheck.parser.finder import MarkerFinder
from citecheck.parser.guidance import guidance
from citecheck.parser.memo import current
from citecheck.parser.selfreference import pointer
from citecheck.parser.sentences import segment
from citecheck.parser.sourcelinks import attribution, epigraph, source_link
from citecheck.parser.speculation import speculates
from citecheck.parser.stance import continues_itself, own_stance
from citecheck.reader import Layout
from citecheck.reader.math import blank_math
from citecheck.text.recache import lazy

_CLAIM = "claim"  # a memo's key for the claim test
_WORD = lazy(r"[^\W_]+(?:['’.-][^\W_]+)*")
# ``min_words`` words of ``_WORD`` (each whole, as ``finditer`` finds them), at the start of
# a text after anything that is not a word: one anchored match instead of a search per word.
_FIRST_WORDS = r"[\W_]*(?:(?>[^\W_]+(?:['’.-][^\W_]+)*)[\W_]*){%d}"
# A question or a lead-in ends in "?" or ":" (":." where a converter dropped what followed).
_END = lazy(r"([?:])\.?[\"'”’)\]»\s]*$")
# Code spans that end right where a sentence starts (the masked text left them out).
_CODE_GAP = lazy(r"(?:^|(?<=\s))(?P<code>(?:(`+)[^`\n]+\2\s*)+)\Z")
_FINISHED = lazy(r"[.!…][\"'”’)\]»*_]*\s*$")
# A footnote of a page that a PDF converter left in the body: "5We acknowledge…",
# "\\(^1\\)For simplicity…", "<sup>4.</sup> We use…", "<span id=…></span><sup>1</sup> …".
_PAGE_NOTE = lazy(
    r"(?:<span\b[^<>]*></span>\s*)?"
    r"(?:\d{1,2}(?=[A-Z][a-z])|\\\(\^\{?\d{1,2}\}?\\\)|<sup>\s*\d{1,2}\.?\s*</sup>)"
)


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
            sentence.claim = claims and _is_claim(sentence, masked, opts.min_claim_words)
        _examples(sentences, masked)
        _self_described(sentences, masked)
        last = sentences[-1] if sentences else None
        # A block that stops without punctuation is a label, byline, cell or navigation link,
        # not a claim.
        if last and not last.markers:
            last.claim = last.claim and bool(_FINISHED.search(masked[last.start : last.end]))
        if sentences and not heading and _not_claims(block, masked, doc.text):
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


def _examples(sentences: list[Sentence], masked: str) -> None:
    """An example opened in a paragraph (``Imagine a wiki devoted to food.``) goes on to its
    end: the sentences after the opening illustrate it and are no claims."""
    for i, sentence in enumerate(sentences):
        if howto.opens_example(" ".join(masked[sentence.start : sentence.end].split())):
            for after in sentences[i:]:
                after.claim = False
            return


def _self_described(sentences: list[Sentence], masked: str) -> None:
    """A sentence that goes on describing the report the sentence before it named (``This
    report provides … It covers …``) is no claim either (see :mod:`.stance`)."""
    for before, sentence in pairwise(sentences):
        if sentence.claim and not sentence.markers:
            text = " ".join(masked[sentence.start : sentence.end].split())
            if continues_itself(" ".join(masked[before.start : before.end].split()), text):
                sentence.claim = False


def _not_claims(block: Block, masked: str, text: str) -> bool:
    """A table cell, a table row of plain text, a caption, a paragraph labelled as advice or
    opinion, a page's footnote converted from PDF or a thesis's declaration of authorship
    holds no claims."""
    head = masked[block.content_start : min(block.end, block.content_start + 200)].lstrip()
    if block.cell or claims.caption(head) or claims.table_row(head) or claims.advice(head):
        return True
    if head[:1] in declarations.OPENERS and declarations.opens(head):
        return True  # a thesis's declaration of authorship on its cover page
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
    memo = current()
    marked = bool(sentence.markers)
    if memo is None:
        return _reads_as_claim(body, sentence.text, marked, min_words)
    key = (_CLAIM, body, sentence.text, marked, min_words)
    return memo.get(key, lambda: _reads_as_claim(body, sentence.text, marked, min_words))


def _reads_as_claim(body: str, sentence: str, marked: bool, min_words: int) -> bool:
    """Whether a sentence's words make a claim: ``body`` is its masked text without its
    (non-narrative) markers, ``sentence`` its text, ``marked`` whether it has markers. A
    pure function of these (kept by them under a :mod:`~citecheck.parser.memo`)."""
    if ("?" in body or ":" in body) and _END.search(body.rstrip()):
        return False
    # Counting stops at min_words: a long sentence need not be split into all its words.
    if not _words_at_least(min_words).match(body):
        return False
    text = " ".join(body.split())
    if not marked and claims.fragment(_without_formulas(sentence)):
        return False  # what is left of a sentence around its formulas
    return not (
        claims.addressed_to_reader(text)
        or page_chrome(text)
        or howto.explains(text)
        or claims.formula(text)
        or claims.conversational(text)
        or manual.own_software(sentence)
        or pointer(text)
        or (not marked and (own_stance(text) or speculates(text) or guidance(text)))
    )


def _without_formulas(text: str) -> str:
    """A sentence with its TeX formulas (``$A^T$``, ``\\(x\\)``) taken out, as an HTML
    reader drops MathML: what is left shows whether the words make a sentence."""
    if "$" not in text and "\\" not in text:
        return text
    return " ".join(blank_math(text, text).split())


@cache
def _words_at_least(n: int) -> re.Pattern[str]:
    """A pattern that matches a text of at least ``n`` words (``_WORD``) at its start."""
    return re.compile(_FIRST_WORDS % n)
