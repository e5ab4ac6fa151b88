"""Brackets of data and intervals that are not citations (parser/nonmarkers.py)."""

from __future__ import annotations

from citecheck.parser.nonmarkers import is_interval, is_value

_LIST = frozenset(str(n) for n in range(1, 51))  # a list numbered 1 to 50


def test_an_interval_far_past_the_list_is_values():
    assert is_interval("256, 480", _LIST)
    assert is_interval(" 101 , 640 ", _LIST)
    # Entries of the list, a group near its end (a list cut short), or no numbered list.
    assert not is_interval("12, 15", _LIST)
    assert not is_interval("60, 64", _LIST)
    assert not is_interval("256, 480", frozenset())
    # Not two ascending numbers: no interval.
    assert not is_interval("480, 256", _LIST)
    assert not is_interval("256, 300, 480", _LIST)


def test_a_dash_range_far_past_the_list_is_values():
    """``[80–350] × [100–600] nm``: a parameter's range, written with a dash."""
    assert is_interval("256-480", _LIST)
    assert is_interval("180–350", _LIST)
    assert is_interval("200 – 600", _LIST)
    assert is_interval("120..600", _LIST)
    # A citation range within the list, or just past a list cut short, stays one.
    assert not is_interval("12–15", _LIST)
    assert not is_interval("51–54", _LIST)
    assert not is_interval("600–200", _LIST)


def test_a_wide_range_reaching_far_past_the_list_is_values():
    """``[1–300]`` beside a list of three: a swept parameter, not 300 citations."""
    short = frozenset({"1", "2", "3"})
    assert is_interval("1–300", short)
    assert is_interval("5-120", short)
    assert is_interval("1, 100", short)
    assert is_interval("1–101", _LIST)
    # Narrow ranges past a list cut short, and wide ones within reach of the list, stay.
    assert not is_interval("5–7", short)
    assert not is_interval("4–24", short)
    assert not is_interval("1–100", _LIST)
    assert not is_interval("45–60", _LIST)


def test_the_value_of_a_member_or_an_assignment():
    text = '{"Count": 4, "IDs": [116, 943]}'
    assert is_value(text, text.index("["))
    text = "sizes = [256, 480]"
    assert is_value(text, text.index("["))
    # Prose before a colon or the word "in" is not data.
    for text in ("as follows: [3]", "as described in [2, 3]", "see Smith: [4]"):
        assert not is_value(text, text.index("[")), text
