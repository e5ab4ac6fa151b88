"""HTML citation styles: superscript numerals, links into the document, xml2rfc reference
lists and cites, captions; each kind on a small page built here."""

from __future__ import annotations

from pathlib import Path

from citecheck.api import analyse, check_text
from citecheck.model import Document
from citecheck.text.lines import LineIndex

REFS = (
    "<h2>References</h2>\n<ol>\n<li>Ward audit report, City Hospital, 2023.</li>\n"
    "<li>Infection Control Journal: Campaign results, 2024.</li>\n"
    "<li>Regional Health Board statistics, 2024.</li>\n</ol>\n"
)


def parsed(page: str) -> Document:
    doc, _ = analyse(page, path="page.html")
    return doc


def rules(page: str) -> list[str]:
    return [f"{f.line}:{f.column} {f.rule}" for f in check_text(page, path="page.html").findings]


def keys(page: str) -> list[tuple[str, ...]]:
    return [m.keys for m in parsed(page).markers]


# Superscript numerals


def test_superscript_numerals_cite_the_numbered_list() -> None:
    page = (
        "<p>Compliance in the ward rose from 40% to 75% after the campaign.<sup>1</sup>"
        " Infection rates fell by a third over the same period.<sup>2,3</sup></p>\n"
        "<p>Readmissions fell in every ward that joined the scheme <sup>1–3</sup>.</p>\n"
        "<p>Staff reported fewer shortages of soap and towels<sup>2</sup>.</p>\n" + REFS
    )
    assert keys(page) == [("1",), ("2", "3"), ("1", "2", "3"), ("2",)]
    assert rules(page) == []


def test_superscript_marker_is_at_its_numeral() -> None:
    page = "<p>Infection rates fell by a third over the year.<sup>2</sup></p>\n" + REFS
    doc = parsed(page)
    (marker,) = doc.markers
    assert page[marker.start :].startswith("<sup>2</sup>") or page[marker.start] == "2"


def test_units_exponents_isotopes_and_ordinals_are_not_citations() -> None:
    page = (
        "<p>The ward covers 120 m<sup>2</sup> and holds 10<sup>6</sup> colony units.</p>\n"
        "<p>We take x<sup>2</sup> and E = mc<sup>2</sup> and (a+b)<sup>2</sup> as given.</p>\n"
        "<p>Samples were dated with <sup>14</sup>C in the 1<sup>st</sup> week.</p>\n"
        "<p>The limit is 2<sup>3</sup> invalid packets per key.</p>\n" + REFS
    )
    assert keys(page) == []


def test_superscripts_need_a_numbered_list_that_holds_them() -> None:
    unlisted = "<p>Infection rates fell by a third over the year.<sup>2</sup></p>\n"
    assert keys(unlisted) == []  # no reference list
    assert keys("<p>Infection rates fell by a third over the year.<sup>7</sup></p>\n" + REFS) == []
    bullets = "<h2>References</h2><ul><li>Ward audit, 2023.</li></ul>"
    assert keys(unlisted + bullets) == []  # not numbered


def test_superscript_inside_a_link_is_the_links() -> None:
    page = (
        '<p>Infection rates fell by a third over the year.<a href="#fn2"><sup>2</sup></a></p>'
        '<div class="footnotes"><ol><li id="fn1">A note.</li><li id="fn2">Another note, with'
        " its source: Regional Health Board, 2024.</li></ol></div>"
    )
    assert keys(page) == [("^2",)]


# Links into the document


def test_links_to_paragraphs_spans_and_named_anchors_are_citations() -> None:
    page = (
        '<p>The dam was finished in 2019.<a href="#note-1">1</a> Its reservoir holds three'
        ' billion cubic metres.<a href="#note-2">2</a> It floods twice a year.'
        '<a role="doc-noteref" href="#n3">3</a></p>\n<h2>Notes</h2>\n'
        '<p id="note-1">1. Ethiopian Electric Power, annual report, 2020.</p>\n'
        '<p><span id="note-2"></span>2. Reuters: Dam reservoir reaches capacity, 2021.</p>\n'
        '<div><a name="n3"></a>3. BBC News: Floods downstream, 2022.</div>\n'
    )
    doc = parsed(page)
    assert [m.keys for m in doc.markers] == [("^1",), ("^2",), ("^3",)]
    assert sorted(r.key or "" for r in doc.references) == ["^1", "^2", "^3"]
    assert rules(page) == []


