"""Entries typed with their number in parentheses, ``(1) …`` (parser/parenlabels.py): the
number is the entry's, and the list's ``(1)`` callouts are read."""

from __future__ import annotations

from citecheck.parser import parse

_NOTES = (
    "The word was condemned in 1650 (1), but stayed in use.\n\n"
    "Trades were named in the feminine in 1296 (2).\n\n"
    "NOTES\n\n"
    "(1) Viennot, E. Non, le masculin. Paris: iXe, 2014.\n\n"
    "(2) Guide d'aide à la féminisation. Paris: La Documentation française, 1999.\n\n"
    "ILLUSTRATION: a photographer.\n"
)


def _keys(text: str) -> list[str | None]:
    return [r.key for r in parse(text, "text").references]


def test_typed_numbers_are_the_entries_and_their_callouts_read() -> None:
    doc = parse(_NOTES, "text")
    assert [r.key for r in doc.references] == ["1", "2", None]
    assert [m.raw for m in doc.markers] == ["(1)", "(2)"]


def test_numbers_out_of_order_are_not_read() -> None:
    swapped = _NOTES.replace("(1) Viennot", "(9) Viennot")
    assert _keys(swapped)[:2] != ["9", "2"]
    assert not parse(swapped, "text").markers


def test_one_entry_is_not_a_habit() -> None:
    one = _NOTES.replace("(2) Guide", "Guide")
    # Numbered by their places: the credit line after the notes takes the third.
    assert _keys(one) == ["1", "2", "3"]
