"""Claim with no covering citation.

What it does
    Flags a declarative sentence of the body (a claim) that no citation covers. With
    ``--scope paragraph`` (the default) a claim is covered when it, or a later sentence of
    the same paragraph, carries a marker; with ``--scope sentence`` every claim needs its
    own. A sentence whose marker cannot be read is left to ``malformed-citation``, and so
    are the sentences before it in its paragraph that the marker would cover (an answer
    engine's export that kept its citation residue, ``citeturn0search1``, but lost the
    sources: the writer cited the paragraph, and the marker's defect is reported once).
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

    An ``article`` is also read for its citing habit (:mod:`citecheck.parser.habit`): of
    its body paragraphs that hold a claim, how many carry a marker, and whether it cites
    by notes. One that cites by footnotes or a ``Notes`` section's endnotes, or whose
    writer speaks as "I" and asks questions (one body sentence in ten), and marks fewer
    than one claim paragraph in three (of eight or more) **cites sparsely**, as an essay,
    a blog post or a primer does: most of its paragraphs are the writer's own explanation
    and argument. There only a paragraph that leans on others' work is asked for a
    citation: one with a citation-worthy signal as in a paper, or a named person's or a
    theory's view ("Joseph Stiglitz suggests that…"); its claims are reported. An article
    citing by numbered or author-year callouts into a list of sources in an impersonal
    voice, a short text and a wiki's page cite densely: every claim is asked for one. The
    habit is shown as ``files[].citing`` in the JSON report and as "cites sparsely (2 of 10
    claim paragraphs)" in the text summary.

    An ``article`` read so by ``auto`` also passes its claims through a claim gate
    (:mod:`citecheck.parser.claimgate`): a sentence that speaks to the reader ("your
    marks"), gives impersonal advice ("it is important to…", "важно", "il faut") or speaks
    of the writer or the document ("we", "our", "this report") is the writer's framing,
    not a claim about the world, and is not reported; nor is the writer's summing up ("In
    summary, …") or an item of a plan under a label naming its part ("Assumption: …",
    "Purpose: …"). In an article that speaks in its own voice (8 % or more of its claims
    so), an instruction ("Optionally install…") and a prescription, plan or hypothesis
    ("the panel will run…", "it must never…") are not reported either
    (:mod:`citecheck.parser.mood`), and a claim is reported only when it carries
    checkable specifics: a figure or a date, a proper name, a quotation, a superlative or
    an attribution. A wiki's page is not gated, and ``--profile article`` given explicitly
    asks every claim.

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

In an essay that cites now and then
    Eight or more claim paragraphs, fewer than one in three with a note: only the paragraph
    that gives a named person's view is reported.

    ```markdown
    Economic growth is the rise in what a country produces over time.

    A production function relates output to the inputs used to make it.

    Since land is fixed, output can only grow with the number of workers.

    The neoclassical model replaces land with capital, which can be accumulated.

    Capital wears out over time, and old equipment has to be replaced.

    Joseph Stiglitz suggests that property rights are the foundations of a market economy.

    Productivity grew by about one per cent a year between 1950 and 2000.[^1]

    Governments also correct for market failures such as public goods.

    Technology spreads slowly where the skills it needs are missing.

    [^1]: Crafts, N. (2004). Productivity growth in the industrial revolution.
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
    habit = ctx.habit
    where = "this sentence" if ctx.options.scope == "sentence" else "this paragraph"
    unread = _unread_cover(doc, ctx.options.scope == "sentence")
    for i, sentence in enumerate(doc.sentences):
        if not sentence.claim or sentence.covered_by or sentence.placeholder:
            continue
        if i in unread:
            continue  # the writer meant to cite: malformed-citation reports the marker
        worthy = citation_worthy(sentence.text, ctx.options.profile, sentence.results)
        if not sentence.markers and not worthy:
            continue  # a paper's or a spec's own work needs no source
        if not habit.expects(sentence):
            continue  # an essay that cites now and then: its own explanation and argument
        message = f"claim has no citation (no marker in {where} covers it)"
        best = ctx.titles.best(sentence.text)
        if best is not None:
            message += f"; it reads like {describe_reference(best[0])}"
        yield Violation(sentence.start, sentence.end, message)


def _unread_cover(doc: Document, own: bool) -> frozenset[int]:
    """Indexes of the sentences whose covering marker cannot be read: a sentence that
    carries a malformed marker, and (unless ``own``: every claim needs its own marker)
    those before it in its paragraph down to the previous sentence with a marker, which
    a readable marker there would cover."""
    out: set[int] = set()
    block = -1
    unread = False
    for i in range(len(doc.sentences) - 1, -1, -1):
        sentence = doc.sentences[i]
        if sentence.block != block:
            block, unread = sentence.block, False
        if sentence.markers:
            unread = any(m.problem for m in sentence.markers) and not any(
                m.keys for m in sentence.markers if not m.problem
            )
        if unread:
            out.add(i)
            unread = not own
    return frozenset(out)


def _unlisted_callouts(doc: Document) -> bool:
    """Whether the document cites only by author-year callouts and has no reference list
    (``missing-reference-section`` reports it once)."""
    if doc.references or doc.sections or not doc.markers:
        return False
    return all(m.kind is MarkerKind.AUTHOR_YEAR for m in doc.markers)
