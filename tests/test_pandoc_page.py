"""A whole web page converted to Markdown by Pandoc (reader/pandocpage.py): only the fenced
div marked as the article's body is read."""

from __future__ import annotations

from citecheck.parser import parse
from citecheck.reader.pandocpage import article_span

_PAGE = (
    "::: {#header}\nThe blog of words: every post on language.\n:::\n\n"
    '::: {.entry-body .entry-content itemprop="articleBody"}\n'
    "::: {.intro}\nThe word is attested since 1550.\n:::\n\n"
    "It was condemned in 1650 by the Academy.\n:::\n\n"
    "::: {#sidebar}\nThe author of this blog has taught for twenty years.\n:::\n"
)


def test_the_body_span_closes_at_its_own_fence() -> None:
    span = article_span(_PAGE)
    assert span is not None
    inside = _PAGE[span[0] : span[1]]
    assert "1550" in inside and "1650" in inside
    assert "sidebar" not in inside and "blog of words" not in inside


def test_only_the_body_is_read() -> None:
    texts = " ".join(s.text for s in parse(_PAGE, "markdown").sentences)
    assert "1650" in texts
    assert "twenty years" not in texts and "every post" not in texts


def test_two_bodies_or_none_leave_the_page() -> None:
    two = _PAGE + '::: {itemprop="articleBody"}\nAnother post.\n:::\n'
    assert article_span(two) is None
    assert article_span(_PAGE.replace("entry-content", "x").replace("articleBody", "y")) is None
    texts = " ".join(s.text for s in parse(two, "markdown").sentences)
    assert "twenty years" in texts
