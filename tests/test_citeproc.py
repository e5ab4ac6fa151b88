"""Citeproc's bibliography division, in Markdown and HTML (reader/citeproc.py)."""

from __future__ import annotations

from pathlib import Path

from citecheck import check_text
from citecheck.model import LISTED_HEADING, Block, BlockKind
from citecheck.parser import parse
from citecheck.reader.citeproc import bibliography_spans, cited, mark_listed

_ENTRY = (
    '<div id="ref-hart2021" class="csl-entry">\n\nHart, Jonathan. 2021. “Reading After the '
    "Lockdowns.” *Public Library Quarterly* 40 (3): 201–18.\n\n</div>\n"
)
_OPEN = '<div id="refs" class="references csl-bib-body hanging-indent"\nentry-spacing="0">'
_DIV = f"{_OPEN}\n\n{_ENTRY}\n</div>\n"
_PROSE = "Loan counts fell in most branches after the year 2020 (Hart 2021).\n\n"


def test_spans_of_raw_html_fenced_and_quoted_divisions():
    text = _PROSE + _DIV + "\nAfter.\n"
    (span,) = bibliography_spans(text)
    assert text[span[0] : span[1]] == _DIV.rstrip("\n")
    fenced = (
        _PROSE
        + "::::: {#refs .references .csl-bib-body}\n::: {#ref-a .csl-entry}\nHart.\n:::\n"
        + ":::::\nAfter.\n"
    )
    (span,) = bibliography_spans(fenced)
    assert fenced[span[1] :] == "\nAfter.\n"
    quoted = '> <div id="refs" class="references csl-bib-body">\n>\n> x\n>\n> </div>\n'
    assert len(bibliography_spans(quoted)) == 1
    # An unclosed division runs to the end; a page with none has no span.
    assert bibliography_spans(_PROSE + _DIV[:-7]) == [(len(_PROSE), len(_PROSE + _DIV[:-7]))]
    assert bibliography_spans(_PROSE + '<div id="refs"></div>') == []


def test_a_list_nothing_cites_is_not_taken():
    text = _PROSE + _DIV
    spans = bibliography_spans(text)
    assert cited(text, spans) == spans
    uncited = "Please cite the following paper.\n\n" + _DIV
    assert cited(uncited, bibliography_spans(uncited)) == []
    # Hart's name without the year, or the year without the name, is no callout.
    assert cited("Hart said so in 2019.\n\n" + _DIV, bibliography_spans("x" + _DIV)) == []
    # Pandoc's HTML says so by its markup; a numbered style by the entries' numbers.
    html = '<p><span class="citation" data-cites="x">(X)</span></p>' + _DIV
    assert cited(html, bibliography_spans(html)) != []
    numbered = "Counts fell [1].\n\n" + _DIV.replace("Hart, Jonathan", "\\[1\\] Hart, Jonathan")
    numbered = numbered.replace("(Hart 2021)", "")
    assert cited(numbered, bibliography_spans(numbered)) != []


def test_the_heading_above_is_marked_or_one_is_made():
    heading = Block(BlockKind.HEADING, 0, 10, 2, level=1)
    entry = Block(BlockKind.PARAGRAPH, 20, 40, 20)
    blocks = [heading, entry]
    mark_listed(blocks, [(15, 45)])
    assert blocks[0].label == LISTED_HEADING and len(blocks) == 2
    prose = Block(BlockKind.PARAGRAPH, 0, 10, 0)
    blocks = [prose, Block(BlockKind.PARAGRAPH, 20, 40, 20)]
    mark_listed(blocks, [(15, 45)])
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.PARAGRAPH]
    assert blocks[1].label == LISTED_HEADING and blocks[1].start == 20


def test_entries_are_read_under_no_heading_and_under_any_name():
    doc = parse("# Overview\n\n" + _PROSE + _DIV, "markdown")
    assert [r.text.split(".")[0] for r in doc.references] == ["Hart, Jonathan"]
    named = parse("# Overview\n\n" + _PROSE + "# Related work\n\n" + _DIV, "markdown")
    assert len(named.references) == 1
    report = check_text("# Overview\n\n" + _PROSE + _DIV, fmt="markdown")
    assert [f.code for f in report.findings] == []


def test_html_entries_and_the_profile():
    page = (
        "<html><body><h1>Overview</h1><p>Loan counts fell in most branches after the year 2020 "
        '<span class="citation" data-cites="hart2021">(Hart 2021)</span>.</p>'
        '<div id="refs" class="references csl-bib-body" role="list">'
        '<div id="ref-hart2021" class="csl-entry" role="listitem">Hart, Jonathan. 2021. '
        "“Reading After the Lockdowns.” <em>Public Library Quarterly</em> 40 (3): 201–18."
        "</div></div></body></html>"
    )
    doc = parse(page, "html")
    assert len(doc.references) == 1 and doc.citeproc
    report = check_text(page, fmt="html")
    assert [f.code for f in report.findings] == []
    # An organisation as author, which the author-year reader does not take for one.
    org = page.replace("(Hart 2021)", "(ISO/IEC 2021)")
    assert [f.code for f in check_text(org, fmt="html").findings] == []
    nocite = page.replace('<span class="citation" data-cites="hart2021">(Hart 2021)</span>', "")
    assert not parse(nocite, "html").citeproc


def test_pandoc_standalone_fixture():
    """Pandoc's standalone HTML: entries under no heading, callouts in ``span.citation``;
    the one entry nothing cites is reported, nothing else."""
    path = Path(__file__).parents[1] / "fixtures" / "kinds" / "citeproc-bibliography"
    page = (path / "pandoc-standalone.html").read_text("utf-8")
    doc = parse(page, "html")
    assert len(doc.references) == 4 and doc.citeproc
    report = check_text(page, fmt="html")
    found = [f"{f.line}:{f.column} {f.code} {f.message}" for f in report.findings]
    assert found == ['45:1 CC003 [moreau2018] "Smoothing Seasonal Series" is never cited']
    # Pandoc's citations name the entries by key, whatever their callout's form.
    keys = sorted({k for m in doc.markers for k in m.keys})
    assert keys == ["cldo2024", "hart2021", "lindqvist2019"]


def test_a_heading_named_references_and_an_appendix_after_it():
    text = "# Overview\n\n" + _PROSE + "# References\n\n" + _DIV + "\n# Appendix\n\nMore text.\n"
    doc = parse(text, "markdown")
    assert [s.title for s in doc.sections] == ["References"]
    assert len(doc.references) == 1
    appendix = next(b for b in doc.blocks if text[b.start : b.end] == "More text.")
    assert appendix.section is None
