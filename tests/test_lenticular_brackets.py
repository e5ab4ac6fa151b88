"""Lenticular brackets: an answer engine's marker (``【8†source】``) or the punctuation of
Chinese and Japanese texts (``【必须】``, ``【注意】``), and a marker with no key in a
document that names its own RFC."""

from __future__ import annotations

import pytest

from citecheck.api import analyse, check_text

HEAD = (
    "Network Working Group                                          A. Writer\n"
    "Request for Comments: 9999                                   Example Org\n"
    "Category: Informational                                     January 2026\n\n"
)
LIST = (
    "\n\n2.  References\n\n"
    '   [1] Bradner, S., "Key words for use in RFCs to Indicate Requirement\n'
    '       Levels", BCP 14, RFC 2119, March 1997.\n'
)


@pytest.mark.parametrize("word", ["必须", "不得", "必要的", "注意", "解説", "source"])
def test_words_in_lenticular_brackets_are_no_marker(word: str) -> None:
    text = f"程序实现【{word}】在编码数据的末尾包含填充字符 [1]。" + LIST
    doc, _ = analyse(HEAD + text, fmt="text")
    assert [m.raw for m in doc.markers] == ["[1]"]
    assert [f.code for f in check_text(HEAD + text, fmt="text").findings] == []


@pytest.mark.parametrize(
    ("raw", "keys"),
    [
        ("【3】", ("3",)),
        ("【8†source】", ("8",)),
        ("【3:0†source】", ("3",)),
        ("【12†L5-L9】", ("12",)),
    ],
)
def test_an_answer_engines_lenticular_marker_still_cites(raw: str, keys: tuple[str, ...]) -> None:
    doc, _ = analyse(
        f"The budget passed on Monday {raw}.\n\nSources\n\n"
        + "".join(f"{i}. Outlet {i}: Title {i}\n" for i in range(1, 13)),
        fmt="markdown",
    )
    assert [(m.raw, m.keys) for m in doc.markers] == [(raw, keys)]


@pytest.mark.parametrize("raw", ["【turn0search7】", "【0†source】", "【†source】"])
def test_a_keyless_marker_in_a_document_naming_its_own_rfc_is_reported(raw: str) -> None:
    # A document that names itself (``Request for Comments: 9999``) drops its own label
    # from its markers; a malformed marker has no key to compare and once raised IndexError.
    report = check_text(HEAD + f"Implementations MUST pad the data {raw} [1].\n" + LIST, fmt="text")
    assert [f.code for f in report.findings] == ["CC006"]
