"""Markdown Extra's abbreviation definition lines (``*[HTML]: …``) are no prose and no
citation: blanked before the Markdown parser reads the text."""

from __future__ import annotations

from citecheck.api import analyse, check_text
from citecheck.reader.mdabbr import blank_abbreviations, blanked


def test_definition_lines_are_blanked_offsets_kept() -> None:
    text = "Text.\n\n*[NFT]: non-fungible token\n  *[P2P]: peer-to-peer\n"
    out = blank_abbreviations(text)
    assert len(out) == len(text)
    assert out.splitlines()[2:] == [" " * len(line) for line in text.splitlines()[2:]]
    assert out.startswith("Text.\n\n")


def test_other_star_and_bracket_lines_are_kept() -> None:
    text = "* [1]: a list item\n*[not closed: x\n    *[IND]: indented code\nA *[B]: mid-line\n"
    assert blank_abbreviations(text) == text


def test_an_abbreviation_is_no_dangling_marker() -> None:
    text = (
        "# LAN parties\n\nI need an IPX or a P2P connection for my old games.\n\n"
        "*[IPX]: internetwork packet exchange\n*[P2P]: peer-to-peer\n\n"
        "Broadband reached most homes by 2010 [1].\n\n## References\n\n"
        "1. Statistics Office. Household broadband survey. 2011.\n"
    )
    assert not [f for f in check_text(text, path="notes.md").findings if f.code == "CC002"]


def test_wide_characters_keep_their_utf8_width() -> None:
    text = "글.\n\n*[섭終]: 서비스 終了\n*[É]: é\n"
    out = blank_abbreviations(text)
    assert len(out) == len(text)
    assert len(out.encode("utf-8")) == len(text.encode("utf-8"))
    assert blanked(out[4:].splitlines()[0].strip(" ")) and not blanked("   ")
    assert not blanked("a\u00a0b")


def test_a_wide_abbreviation_is_no_paragraph_and_keeps_later_offsets() -> None:
    text = (
        "# 게임\n\n나는 게임을 좋아한다.\n\n*[섭終]: 서비스 終了\n\n"
        "Broadband reached most homes by 2010 [1].\n\n## References\n\n"
        "1. Statistics Office. Household broadband survey. 2011.\n"
    )
    doc, _ = analyse(text, path="notes.md")
    assert not [s for s in doc.sentences if "終" in s.text]
    assert [r.start for r in doc.references] == [text.index("1. Statistics")]
