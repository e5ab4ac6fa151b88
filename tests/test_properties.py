"""Properties over arbitrary input: nothing raises, every position lies inside the text."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citecheck import check_text
from citecheck.api import analyse
from citecheck.config.settings import Settings

_BREAK = re.compile(r"\r\n|\r|\n")

# Pieces that steer the reader and the marker grammar into their interesting corners.
FRAGMENTS = [
    "[1]",
    "[1][2]",
    "[1, 2]",
    "[1-3]",
    "[3–1]",
    "[0]",
    "[1,,2]",
    "[^1]",
    "[^1]: ",
    "[1]: https://example.org/a ",
    "[RFC2119]",
    "[sic]",
    "[citation needed]",
    "[",
    "]",
    "[]",
    "U.S. ",
    "Dr. ",
    "... ",
    "… ",
    ". ",
    "? ",
    '" ',
    ") ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\f",
    "\u2028",
    "References:\n",
    "## Sources\n",
    "1. ",
    "- ",
    "* ",
    "# ",
    "> ",
    "```\n",
    "`",
    "<!-- citecheck: ignore uncited-claim -->\n",
    "---\n",
    "| a | b |\n",
    "according to Reuters ",
    "BBC News: Title of a story\n",
    "https://example.org/x ",
    "    ",
    "\t",
]
ALPHABET = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs", "Cc"),
    include_characters="[]()^\r\n.!?;,-–:\"'“”é漢😀",
)
TEXTS = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(ALPHABET, max_size=12)), max_size=40
).map("".join)
SETTINGS = [Settings(select=("ALL",)), Settings(select=("ALL",), scope="sentence")]
PROPERTY = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _lines(text: str) -> list[int]:
    """Line lengths, counting lines as an editor does (only \\n, \\r\\n and \\r break)."""
    return [len(line) for line in _BREAK.split(text)]


def _inside(lengths: list[int], line: int, column: int) -> bool:
    return 1 <= line <= len(lengths) and 1 <= column <= lengths[line - 1] + 1


def _check_positions(text: str, fmt: str) -> None:
    lengths = _lines(text)
    for options in SETTINGS:
        report = check_text(text, fmt=fmt, settings=options)
        for f in report.findings:
            assert _inside(lengths, f.line, f.column), f
            assert _inside(lengths, f.end_line, f.end_column), f
            assert (f.end_line, f.end_column) >= (f.line, f.column), f
        stats = report.stats
        assert 0 <= stats.covered_claims <= stats.claims
        assert stats.cited_references + stats.uncited_references <= stats.references


def _check_spans(text: str, fmt: str) -> None:
    doc, res = analyse(text, fmt=fmt)
    previous_end = 0
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= previous_end, "sentences overlap or run backwards"
        previous_end = s.end
        for m in s.markers:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.raw
    for ref in doc.references:
        assert 0 <= ref.start <= ref.end <= len(text)
    for link in res.links:
        assert link.key in link.marker.keys


@PROPERTY
@given(TEXTS)
def test_plain_text_positions_lie_inside_the_input(text):
    _check_positions(text, "text")


@PROPERTY
@given(TEXTS)
def test_markdown_positions_lie_inside_the_input(text):
    _check_positions(text, "markdown")


@PROPERTY
@given(TEXTS)
def test_plain_text_sentence_spans(text):
    _check_spans(text, "text")


@PROPERTY
@given(TEXTS)
def test_markdown_sentence_spans(text):
    _check_spans(text, "markdown")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_text_is_checked(text):
    for fmt in ("text", "markdown"):
        _check_positions(text, fmt)
