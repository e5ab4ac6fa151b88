"""The statistics of one checked file: its claims and how many are covered, its markers, and
its reference entries and how many are cited (``FileStats``, the summary's "claim coverage
… N/M references cited")."""

from __future__ import annotations

from citecheck.checker import Context, uncited_reference
from citecheck.checker.base import Violation
from citecheck.model import Reference, Sentence
from citecheck.parser.citeworthy import needs_citation
from citecheck.parser.habit import Habit
from citecheck.report import FileStats, percent


def file_stats(ctx: Context, profile: str, uncited: list[Violation] | None = None) -> FileStats:
    """The statistics of a checked document (``ctx``, after the rules ran) read under
    ``profile``; the counts of suppressed findings and of verdicts are left at 0.
    ``uncited`` is what uncited-reference (CC003) reported when it ran; None runs it."""
    doc, res, habit = ctx.doc, ctx.res, ctx.habit
    # Only a document that cites sources has claims that need citing (see CC001), in a
    # paper or a spec only the claims that lean on others' work, and in an article that
    # cites now and then only those its habit expects to cite (parser/habit.py).
    cites = doc.cites_sources()
    claims = (
        [s for s in doc.sentences if needs_citation(s, profile) and expected(s, habit)]
        if cites
        else []
    )
    # A claim whose markers all point nowhere is not covered: nothing backs it.
    resolved = {link.key for link in res.links if link.reference is not None}
    # A list that closes a section of its own is cited by that section (parser/scoped.py).
    scoped = {k for k, s in enumerate(doc.sections) if s.covers}
    resolved |= {r.key for r in doc.references if r.key and r.section in scoped}
    covered = sum(1 for s in claims if any(k in resolved for k in s.covered_by))
    keyed = [r for r in doc.references if r.key is not None and id(r) not in res.shadowed]
    if uncited is None:
        uncited = list(uncited_reference.check(ctx))
    n_uncited = _uncited(keyed, uncited)
    return FileStats(
        claims=len(claims),
        covered_claims=covered,
        coverage=percent(covered, len(claims)),
        markers=len(doc.markers),
        references=len(doc.references),
        cited_references=len(keyed) - n_uncited,
        uncited_references=n_uncited,
    )


def _uncited(keyed: list[Reference], reported: list[Violation]) -> int:
    """How many of the keyed entries uncited-reference (CC003) reports (``reported``, its
    violations), whether or not the rule is selected: the summary's "N/M references
    cited" counts an entry cited exactly when the rule does not report it (a note that
    names a listed work cites it, a reading list is not judged, …). The rule reports an
    entry at its start, or a list that a text with no inline citation never calls once,
    at its heading: then every entry."""
    starts = {r.start for r in keyed}
    at = {v.start for v in reported}
    if at - starts:
        return len(keyed)
    return sum(1 for r in keyed if r.start in at)


def expected(sentence: Sentence, habit: Habit) -> bool:
    """Whether a claim counts under the document's citing habit: one that cites or is
    flagged always does; another when the habit expects it to cite."""
    if sentence.covered_by or sentence.placeholder or sentence.markers:
        return True
    return habit.expects(sentence)