def test_noteref_link_with_any_text_cites_its_entry() -> None:
    page = (
        '<p>The dam was finished in 2019.<a data-type="noteref" href="#fn-a">i</a></p>\n'
        '<aside><p id="fn-a">Ethiopian Electric Power, annual report, 2020.</p></aside>\n'
    )
    assert keys(page) == [("^i",)]


def test_links_to_headings_figures_tables_and_equations_are_not_citations() -> None:
    page = (
        '<p>The layout is shown in <a href="#fig-2">2</a>, the totals in <a href="#tab3">3'
        '</a> and the model in <a href="#eq-4">4</a>; see also <a href="#s5">5</a>.</p>\n'
        '<figure id="fig-2"><img src="a.png"><figcaption>The layout.</figcaption></figure>\n'
        '<table id="tab3"><tr><td>1</td></tr></table>\n'
        '<div id="eq-4">E = mc²</div>\n<h2 id="s5">5. Method</h2>\n<p>Text.</p>\n'
    )
    assert keys(page) == []


def test_back_links_and_pilcrows_make_no_notes() -> None:
    page = (
        '<ul><li id="section-2-1.1">A full handshake, in which data flows at once.'
        '<a href="#section-2-1.1" class="pilcrow">¶</a></li></ul>\n'
        '<p id="p1">Compliance rose.<sup id="r1"><a href="#fn1">1</a></sup></p>\n'
        '<ol class="footnotes"><li id="fn1">Audit, 2023. <a href="#r1">a</a></li></ol>\n'
    )
    doc = parsed(page)
    assert [m.keys for m in doc.markers] == [("^1",)]
    assert [r.key for r in doc.references] == ["^1"]
    assert not any("¶" in s.text for s in doc.sentences)


# xml2rfc


XML2RFC = """<section id="section-1"><h2 id="name-introduction">
<a href="#section-1" class="section-number selfRef">1. </a>Introduction</h2>
<p id="section-1-1">QUIC uses TLS <span>[<a href="#TLS13" class="cite xref">TLS13</a>]</span>
for its handshake; see <span><a href="https://rfc-editor.org/rfc/rfc9000#section-8.1"
class="relref">Section 8.1</a> of [<a href="#QUIC-TRANSPORT" class="cite xref">QUIC-TRANSPORT</a>]
</span>.<a href="#section-1-1" class="pilcrow">¶</a></p>
<ul><li class="normal" id="section-1-2.1">Limits follow <span>[<a href="#AEBounds"
class="cite xref">AEBounds</a>]</span> as the analysis shows.<a href="#section-1-2.1"
class="pilcrow">¶</a></li></ul>
<aside id="section-1-3"><p id="section-1-3.1">Note: certificate compression
<a href="#COMPRESS" class="cite xref">COMPRESS</a> keeps chains short.
<a href="#section-1-3.1" class="pilcrow">¶</a></p></aside>
<p id="section-1-4">See <a href="#section-2" class="auto internal xref">Section 2</a>.</p>
</section>
<section id="section-2"><h2 id="name-references">
<a href="#section-2" class="section-number selfRef">2. </a>References</h2>
<dl class="references">
<dt id="AEBounds">[AEBounds]</dt>
<dd><span class="refAuthor">Luykx, A.</span> and <span class="refAuthor">K. Paterson</span>,
<span class="refTitle">"Limits on Authenticated Encryption Use in TLS"</span>, 2017.</dd>
<dd class="break"></dd>
<dt id="COMPRESS">[COMPRESS]</dt>
<dd><span class="refAuthor">Ghedini, A.</span>, <span class="refTitle">"TLS Certificate
Compression"</span>, <span class="seriesInfo">RFC 8879</span>, December 2020.</dd>
<dd class="break"></dd>
<dt id="QUIC-TRANSPORT">[QUIC-TRANSPORT]</dt>
<dd><span class="refAuthor">Iyengar, J., Ed.</span>, <span class="refTitle">"QUIC: A
UDP-Based Multiplexed and Secure Transport"</span>, <span class="seriesInfo">RFC 9000</span>,
May 2021, <span>&lt;<a href="https://www.rfc-editor.org/info/rfc9000">
https://www.rfc-editor.org/info/rfc9000</a>&gt;</span>. </dd>
<dd class="break"></dd>
<dt id="TLS13">[TLS13]</dt>
<dd><span class="refAuthor">Rescorla, E.</span>, <span class="refTitle">"The Transport Layer
Security (TLS) Protocol Version 1.3"</span>, <span class="seriesInfo">RFC 8446</span>,
August 2018.</dd>
</dl>
</section>
"""


