"""MultiMarkdown: its metadata block and its ``[#key]`` citations of a BibTeX file."""

from __future__ import annotations

from citecheck import check_text
from citecheck.parser import parse
from citecheck.parser.answers import answer_export
from citecheck.parser.mmdcites import cites, is_cite, keys, metadata_bibliography
from citecheck.parser.pandocbib import bibliography_outside, is_outside_key
from citecheck.parser.profile import detect
from citecheck.reader import detect_format
from citecheck.reader.mmdmeta import blank_metadata, metadata_end

META = "Title: Docking\nAuthor: Jane Roe\nBibTeX: refs\n\n# Introduction\n\nText.\n"


def test_metadata_block_ends_at_the_first_blank_line():
    assert metadata_end(META) == META.index("\n\n")
    assert metadata_bibliography(META) == "refs"
    blanked = blank_metadata(META)
    assert len(blanked) == len(META)
    assert blanked.startswith(" " * len("Title: Docking") + "\n")
    assert blanked.endswith("# Introduction\n\nText.\n")


def test_indented_lines_continue_a_value():
    text = "Title: Docking\nAuthor: Jane Roe\n    and John Doe\n\nText.\n"
    assert metadata_end(text) == text.index("\n\n")


def test_what_is_no_metadata_block():
    assert metadata_end("Note: one line only.\n\nText.\n") == 0  # one line
    assert metadata_end("Title: A\nAuthor: B\n") == 0  # nothing follows it
    assert metadata_end("  Title: A\nAuthor: B\n\nText.\n") == 0  # indented first line
    assert metadata_end("Title: A\nThis is prose.\n\nText.\n") == 0  # a line with no key
    assert metadata_end("# Title: A\nAuthor: B\n\nText.\n") == 0  # a heading
    long_turn = "User: " + "why " * 60 + "\nAssistant: because.\n\nText.\n"
    assert metadata_end(long_turn) == 0  # a transcript's turn, not a value
    assert metadata_bibliography("Title: A\nAuthor: B\n\nBibTeX: refs\n") is None


def test_metadata_is_no_prose_of_a_markdown_source():
    doc = parse(META, "markdown")
    assert [s.text for s in doc.sentences] == ["Introduction", "Text."]
    one = parse("Note: the figures are from 2020.\n\nText.\n", "markdown")
    assert one.sentences[0].text == "Note: the figures are from 2020."


def test_citations_and_what_is_none():
    text = "a [#Doe:2006], b [p. 4][#Roe2010]. [#123] [# Heading] [#Def]: x [#Link](u) ![#Img]"
    found = cites(text, 0, len(text))
    assert [text[s:e] for s, e, _, _ in found] == ["[#Doe:2006]", "[#Roe2010]"]
    assert [k for _, _, k, _ in found] == ["Doe:2006", "Roe2010"]
    assert keys(text) == {"Doe:2006", "Roe2010"}
    assert is_cite("[#Roe2010]") and not is_cite("[#123]") and not is_cite("#Roe2010")
    assert is_outside_key("[#Roe2010]") and is_outside_key("@roe2010")


def test_a_bibliography_kept_outside():
    one = "Robots are used in plants [#Doe2006].\n"
    assert bibliography_outside(one, one) is None  # one key, no metadata: not enough
    named = "Title: A\nBibTeX: refs\n\n" + one
    kept = bibliography_outside(named, named)
    assert kept is not None and kept.name == "refs" and kept.multimarkdown
    two = one + "Mass production is declining [#Roe2010].\n"
    kept = bibliography_outside(two, two)
    assert kept is not None and kept.name == "" and kept.multimarkdown


def test_mmd_suffix_is_markdown():
    assert detect_format("thesis.mmd") == "markdown"


def test_a_thesis_closing_each_chapter_with_a_summary_is_no_answer_export():
    text = (
        "Title: Docking\nBibTeX: refs\n\n# Introduction\n\n"
        "Industrial robots are mostly bolted to the floor of a plant [#Doe2006].\n\n"
        "## Summary\n\nThis chapter reviewed robots.\n\n# Methods\n\n"
        "We mounted a scanner on the arm [#Roe2010].\n\n## Summary\n\nThis chapter described "
        "the rig.\n"
    )
    doc = parse(text, "markdown")
    assert not answer_export(doc)
    assert detect(doc) == "paper"
    report = check_text(text, fmt="markdown")
    assert [f.code for f in report.findings] == ["CC013"]
    assert "2 citations by key (2 keys, first [#Doe2006])" in report.findings[0].message
    assert "the bibliography refs" in report.findings[0].message
