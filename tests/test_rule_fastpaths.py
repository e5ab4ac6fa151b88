"""The rules' and the runner's cheap paths give the answers of the work they stand in for.

Each shortcut is compared with the plain computation it replaces, on random text drawn from
the characters that computation cares about.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.lines import LineIndex

_BREAK = re.compile(r"\r\n?|\n")


@settings(max_examples=400)
@given(st.text(alphabet="ab \n\r\t\f\u2028\x85é", max_size=40))
def test_line_starts_are_the_ends_of_line_breaks(text: str) -> None:
    # Text without a CR is split at LFs instead of searched for every kind of break.
    expected = [0, *(m.end() for m in _BREAK.finditer(text))]
    lines = LineIndex(text)
    assert lines._starts == expected
    for offset in range(len(text) + 1):
        line = max(i for i, start in enumerate(expected) if start <= offset)
        assert lines.position(offset) == (line + 1, offset - expected[line] + 1)