def test_xml2rfc_reference_list_pairs_each_label_with_its_entry() -> None:
    doc = parsed(XML2RFC)
    refs = {r.key: r for r in doc.references}
    assert sorted(refs) == ["AEBounds", "COMPRESS", "QUIC-TRANSPORT", "TLS13"]
    assert refs["TLS13"].title == "The Transport Layer Security (TLS) Protocol Version 1.3"
    assert refs["QUIC-TRANSPORT"].url == "https://www.rfc-editor.org/info/rfc9000"
    where = LineIndex(XML2RFC).position(refs["AEBounds"].start)
    assert where == (LineIndex(XML2RFC).position(XML2RFC.index("[AEBounds]"))), where


def test_xml2rfc_cites_relrefs_pilcrows_and_asides() -> None:
    doc = parsed(XML2RFC)
    assert [m.keys for m in doc.markers] == [
        ("TLS13",),
        ("QUIC-TRANSPORT",),
        ("AEBounds",),
        ("COMPRESS",),  # a cite with no brackets around it, in a note of the text
    ]
    assert not any(r.key and r.key.startswith("^") for r in doc.references)
    assert rules(XML2RFC) == []


def test_reference_heading_without_a_reference_list_in_xml2rfc() -> None:
    page = XML2RFC.replace(
        '<section id="section-2">',
        '<section id="section-1.5"><h3 id="name-refs">1.5. References</h3>\n'
        "<p>The reference anchor attribute will be the figure's name.</p>\n"
        "<ul><li>Spaces are translated to a minus sign.</li>\n"
        "<li>Uppercase letters are translated to lowercase.</li></ul></section>\n"
        '<section id="section-2">',
    )
    found = rules(page)
    assert not [r for r in found if "reference" in r], found  # no entries, so none uncited
    assert parsed(page).sections[-1].title.endswith("References")


# Captions and table notes


def test_captions_and_table_notes_are_never_claims() -> None:
    page = (
        "<p>The bridge opened in 2020 after six years of work [1].</p>\n"
        '<figure><img src="b.png"><figcaption>The old bridge was closed to traffic in 2014'
        " after an inspection.</figcaption></figure>\n"
        '<div class="thumb"><div class="thumbcaption">Speakers from the foundation discuss'
        " the future of the bridge.</div></div>\n"
        "<table><caption>Traffic counts rose by a half in the first year.</caption>"
        "<tr><td>2020</td><td>1,200 cars crossed the bridge every day.</td></tr>"
        "<tfoot><tr><td>Counts were taken by the city on weekdays only.</td></tr></tfoot>"
        '</table>\n<p class="table-note">Counts exclude the buses that crossed at night.</p>\n'
        "<h2>References</h2><ol><li>City News: Bridge opens, 2020.</li></ol>\n"
    )
    doc = parsed(page)
    claims = [s.text for s in doc.sentences if s.claim]
    assert claims == ["The bridge opened in 2020 after six years of work [1]."]


# A plain-text draft in <pre>

