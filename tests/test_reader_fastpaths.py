"""The readers' faster forms give the answers of the forms they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.reader import padding
from citecheck.reader.markdown import read_markdown

# The delimiter-row pattern as first written: the group tried at every character.
_OLD_WIDE = re.compile(rf"(?:\|[ \t]*:?-+:?[ \t]*){{{padding.MIN_COLUMNS}}}")
ROWS = st.lists(
    st.sampled_from(["|", "-", "--", ":", " ", "\t", "\n", "x", "|-", "| --- "]), max_size=80
)


@settings(max_examples=500)
@given(ROWS.map("".join))
def test_wide_delimiter(text: str) -> None:
    old = [m.span() for m in _OLD_WIDE.finditer(text)]
    assert [m.span() for m in padding._WIDE_DELIMITER.finditer(text)] == old


def test_wide_delimiter_found() -> None:
    row = "|" + "---|" * 20
    found = padding._WIDE_DELIMITER.search(f"a\n{row}\n")
    assert found is not None
    assert found.group() == "|---" * padding.MIN_COLUMNS  # sixteen cells, from the first pipe


@settings(max_examples=200)
@given(
    st.lists(
        st.sampled_from(["# Head\n", "Text [1]. ", "é", "[^1]", "\n\n", "[^1]: Note\n", "**b**"]),
        max_size=12,
    ).map("".join)
)
def test_ascii_offsets(text: str) -> None:
    # ASCII text takes byte offsets as they are; the same text with one non-ASCII letter
    # appended at the end (after everything) must give the same blocks.
    if not text.isascii():
        return
    plain = read_markdown(text)
    wide = read_markdown(text + "\n\né\n")
    spans = [(b.kind, b.start, b.content_start, b.end) for b in plain.blocks]
    assert [(b.kind, b.start, b.content_start, b.end) for b in wide.blocks][: len(spans)] == spans
    assert wide.masked[: len(plain.masked)] == plain.masked
