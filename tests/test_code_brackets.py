"""Brackets of program listings pasted as prose (``f()[0]``, ``[0] * 32``, ``.*[0-9]``)
are no citations, in Markdown, plain text and Word; callouts beside them still are."""

from __future__ import annotations

import io

import docx
import pytest

from citecheck.api import analyse, check_text
from citecheck.parser.codebrackets import code_bracket


def _at(text: str, bracket: str) -> bool:
    start = text.index(bracket)
    return code_bracket(text, start, start + len(bracket))


@pytest.mark.parametrize(
    ("text", "bracket"),
    [
        ("item_id = grid.rows()[0] return", "[0]"),
        ("value = rows[i][0] + 1", "[0]"),
        ("return [0] * 16 else:", "[0]"),
        ("out.extend([0] * (16 - len(out)))", "[0]"),
        ("pad = [1]*4", "[1]"),
        ("re.compile('^(?=.*[0-9])')", "[0-9]"),
        ("re.compile('^(?=. [0-9])')", "[0-9]"),
        ("YEAR = re.compile('(^[0-9]{4})')", "[0-9]"),
        ("digits = '[1-3]{2,4}'", "[1-3]"),
    ],
)
def test_code_brackets(text: str, bracket: str) -> None:
    assert _at(text, bracket)


@pytest.mark.parametrize(
    ("text", "bracket"),
    [
        ("as the survey shows [1]. Later work", "[1]"),
        ("as shown before (Doe 2019)[3] and", "[3]"),
        ("see the review [2] *(in Russian)*", "[2]"),
        ("a scale of 1 to 5 [4] * was used", "[4]"),
        ("the loop (see [0-9]) ends", "[0-9]"),
    ],
)
def test_callouts_are_no_code(text: str, bracket: str) -> None:
    assert not _at(text, bracket)


LISTING = (
    "Пароль считается надёжным, если он содержит цифры и буквы [1].",
    "PIN_PATTERN = re.compile('^(?=.*[0-9])(?=.*[a-z]).{8,}$')",
    "def encode(word): if len(word) > 32: return [0] * 16 else: out.extend([0] * (16 - n))",
    "def selected(tree): item_id = grid.rows()[0] return tree.item(item_id)",
)
LIST = (
    "[1] Иванов, И. И. (2020). Надёжность паролей. Москва: Наука.",
    "[2] Smith, J. (2021). Learning password strength. Security Journal, 9(2), 1–12.",
)


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_a_pasted_listing_holds_no_citation(fmt: str) -> None:
    text = "\n\n".join(("Введение", *LISTING, "Список литературы", *LIST)) + "\n"
    doc, _ = analyse(text, fmt=fmt)
    assert [m.raw for m in doc.markers] == ["[1]"]


def test_a_pasted_listing_in_a_word_document() -> None:
    document = docx.Document()
    document.add_heading("Введение", level=1)
    for paragraph in LISTING:
        document.add_paragraph(paragraph)
    document.add_heading("Список литературы", level=1)
    for entry in LIST:
        document.add_paragraph(entry)
    data = io.BytesIO()
    document.save(data)
    from citecheck.reader.docx import docx_text

    text = docx_text(data.getvalue(), "listing.docx")
    report = check_text(text, fmt="docx", path="listing.docx")
    assert [f.code for f in report.findings] == ["CC003"]  # [2] is never cited
