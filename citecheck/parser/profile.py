"""Which kind of document a text is: a news-style article, a research paper, a spec or a book.

The profile decides what ``uncited-claim`` asks of a sentence (see
:mod:`citecheck.parser.citeworthy`). ``auto`` looks at two things only:

- **spec**: an RFC or Internet-Draft, by its XML root, its header lines, its BCP 14
  boilerplate and page footers, or its section headings and RFC-keyed references (see
  :mod:`citecheck.parser.specprofile`);
- **paper**: a reference list of scholarly works (eight entries or more, three in four
  with ``et al.``, arXiv, a DOI, proceedings, a journal, GB/T 7714's ``[J]``…, or a
  journal's volume and pages as statistics cites it, ``Biometrika, 94, 769–786``: the
  evidence that survives when a paper is cut after its first sections); or the
  headings of a research paper, numbered or not ("1 INTRODUCTION", "II. Related Work",
  "## Abstract", a thesis's "chapter 1 : abstract" in Word or its "1. Introduction" set
  as an item of Word's numbered list, an IEEE journal's run-in "ABSTRACT The…" as OCR
  keeps it): an Abstract and one more of Introduction, Background or Related work,
  Methods, Results, Discussion and Conclusion; or, without an Abstract,
  four of those and a writer who speaks of their own work ("we", "our", "this paper") in
  at least three sentences, which a report or an answer-engine export laid out in the
  same sections does not; or a Word thesis in any language, which has a contents list (its
  title a heading, or a line of the body followed by entries ending in page numbers,
  "1.1 Обзор аналогов 8"), an Introduction, a Conclusion and a reference list, or one in
  Markdown set in numbered chapters, or one in any format whose title page declares a
  degree thesis (:mod:`citecheck.parser.thesisprofile`). Section
  names are read in English, Chinese, German, French, Spanish, Portuguese, Italian,
  Russian, Hungarian, Polish, Czech and Slovak, Turkish, Dutch and Swedish (see
  :mod:`citecheck.parser.sectionnames`). In plain text converted from PDF a heading is a
  line inside a block ("Abstract", "1 Introduction" between lines of prose): those lines
  count too; and an extract without headings is a paper when it keeps a journal's pages
  (running heads, figure captions and figure callouts) and its writers speak of their own work (see
  :mod:`citecheck.parser.pdftext`); or a Pandoc source citing by key a bibliography kept in
  another file (``[@smith-2004]`` with ``bibliography: refs.bib``, see
  :mod:`citecheck.parser.pandocbib`), or one whose citeproc list closes it with no heading
  (author-date entries in alphabetical order, see :mod:`citecheck.parser.headless`):
  citeproc is a scholar's tool, and such a text reports and explains its writers' work,
  citing where it leans on others'; so is a text holding the bibliography citeproc rendered
  into it and cited (``<div id="refs" class="csl-bib-body">``, see
  :mod:`citecheck.reader.citeproc`).

- **book**: a digitised book (the Project Gutenberg ``*** START OF THE PROJECT GUTENBERG
  EBOOK`` line in its source, plain text or HTML), or a long work (100,000 characters or
  more) with at least three chapter headings ("CHAPTER I", "Chapter 2", "BOOK III"), or
  a Markdown text whose only sources are notes written inline where they are called
  (htmldoc's ``@[^1 …](fn:1)``, Pandoc's ``^[…]``: a writer's essay or post), or a
  Markdown text whose only sources are ``[^1]`` footnotes and whose writer speaks as "I"
  (a blog post or essay with notes, see :mod:`citecheck.parser.essays`). Most
  of a book is its author's own narration, description and argument; its notes, asides or
  sources, are called where the author chose, not after every statement.

Everything else is an ``article``: one "Introduction" heading does not make a paper, a
wiki's page (HTML whose generator is MediaWiki) is an article whatever its list cites, and
so is an answer engine's export in any language, whatever its headings (see
:mod:`citecheck.parser.answers`).
"""

from __future__ import annotations

import re
from typing import Literal

from citecheck.model import BlockKind, Document
from citecheck.parser.answers import answer_export
from citecheck.parser.citeworthy import own_work
from citecheck.parser.essays import noted_essay
from citecheck.parser.papersections import BARE as _BARE
from citecheck.parser.papersections import line_sections, paper_sections
from citecheck.parser.pdftext import journal_pages
from citecheck.parser.sectionnames import CONTENTS as _CONTENTS
from citecheck.parser.sectionnames import PAPER_HEADING as _PAPER_HEADING
from citecheck.parser.sectionnames import TOC_ENTRY as _TOC_ENTRY
from citecheck.parser.specprofile import spec
from citecheck.parser.thesisprofile import declared_thesis, markdown_thesis
from citecheck.text.recache import lazy

