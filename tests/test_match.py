"""Claim-to-title matching gives the same answer with and without its stem index."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.model import BlockKind, Reference
from citecheck.text import match
from citecheck.text.match import TitleIndex

WORDS = "plan water rail fuel taxes border cap fund review restrict expand mining licences"
PHRASES = st.lists(st.sampled_from(WORDS.split()), min_size=3, max_size=9).map(" ".join)


def _refs(titles: list[str]) -> list[Reference]:
    refs = []
    for i, title in enumerate(titles):
        ref = Reference(str(i + 1), i, i + 1, title, BlockKind.ITEM)
        ref.title = title
        refs.append(ref)
    return refs


@settings(max_examples=300, deadline=None)
@given(st.lists(PHRASES, min_size=1, max_size=12), st.lists(PHRASES, min_size=1, max_size=5))
def test_direct_comparison_agrees_with_the_index(titles: list[str], claims: list[str]) -> None:
    refs = _refs(titles)
    direct = TitleIndex(refs)
    saved, match._DIRECT = match._DIRECT, 0  # the path a document with many titles takes
    try:
        indexed = TitleIndex(refs)
    finally:
        match._DIRECT = saved
    assert direct._direct is not None and indexed._direct is None
    for claim in claims:
        for exclude in (frozenset(), frozenset({id(refs[0])})):
            got, expected = direct.best(claim, exclude, 0.3), indexed.best(claim, exclude, 0.3)
            assert (got and (got[0].key, got[1])) == (expected and (expected[0].key, expected[1]))
        assert direct.score_of(claim, refs[:2]) == indexed.score_of(claim, refs[:2])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127)))
def test_ascii_stems_are_the_stems_of_the_tokens(text: str) -> None:
    # An ASCII text is split into runs of token characters instead of searched for tokens.
    expected = frozenset(filter(None, map(match._stem, match._TOKEN.findall(text))))
    assert match.stems(text) == expected
