"""Blogs: an inline link to a source page covers the words it sits on; an epigraph is no
claim (see :mod:`citecheck.parser.sourcelinks`)."""

from __future__ import annotations

import pytest

from citecheck.api import check_text
from citecheck.parser.sourcelinks import epigraph, source_link


@pytest.mark.parametrize(
    "url",
    [
        "http://www.fs.fed.us/emc/nfma/includes/musya60.pdf",
        "https://www.gov.uk/government/news/flood-defences",
        "https://www.reuters.com/world/us/",
        "https://fivethirtyeight.com/features/the-federal-government-owns-a-lot-of-land/",
        "http://www.hcn.org/articles/sagebrush-rebellion",
        "https://example.org/2016/01/06/malheur",
    ],
)
def test_source_pages(url: str) -> None:
    assert source_link(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://en.wikipedia.org/wiki/National_Environmental_Policy_Act",
        "http://fakehost/wiki/Tasman_Sea",
        "https://www.quora.com/What-are-some-recent-breakthroughs-in-deep-learning",
        "https://github.com/hepplerj/us-federal-lands",
        "https://www.hcn.org/",
        "https://example.org/about",
        "#section-2",
        "mailto:editor@example.org",
        "federal-lands.webp",
    ],
)
def test_glosses_pointers_and_home_pages(url: str) -> None:
    assert not source_link(url)


def test_epigraph_needs_its_attribution_line() -> None:
    assert epigraph("> Whoever owns the water owns the valley.\n> ---Mary Austin")
    assert epigraph("Whoever owns the water owns the valley. — Mary Austin")
    assert not epigraph("> Whoever owns the water owns the valley.")
    assert not epigraph("The county approved three permits - and more later.")


POST = """<html><body><article>
<blockquote><p>Whoever owns the water owns the valley, and always has.</p>
<p>---Mary Austin</p></blockquote>
<p>The county approved three new diversion permits last spring. Farmers said the permits
would cut their summer flow by a third, a figure the
<a href="https://www.waterboards.ca.gov/news/2021/pr0406.pdf">state board disputed</a>.</p>
<p>The valley lost half of its orchards between 1980 and 2000, and the cannery closed.</p>
<p>The board will hear the appeal in June.<sup><a href="#fn1" id="r1">1</a></sup></p>
<ol><li id="fn1">County Board of Supervisors, agenda for 14 June 2021, item 7.</li></ol>
</article></body></html>"""


def test_source_links_and_epigraph_in_html() -> None:
    found = check_text(POST, path="post.html").findings
    claims = [f for f in found if f.rule == "uncited-claim"]
    # The epigraph is no claim; the link covers its own sentence, not the one before it.
    assert [f.text[:30] for f in claims] == [
        "The county approved three new ",
        "The valley lost half of its or",
    ]


def test_a_link_covers_its_own_sentence_only() -> None:
    text = (
        "# Permits\n\nThe county approved three new diversion permits last spring. Farmers "
        "said the permits would cut their flow, a figure the "
        "[state board disputed](https://www.waterboards.ca.gov/news/2021/permits.pdf). "
        "The board then voted again on the same permits in June.\n\n"
        "Water is scarce in the valley every single summer now.[^1]\n\n"
        "[^1]: County Board of Supervisors, agenda for 14 June 2021, item 7.\n"
    )
    found = [f for f in check_text(text, path="post.md").findings if f.rule == "uncited-claim"]
    assert [f.text[:24] for f in found] == ["The county approved thre", "The board then voted aga"]
