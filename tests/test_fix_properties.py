"""Properties of ``citecheck fix`` over generated articles.

Articles have numbered references (some repeating an earlier URL), repeated keys in a
marker group, uncited entries, commentary items and markers out of order, in plain text
and Markdown. After ``fix --unsafe`` with every rule selected: each sentence cites the same
sources (by URL), a second run changes nothing, no finding of a fixed rule is left, and
the prose outside the markers is unchanged.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from unmarked import unmarked

from citecheck import check_text
from citecheck.api import analyse, fix_text
from citecheck.config.settings import Settings
from citecheck.fixer import APPLICABILITY
from citecheck.fixer.edits import apply

ALL = Settings(select=("ALL",))
OUTLETS = [
    "Harbour News",
    "City Times",
    "Evening Post",
    "Coast Radio",
    "Metro Daily",
    "Valley Star",
]
TITLES = [
    "Ferry service resumes in May",
    "Council approves the budget",
    "Reservoir levels fall again",
    "Storm damages the old pier",
    "New tram line opens downtown",
    "Schools extend the summer term",
]
SENTENCES = [
    "The ferry service resumes in May after the winter break",
    "The council approved the new budget on Monday evening",
    "Reservoir levels fell to a record low in August",
    "A storm damaged the old pier late on Sunday night",
    "The new tram line opened downtown to large crowds",
    "Schools will extend the summer term by one week",
    "Officials said the repairs would take two more months",
]
COMMENTARY = (
    "This report follows the continuing pressure on the city's services, an issue of rising "
    "concern for residents who worry about what the coming years will bring to the town."
)
STYLES = ["text-numbered", "text-brackets", "text-bullets", "md-numbered", "md-definitions"]


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, str]:
    """Return (format, text) of a generated article."""
    n = draw(st.integers(2, 6))
    entries: list[tuple[str, str]] = []
    for i in range(n):
        if i and draw(st.integers(0, 3)) == 0:
            entries.append(entries[draw(st.integers(0, i - 1))])  # the same source again
        else:
            entries.append((f"{OUTLETS[i]}: {TITLES[i]}", f"https://news.example.com/{i}/story"))
    style = draw(st.sampled_from(STYLES))
    body = []
    for text in draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=5, unique=True)):
        keys = draw(st.lists(st.integers(1, n), min_size=1, max_size=3))
        if style == "md-definitions" or draw(st.booleans()):
            marks = "".join(f"[{k}]" for k in keys)
        else:
            marks = "[" + ", ".join(map(str, keys)) + "]"
        body.append(f"{text}. {marks}")
    md = style.startswith("md")
    head = "# Town news\n\n" if md else "Town news\n\n"
    lines = []
    for i, (title, url) in enumerate(entries, 1):
        lines.append(
            {
                "text-numbered": f"{i}. {title}. {url}",
                "text-brackets": f"[{i}] {title}. {url}",
                "text-bullets": f"- {title}. {url}",
                "md-numbered": f"{i}. {title}. {url}",
                "md-definitions": f'[{i}]: {url} "{title}"',
            }[style]
        )
    if style != "md-definitions" and draw(st.booleans()):
        lines.append("- " + COMMENTARY if style == "text-bullets" else f"{n + 1}. {COMMENTARY}")
    heading = "## References" if md else "References:"
    text = head + "\n\n".join(body) + f"\n\n{heading}\n\n" + "\n".join(lines) + "\n"
    return ("markdown" if md else "text"), text


def cited(text: str, fmt: str) -> list[frozenset[str]]:
    """Per sentence, the URLs of the sources its markers cite."""
    doc, res = analyse(text, fmt=fmt, settings=ALL)
    urls: dict[int, set[str]] = {}
    for link in res.links:
        if link.reference is not None and link.reference.url:
            urls.setdefault(id(link.marker), set()).add(link.reference.url)
    return [frozenset(u for m in s.markers for u in urls.get(id(m), ())) for s in doc.sentences]


def prose(text: str, fmt: str) -> list[str]:
    """Each sentence's text with its markers taken out."""
    doc, _ = analyse(text, fmt=fmt, settings=ALL)
    return unmarked(text, doc)


PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(articles())
def test_fix_keeps_what_each_sentence_cites(article: tuple[str, str]) -> None:
    fmt, text = article
    fixed = fix_text(text, fmt=fmt, settings=ALL, unsafe=True).text
    assert cited(fixed, fmt) == cited(text, fmt)
    assert prose(fixed, fmt) == prose(text, fmt)


@PROPERTY
@given(articles())
def test_a_second_run_changes_nothing(article: tuple[str, str]) -> None:
    fmt, text = article
    once = fix_text(text, fmt=fmt, settings=ALL, unsafe=True)
    twice = fix_text(once.text, fmt=fmt, settings=ALL, unsafe=True)
    assert not twice.changed
    assert twice.text == once.text


@PROPERTY
@given(articles())
def test_no_finding_of_a_fixed_rule_is_left(article: tuple[str, str]) -> None:
    fmt, text = article
    fixed = fix_text(text, fmt=fmt, settings=ALL, unsafe=True).text
    left = [f for f in check_text(fixed, fmt=fmt, settings=ALL).findings if f.code in APPLICABILITY]
    assert left == []


@PROPERTY
@given(articles())
def test_bytes_outside_the_edits_are_unchanged(article: tuple[str, str]) -> None:
    fmt, text = article
    result = fix_text(text, fmt=fmt, settings=ALL, unsafe=True)
    current = text
    for edits in result.edits:
        new = apply(current, edits)
        spans = sorted((e.start, e.end) for e in edits)
        pos, out = 0, 0
        for (start, end), edit in zip(spans, sorted(edits, key=lambda e: e.start), strict=True):
            assert new[out : out + start - pos] == current[pos:start]  # untouched stretch
            out += start - pos + len(edit.new)
            pos = end
        assert new[out:] == current[pos:]
        current = new
    assert current == result.text


# Pieces that steer the reader, the marker grammar and the fixer into their corners.
FRAGMENTS = [
    "[1]",
    "[1][1]",
    "[2, 2]",
    "[1-3]",
    "[3]–[5]",
    "[^1]",
    "[^1]: A News: One\n",
    "[1]: https://example.org/a ",
    "[1](https://example.org/a)",
    "[RFC2119]",
    "[Source 2]",
    "【2†source】",
    "References:\n",
    "## Sources\n",
    "1. ",
    "2. ",
    "[3] ",
    "- ",
    "\n",
    "\n\n",
    "\r\n",
    "A News: One. https://example.org/a\n",
    "B News: Two\n",
    "The council met today. ",
    COMMENTARY,
    "> ",
    "```\n",
    "`",
    "<!-- citecheck: ignore duplicate-citation -->\n",
]
TEXTS = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text("[]()^-–,;. 1234abc\n", max_size=8)),
    max_size=40,
).map("".join)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["text", "markdown"]), TEXTS)
def test_fix_never_fails_and_settles_on_arbitrary_input(fmt: str, text: str) -> None:
    once = fix_text(text, fmt=fmt, settings=ALL, unsafe=True)
    assert not fix_text(once.text, fmt=fmt, settings=ALL, unsafe=True).changed
    assert prose(once.text, fmt) == prose(text, fmt)
