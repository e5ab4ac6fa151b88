"""Glue between a checked document, the sources stage and the report: what ``verify`` adds.

The sources are loaded once per document (snapshots, cache, network: the only I/O), the
verifier checks every covered claim, and the checks become the report's ``claims`` and the
verdict counts of its statistics.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from citecheck.model import Document
from citecheck.report import Claim, Misquote, WordChange
from citecheck.resolver import Resolution
from citecheck.sources.model import Source
from citecheck.text.lines import LineIndex
from citecheck.verifier.document import (
    MissingQuote,
    Verification,
    cited_references,
    verify_document,
)

if TYPE_CHECKING:
    from citecheck.sources.model import SourceOptions

VERDICTS = ("supported", "partially_supported", "unsupported", "unverifiable")


def verification_for(
    doc: Document,
    res: Resolution,
    article: str | None,
    sources: SourceOptions | Mapping[str, Source],
    min_quote_words: int = 4,
    support_model: str | None = None,
) -> Verification:
    """Read the sources of a document's cited references (unless given, by key) and verify
    its claims against them; with ``support_model`` (a path, see ``onnx_model.py``) that
    cross-encoder judges support. Raises ``ConfigError`` when the model cannot be loaded."""
    if isinstance(sources, Mapping):
        loaded: Mapping[str, Source] = sources
    else:
        from citecheck.sources import load_sources

        loaded = load_sources(article, cited_references(doc, res), sources)
    model = None
    if support_model:
        from citecheck.verifier.onnx_model import load_model

        model = load_model(support_model)
    return verify_document(doc, res, loaded, min_quote_words, model)


def claims_report(verification: Verification, text: str) -> list[Claim]:
    """The report's ``claims``: each verified claim, its verdict, score and evidence."""
    lines = LineIndex(text)
    out: list[Claim] = []
    for check in verification.claims:
        line, column = lines.position(check.sentence.start)
        support = check.support
        out.append(
            Claim(
                line=line,
                column=column,
                text=check.sentence.text,
                cites=[r.key for r in check.references if r.key],
                verdict=check.verdict,
                score=round(min(1.0, max(0.0, support.score)), 4),
                evidence=list(support.evidence),
                capped_by=list(check.capped_by),
                misquotes=[_misquote(m) for m in check.missing_quotes],
                missing_numbers=[n.text for n in check.missing_numbers],
            )
        )
    return out


def _misquote(missing: MissingQuote) -> Misquote:
    match = missing.closest
    if match is None:
        return Misquote(
            text=missing.quote, key=None, closest="", start=0, end=0, score=0.0, changes=[]
        )
    return Misquote(
        text=missing.quote,
        key=missing.key,
        closest=match.closest,
        start=match.start,
        end=match.end,
        score=match.score,
        changes=[WordChange(quoted=c.quoted, printed=c.printed) for c in match.changes],
    )


def verdict_counts(verification: Verification) -> dict[str, int]:
    """How many claims were verified and how many got each verdict."""
    counts = dict.fromkeys(VERDICTS, 0)
    for check in verification.claims:
        counts[check.verdict] += 1
    return {"verified": len(verification.claims), **counts}
