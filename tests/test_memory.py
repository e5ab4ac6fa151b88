"""What a long document costs in memory: sentences that share the document's text, and an
allocation bound for a whole check (tracemalloc counts bytes, not time)."""

from __future__ import annotations

import random
import tracemalloc

import pytest
from benchscripts import load

from citecheck.api import check_text
from citecheck.model import Sentence
from citecheck.parser import parse

# Peak bytes allocated by a check per character of a 1 MB generated document: about 14
# before sentences shared the document's text and the rules' indexes went once used, 7 after.
BYTES_PER_CHAR = 10

SPELLINGS = [
    "Plain words, one space apart.",
    "Two  spaces inside.",
    " A space before.",
    "A space after. ",
    "A line\nbreak.",
    "A tab\there.",
    "A carriage\r\nreturn.",
    "No-break\u00a0space and\u2009thin space.",
    "Separators\x1cand\x1f controls.",
    "\n\t ",
    "x",
]


@pytest.mark.parametrize("raw", SPELLINGS)
def test_sentence_text_is_the_normalised_slice(raw: str) -> None:
    source = "«" + raw + "»"
    sentence = Sentence.of(source, 1, 1 + len(raw), 0)
    assert sentence.text == " ".join(raw.split())
    # A sentence that normalising leaves as it is keeps no copy of its own.
    assert (sentence.normal is None) == (sentence.text == raw)


def test_parsed_sentences_read_the_document_text() -> None:
    text = "A first claim about the budget rose.  [1]\nA second\nclaim, wrapped. [2]\n"
    doc = parse(text, "text")
    assert [s.text for s in doc.sentences] == [
        "A first claim about the budget rose. [1]",
        "A second claim, wrapped. [2]",
    ]
    assert all(s.source is doc.text for s in doc.sentences)
    assert [[m.raw for m in s.markers] for s in doc.sentences] == [["[1]"], ["[2]"]]


def test_a_long_document_peaks_at_a_bounded_multiple_of_its_length() -> None:
    generate = load("generate")
    text = generate.big_text(random.Random("memory:1000000"), 1_000_000)
    check_text(text[:20_000], path="warm.txt")  # modules imported on first use, caches
    tracemalloc.start()
    try:
        report = check_text(text, path="long.txt")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert report.findings
    assert peak < BYTES_PER_CHAR * len(text), f"{peak / len(text):.1f} bytes per character"
