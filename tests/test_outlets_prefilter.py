"""The cheap word test in front of the outlet-name pattern never hides a mention."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.text.outlet_tables import _ASCII_LOWER_RUNS, _LETTERS, _ascii_runs
from citecheck.text.outlet_tables import tables as _tables
from citecheck.text.outlets import OUTLETS, anchors_for, creditable, mentions

NAMES = [n for canonical, (aliases, _) in OUTLETS.items() for n in (canonical, *aliases)]
PIECES = [*NAMES, "the", "The", "time", "NEW YORK TIMES", "according to", "x", "İ", "ı", "K", "ſ"]
GLUE = ["", " ", "-", "_", ".", ", "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GLUE)), max_size=6))
def test_prefilter_agrees_with_the_pattern(parts: list[tuple[str, str]]) -> None:
    text = "".join(piece + glue for piece, glue in parts)
    expected = [m.span() for m in _tables().pattern.finditer(text)]
    assert [(s, e) for s, e, _ in mentions(text)] == expected


def test_odd_case_letters_still_match() -> None:
    # IGNORECASE matches these to ASCII letters; str.lower() alone would not.
    assert mentions("FİNANCIAL TIMES reported")
    assert mentions("the ſky news said")


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GLUE)), max_size=6),
    st.sets(st.sampled_from(sorted(OUTLETS)), max_size=4),
)
def test_anchors_of_some_outlets_find_every_mention_of_them(
    parts: list[tuple[str, str]], outlets: set[str]
) -> None:
    text = "".join(piece + glue for piece, glue in parts)
    needles = anchors_for(frozenset(outlets))
    if text.isascii() and not any(n in text.lower() for n in needles):
        assert not [o for _, _, o in mentions(text) if o in outlets]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127)))
def test_ascii_runs_are_the_letter_runs(text: str) -> None:
    # An ASCII text's letter runs come from a byte translation, not a search.
    assert _ascii_runs(text) == _LETTERS.findall(text)
    assert _ascii_runs(text, _ASCII_LOWER_RUNS) == _LETTERS.findall(text.lower())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GLUE)), max_size=6))
def test_every_outlet_a_mention_stands_for_is_creditable(parts: list[tuple[str, str]]) -> None:
    # attribution-mismatch looks only at the references of these outlets.
    text = "".join(piece + glue for piece, glue in parts)
    extra = (("Harbour Gazette", ("the Gazette",)),)
    for aliases in ((), extra):
        assert {o for _, _, o in mentions(text, aliases) if o} <= creditable(aliases)
    assert "Harbour Gazette" in creditable(extra)
    assert mentions("The Harbour Gazette said so", extra)


def test_ambiguous_names_lend_no_needle() -> None:
    # "the Post" stands for no outlet, so "post" (in "postponed") is no needle for it.
    assert "post" not in anchors_for(frozenset({"The Washington Post"}))
    assert not [o for _, _, o in mentions("the Post reported it") if o]
