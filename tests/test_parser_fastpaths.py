"""The parser's cheap tests give the answers of the searches they stand in front of.

Each fast path (a test read from the end of a line, a pattern that opens with a literal, a
search near the end of a piece) is compared with the plain search it replaces on random
text drawn from the characters those searches care about.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.parser import sentences as seg
from citecheck.parser.body import _WORD, _words_at_least
from citecheck.parser.ellipses import _OMISSION_END, ends_in_omission
from citecheck.parser.markers import _TOKEN
from citecheck.reader.textlines import ends_sentence
from citecheck.text.enumeration import _CANDIDATE, _ENUMERATOR
from citecheck.text.vocab import TERMINAL

_ALPHABET = "aAbBcCiIvVxXzZ09 _.'’-,;:!?…\"“”‘)(][»•\n\t\u00a0éK{}TKc【】†\ue200\ue201"
TEXT = st.text(alphabet=_ALPHABET, max_size=60)
WORDY = st.lists(
    st.sampled_from(
        [
            "a",
            "b.",
            "Dr.",
            "approx.",
            "12.",
            "1234.",
            "x",
            "y" * 45 + ".",
            "(",
            " ",
            "  ",
            ". . .",
            "\n",
            "etc.",
            "Co.",
            "No.",
            "(Dr.",
            "Fig.",
            "é",
            "\u00a0",
        ]
    ),
    max_size=12,
).map("".join)

# The plain forms, as they were written before the fast paths.
_OLD_TOKEN = re.compile(
    r"\[([^\[\]\n]{0,100}(?:\n[^\[\]\n]{0,100})?)\]"
    r"|【([^【】\n]{1,60})】"
    r"|(\ue200[^\ue200\ue201\n]{0,200}\ue201|cite(?:turn\d+[a-z]+\d+)+)"
    r"|(\{\{[^{}\n]{1,120}\}\}|\(TK\)|\bTK:)"
)


@settings(max_examples=400)
@given(TEXT, st.integers(0, 6))
def test_word_count(text: str, n: int) -> None:
    found = sum(1 for _ in zip(range(n), _WORD.finditer(text), strict=False))
    assert bool(_words_at_least(n).match(text)) == (found >= n)


@settings(max_examples=400)
@given(TEXT)
def test_ends_sentence(text: str) -> None:
    assert ends_sentence(text) == bool(TERMINAL.search(text))


@settings(max_examples=400)
@given(TEXT)
def test_tokens(text: str) -> None:
    new = [(m.span(), m.group(1), m.group(2)) for m in _TOKEN.finditer(text)]
    old = [(m.span(), m.group(1), m.group(2)) for m in _OLD_TOKEN.finditer(text)]
    assert new == old


@settings(max_examples=400)
@given(TEXT)
def test_enumerator_candidates(text: str) -> None:
    for m in _ENUMERATOR.finditer(text):
        assert m.start() == 0 or _CANDIDATE.search(text)


@settings(max_examples=400)
@given(TEXT)
def test_missed_candidates(text: str) -> None:
    if seg._MISSED.search(text):
        assert seg._MAYBE_MISSED.search(text)


@settings(max_examples=400)
@given(WORDY)
def test_searches_near_the_end(piece: str) -> None:
    last = len(piece.rstrip())
    assert ends_in_omission(piece) == bool(_OMISSION_END.search(piece))
    m = seg._NUMBER_END.search(piece)
    n = seg._NUMBER_END.search(piece, max(0, last - 4))
    assert (m and m.span()) == (n and n.span())
    old = seg._LAST_WORD.search(piece)
    new = seg._LAST_WORD.search(piece, max(0, last - seg._WORD_SPAN))
    if new is None and last > seg._WORD_SPAN:
        new = seg._LAST_WORD.search(piece)
    assert (old and old.span()) == (new and new.span())


def _old_runs_on(piece: str, following: str, whole: bool) -> bool:
    if whole and seg._LIST_NUMBER.match(piece):
        return True
    if _OMISSION_END.search(piece):
        return True
    m = seg._NUMBER_END.search(piece)
    if m and (whole or m.start()) and seg._LOWER_START.match(following):
        return True
    m = seg._LAST_WORD.search(piece)
    if not m or not (whole or m.start()):
        return False
    return seg.never_final(m.group(1)) or seg.runs_on_before(m.group(1), following)


@settings(max_examples=600)
@given(WORDY, st.sampled_from(["", " a", " B", " 4", " II", "x"]), st.booleans())
def test_runs_on(piece: str, following: str, whole: bool) -> None:
    assert seg._runs_on(piece, following, whole) == _old_runs_on(piece, following, whole)


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from(
            [
                "If ",
                "when ",
                "you ",
                "Check ",
                "I can ",
                "help",
                "let me",
                ",",
                " ",
                "this article is about",
                '"X" redirects here',
                "Please",
                "note",
                "*",
                "'",
                "‘(",
                "“Duck” redirects here",
                "ſee ",
                "Iſ ",
                "İf ",
                "K",
                "eep ",
                "don't ",
                "I'd ",
                "The ",
                "4 ",
                "é",
                "Ifrit ",
                "SHALL I",
                "I'm ",
                "you ",
                "You asked ",
                "message ",
                "Your ",
                "İ'm ",
            ]
        ),
        max_size=8,
    ).map("".join)
)
def test_addressed_to_reader(text: str) -> None:
    from citecheck.parser import claims

    forms = (claims._IMPERATIVE, claims._OFFER, claims._HATNOTE, claims._TURN)
    assert claims.addressed_to_reader(text) == any(form.match(text) for form in forms)


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from(
            [
                "Network Working Group",
                "request for comments: 12",
                "Internet-Draft",
                "internet draft",
                "Category: Informational",
                "Intended status: BCP",
                "Expires: May 2024",
                "Updates: RFC 1",
                "BCP: 14",
                "## Status of This Memo",
                "draft-ietf-x-00",
                "  ",
                "\t",
                "\n",
                "text ",
            ]
        ),
        max_size=10,
    ).map("".join)
)
def test_spec_headers_from_line_breaks(head: str) -> None:
    from citecheck.parser import specprofile

    one_by_one = sum(1 for pattern in specprofile._SPEC_HEADER if pattern.search(head))
    assert all(pattern.pattern.startswith("^") for pattern in specprofile._SPEC_HEADER)
    lined = "\n" + head
    assert sum(1 for pattern in specprofile._SPEC_LINES if pattern.search(lined)) == one_by_one
