"""A saved page's links into itself written with its own address (reader/html_own.py):
"Figures 7 and 8" linked as ``https://…/rfc9000.html#fig-7`` are cross-references, not
numbered link callouts; links to another document's sections stay links elsewhere."""

from __future__ import annotations

from citecheck.api import analyse, check_text
from citecheck.reader.html import read_html
from citecheck.reader.html_own import own_address

OWN = "https://www.rfc-editor.org/rfc/rfc9999.html"


def _page(base: str, head: str = "") -> str:
    sections = "".join(
        f'<section id="section-{n}"><h2>{n}. Part {n}</h2>'
        f'<p id="p-{n}">Part {n} builds on <a href="{base}#section-{n - 1}" class="xref">Section'
        f' {n - 1}</a> and on <a href="{base}#fig-{n}" class="xref">{n}</a>.</p>'
        f'<figure id="fig-{n}"><pre>frame {n}</pre><figcaption>Figure {n}</figcaption></figure>'
        "</section>"
        for n in range(2, 10)
    )
    return (
        f"<!DOCTYPE html><html><head><title>RFC 9999</title>{head}</head><body>"
        '<section id="section-1"><h2>1. Introduction</h2>'
        "<p>Widgets are lost on long paths "
        f'[<a href="{base}#WIDGETS" class="cite xref">WIDGETS</a>]. In both cases (Figures'
        f' <a href="{base}#fig-7" class="xref">7</a> and <a href="{base}#fig-8"'
        ' class="xref">8</a>), the client waits.</p></section>'
        f"{sections}"
        '<section id="section-10"><h2>10. References</h2><dl class="references">'
        '<dt id="WIDGETS">[WIDGETS]</dt><dd><span class="refAuthor">Doe, J.</span>,'
        ' "Widget loss on long paths", 2020.</dd></dl></section></body></html>'
    )


def test_figure_links_with_the_page_address_are_no_callouts() -> None:
    page = _page(OWN)
    doc, _ = analyse(page, path="rfc9999.html")
    assert [m.keys for m in doc.markers] == [("WIDGETS",)]
    report = check_text(page, path="rfc9999.html")
    assert not [f for f in report.findings if f.rule == "dangling-citation"]


def test_the_same_page_with_bare_fragments_reads_the_same() -> None:
    own, bare = _page(OWN), _page("")
    a, _ = analyse(own, path="own.html")
    b, _ = analyse(bare, path="bare.html")
    assert [m.keys for m in a.markers] == [m.keys for m in b.markers]


def test_links_to_another_document_are_left_alone() -> None:
    """Links to another RFC's sections name ids this page does not have: that address is
    not the page's own, and its numbered links stay what they were."""
    other = "https://www.rfc-editor.org/rfc/rfc9000.html"
    page = _page(OWN).replace(f'href="{OWN}#fig-', f'href="{other}#figure-')
    layout = read_html(page)
    assert any(url.startswith(other + "#figure-") for _, _, url in layout.inline)


def test_own_address() -> None:
    from selectolax.lexbor import LexborHTMLParser

    page = _page(OWN)
    tree = LexborHTMLParser(page)
    ids = {el.attributes.get("id") or "" for el in tree.css("[id]")}
    assert own_address(tree, ids) == OWN
    canonical = '<link rel="canonical" href="https://example.org/rfc9999">'
    tree = LexborHTMLParser(_page("https://example.org/rfc9999", canonical))
    assert own_address(tree, set()) == "https://example.org/rfc9999"
    few = LexborHTMLParser(f'<p id="a"><a href="{OWN}#a">1</a></p>')
    assert own_address(few, {"a"}) is None  # one link says too little


def test_links_to_entries_and_notes_keep_their_address() -> None:
    """A copy of a wiki page whose note links carry the page's address (``…/Sudoku#cite_note-3``
    to an ``<li>``) is read as before: only cross-references to the page's structure are
    rewritten."""
    from selectolax.lexbor import LexborHTMLParser

    from citecheck.reader.html_own import localise_links

    own = "http://en.wikipedia.org/wiki/Sudoku"
    notes = "".join(f'<li id="cite_note-{n}">Note {n}</li>' for n in range(1, 13))
    calls = "".join(f'<a href="{own}#cite_note-{n}">[{n}]</a>' for n in range(1, 13))
    page = f'<p>Text{calls} see <a href="{own}#History">History</a>.</p>'
    page += f'<h2 id="History">History</h2><ol class="references">{notes}</ol>'
    tree = LexborHTMLParser(page)
    localise_links(tree)
    hrefs = [a.attributes.get("href") for a in tree.css("a")]
    assert hrefs[:12] == [f"{own}#cite_note-{n}" for n in range(1, 13)]
    assert hrefs[12] == "#History"
