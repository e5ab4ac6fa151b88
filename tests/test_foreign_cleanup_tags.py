"""Wikipedia's citation-needed tags in other editions are placeholders (CC005), in Markdown
and text (fixtures/kinds/foreign-cleanup-tags) and in the HTML of a saved page, where the
tag is a ``<sup class="noprint Inline-Template Template-Fact">`` holding a link."""

from __future__ import annotations

import pytest

from citecheck.api import check_text
from citecheck.text.vocab import PLACEHOLDER

_PAGE = """<!DOCTYPE html><html><head><title>Harlow Viaduct</title></head><body>
<h1>Harlow Viaduct</h1>
<p>The viaduct was opened in 1884 and carries the main line over the wide river valley.{tag}
It is the longest brick viaduct in the county and was built by the railway company.</p>
</body></html>
"""


@pytest.mark.parametrize(
    "words",
    [
        "來源請求",
        "来源请求",
        "要出典",
        "출처 필요",
        "Belege fehlen",
        "Quelle fehlt",
        "réf. nécessaire",
        "Information douteuse",
        "cita requerida",
        "citation necessaire",
        "необходим источник",
        "источник не указан 123 дня",
        "nota necessária",
        "carece de fontes",
        "senza fonte",
        "citazione necessaria",
        "bron?",
    ],
)
def test_placeholder_words(words: str) -> None:
    assert PLACEHOLDER.match(words)


@pytest.mark.parametrize("words", ["Quelle", "source fiable", "nota", "bron", "出典"])
def test_other_words(words: str) -> None:
    assert not PLACEHOLDER.match(words)


@pytest.mark.parametrize(
    "tag",
    [
        # zh, ja: the brackets outside the link, the words in a span with the date
        '<sup class="noprint Inline-Template Template-Fact" style="white-space:nowrap;">'
        '&#91;<i><a href="/wiki/Wikipedia:%E5%87%BA%E5%85%B8" title="Wikipedia:出典">'
        '<span title="2019年5月">要出典</span></a></i>&#93;</sup>',
        # the brackets inside the link
        '<sup class="noprint Template-Fact"><a href="/wiki/Y">[출처 필요]</a></sup>',
        # no brackets at all
        '<sup class="noprint Inline-Template Template-Fact"><a href="/wiki/X">'
        "Belege fehlen</a></sup>",
    ],
)
def test_html_tag_is_a_placeholder(tag: str) -> None:
    report = check_text(_PAGE.format(tag=tag), path="page.html")
    codes = [f.code for f in report.findings]
    assert codes.count("CC005") == 1
    placeholder = next(f for f in report.findings if f.code == "CC005")
    assert placeholder.line == 3


def test_other_inline_template_is_not() -> None:
    tag = (
        '<sup class="noprint Inline-Template"><a href="/wiki/Z">'
        "<span>clarify the dates</span></a></sup>"
    )
    report = check_text(_PAGE.format(tag=tag), path="page.html")
    assert "CC005" not in [f.code for f in report.findings]
