"""Document structure that is not a claim or not a source: image captions a converter left
without a class, a paragraph introducing a cited table, a wiki's identifier help links."""

from __future__ import annotations

from citecheck import check_text
from citecheck.parser import parse

_REFLIST = """
<h2>References</h2>
<ol class="references">
<li id="cite_note-1"><cite>Ballard, Anne (1998). <i>The Harbour Bridge</i>. Wellington: Harbour
Press. <a href="http://wiki.example/wiki/International_Standard_Book_Number">ISBN</a>&#160;<a
href="http://wiki.example/wiki/Special:BookSources/9780864733283">9780864733283</a>.</cite></li>
<li id="cite_note-2"><cite>Ng, Peter (2004). "Long-span steel arches". <i>Journal of Bridges</i>.
<a href="http://wiki.example/wiki/Digital_object_identifier">doi</a>:<a
href="https://doi.org/10.1061/jb.2004.11">10.1061/jb.2004.11</a>.</cite></li>
<li id="cite_note-3"><cite>Ruiz, Carla (2011). <i>Tolls and Tunnels</i>. Auckland: Penguin.
<a href="http://wiki.example/wiki/International_Standard_Book_Number">ISBN</a>&#160;<a
href="http://wiki.example/wiki/Special:BookSources/0-670-83298-7">0-670-83298-7</a>.</cite></li>
</ol>
"""


def _page(body: str) -> str:
    return f"<html><body>{body}{_REFLIST}</body></html>"


def _claims(html: str) -> list[str]:
    return [s.text for s in parse(html, "html").sentences if s.claim and not s.covered_by]


CITED = (
    '<p>The bridge opened in 1932 after eight years of work.<sup class="reference">'
    '<a href="#cite_note-1">[1]</a></sup> Its arch spans 503 metres.<sup class="reference">'
    '<a href="#cite_note-2">[2]</a></sup> The toll ended in 1970.<sup class="reference">'
    '<a href="#cite_note-3">[3]</a></sup></p>'
)


def test_identifier_help_links_are_not_the_source_url():
    doc = parse(_page(CITED), "html")
    urls = [r.url for r in doc.references]
    assert urls == [None, "https://doi.org/10.1061/jb.2004.11", None]
    report = check_text(_page(CITED), fmt="html")
    assert [f.code for f in report.findings] == []


def test_a_paragraph_beside_a_lone_image_is_its_caption():
    figure = (
        '<div><p><a href="/wiki/File:Kiwi.jpg"><img alt="Kiwi" src="kiwi.jpg"></a></p>'
        "<div><p>The flightless kiwi is a national icon of the country.</p></div></div>"
    )
    assert _claims(_page(CITED + figure)) == []
    # A paragraph after an image among the article's other paragraphs is prose.
    prose = (
        '<div><p><img alt="Kiwi" src="kiwi.jpg"></p>'
        "<p>The flightless kiwi is a national icon of the country.</p>"
        "<p>It was first described by a naturalist in the year 1813.</p></div>"
    )
    assert len(_claims(_page(CITED + prose))) == 2


def test_a_paragraph_introducing_a_cited_table_is_covered_by_it():
    table = (
        "<p>The table below lists the tolls of the three bridges of the harbour.</p>"
        '<table><caption>Tolls of the harbour bridges<sup class="reference">'
        '<a href="#cite_note-3">[3]</a></sup></caption><tr><th>Bridge</th><th>Toll</th></tr>'
        "<tr><td>North</td><td>2</td></tr></table>"
    )
    assert _claims(_page(CITED + table)) == []
    other = table.replace("The table below lists", "Tolls were set by the council for")
    assert _claims(_page(CITED + other)) == [
        "Tolls were set by the council for the tolls of the three bridges of the harbour."
    ]


def test_what_dropped_mathml_leaves_is_no_claim():
    math = '<math alttext="A"><mi>A</mi></math>'
    body = (
        f"<p>In this section, the transpose of a matrix {math} is denoted as {math}. For any "
        f"pair of vectors {math}, where {math} denotes the inner product, it holds. "
        f"Furthermore, if {math} is row full-rank, then {math} is positive definite.</p>"
        "<ul><li>The sum of any two symmetric matrices is symmetric.</li></ul>"
        f"<dl><dd><i>Proof:</i> {math} as claimed.</dd></dl>"
        "<p>Every real symmetric matrix is diagonalizable by an orthogonal matrix.</p>"
        "<h2>External links</h2><ul><li>Symmetric matrices as ellipses, by a teacher at a "
        "regional university, give a geometric explanation.</li></ul>"
    )
    assert _claims(_page(CITED + body)) == [
        "Every real symmetric matrix is diagonalizable by an orthogonal matrix."
    ]
