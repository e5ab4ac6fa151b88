"""Properties over hostile text: brackets, digits, punctuation, abbreviations, every kind of
line break and non-ASCII, in plain text and Markdown.

- nothing raises;
- every span lies inside the text and every line:column on a line of it;
- every key of every marker resolves, or the report says why not (CC002, CC004 or CC006);
- the same input always gives the same report;
- lines are counted as an editor counts them (only ``\\n``, ``\\r\\n`` and ``\\r``), and a
  file with CRLF or CR line ends reads exactly like the same file with LF.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citecheck.api import analyse, check_text
from citecheck.cli.views import parse_data
from citecheck.config.settings import Settings

TOKENS = [
    "[",
    "]",
    "[1]",
    "[2, 3]",
    "[1-3]",
    "[3-1]",
    "[1,,2]",
    "[0]",
    "[1][2]",
    "[^1]",
    "[a]",
    "[RFC2119]",
    "[Smith 2020]",
    "[sic]",
    "[...]",
    "[citation needed]",
    "[ ]",
    "[x]",
    "0",
    "1",
    "12",
    "2020",
    ",",
    ";",
    "-",
    "–",
    ".",
    "!",
    "?",
    ":",
    "…",
    " ",
    "  ",
    "\t",
    "Dr.",
    "U.S.",
    "e.g.",
    "etc.",
    "approx.",
    "No.",
    "1.",
    "a)",
    "(",
    ")",
    '"',
    "“",
    "”",
    "’",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\r\n\r\n",
    "\r\r",
    "\f",
    "\v",
    "\x85",
    "\u2028",
    "U",
    "A",
    "\u3000",
    "\u202f",
    "é",
    "ß",
    "日本語",
    "😀",
    "\u0301",
    "\u00a0",
    "#",
    "## ",
    "`",
    "```",
    "> ",
    "* ",
    "- ",
    "References",
    "References:\n",
    "## References\n",
    "Notes\n",
    "1. ",
    "[1] ",
    "^ ",
    '[1]: https://x.org/a "T"\n',
    "[^1]: A note.\n",
    "https://example.com/x?y=1",
    "10.1234/abc",
    "Reuters",
    "according to Reuters",
    "BBC News: Title",
    "The council approved the budget on Monday",
    "Officials said",
    "word",
    "It",
]
SUPPRESSIONS = [
    "<!-- citecheck: ignore uncited-claim -->\n",
    "<!-- citecheck: disable-file CC003 -->",
]

texts = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), max_size=60).map("".join)
formats = st.sampled_from(["text", "markdown"])
scopes = st.sampled_from(["paragraph", "sentence"])

FAST = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
_BREAK = re.compile(r"\r\n|\r|\n")


def editor_position(text: str, offset: int) -> tuple[int, int]:
    """Line and column as an editor shows them, counted from scratch."""
    before = text[:offset]
    breaks = list(_BREAK.finditer(before))
    line_start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, offset - line_start + 1


def line_lengths(text: str) -> list[int]:
    return [len(line) for line in _BREAK.split(text)]


@FAST
@given(text=texts, fmt=formats, scope=scopes)
def test_spans_and_positions_inside_the_text(text: str, fmt: str, scope: str) -> None:
    conf = Settings(scope=scope, select=("ALL",))
    report = check_text(text, fmt=fmt, settings=conf)
    lengths = line_lengths(text)
    for f in report.findings:
        for line, column in ((f.line, f.column), (f.end_line, f.end_column)):
            assert 1 <= line <= len(lengths), f
            assert 1 <= column <= lengths[line - 1] + 1, f
        assert (f.line, f.column) <= (f.end_line, f.end_column), f
    doc, _ = analyse(text, fmt=fmt, settings=conf)
    for item in (*doc.sentences, *doc.markers, *doc.references, *doc.blocks):
        assert 0 <= item.start <= item.end <= len(text), item
    for sentence in doc.sentences:
        assert doc.text[sentence.start : sentence.end].strip(), sentence
        for marker in sentence.markers:
            assert text[marker.start : marker.end] == marker.raw or fmt == "markdown", marker


@FAST
@given(text=texts, fmt=formats)
def test_every_marker_key_is_resolved_or_reported(text: str, fmt: str) -> None:
    report = check_text(text, fmt=fmt)
    doc, res = analyse(text, fmt=fmt)
    codes = {(f.code, f.line, f.column) for f in report.findings}
    missing_section = any(code == "CC004" for code, _, _ in codes)
    for link in res.links:
        if link.reference is not None:
            continue
        line, column = editor_position(text, link.marker.start)
        reported = (
            ("CC002", line, column) in codes or ("CC006", line, column) in codes or missing_section
        )
        assert reported, (link.key, link.marker, sorted(codes))
    for marker in doc.markers:
        if marker.problem:
            assert ("CC006", *editor_position(text, marker.start)) in codes, marker


@FAST
@given(text=st.lists(st.sampled_from(TOKENS + SUPPRESSIONS), max_size=50).map("".join))
def test_same_input_same_report(text: str) -> None:
    for fmt in ("text", "markdown"):
        first = check_text(text, path="a.md", fmt=fmt).model_dump()
        again = check_text(text, path="a.md", fmt=fmt).model_dump()
        assert first == again
        assert parse_data(*analyse(text, fmt=fmt)) == parse_data(*analyse(text, fmt=fmt))


@FAST
@given(text=texts, fmt=formats)
def test_lines_counted_as_an_editor_counts_them(text: str, fmt: str) -> None:
    data = parse_data(*analyse(text, fmt=fmt))
    for sentence in data["sentences"]:
        assert (sentence["line"], sentence["column"]) == editor_position(text, sentence["start"])
    doc, _ = analyse(text, fmt=fmt)
    for ref, shown in zip(doc.references, data["references"], strict=True):
        assert (shown["line"], shown["column"]) == editor_position(text, ref.start)


lf_texts = st.lists(
    st.sampled_from([t for t in TOKENS if "\r" not in t and t not in ("\v", "\f", "\x85")]),
    max_size=50,
).map("".join)


@FAST
@given(text=lf_texts, fmt=formats, newline=st.sampled_from(["\r\n", "\r"]))
def test_crlf_and_cr_read_like_lf(text: str, fmt: str, newline: str) -> None:
    def seen(source: str) -> list[tuple[int, int, int, int, str, str]]:
        report = check_text(source, fmt=fmt, settings=Settings(select=("ALL",)))
        return [
            (f.line, f.column, f.end_line, f.end_column, f.code, f.message) for f in report.findings
        ]

    assert seen(text.replace("\n", newline)) == seen(text)
