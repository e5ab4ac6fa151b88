"""Claim with no covering citation.

What it does
    Flags a declarative sentence of the body (a claim) that no citation covers. With
    ``--scope paragraph`` (the default) a claim is covered when it, or a later sentence of
    the same paragraph, carries a marker; with ``--scope sentence`` every claim needs its
    own. A sentence whose marker cannot be read is left to ``malformed-citation``.
    Documents that cite nothing (no numbered or labelled markers, no reference list, only
    links, or footnotes or an essay's numbered endnotes written as asides) are not
    checked, nor is a draft that cites only by author-year callouts and holds no reference
    list (a thesis chapter whose bibliography is kept elsewhere): ``missing-reference-section``
    reports that once, and which claim rests on which work waits for the list.

    Which claims need a citation depends on the ``profile`` setting (``--profile``). In an
    ``article`` every claim does. In a ``paper`` or a ``spec`` most sentences describe the
    document's own work, so only a claim with a citation-worthy signal is reported:
    attribution ("studies show", "it has been reported", "according to Reuters", "previous
    work", "et al."), a named prior work ("introduced by Smith", "Smith (2019)", "RFC
    2396"), a superlative about the field ("state-of-the-art", "the most widely used") or a
    figure attributed to others ("an estimated 40% of…"). A sentence about the document's
    own work ("we propose", "our model", "in this paper", "this document specifies", "see
    Section 3") needs none. ``spec`` also skips normative text (MUST, SHOULD, MAY…), ABNF
    rules, definitions and the IETF's boilerplate. A ``book`` is read as a paper is: most
    of it is the author's own narration, description and argument, whether its notes are
    asides or sources. ``auto`` (the default) reads RFC and Internet-Draft headers as
    ``spec``, a paper's headings (Abstract, Introduction, Methods, Results, Discussion,
    Conclusion; 摘要, 绪论, 结论 in Chinese) as ``paper`` and a Project Gutenberg text or
    page, a long work with chapter headings, or a Markdown post or essay whose only sources
    are footnotes and whose writer speaks as "I", as ``book``; anything else is an
    ``article``. The profile applied is shown in the summary and in the JSON report.

Why is this bad?
    A reader cannot verify a claim that points to no source.

Example
    ```text
    The council approved the budget on Monday after a long debate. [1]

    The mayor plans to resign before the end of the year.

    References:
    1. City Herald: Council approves budget
    ```

Use instead
    ```text
    The council approved the budget on Monday after a long debate. [1]

    The mayor plans to resign before the end of the year. [2]

    References:
    1. City Herald: Council approves budget
    2. City Herald: Mayor to step down
    ```

In a paper
    Only the sentence that leans on others' work is reported: "Studies show…".

    ```text
    # Abstract

    We propose a parser that reads reference lists in one pass.

    # Introduction

    Studies show that most readers never open a cited source.

    In this paper we describe our parser and test it on 200 articles. [1]

    # Conclusion

    Our parser reads a reference list of any length in one pass.

    # References

    1. A. Writer. Reading references. 2020.
    ```

Fix
    Not fixable: only a person can find the source a claim rests on.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checker.base import Context, Violation, describe_reference
from citecheck.model import Document, MarkerKind
from citecheck.parser.citeworthy import citation_worthy

CODE = "CC001"
NAME = "uncited-claim"
SEVERITY = "warning"
ENABLED = True


def check(ctx: Context) -> Iterator[Violation]:
    """Yield each claim that no marker covers."""
    doc = ctx.doc
    if not doc.cites_sources() or _unlisted_callouts(doc):
        return
    where = "this sentence" if ctx.options.scope == "sentence" else "this paragraph"
    for sentence in doc.sentences:
        if not sentence.claim or sentence.covered_by or sentence.placeholder:
            continue
        if any(m.problem for m in sentence.markers):
            continue  # the writer meant to cite: malformed-citation reports the marker
        if not sentence.markers and not citation_worthy(sentence.text, ctx.options.profile):
            continue  # a paper's or a spec's own work needs no source
        message = f"claim has no citation (no marker in {where} covers it)"
        best = ctx.titles.best(sentence.text)
        if best is not None:
            message += f"; it reads like {describe_reference(best[0])}"
        yield Violation(sentence.start, sentence.end, message)


def _unlisted_callouts(doc: Document) -> bool:
    """Whether the document cites only by author-year callouts and has no reference list
    (``missing-reference-section`` reports it once)."""
    if doc.references or doc.sections or not doc.markers:
        return False
    return all(m.kind is MarkerKind.AUTHOR_YEAR for m in doc.markers)
