"""What a long document costs in memory: sentences that share the document's text."""

from __future__ import annotations

import pytest

from citecheck.model import Sentence
from citecheck.parser import parse

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
