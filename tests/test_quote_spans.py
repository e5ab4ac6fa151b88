"""The later sentences of a quotation are part of its one claim (parser/quotespans.py)."""

from __future__ import annotations

from citecheck.api import analyse
from citecheck.parser.quotespans import quotations


def _spans(text: str) -> list[str]:
    return [text[o : c + 1] for o, c in quotations(text, 0, len(text))]


def test_marks_pair_curly_straight_and_mixed() -> None:
    assert _spans('He said "one. two." Then “three.”') == ['"one. two."', "“three.”"]
    assert _spans('He said, "You need it. And robots too.” Next.') == [
        '"You need it. And robots too.”'
    ]


def test_an_inch_mark_is_no_quotation() -> None:
    assert _spans('It is 6\'2" tall. It said "yes." Then') == ['"yes."']
    assert _spans("A “never closed quotation. Next.") == []


def test_a_long_quotation_is_left_alone() -> None:
    assert _spans('"' + "word " * 200 + '"') == []


def _claims(text: str) -> list[str]:
    doc, _ = analyse(text, fmt="text")
    return [" ".join(text[s.start : s.end].split()) for s in doc.sentences if s.claim]


def test_a_quotation_of_two_sentences_is_one_claim() -> None:
    text = (
        'The engineer said that "you have a wealth of libraries already available to you. '
        'Almost everything has already been done." Engineers can change every service.\n'
    )
    assert _claims(text) == [
        'The engineer said that "you have a wealth of libraries already available to you.',
        "Engineers can change every service.",
    ]


def test_a_quotation_opening_its_sentence_is_a_claim() -> None:
    text = 'The repository grew in 2016. "The rate of change is also increasing," she said.\n'
    assert len(_claims(text)) == 2
