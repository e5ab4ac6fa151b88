"""A group author written in small letters (a software project: ``textmood``,
``seaborn``) cites its entry when the entry opens with the name as written."""

from __future__ import annotations

import io

import docx
import pytest

from citecheck.api import analyse, check_text
from citecheck.model import BlockKind, Reference
from citecheck.parser.entrymatch import EntryIndex

ENTRIES = (
    "textmood. (3. März 2024). textmood: a toolkit for mood detection in short texts.",
    "seaborn. (2023). seaborn: statistical data visualization. https://seaborn.pydata.org/",
    "Waskom, M. (2021). Seaborn: statistical data visualization. JOSS, 6(60), 3021.",
)


def _index() -> EntryIndex:
    refs = [Reference(str(i), 0, len(t), t, BlockKind.ITEM) for i, t in enumerate(ENTRIES, start=1)]
    return EntryIndex.of(refs)


@pytest.mark.parametrize(
    ("name", "written"),
    [("textmood", True), ("seaborn", True), ("Seaborn", False), ("see", False)],
)
def test_an_entry_opens_with_the_name_as_written(name: str, written: bool) -> None:
    assert _index().written(name) is written


def test_lower_case_group_authors_in_plain_text() -> None:
    text = (
        "Irony\n\nThe library was compared (textmood, 2024) and the plots drawn "
        "(seaborn, 2023), as reported before (see, 2021).\n\nReferences\n\n"
        + "\n\n".join(ENTRIES)
        + "\n"
    )
    doc, _ = analyse(text, fmt="text")
    assert [(m.raw, m.keys) for m in doc.markers] == [
        ("textmood, 2024", ("1",)),
        ("seaborn, 2023", ("2",)),
    ]


def test_lower_case_group_authors_in_a_word_document() -> None:
    document = docx.Document()
    document.add_heading("Irony", level=1)
    document.add_paragraph(
        "Two libraries were compared with the models: textmood (textmood, 2024) "
        "and a classifier whose plots were drawn with seaborn (seaborn, 2023; Waskom, 2021)."
    )
    document.add_heading("References", level=1)
    for entry in ENTRIES:
        document.add_paragraph(entry)
    data = io.BytesIO()
    document.save(data)
    from citecheck.reader.docx import docx_text

    text = docx_text(data.getvalue(), "irony.docx")
    assert check_text(text, fmt="docx", path="irony.docx").findings == []
