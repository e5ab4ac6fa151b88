"""The number normaliser: every spelling of one quantity or date compares equal."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citecheck.verifier.numbers import missing_numbers, numbers


def values(text: str) -> list[tuple[float | str, str]]:
    return [(n.value, n.kind) for n in numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,000 people", [(1000.0, "count")]),
        ("1 000 people", [(1000.0, "count")]),
        ("1.000.000 Einwohner", [(1e6, "count")]),
        ("1.000 Einwohner und 2,5 Prozent", [(1000.0, "count"), (2.5, "decimal")]),
        ("it weighs 1.000 kg, not 1,500 kg", [(1.0, "count"), (1500.0, "count")]),
        ("3.14 metres", [(3.14, "decimal")]),
        ("41.3%", [(41.3, "percent")]),
        ("41.3 per cent", [(41.3, "percent")]),
        ("41.3 percent", [(41.3, "percent")]),
        ("forty-one percent", [(41.0, "percent")]),
        ("$2.5bn", [(2.5e9, "money")]),
        ("£3m", [(3e6, "money")]),
        ("€4.2 million", [(4.2e6, "money")]),
        ("2.5 million dollars", [(2.5e6, "money")]),
        ("2.5 million", [(2.5e6, "count")]),
        ("twenty-five thousand", [(25000.0, "count")]),
        ("one hundred and twenty-one", [(121.0, "count")]),
        ("a dozen eggs", [(12.0, "count")]),
        ("the 3rd album and the third album", [(3.0, "ordinal"), (3.0, "ordinal")]),
        ("in 2023", [(2023.0, "year")]),
        ("in the 1990s", [(1990.0, "decade")]),
        ("12 March 2023", [("2023-03-12", "date")]),
        ("March 12, 2023", [("2023-03-12", "date")]),
        ("2023-03-12", [("2023-03-12", "date")]),
        ("the 12th of March", [("--03-12", "date")]),
        ("in December 2012", [("2012-12", "date")]),
        ("the 2018–19 season", [(2018.0, "year"), (2019.0, "year")]),
        ("at 14:49", [("14:49", "time")]),
    ],
)
def test_spellings(text: str, expected: list[tuple[float | str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text", ["the only one", "one of them", "you may go", "march on", "an hour", "a man"]
)
def test_words_that_are_not_numbers(text: str) -> None:
    assert numbers(text) == []


def test_spans_are_offsets_into_the_text() -> None:
    text = "Sales rose 41.3 per cent to $2.5bn on 12 March 2023."
    for number in numbers(text):
        assert text[number.start : number.end].strip() == number.text


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("It raised $2.5 billion.", "It raised 2,500,000,000 dollars."),
        ("It raised 2.5 million.", "It raised 2,500,000."),
        ("Turnout was 41.3%.", "Turnout was 41.3 per cent."),
        ("It opened on 12 March 2023.", "It opened on March 12, 2023."),
        ("It opened on 12 March 2023.", "Published 2023-01-04. It opened on 12 March."),
        ("It opened in March 2023.", "It opened on 2023-03-12."),
        ("It opened in March 2023.", "Published in 2023. It opens in March."),
        ("It opened in 2023.", "It opened on 12 March 2023."),
        ("Five people came.", "5 people came."),
        ("Its third album.", "Its 3rd album."),
    ],
)
def test_found_in_another_spelling(claim: str, source: str) -> None:
    assert missing_numbers(claim, [source]) == []


@pytest.mark.parametrize(
    ("claim", "source", "missing"),
    [
        ("It raised $2.5 billion.", "It raised $2.5 million.", "$2.5 billion"),
        ("Turnout was 41.3%.", "Turnout was 14.3 percent.", "41.3%"),
        ("It opened on 12 March 2023.", "It opened on 13 March 2023.", "12 March 2023"),
        ("It opened in 2021.", "It opened on 12 March 2023.", "2021"),
    ],
)
def test_missing(claim: str, source: str, missing: str) -> None:
    assert [n.text for n in missing_numbers(claim, [source])] == [missing]


def test_markers_and_quotes_are_not_checked() -> None:
    claim = 'The film "2001: A Space Odyssey" was praised.[12]'
    assert missing_numbers(claim, ["Nothing here."]) == []


def test_any_text_may_hold_the_number() -> None:
    assert missing_numbers("It cost $5m.", ["No figure.", "It cost five million dollars."]) == []


@given(st.integers(min_value=1000, max_value=10**12))
def test_separators_agree(value: int) -> None:
    plain = f"{value:,}"
    spaced = plain.replace(",", "\u00a0")
    dotted = plain.replace(",", ".") + " (dort 2,5 Prozent)"
    assert numbers(plain)[0].value == numbers(spaced)[0].value == float(value)
    assert numbers(dotted)[0].value == float(value)


@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from([("thousand", 1e3), ("million", 1e6), ("billion", 1e9)]),
)
def test_scale_words_equal_digits(value: int, scale: tuple[str, float]) -> None:
    word, factor = scale
    assert missing_numbers(f"It was {value} {word}.", [f"It was {int(value * factor):,}."]) == []


@given(
    st.integers(min_value=1, max_value=28),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1900, max_value=2099),
)
def test_date_spellings_equal(day: int, month: int, year: int) -> None:
    names = "January February March April May June July August September October November"
    name = [*names.split(), "December"][month - 1]
    forms = [f"{day} {name} {year}", f"{name} {day}, {year}", f"{year}-{month:02d}-{day:02d}"]
    assert len({str(numbers(form)[0].value) for form in forms}) == 1


@given(st.integers(min_value=10, max_value=10**6), st.integers(min_value=0, max_value=5))
def test_changing_one_digit_is_missing(value: int, position: int) -> None:
    text = str(value)
    index = position % len(text)
    changed = text[:index] + str((int(text[index]) + 1) % 10) + text[index + 1 :]
    if changed[0] == "0":
        return
    assert len(missing_numbers(f"It counted {text} votes.", [f"It counted {changed} votes."])) == 1


_PIECES = st.sampled_from(
    [
        *"0123456789 ,.-–%$£€¥\n'’_",
        *("One", "one", "ONE", "a", "an", "A", "twenty", "Thirty", "the", "then", "seven"),
        *("ſeven", "\u212aey", "İ", "fifth", "Second", "secondly", "hundred", "million"),
        *("March", "MARCH", "May", "may", "Sept", "Jun", "June", "jan", "Dec."),
        *("US$", "AUS$", "HK$", "R$", "bn", "m", "k", "per cent", "percent", "s", "th", "rd"),
        *("٣", "²", "½", "x", "é", "1990s", "2018–19", "12:30", "3rd", "1.000", "2,5"),
    ]
)


@given(st.lists(st.tuples(_PIECES, st.sampled_from(["", " ", "-", ".", "\n"])), max_size=14))
def test_the_lookahead_changes_no_match(pieces: list[tuple[str, str]]) -> None:
    """The lookahead of the number pattern only skips positions where no alternative can
    match: the matches are those of the alternatives alone."""
    from citecheck.verifier.numparse import _ALTERNATIVES, _PATTERN

    text = "".join(piece + gap for piece, gap in pieces)
    plain = re.compile(_ALTERNATIVES)
    fast = [(m.span(), m.groupdict()) for m in _PATTERN.finditer(text)]
    assert fast == [(m.span(), m.groupdict()) for m in plain.finditer(text)]


@pytest.mark.parametrize(
    ("text", "ascii_spelling"),
    [
        ("the ſecond of March", "the second of March"),  # long s
        ("the fİrst time", "the first time"),  # dotted capital I
        ("twenty-fıve million", "twenty-five million"),  # dotless i
        ("3 bıllion dollars", "3 billion dollars"),
        ("ſixty per cent", "sixty per cent"),
    ],
)
def test_letters_that_match_ascii_ones_read_as_the_ascii_spelling(
    text: str, ascii_spelling: str
) -> None:
    # Case-insensitive patterns accept these letters; the word tables must too (a source
    # holding one raised KeyError).
    assert [(n.value, n.kind) for n in numbers(text)] == [
        (n.value, n.kind) for n in numbers(ascii_spelling)
    ]


def test_numbers_of_the_quotations_the_quote_check_compares_are_left_to_it() -> None:
    claim = 'He promised "300 new jobs" and said "we will build 40 homes a year" in 2020.'
    quoted = [(m.start() + 1, m.end() - 1) for m in re.finditer(r'"[^"]*"', claim)]
    long_quote = [span for span in quoted if claim[span[0] : span[1]].startswith("we")]
    source = "He spoke of jobs and homes in 2020."
    # the four-word quotation is compared word for word by quote-not-found; the short one is not
    assert [n.text for n in missing_numbers(claim, [source], long_quote)] == ["300"]
    assert [n.text for n in missing_numbers(claim, [source], quoted)] == []
    assert missing_numbers(claim, [source]) == []  # by default every quotation is left out


@pytest.mark.parametrize(
    ("claim", "source", "missing"),
    [
        ("He died on 76 May 2001.", "He died on 16 May 2001.", ["76"]),  # no such day
        ("He died on May 76, 2001.", "He died on May 16, 2001.", ["76"]),
        ("The post is from June 2018.", "Updated 08:00, 30 JUN 2018", []),
        ("Bis 2030 sollen 30.000 km entstehen.", "2030 sind es 30.000 km, 2,5 Mio.", []),
        ("It cost 1,500 dollars.", "It cost 1.5 dollars.", ["1,500 dollars"]),
    ],
)
def test_days_capitals_and_separators(claim: str, source: str, missing: list[str]) -> None:
    assert [n.text for n in missing_numbers(claim, [source])] == missing
