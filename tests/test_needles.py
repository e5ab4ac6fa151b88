"""The cheap tests in front of the reference classifier's patterns never change an answer."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.parser import sourcelike
from citecheck.text.needles import Guarded, lowered

GUARDED = {name: g for name, g in vars(sourcelike).items() if isinstance(g, Guarded)}
# What each needle stands for, and words near misses are made of.
NEAR = (
    "error ERROR Error link Link dead broken failed fail could can not NOT cannot be page url"
    " address retrieved retrieving 404 found citation reference source sources links fact"
    " fact-check checking needed pending come follow this these both our other the above"
    " following below story report no longer n't writing at time press for comment which who"
    " whose whether although because however that but proceedings proc. pages pp. p. vol."
    " volume journal arxiv press published et al. rfc RFC 2119 bcp std work in progress"
    " internet-draft report no technical available at readers Readers READERS (2020) (1999a)"
    " (n.d.) 2021 1850 ; 5 Jan"
)
PIECES = [
    *(n for g in GUARDED.values() for n in g.needles),
    *NEAR.split(),
    "İ",
    "ı",
    "K",
    "ſ",
    "ﬅ",
]
GLUE = ["", " ", "  ", "-", ".", ", ", "\n", "_", "'"]
TEXTS = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GLUE)), max_size=8).map(
    lambda parts: "".join(piece + glue for piece, glue in parts)
)

# The patterns as they read before their words became sets: the oracles of the word tests.
AUDIENCE = re.compile(r"\b(?:we|our|us|you|your|my|me|(?i:readers))\b|\bI\b|^(?:We|Our|You|My)\b")
VOICE = re.compile(
    r"\b(?:not|no longer|never|neither|nor)\b|n't\b|\b(?:above|below)\b|\bat the time of writing\b"
    r"|\bat press time\b|\bfor comment\b"
)
VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|could|should|can|may|might|must"
    r"|does|did|remains?|seems?|appears?|says?|said|argues?|argued|agrees?|follows|shows"
    r"|suggests)\b"
)
WORDS = [*sourcelike._AUDIENCE_WORDS, *sourcelike._VOICE_WORDS, *sourcelike._VERBS, "We", "My"]


def test_every_pattern_has_needles() -> None:
    assert len(GUARDED) >= 8
    assert all(g.needles for g in GUARDED.values())


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_guards_agree_with_their_patterns(text: str) -> None:
    low = lowered(text)
    for name, guarded in GUARDED.items():
        expected = guarded.pattern.search(text)
        got = guarded.search(text, low)
        assert (got and got.span()) == (expected and expected.span()), name


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES + WORDS), st.sampled_from(GLUE)), max_size=8))
def test_word_sets_agree_with_the_patterns(parts: list[tuple[str, str]]) -> None:
    text = "".join(piece + glue for piece, glue in parts)
    low, tokens = lowered(text), set(sourcelike._RUN.findall(text))
    assert sourcelike._audience(text, low, tokens) == (2 if AUDIENCE.search(text) else 0)
    assert sourcelike._voice(text, low, tokens) == (1 if VOICE.search(text) else 0)
    verbs = min(2, len({m.group() for m in VERB.finditer(text)}))
    assert sourcelike._verbs(text, low, tokens) == verbs


def test_odd_case_letters_are_searched() -> None:
    # IGNORECASE matches these to ASCII letters; str.lower() alone would not.
    for guarded, text in (
        (sourcelike._PENDING, "ſources needed"),
        (sourcelike._BIBLIO, "The ſymposium"),
        (sourcelike._READERS, "for readerſ"),
        (sourcelike._ERROR, "Dead linK"),  # a Kelvin sign
    ):
        assert guarded.pattern.search(text)
        assert guarded.search(text, lowered(text)), text
