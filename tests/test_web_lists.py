"""A list of the web pages a thesis draws on, under its French, Italian or Spanish name
(``Webographie``, ``Sitographie``, ``Sitografia``, ``Webografía``), is a reference section
(fixtures/kinds/reference-headings/webographie.md, sitografia-plain.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.api import analyse
from citecheck.text.vocab import REFERENCE_HEADING

KIND = Path(__file__).parents[1] / "fixtures" / "kinds" / "reference-headings"


@pytest.mark.parametrize(
    "title", ["Webographie", "11. Webographie", "Sitographie :", "## Sitografia", "Webografía"]
)
def test_a_list_of_web_pages_is_a_reference_heading(title: str) -> None:
    assert REFERENCE_HEADING.search(title)


def test_prose_about_a_webography_is_no_heading() -> None:
    assert not REFERENCE_HEADING.search("La webographie de ce mémoire compte trente pages.")


def test_the_webography_of_a_noted_text_is_read() -> None:
    path = KIND / "webographie.md"
    doc, _ = analyse(path.read_text("utf-8"), path=str(path))
    assert [s.title for s in doc.sections] == ["5. Webographie"]
    listed = [r for r in doc.references if not r.key.startswith("^")]
    assert len(listed) == 3
    assert listed[1].url == "https://konghq.com/kong/"


def test_a_sitografia_resolves_the_numbers_cited() -> None:
    path = KIND / "sitografia-plain.txt"
    doc, res = analyse(path.read_text("utf-8"), path=str(path))
    assert len(doc.references) == 2
    assert all(res.citations(r) for r in doc.references)
