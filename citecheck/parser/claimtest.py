"""Whether a body sentence is a claim: not a heading, a question or a lead-in, long
enough (``min_claim_words`` words), not addressed to the reader, not page chrome, an
instruction, a formula, small talk, a pointer within the text or (unmarked) the writer's
own stance, a speculation or guidance; what is left of a sentence around its TeX formulas
must still make one. A block holds no claims when it is a table cell or row, a caption,
advice, a page's footnote left in the body by a PDF converter, a thesis's declaration of
authorship or a book's catalogue entry ending in its ISBN; an example goes on to its
paragraph's end, and a sentence that goes on describing the report named before it is no
claim either. The word test is kept under a
:mod:`~citecheck.parser.memo`."""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from citecheck.model import Block, Sentence
from citecheck.parser import claims, declarations, howto, manual
from citecheck.parser.authoryear import narrative
from citecheck.parser.chrome import page_chrome
from citecheck.parser.guidance import guidance
from citecheck.parser.memo import current
from citecheck.parser.selfreference import pointer
from citecheck.parser.speculation import speculates
from citecheck.parser.stance import continues_itself, own_stance
from citecheck.reader.math import blank_math
from citecheck.text.bookentries import book_entry
from citecheck.text.recache import lazy

__all__ = ["WORD", "examples", "is_claim", "not_claims", "self_described", "words_at_least"]

_CLAIM = "claim"  # a memo's key for the claim test
WORD = lazy(r"[^\W_]+(?:['’.-][^\W_]+)*")
# ``min_words`` words of ``WORD`` (each whole, as ``finditer`` finds them), at the start of
# a text after anything that is not a word: one anchored match instead of a search per word.
_FIRST_WORDS = r"[\W_]*(?:(?>[^\W_]+(?:['’.-][^\W_]+)*)[\W_]*){%d}"
# A question or a lead-in ends in "?" or ":" (":." where a converter dropped what followed).
_END = lazy(r"([?:])\.?[\"'”’)\]»\s]*$")
# A footnote of a page that a PDF converter left in the body: "5We acknowledge…",
# "\\(^1\\)For simplicity…", "<sup>4.</sup> We use…", "<span id=…></span><sup>1</sup> …".
_PAGE_NOTE = lazy(
    r"(?:<span\b[^<>]*></span>\s*)?"
    r"(?:\d{1,2}(?=[A-Z][a-z])|\\\(\^\{?\d{1,2}\}?\\\)|<sup>\s*\d{1,2}\.?\s*</sup>)"
)


def examples(sentences: list[Sentence], masked: str) -> None:
    """An example opened in a paragraph (``Imagine a wiki devoted to food.``) goes on to its
    end: the sentences after the opening illustrate it and are no claims."""
    for i, sentence in enumerate(sentences):
        if howto.opens_example(" ".join(masked[sentence.start : sentence.end].split())):
            for after in sentences[i:]:
                after.claim = False
            return


def self_described(sentences: list[Sentence], masked: str) -> None:
    """A sentence that goes on describing the report the sentence before it named (``This
    report provides … It covers …``) is no claim either (see :mod:`.stance`)."""
    for before, sentence in pairwise(sentences):
        if sentence.claim and not sentence.markers:
            text = " ".join(masked[sentence.start : sentence.end].split())
            if continues_itself(" ".join(masked[before.start : before.end].split()), text):
                sentence.claim = False


def not_claims(block: Block, masked: str, text: str) -> bool:
    """A table cell, a table row of plain text, a caption, a paragraph labelled as advice or
    opinion, a page's footnote converted from PDF, a thesis's declaration of authorship or a
    book's catalogue entry (a line ending in its ISBN) holds no claims."""
    head = masked[block.content_start : min(block.end, block.content_start + 200)].lstrip()
    if block.cell or claims.caption(head) or claims.table_row(head) or claims.advice(head):
        return True
    if head[:1] in declarations.OPENERS and declarations.opens(head):
        return True  # a thesis's declaration of authorship on its cover page
    if block.end - block.content_start <= 600 and book_entry(text[block.content_start : block.end]):
        return True  # a book's catalogue entry in a list of works (see text/bookentries.py)
    return bool(_PAGE_NOTE.match(text, block.start, min(block.end, block.start + 80)))


def is_claim(sentence: Sentence, masked: str, min_words: int) -> bool:
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
    if not words_at_least(min_words).match(body):
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
def words_at_least(n: int) -> re.Pattern[str]:
    """A pattern that matches a text of at least ``n`` words (``WORD``) at its start."""
    return re.compile(_FIRST_WORDS % n)
