"""Lists of works consulted in Spanish, Portuguese and French: reference sections whose
entries are listed, by design, without citation."""

from __future__ import annotations

import pytest

from citecheck.model import READING_HEADING
from citecheck.text.vocab import REFERENCE_HEADING


@pytest.mark.parametrize(
    "title",
    [
        "Fuentes de consulta",
        "## Fuentes consultadas",
        "Bibliografía consultada",
        "Obras consultadas:",
        "Bibliografia consultada",
        "Fontes consultadas",
        "Ouvrages consultés",
        "5. Fuentes de consulta",
    ],
)
def test_a_list_of_works_consulted_is_a_reading_list(title: str) -> None:
    assert REFERENCE_HEADING.search(title)
    assert READING_HEADING.search(title)


@pytest.mark.parametrize("title", ["Fuentes", "Bibliografía", "Referencias", "Obras citadas"])
def test_a_list_of_works_cited_is_no_reading_list(title: str) -> None:
    assert REFERENCE_HEADING.search(title)
    assert not READING_HEADING.search(title)


def test_prose_about_consulting_is_no_heading() -> None:
    assert not REFERENCE_HEADING.search("Las fuentes de consulta fueron escasas en 1990.")