DRAFT = """<!DOCTYPE html>
<html><head><title>draft-lind-harbour-levy-01</title></head>
<body>
<span class="pre noprint docinfo">[<a href="../html/">Docs</a>] [<a href="x.txt">txt</a>]</span>
<pre>
Internet-Draft                                               A. Lind
Intended Status: Informational                        Coastline Press
Expires: 18 June 2026

                    <span class="h1">Harbour Levy Reporting</span>

<span class="h2"><a class="selflink" id="section-1" href="#section-1">1</a>.  Introduction</span>

   Harbour levies are reported in the ledger format of <a href="#ref-LEDGER">[LEDGER]</a>
   and the &quot;monthly&quot; format of [<a href="#ref-MONTHLY">MONTHLY</a>].  Ports
   that report twice a year use the format of [<a href="#ref-HALF">HALF</a>].
</pre><pre class="newpage">
<span class="h2"><a class="selflink" id="section-2" href="#section-2">2</a>.  References</span>

   <a name="ref-LEDGER">[LEDGER]</a>   Harbour Trust, "Annual ledger format", 2012.

   [<a name="ref-MONTHLY" id="ref-MONTHLY">MONTHLY</a>]  Port Authority, "Monthly returns",
              2019.
</pre>
</body></html>
"""


def test_draft_in_pre_is_read_as_plain_text() -> None:
    doc = parsed(DRAFT)
    assert [r.key for r in doc.references] == ["LEDGER", "MONTHLY"]
    assert [m.keys for m in doc.markers] == [("LEDGER",), ("MONTHLY",), ("HALF",)]
    assert [s.text for s in doc.sentences if s.heading][-2:] == ["1. Introduction", "2. References"]
    found = check_text(DRAFT, path="draft.html").findings
    assert [(f.rule, f.line) for f in found] == [("dangling-citation", 16)]
    # The marker is where its "[" is in the source, after the tags before it on its line.
    line = DRAFT.splitlines()[found[0].line - 1]
    assert line[found[0].column - 1 :].startswith('[<a href="#ref-HALF">')


def test_page_with_code_in_pre_is_read_as_html() -> None:
    page = (
        "<h1>Parsing ledgers</h1><p>Ledgers are read line by line [1].</p>"
        "<pre>for line in ledger:\n    total += levy(line)  # [2]\n</pre>"
        "<h2>References</h2><ol><li>Harbour Trust: Annual ledger format, 2012.</li></ol>"
    )
    assert keys(page) == [("1",)]


def test_xml2rfc_v2_reference_table_rows_are_entries() -> None:
    page = (
        '<p>Key words are interpreted as in <a href="#RFC2119">RFC 2119</a> '
        '[<a href="#RFC2119">RFC2119</a>] and media types as in [<a href="#RFC6838">'
        "RFC6838</a>].</p>\n"
        '<h1 id="rfc.references"><a href="#rfc.references">9.</a> References</h1>\n'
        '<table><tbody><tr><td class="reference"><b id="RFC2119">[RFC2119]</b></td>\n'
        '<td class="top"><a>Bradner, S.</a>, "<a href="https://tools.ietf.org/html/rfc2119">'
        'Key words for use in RFCs to Indicate Requirement Levels</a>", BCP 14, RFC 2119,'
        " March 1997.</td></tr>\n"
        '<tr><td class="reference"><b id="RFC6838">[RFC6838]</b></td>\n'
        '<td class="top"><a>Freed, N.</a>, "Media Type Specifications and Registration'
        ' Procedures", BCP 13, RFC 6838, January 2013.</td></tr></tbody></table>\n'
    )
    doc = parsed(page)
    refs = {r.key: r for r in doc.references}
    assert sorted(refs) == ["RFC2119", "RFC6838"]
    assert refs["RFC2119"].title == "Key words for use in RFCs to Indicate Requirement Levels"
    assert [m.keys for m in doc.markers] == [("RFC2119",), ("RFC6838",)]
    assert rules(page) == []


def test_a_link_holding_a_cite_element_cites_its_entry_without_brackets() -> None:
    # rfc2629.xslt writes "obsoletes <a href="#RFC7234"><cite title=…>RFC 7234</cite></a>".
    path = Path(__file__).parents[1] / "fixtures" / "kinds" / "spec-cite-links"
    page = (path / "rfcxslt-html.html").read_text("utf-8")
    assert keys(page) == [("RFC7234",), ("HTTP",)]
    assert rules(page) == []
    # The same link without its <cite> is a plain link into the page: no citation.
    plain = page.replace('<cite title="Hypertext Transfer Protocol (HTTP/1.1): Caching">', "")
    plain = plain.replace("RFC 7234</cite>", "RFC 7234")
    assert keys(plain) == [("HTTP",)]
    assert rules(plain) == ["15:18 uncited-reference"]
