"""What ``verify`` adds to the report of a checked document: the ``claims`` (each verified
claim with its verdict, score, evidence and misquotations), the ``works`` (each looked-up
reference's record and verdict) and the verdict counts of its statistics."""

from __future__ import annotations

from citecheck.model import Document
from citecheck.report import Claim, Misquote, WordChange, WorkRecord
from citecheck.text.lines import LineIndex
from citecheck.verifier.document import MissingQuote, Verification

VERDICTS = ("supported", "partially_supported", "unsupported", "unverifiable")


def works_report(verification: Verification, doc: Document) -> list[WorkRecord] | None:
    """The report's ``works``: each looked-up reference's record and verdict, in list
    order; None when nothing was looked up."""
    if not verification.lookups:
        return None
    lines = LineIndex(doc.text)
    out: list[WorkRecord] = []
    for ref in doc.references:
        judged = verification.lookup_of(ref)
        if judged is None:
            continue
        line, column = lines.position(ref.start)
        rec = judged.record
        found = judged.verdict == "found"
        out.append(
            WorkRecord(
                key=ref.key,
                line=line,
                column=column,
                verdict=judged.verdict,
                way=judged.lookup.way,
                index=rec.index if rec else None,
                identifier=rec.identifier if rec else None,
                title=rec.title if rec else None,
                authors=list(rec.authors) if rec else [],
                year=rec.year if rec else None,
                url=rec.url if rec else None,
                differences=list(judged.differences),
                problem=judged.lookup.problem,
                found=rec.url if rec and judged.lookup.way == "search" and found else None,
                found_by="search" if rec and judged.lookup.way == "search" and found else None,
            )
        )
    return out


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
