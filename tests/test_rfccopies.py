"""An RFC copied or translated into Markdown from its first section on, without its
header, reads as a spec (fixtures/kinds/rfc-copies)."""

from __future__ import annotations

import pytest

from citecheck.api import analyse
from citecheck.parser.profile import detect
from citecheck.parser.rfccopies import rfc_copy

LINK = "\n\n# 참고\n[RFC 1951](https://tools.ietf.org/html/rfc1951)\n"
SECTIONS = (
    "# {intro}\n## 1.1. Purpose\nThe format is defined here.\n\n## 1.2. Scope\nIt is small.\n\n"
    "# 2. Overview\nBlocks follow.\n\n## 2.1. Blocks\nEach block has a header.\n"
)


def _doc(text: str, path: str = "copy.md"):  # type: ignore[no-untyped-def]
    doc, _ = analyse(text, path=path)
    return doc


@pytest.mark.parametrize("intro", ["1. Introduction", "1. 서론", "1. はじめに", "1 引言"])
def test_numbered_sections_and_an_rfc_link_make_a_spec(intro: str) -> None:
    doc = _doc(SECTIONS.format(intro=intro) + LINK)
    assert rfc_copy(doc)
    assert detect(doc) == "spec"


@pytest.mark.parametrize(
    ("text", "path"),
    [
        # No link to an RFC at the IETF's address.
        (SECTIONS.format(intro="1. Introduction"), "copy.md"),
        # The first section is not the introduction.
        (SECTIONS.format(intro="1. Results") + LINK, "copy.md"),
        # Too few numbered sections.
        ("# 1. Introduction\nText.\n\n## 1.1. Purpose\nMore." + LINK, "copy.md"),
        # A title before the numbered sections.
        ("# Notes on DEFLATE\n\n" + SECTIONS.format(intro="1. Introduction") + LINK, "copy.md"),
        # A paper's own reference list of other works.
        (
            SECTIONS.format(intro="1. Introduction")
            + "\nSee [RFC 1951](https://tools.ietf.org/html/rfc1951) and [1].\n\n"
            "# References\n\n1. Huffman, D. A method for minimum-redundancy codes. 1952.\n",
            "copy.md",
        ),
        # Not Markdown.
        (SECTIONS.format(intro="1. Introduction") + LINK, "copy.txt"),
    ],
    ids=["no-link", "not-introduction", "few-sections", "titled", "paper-list", "plain-text"],
)
def test_other_texts_are_no_rfc_copies(text: str, path: str) -> None:
    assert not rfc_copy(_doc(text, path))