__all__ = [
    "PROFILES",
    "RESULTS_HEADING",
    "Profile",
    "detect",
    "line_sections",
    "paper_sections",
    "resolve",
]

Profile = Literal["article", "paper", "spec", "book"]
PROFILES = ("auto", "article", "paper", "spec", "book")

_TOC_ENTRIES = 3
# A Word report without an Introduction and a Conclusion is a paper when one body sentence
# in this many speaks of the writer's own work (a case study: 36 of 474; a thesis's draft
# of notes: 5 of 274).
_OWN_SHARE = 20
RESULTS_HEADING = _PAPER_HEADING["results"]
"""A Results section's heading, in the languages above ("4 Results", "Ergebnisse")."""
_SCHOLARLY_ENTRIES = 8
_SCHOLARLY = lazy(
    r"\bet al\b|arxiv|\bdoi\b|10\.\d{4,}/|proceedings|\bproc\.|conference|journal|neurips"
    r"|\bnips\b|icml|iclr|\bacl\b|emnlp|cvpr|\bvol\.|\bpp\.|preprint|transactions|symposium"
    r"|workshop|universit\w*\s+(?:of\s+[\w ]{3,30}?\s+)?press|springer|technical\s+report"
    r"|lecture\s+notes|\bin\s+press\b"
    r"|\[[JCMD]\]"  # GB/T 7714's [J] journal, [C] proceedings
    # A journal's volume and pages, as statistics and the sciences cite a paper without
    # naming it a journal: "Biometrika, 94, 769–786", "Bernoulli 22, 901–926", "7(2):1–68".
    r"|(?<![\w.])\d{1,4}(?:\s*\(\d{1,4}\))?\s*[,:]\s*(?:pp?\.\s*)?\d{1,6}\s*[–—-]\s*\d{1,6}(?![\w:])",
    re.I,
)
# A book's chapter headings, and how long a text with them must be to be a book.
_CHAPTER = lazy(
    r"^\W*(?:chapter|book)\s+(?:[IVXLC]+|\d+|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|the\s+first)\b",
    re.I,
)
_CHAPTERS = 3
_LONG = 100_000


def detect(doc: Document) -> Profile:
    """Return the profile a document reads as: ``spec``, ``paper``, ``book`` or ``article``."""
    if spec(doc):
        return "spec"
    if doc.wiki:
        return "article"  # a wiki page cites scholarly works and may have an "Abstract"
    if doc.book or _chaptered(doc) or _inline_noted(doc) or noted_essay(doc):
        return "book"
    if answer_export(doc):
        return "article"  # an answer engine's thread or report, in any language
    found = paper_sections(doc) | line_sections(doc)
    if "abstract" in found and len(found) >= 2:
        return "paper"
    if _scholarly_list(doc) or doc.bibliography is not None or doc.citeproc or _citeproc_list(doc):
        return "paper"
    if len(found) >= 4 and _own_work_sentences(doc, 3):
        return "paper"
    if _word_thesis(doc, found) or markdown_thesis(doc, found) or declared_thesis(doc, found):
        return "paper"
    if doc.fmt == "text" and journal_pages(doc.text) and _own_work_sentences(doc, 3):
        return "paper"
    return "article"


def _citeproc_list(doc: Document) -> bool:
    """Whether the document closes with the author-date list citeproc writes, with no
    heading (see :mod:`citecheck.parser.headless`), and its callouts cite that list."""
    listed = {k for k, s in enumerate(doc.sections) if s.citeproc}
    if not listed:
        return False
    keys = {r.key for r in doc.references if r.section in listed and r.key}
    return any(keys.intersection(m.keys) for m in doc.markers)


def _word_thesis(doc: Document, found: set[str]) -> bool:
    """A Word thesis or report in any language: a contents list, a reference list, and
    either an Introduction and a Conclusion or a writer who speaks of their own work in one
    body sentence in :data:`_OWN_SHARE` or more ("Unsere Zielvariable ist…", "in dieser
    Fallstudie", "In der vorliegenden Arbeit…"): a term paper or case study whose chapters
    are its own steps (data, modelling, evaluation) with no Einleitung or Fazit. Its
    chapters present the writer's own project; what the writer owes to others is cited,
    as in a paper. A thesis with no contents list (a PDF converted to Word keeps none) is
    one when it has all three: an Introduction, a Conclusion and that share of its own work.
    A draft of notes under a thesis's cover page, which rarely speaks of its own work,
    stays an article: it is told of every uncited statement."""
    if doc.fmt != "docx" or not any(r.kind is not BlockKind.LINKDEF for r in doc.references):
        return False
    framed = {"introduction", "conclusion"} <= found
    own = _own_work_share(doc)
    if framed and own:
        return True
    return (framed or own) and _contents_list(doc)


