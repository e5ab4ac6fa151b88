"""Every title a page or a PDF gives itself (citecheck.sources.titles), on files built here."""

from __future__ import annotations

import io
import json

from pageserver import page_pdf, pdf_literal

from citecheck.sources.extract import extract
from citecheck.sources.titles import html_titles, pdf_titles, site_parts

NEWS = """<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour bridge reopens after two-year repair | Port Gazette</title>
<meta property="og:site_name" content="Port Gazette">
<meta property="og:title" content="Harbour bridge reopens after two-year repair">
<meta name="twitter:title" content="Bridge reopens: what changes for commuters">
<script type="application/ld+json">{LD}</script>
<script type="application/ld+json">{{ not json</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article>
<h1>Harbour bridge reopens after <em>two-year</em> repair</h1>
<p class="byline">By Ana Lind, 4 May 2024</p>
<p>The harbour bridge reopened to traffic on Monday after a two-year repair that cost
41 million euros, the port authority said.</p>
<h2>What changes for commuters</h2>
<p>Buses return to the bridge from June, and the ferry keeps its summer timetable.</p>
</article></main>
<footer><p>© Port Gazette</p></footer>
</body></html>
"""
LD = json.dumps(
    {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Port Gazette"},
            {"@type": "NewsArticle", "headline": "Bridge reopens after repair"},
        ],
    }
)


def test_a_news_page_gives_every_title_it_carries() -> None:
    titles = html_titles(NEWS.replace("{LD}", LD), "What changes for commuters")
    assert titles[0] == "What changes for commuters"  # the extractor's choice comes first
    for want in (
        "Harbour bridge reopens after two-year repair | Port Gazette",
        "Harbour bridge reopens after two-year repair",  # og:title, <title> cut, and <h1>
        "Bridge reopens: what changes for commuters",  # twitter:title
        "Bridge reopens after repair",  # JSON-LD NewsArticle headline
    ):
        assert want in titles
    assert "Port Gazette" not in titles  # the site's own name names no work
    assert len(titles) == len(set(titles))


SCHOLARLY = """<html><head>
<title>Ferry demand in the northern fjords : Journal of Coastal Transport</title>
<meta name="citation_title" content="Modelling ferry demand in the northern fjords">
<meta name="DC.title" content="Modelling Ferry Demand in the Northern Fjords">
</head><body>
<h1>Journal of Coastal Transport</h1><h1>Volume 12</h1><h1>Issue 3</h1><h1>Articles</h1>
<p>Ferry demand in the northern fjords fell by a tenth between 2015 and 2020.</p></body></html>
"""


def test_a_scholarly_page_gives_its_citation_and_dublin_core_titles() -> None:
    titles = html_titles(SCHOLARLY)
    assert "Modelling ferry demand in the northern fjords" in titles
    assert "Modelling Ferry Demand in the Northern Fjords" in titles
    # four <h1> outside any article: none of them is the page's title
    assert not {"Journal of Coastal Transport", "Volume 12", "Issue 3"} & set(titles)


def test_site_parts_cut_the_site_but_not_half_a_title() -> None:
    assert site_parts("Mexico rejects US military action | Reuters") == [
        "Mexico rejects US military action"
    ]
    assert "Mexico rejects US military action" in site_parts(
        "BBC News - Mexico rejects US military action"
    )  # a known outlet before the title
    # "Friday Facts #282" is not a site's name: the head is never cut unless named
    assert site_parts("Friday Facts #282 - 0.17 in sight | Factorio") == [
        "Friday Facts #282 - 0.17 in sight"
    ]
    assert site_parts("No separator here") == []


def _pdf(lines: list[tuple[int, str]], title: str | None) -> bytes:
    """A one-page PDF whose lines are set in the given type sizes (points)."""
    ops = []
    y = 740
    for size, line in lines:
        ops.append(f"BT /F1 {size} Tf 72 {y} Td {pdf_literal(line)} Tj ET")
        y -= size + 8
    return page_pdf("\n".join(ops).encode("latin-1"), title)


REPORT = [
    (9, "Harbour Board - Annual Report Series"),
    (20, "Toll revenue and traffic"),
    (20, "on the harbour bridge, 2023"),
    (11, "The bridge carried 12,400 vehicles a day in 2023, up from 11,100 in 2022."),
    (11, "Toll revenue rose to 41 million euros."),
]


def test_a_pdf_gives_its_metadata_title_and_its_first_page_heading() -> None:
    from pypdf import PdfReader

    body = _pdf(REPORT, "hb-report-final-v3.docx")
    titles = pdf_titles(PdfReader(io.BytesIO(body)), "hb-report-final-v3.docx")
    assert titles[0] == "hb-report-final-v3.docx"
    assert "Toll revenue and traffic on the harbour bridge, 2023" in titles  # largest type
    assert "Harbour Board - Annual Report Series" in titles  # the first line


def test_extract_carries_the_titles_of_html_and_pdf() -> None:
    page = extract(NEWS.replace("{LD}", LD).encode(), "text/html; charset=utf-8")
    assert "Harbour bridge reopens after two-year repair" in page.titles
    pdf = extract(_pdf(REPORT, None), "application/pdf")
    assert pdf.title is None
    assert "Toll revenue and traffic on the harbour bridge, 2023" in pdf.titles


def test_a_page_lxml_cannot_read_gives_the_extractors_title_alone() -> None:
    assert html_titles("", "Fallback") == ("Fallback",)
    assert html_titles("   ") == ()
