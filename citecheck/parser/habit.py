"""How a document cites: claim by claim, or now and then.

A news story or an encyclopedia article cites paragraph after paragraph: a paragraph of
claims without a marker stands out, and ``uncited-claim`` reports it. An essay, a blog
post or a primer (in Markdown, HTML or Word) cites now and then: most of its paragraphs
are the writer's own explanation, argument or description, and a note comes where the
writer leans on someone else. Such a document's unmarked paragraphs are its habit, not its gaps.

The habit is read from the document itself: of the body paragraphs that hold a claim,
the share that carry a marker (or a placeholder such as ``[citation needed]``), and how
its markers are written. A document **cites sparsely** when

- it has at least :data:`MIN_PARAGRAPHS` such paragraphs (a short text shows no habit);
- fewer than one in three (:data:`SPARSE_SHARE`) of them carry a marker;
- it cites by notes (:func:`cites_by_notes`): footnotes, or the numbered endnotes of a
  ``Notes`` section (also the heading-less notes a converter leaves at the end of an
  essay, ``\\[1\\] …``, called by links), which a writer hangs where they choose;
  or its writer speaks as one (:func:`citecheck.parser.essays.speaks_as_writer`: "I" and
  questions put to the reader in one body sentence in ten), as an essay or a post does
  whatever its markers: numbered callouts into a short list, endnotes a converter did not
  keep as notes. Numbered callouts into a list of sources and author-year callouts in an
  impersonal voice are the habit of encyclopedias, news, reports and scholarship, which
  cite claim by claim: there an unmarked paragraph is a gap (a Wikipedia page with few
  notes, a manuscript citing by author and year).

Otherwise it **cites densely**. A wiki's page (HTML made by MediaWiki, or a copy whose
notes read as an encyclopedia's citation templates, :func:`encyclopedic`) cites densely
whatever its share and its markers: its site asks a source for every claim a reader may
challenge.

In a sparsely citing article a paragraph needs a citation only when one of its claims
carries a citation-worthy signal (:mod:`citecheck.parser.citeworthy`: "studies show",
a named prior work, a figure attributed to others…) or gives a named person's or a
theory's view ("Joseph Stiglitz suggests that…", "the missing institutions theory, which
suggests…"); the claims of such a paragraph are then reported, as in a densely citing
one. The habit is the document's own base rate of citation: it differs between kinds of
text (Wright and Augenstein, "CiteWorth", Findings of ACL 2021, find the share of
cite-worthy sentences differs from one field to another), and one fixed rate asks an
essay for the citations of an encyclopedia.

Only the ``article`` profile reads the habit: a ``paper``, a ``spec`` and a ``book``
already ask a citation only of the sentences that lean on others' work. An article's
habit also carries its claim gate (:mod:`citecheck.parser.claimgate`): the claims that
are the writer's framing, not statements about the world, are not asked for a source.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from citecheck.model import BlockKind, Document, MarkerKind, Sentence
from citecheck.parser.citeworthy import attributed, citation_worthy
from citecheck.parser.essays import speaks_as_writer
from citecheck.text.recache import lazy

_RETRIEVED = lazy(r"\bRetrieved\s+(?:on\s+)?\w|\bArchived\s+from\s+the\s+original\b|^\W*\^")

MIN_PARAGRAPHS = 8
"""Claim paragraphs a document needs before its share of cited ones says how it cites."""
SPARSE_SHARE = 1 / 3
"""Below this share of cited claim paragraphs a document cites sparsely."""


@dataclass(frozen=True, slots=True)
class Habit:
    """How a document cites: its claim paragraphs, how many carry a marker, and what
    follows for ``uncited-claim``.

    ``paragraphs`` counts the body paragraphs (blocks) holding at least one claim,
    ``cited`` those of them with a marker or a placeholder; ``sparse`` says the document
    cites now and then (see the module's docstring); ``wanted`` holds, for a sparse
    document, the paragraphs (block indices) whose claims still need a citation;
    ``unasked`` the start offsets of the claims an article's gate lets go (the writer's
    framing, :func:`citecheck.parser.claimgate.unasked`).
    """

    paragraphs: int = 0
    cited: int = 0
    sparse: bool = False
    wanted: frozenset[int] = field(default_factory=frozenset)
    unasked: frozenset[int] = field(default_factory=frozenset)

    @property
    def share(self) -> float | None:
        """The share of claim paragraphs that carry a marker (0–1), None without any."""
        return self.cited / self.paragraphs if self.paragraphs else None

    def expects(self, sentence: Sentence) -> bool:
        """Whether the habit expects this claim to cite: always in a densely citing
        document, in a sparse one when its paragraph leans on others' work; never when the
        article's gate lets it go as the writer's framing."""
        if sentence.start in self.unasked:
            return False
        return not self.sparse or sentence.block in self.wanted


DENSE = Habit()


def citing_habit(doc: Document, profile: str, gate: bool = True) -> Habit:
    """Read how ``doc`` cites (see the module's docstring) under a resolved ``profile``
    (``article``, ``paper``, ``spec`` or ``book``); a document that is not an article, or
    a wiki's page, is given as citing densely with its counts. ``gate`` applies an
    article's claim gate (off when the user asked every claim with ``--profile article``)."""
    claimed: dict[int, bool] = {}
    for s in doc.sentences:
        if not s.claim or s.heading:
            continue
        marked = bool(s.markers or s.covered_by or s.placeholder)
        claimed[s.block] = claimed.get(s.block, False) or marked
    paragraphs = len(claimed)
    cited = sum(claimed.values())
    sparse = (
        profile == "article"
        and not doc.wiki
        and paragraphs >= MIN_PARAGRAPHS
        and cited < SPARSE_SHARE * paragraphs
        and (cites_by_notes(doc) or speaks_as_writer(doc))
        and not encyclopedic(doc)
    )
    unasked: frozenset[int] = frozenset()
    if gate and profile == "article" and not encyclopedic(doc):
        from citecheck.parser.claimgate import unasked as framed

        unasked = framed(doc)
    if not sparse:
        return Habit(paragraphs, cited, unasked=unasked)
    wanted = frozenset(
        s.block
        for s in doc.sentences
        if s.claim
        and not s.heading
        and not (s.markers or s.covered_by)
        and (citation_worthy(s.text, "paper") or attributed(s.text))
    )
    return Habit(paragraphs, cited, True, wanted, unasked)


def encyclopedic(doc: Document) -> bool:
    """Whether the notes read as an encyclopedia's citation templates: a quarter of the
    entries (two at least) say when a web page was retrieved or archived ("Retrieved 3 May
    2019", "Archived from the original") or open with a wiki's back-link caret (``^``). A
    copy of a wiki's page that lost its generator still cites as its site does."""
    hits = sum(1 for r in doc.references if _RETRIEVED.search(r.text))
    return hits >= 2 and 4 * hits >= len(doc.references)


def cites_by_notes(doc: Document) -> bool:
    """Whether the document cites by notes: at least three in four of its markers (links
    aside, but for a link that calls a note) call a footnote or a numbered endnote of a
    ``Notes`` section, not a numbered or author-year callout into a list of sources. (A
    text citing by links alone is not asked for citations at all: see
    :meth:`citecheck.model.Document.cites_sources`.)"""
    ends = {k for k, s in enumerate(doc.sections) if s.endnotes}
    notes = {
        r.key
        for r in doc.references
        if r.key and (r.kind is BlockKind.FOOTNOTE or r.section in ends)
    }
    calls = [
        m
        for m in doc.markers
        if m.kind is not MarkerKind.LINK or (m.keys and notes.issuperset(m.keys))
    ]
    noted = sum(
        1 for m in calls if m.kind is MarkerKind.FOOTNOTE or (m.keys and notes.issuperset(m.keys))
    )
    return bool(calls) and 4 * noted >= 3 * len(calls)