def _own_work_share(doc: Document) -> bool:
    """Whether at least one body sentence in :data:`_OWN_SHARE` (and three or more) speaks
    of the writer's own work."""
    body = [s for s in doc.sentences if not s.heading]
    own = sum(1 for s in body if own_work(s.text))
    return own >= 3 and own * _OWN_SHARE >= len(body)


def _contents_list(doc: Document) -> bool:
    """Whether a Word text has a contents list: its title ("Contents", "Содержание",
    "Inhalt") set as a heading, or typed as a line of the body and followed by at least
    :data:`_TOC_ENTRIES` entries that end in a page number ("1.2 Обзор аналогов 8"), as
    Word's contents field writes them."""
    blocks = doc.blocks
    for k, block in enumerate(blocks):
        if block.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH):
            continue
        title = doc.text[block.content_start : block.end].strip()
        if len(title) > _BARE or not _CONTENTS.match(title):
            continue
        if block.kind is BlockKind.HEADING:
            return True
        entries = blocks[k + 1 : k + 1 + _TOC_ENTRIES]
        if len(entries) == _TOC_ENTRIES and all(
            entry.kind in (BlockKind.PARAGRAPH, BlockKind.ITEM)
            and _TOC_ENTRY.match(doc.text[entry.content_start : entry.end].strip())
            for entry in entries
        ):
            return True
    return False


def _scholarly_list(doc: Document) -> bool:
    """A reference list of at least eight entries, three in four of them scholarly works
    (``et al.``, arXiv, a DOI, proceedings, a journal, a volume and its pages, a scholarly
    publisher): a survey, a technical essay, a paper whose headings a converter lost, or
    the second half of a paper, cut after its first sections, which keeps no abstract and
    no Introduction but still closes on its list.
    Lists that close a section of their own (a report's per-section Sources) do not count:
    a paper has one list for the whole text."""
    scoped = {k for k, s in enumerate(doc.sections) if s.covers}
    listed = [
        r for r in doc.references if r.kind is not BlockKind.LINKDEF and r.section not in scoped
    ]
    if len(listed) < _SCHOLARLY_ENTRIES:
        return False
    scholarly = sum(1 for r in listed if _SCHOLARLY.search(r.text))
    return 4 * scholarly >= 3 * len(listed)


def _inline_noted(doc: Document) -> bool:
    """A text whose only sources are notes written where they are called (htmldoc's
    ``@[^1 …](fn:1)``, Pandoc's ``^[…]``; see :mod:`citecheck.reader.inlinenotes`): a
    writer's essay, post or book, which calls a note where the writer chose, as a book
    does; an answer engine or a paper writes its sources in a list."""
    if not doc.references or doc.fmt != "markdown":
        return False
    from citecheck.reader.inlinenotes import is_inline_note

    return all(
        r.kind is BlockKind.FOOTNOTE and is_inline_note(doc.text, r.start) for r in doc.references
    )


def _chaptered(doc: Document) -> bool:
    """A long text with at least three chapter headings (heading blocks or short lines)."""
    if len(doc.text) < _LONG:
        return False
    titles: set[str] = set()
    for block in doc.blocks:
        if block.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH):
            continue
        if block.end - block.start > 200 and block.kind is BlockKind.PARAGRAPH:
            continue
        title = " ".join(doc.text[block.start : block.end].split())
        if _CHAPTER.match(title):
            titles.add(title.lower())
            if len(titles) >= _CHAPTERS:
                return True
    return False


def _own_work_sentences(doc: Document, needed: int) -> bool:
    """Whether at least ``needed`` body sentences speak of the writer's own work."""
    count = 0
    for sentence in doc.sentences:
        if not sentence.heading and own_work(sentence.text):
            count += 1
            if count >= needed:
                return True
    return False


def resolve(setting: str, doc: Document) -> Profile:
    """Return the profile to apply: ``setting`` itself, or what ``auto`` detects."""
    if setting == "auto":
        return detect(doc)
    if setting in ("article", "paper", "spec", "book"):
        return setting  # type: ignore[return-value]
    raise ValueError(f"unknown profile {setting!r}; choose from {', '.join(PROFILES)}")
