"""Quotations in claims, found in sources word for word (across elisions and editorial
brackets) or reported with the closest passage and the words that differ."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citecheck.verifier.quotes import find_quote, quotations

SOURCE = (
    "Officials called him the  Trump—whisperer who never lies, and said it was not over. "
    "Sales rose 41% in 2020, the company said in a statement on Tuesday."
)


@pytest.mark.parametrize(
    ("claim", "quotes"),
    [
        ('He was a "Trump whisperer who never lies".', ["Trump whisperer who never lies"]),
        ("He was a “Trump whisperer who never lies”.", ["Trump whisperer who never lies"]),
        ("He said ‘it was not over yet’ today.", ["it was not over yet"]),
        ("He said 'it was not over yet' today.", ["it was not over yet"]),
        ("Il a dit « ce n'est pas fini » hier.", ["ce n'est pas fini"]),
        ('He was a "Trump whisperer".', []),
        ("Rock'n'roll isn't dead, it's Tom's 'new sound' now.", []),
    ],
)
def test_quotations(claim: str, quotes: list[str]) -> None:
    found = quotations(claim)
    assert [q.text for q in found] == quotes
    for quote in found:
        assert claim[quote.start : quote.end] == quote.text


def test_min_words() -> None:
    assert [q.text for q in quotations('a "Trump whisperer" said', min_words=2)] == [
        "Trump whisperer"
    ]


@pytest.mark.parametrize(
    "quote",
    [
        "Trump whisperer who never lies",
        "trump-whisperer who never lies,",
        "Trump whisperer ... never lies",
        "Trump whisperer … never lies",
        "Trump whisperer [...] never lies",
        "Sales rose 41% in 2020",
        "SALES ROSE 41 % IN 2020",
        "the company said, in a statement",
        "[the officials] called him the Trump whisperer",  # an insertion replaces words
        "[T]rump whisperer who never lies",  # a bracket inside a word changes letters
        "whisperer who never lies [sic]",
        "it was not over ... Sales rose 41%",
        "it was not over. (…) Sales rose 41%",
    ],
)
def test_found(quote: str) -> None:
    match = find_quote(quote, SOURCE)
    assert match.found
    assert match.closest == SOURCE[match.start : match.end]


@pytest.mark.parametrize(
    ("quote", "closest"),
    [
        ("Trump whisperer who always lies", "Trump—whisperer who never lies"),
        ("Sales rose 14% in 2020", "Sales rose 41% in 2020"),
        ("Sales rose 41% in 2021", "Sales rose 41% in 2020"),
        ("said it was over", "said it was not over"),
        ("Trump whisperer who lies", "whisperer who never"),
        ("Trump wisperer who never lies", "Trump—whisperer who never lies"),
    ],
)
def test_not_found_shows_closest(quote: str, closest: str) -> None:
    match = find_quote(quote, SOURCE)
    assert not match.found
    assert closest in match.closest
    assert match.closest == SOURCE[match.start : match.end]


@pytest.mark.parametrize(
    ("quote", "changes"),
    [
        ("Trump whisperer who always lies", [("always", "never")]),
        ("Trump wisperer who never lies", [("wisperer", "whisperer")]),  # a letter is a word
        ("Sales rose 300% in 2020", [("300", "41")]),
        ("said it was over", [("", "not")]),
        ("Sales rose sharply 41% in 2020", [("sharply", "")]),
        ("Sales rose 41 percent in 2020", [("percent", "%")]),
    ],
)
def test_not_found_names_the_words_that_differ(quote: str, changes: list[tuple[str, str]]) -> None:
    match = find_quote(quote, SOURCE)
    assert not match.found
    assert [(c.quoted, c.printed) for c in match.changes] == changes


@pytest.mark.parametrize(
    "quote",
    [
        "Trump whisperer who never",  # "lie" is not "lies": words are compared whole
        "whisperer who never lie",
        "rump whisperer who never lies",
        "[the officials] called him ... Trump whisperer who always lies",
        "Officials [...] said it was not over",  # the elision stands for too much
    ],
)
def test_words_are_whole_and_each_piece_is_checked(quote: str) -> None:
    source = SOURCE.replace("never lies", "never lies" + " and more words" * 40, 1)
    if quote.startswith("Trump whisperer who never"):
        source = SOURCE.replace("never lies", "neverland lies")
    assert not find_quote(quote, source).found


def test_thousands_commas_do_not_count_but_decimals_do() -> None:
    text = "The council sold 1,500 homes and 2.5 hectares of land."
    assert find_quote("the council sold 1500 homes", text).found
    assert not find_quote("the council sold 1,600 homes", text).found
    assert not find_quote("homes and 25 hectares of land", text).found
    assert not find_quote("homes and 2,5 hectares of land", text).found


def test_an_insertion_replaces_only_a_few_words() -> None:
    text = "The company, which was founded in a garage by two brothers long ago, grew fast."
    assert find_quote("[It] grew fast", text).found
    assert find_quote("The company [...] grew fast", text).found
    assert not find_quote("The company [founded by the brothers] grew fast and", text).found
    assert find_quote("The company [the firm] was founded in a garage", text).found


def test_gap_pieces_must_be_in_order() -> None:
    assert not find_quote("never lies ... Trump whisperer", SOURCE).found


def test_empty() -> None:
    assert not find_quote("anything at all here", "").found
    assert not find_quote("...", SOURCE).found


_words = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8), min_size=4, max_size=12
)


@given(_words, st.data())
def test_verbatim_always_found(words: list[str], data: st.DataObject) -> None:
    text = " ".join(words)
    first = data.draw(st.integers(min_value=0, max_value=len(words) - 4))
    last = data.draw(st.integers(min_value=first + 4, max_value=len(words)))
    quote = " ".join(words[first:last])
    match = find_quote(quote, f"Before. {text}. After.")
    assert match.found


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=6))
def test_changed_digit_never_found(value: int, position: int) -> None:
    digits = str(value)
    index = position % len(digits)
    changed = digits[:index] + str((int(digits[index]) + 1) % 10) + digits[index + 1 :]
    text = f"The council said that {digits} homes were sold in the city last year."
    quote = f"the council said that {changed} homes were sold in the city"
    assert not find_quote(quote, text).found


_CHARS = st.sampled_from([*"ab AZ\n\t\r-–—“”‘’'\"«»ßİﬁΣσς\u00a0\u2003\u202f.,…1%", "  ", "\n\n"])


@given(st.lists(_CHARS, max_size=40))
def test_words_map_back_to_the_text(chars: list[str]) -> None:
    """Each word of a text, folded, is the folded text at its span, and joined holds the
    words at their positions with one space between."""
    from citecheck.verifier.quotewords import fold, split_words

    text = "".join(chars)
    split = split_words(text)
    folded = split.folded(0, len(split))
    assert split.joined == " ".join(folded)
    for i, word in enumerate(folded):
        start, end = split.span(i, i + 1)
        assert fold(text[start:end]) == word
        assert split.joined[split.at[i] :].startswith(word)
        assert split.word_at(split.at[i]) == i


def test_a_misquote_shows_the_quotation_the_source_printed() -> None:
    text = (
        "Sheinbaum has won reprieves from President Trump's threats of tariffs, earning her a "
        "reputation in Mexico City as the \u201cTrump tamer\u201d. Her approach is calm."
    )
    match = find_quote("Trump whisperer", text)
    assert not match.found
    assert match.closest == "Trump tamer"
    assert text[match.start : match.end] == match.closest
