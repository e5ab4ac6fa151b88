"""Parser: blocks in, sentences, markers, claims and references out."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from citecheck.model import Block, BlockKind, Document, Reference, Sentence
from citecheck.parser.markers import normalise_label, scan
from citecheck.parser.references import find_sections, parse_item
from citecheck.parser.sentences import segment
from citecheck.reader import read
from citecheck.vocab import REFERENCE_HEADING, reference_heading

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_END = re.compile(r"([?:])[\"'”’)\]»\s]*$")
_FINISHED = re.compile(r"[.!…][\"'”’)\]»*_]*\s*$")
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
    layout = read(text, fmt)
    masked = layout.masked
    heading = reference_heading(opts.reference_headings) if opts.reference_headings else None
    doc = Document(text=text, fmt=fmt, path=path, blocks=layout.blocks)
    doc.sections = find_sections(layout.blocks, masked, heading or REFERENCE_HEADING)
    _references(doc, masked if fmt == "text" else text)
    labels = frozenset(normalise_label(r.key) for r in doc.references if r.key)
    numbers = frozenset(str(r.number) for r in doc.references if r.number is not None)
    for i, block in enumerate(doc.blocks):
        if block.kind in _BODY and block.section is None:
            _sentences(doc, i, block, masked, labels, numbers, opts)
    return doc


def _references(doc: Document, source: str) -> None:
    for block in doc.blocks:
        in_list = block.section is not None and block.kind in (BlockKind.ITEM, BlockKind.PARAGRAPH)
        if in_list or block.kind in (BlockKind.FOOTNOTE, BlockKind.LINKDEF):
            ref, non = parse_item(block, source)
            if ref is not None:
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


def _sentences(
    doc: Document,
    index: int,
    block: Block,
    masked: str,
    labels: frozenset[str],
    numbers: frozenset[str],
    opts: ParseOptions,
) -> None:
    found = scan(masked, block.content_start, block.end, labels, numbers)
    offset = doc.markers[-1].group if doc.markers else 0
    for marker in found.markers:
        marker.group += offset
    doc.markers.extend(found.markers)
    doc.placeholders.extend(found.placeholders)
    spans = segment(masked, block.content_start, block.end, found.markers)
    sentences = [
        Sentence(
            s, e, " ".join(doc.text[s:e].split()), index, heading=block.kind is BlockKind.HEADING
        )
        for s, e in spans
    ]
    if sentences:
        starts = [x.start for x in sentences]
        for marker in found.markers:
            sentences[max(0, bisect_right(starts, marker.start) - 1)].markers.append(marker)
        for holder in found.placeholders:
            sentences[max(0, bisect_right(starts, holder.start) - 1)].placeholder = True
    cover: tuple[str, ...] = ()
    for sentence in reversed(sentences):
        own = tuple(k for m in sentence.markers for k in m.keys)
        if own or opts.scope == "sentence":
            cover = own
        sentence.covered_by = cover
        sentence.claim = _is_claim(sentence, masked, opts.min_claim_words)
    last = sentences[-1] if sentences else None
    # A paragraph that stops without punctuation is a label, byline or cell, not a claim.
    if last and block.kind is BlockKind.PARAGRAPH and not last.markers:
        last.claim = last.claim and bool(_FINISHED.search(masked[last.start : last.end]))
    doc.sentences.extend(sentences)


def _is_claim(sentence: Sentence, masked: str, min_words: int) -> bool:
    if sentence.heading:
        return False
    pieces, pos = [], sentence.start
    for marker in sentence.markers:
        pieces.append(masked[pos : marker.start])
        pos = marker.end
    pieces.append(masked[pos : sentence.end])
    body = "".join(pieces)
    if _END.search(body.rstrip()):
        return False
    return len(_WORD.findall(body)) >= min_words


def references_by_key(doc: Document) -> dict[str, Reference]:
    """Return the first reference for each key."""
    out: dict[str, Reference] = {}
    for ref in doc.references:
        if ref.key is not None:
            out.setdefault(ref.key, ref)
    return out
