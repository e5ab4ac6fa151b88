"""Verify a whole document: each covered claim against the sources its markers cite.

The sources stage has read what each cited reference points to; here every claim with a
covering citation is checked against the readable ones (in paragraph scope, a claim covered
by a later marker is checked against that marker's sources). What comes out is the input of
the CC2xx rules and of the ``claims`` of the report; nothing here reads files or the network.

A claim's verdict is the support scorer's, capped: a claim with a quotation no cited source
prints word for word (``quote-not-found``) or with a number none has (``number-not-found``)
is at most ``partially_supported``, whatever its score, since part of what it says is not in
its sources. The score stays the scorer's (a lexical share cannot see one changed word).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from citecheck.model import Document, Reference, Sentence
from citecheck.resolver import Resolution, build_index, lookup
from citecheck.sources.model import Source
from citecheck.verifier.numbers import Number, missing_numbers
from citecheck.verifier.quotes import Quote, QuoteMatch, find_quote, quotations
from citecheck.verifier.support import Support, Verdict, support

CAPPED: Verdict = "partially_supported"
"""The best verdict a claim with a missing quotation or number can get."""

if TYPE_CHECKING:
    from citecheck.verifier.found import Found
    from citecheck.verifier.onnx_model import SupportModel
    from citecheck.verifier.records import Judgement


@dataclass(frozen=True, slots=True)
class MissingQuote:
    """A quotation of a claim that no cited source prints (offsets into the document)."""

    start: int
    end: int
    quote: str
    closest: QuoteMatch | None
    """The nearest passage over the cited sources, when one came close."""
    key: str | None = None
    """The reference key of the source that holds ``closest``."""


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    """One covered claim, the references it cites and what their sources say to it."""

    sentence: Sentence
    references: tuple[Reference, ...]
    sources: tuple[Source, ...]
    """The cited sources that could be read (state ``ok``)."""
    support: Support
    missing_quotes: tuple[MissingQuote, ...]
    missing_numbers: tuple[Number, ...]
    """Numbers of the claim (offsets into the document) that no readable source has."""

    @property
    def capped_by(self) -> tuple[str, ...]:
        """The rules whose findings cap the verdict at :data:`CAPPED` (names)."""
        return (("quote-not-found",) if self.missing_quotes else ()) + (
            ("number-not-found",) if self.missing_numbers else ()
        )

    @property
    def verdict(self) -> Verdict:
        """The support verdict, capped at :data:`CAPPED` by a missing quotation or number."""
        verdict = self.support.verdict
        return CAPPED if verdict == "supported" and self.capped_by else verdict

    @property
    def cited(self) -> str:
        """The cited keys as a message shows them: ``[1][3]``."""
        return "".join(f"[{r.key}]" for r in self.references)


@dataclass(frozen=True, slots=True)
class Verification:
    """Every cited reference's source (by reference key) and every covered claim's check."""

    sources: Mapping[str, Source]
    claims: tuple[ClaimCheck, ...]
    lookups: Mapping[int, Judgement] = field(default_factory=dict)
    """Each looked-up reference's judged index lookup, by the reference's start offset
    (``verify --lookup``; empty without it)."""
    found: Mapping[int, Found] = field(default_factory=dict)
    """Each searched reference's search, judged (a reference with no URL or identifier,
    ``verify --lookup`` with ``search-url``), by the reference's start offset."""

    def source_of(self, ref: Reference) -> Source | None:
        """What the sources stage read for a reference, if anything."""
        return self.sources.get(ref.key) if ref.key else None

    def lookup_of(self, ref: Reference) -> Judgement | None:
        """What the indexes recorded of a reference's work, judged; None when it was not
        looked up."""
        return self.lookups.get(ref.start)


def cited_references(doc: Document, res: Resolution) -> list[Reference]:
    """Return the references some marker cites, in list order, each once."""
    return [r for r in doc.references if r.key is not None and res.citations(r)]


def claim_text(doc: Document, sentence: Sentence) -> str:
    """Return a sentence as it stands in the document with its markers blanked out, so
    offsets into it are offsets from ``sentence.start`` and marker numbers are not numbers
    of the claim."""
    chars = list(doc.text[sentence.start : sentence.end])
    for marker in sentence.markers:
        for i in range(marker.start - sentence.start, marker.end - sentence.start):
            if 0 <= i < len(chars):
                chars[i] = " "
    return "".join(chars)


def verify_document(
    doc: Document,
    res: Resolution,
    sources: Mapping[str, Source],
    min_quote_words: int = 4,
    model: SupportModel | None = None,
) -> Verification:
    """Check each covered claim of a document against its cited sources.

    ``sources`` maps reference keys to what the sources stage read for them; a claim whose
    cited references have no readable source gets the verdict ``unverifiable``. ``model``
    (the ``support-model`` setting) judges support instead of the lexical model.
    """
    index = build_index(doc)
    checks: list[ClaimCheck] = []
    for sentence in doc.sentences:
        if not sentence.claim or not sentence.covered_by:
            continue
        refs = _distinct(lookup(k, index) for k in sentence.covered_by)
        if not refs:
            continue
        readable = tuple(
            s for r in refs if (s := sources.get(r.key or "")) is not None and s.state == "ok"
        )
        text = claim_text(doc, sentence)
        quotes = quotations(text, min_quote_words)
        missing = _quotes(quotes, sentence.start, readable)
        checks.append(
            ClaimCheck(
                sentence=sentence,
                references=tuple(refs),
                sources=readable,
                support=support(" ".join(text.split()), readable, model),
                missing_quotes=missing,
                missing_numbers=_numbers(text, sentence.start, readable, quotes),
            )
        )
    return Verification(sources=dict(sources), claims=tuple(checks))


def _distinct(refs: Iterable[Reference | None]) -> list[Reference]:
    seen: dict[int, Reference] = {}
    for ref in refs:
        if ref is not None:
            seen.setdefault(id(ref), ref)
    return list(seen.values())


def _quotes(
    quotes: list[Quote], offset: int, sources: tuple[Source, ...]
) -> tuple[MissingQuote, ...]:
    """The quotations of a claim that no readable source prints word for word."""
    if not sources:
        return ()
    missing: list[MissingQuote] = []
    for quote in quotes:
        if any(find_quote(quote.text, s.text, nearest=False).found for s in sources):
            continue
        matches = [(find_quote(quote.text, s.text), s) for s in sources]
        best, source = max(matches, key=lambda pair: pair[0].score)
        closest = best if best.closest else None
        missing.append(
            MissingQuote(
                offset + quote.start,
                offset + quote.end,
                quote.text,
                closest,
                source.key if closest else None,
            )
        )
    return tuple(missing)


def _numbers(
    text: str, offset: int, sources: tuple[Source, ...], quotes: list[Quote]
) -> tuple[Number, ...]:
    if not sources:
        return ()
    quoted = [(q.start, q.end) for q in quotes]
    lacking = missing_numbers(text, [s.text for s in sources], quoted)
    return tuple(Number(n.value, n.kind, offset + n.start, offset + n.end, n.text) for n in lacking)
