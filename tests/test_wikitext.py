"""Wikitext, a Wikipedia article's source (reader/wikitext.py, reader/wikirender.py):
``<ref>`` notes where they are called, named notes called again, citation templates as
entries, ``{{sfn}}`` as notes, templates, tables, links and categories as a reader sees
them, on fixtures/kinds/wikitext and texts built here."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.api import analyse, check_text
from citecheck.model import BlockKind
from citecheck.reader import read
from citecheck.reader.wikirender import params, render
from citecheck.reader.wikitext import is_wikitext

FIXTURE = Path(__file__).parents[1] / "fixtures" / "kinds" / "wikitext" / "wikitext-article.txt"


def _article() -> tuple[str, str]:
    return FIXTURE.read_text("utf-8"), str(FIXTURE)


def test_notes_are_numbered_where_they_are_called() -> None:
    text, path = _article()
    doc, res = analyse(text, path=path)
    notes = {r.key: r for r in doc.references if r.kind is BlockKind.FOOTNOTE}
    assert list(notes) == ["1", "2", "3", "4", "5"]
    assert notes["1"].title == "A History of Example County"
    assert notes["2"].url == "https://census.example.gov/exampleton"
    # ``<ref name="hist" />`` calls note 1 again; the second ``{{sfn|Jones|2004|p=45}}``
    # is note 3 again; ``<ref name="atlas"/>`` calls a note written after it.
    assert [len(res.citations(notes[k])) for k in notes] == [2, 1, 2, 1, 2]
    assert "Jones 2004, p. 45" in notes["3"].text


def test_sentences_read_as_the_article_shows_them() -> None:
    text, path = _article()
    doc, _ = analyse(text, path=path)
    sentences = [" ".join(s.text.split()) for s in doc.sentences]
    assert "Exampleton is a town in Example County , founded in 1852.[1]" in sentences
    assert "The summers are dry – it rains on 30 days a year.[5]" in sentences
    assert any(s.startswith("Exampleton lies 12 km north") for s in sentences)
    assert not any("Infobox" in s or "population =" in s or "wikitable" in s for s in sentences)
    assert not any("Category" in s or "fr:" in s for s in sentences)
    assert not any("[9]" in m.raw for m in doc.markers)  # a table's cell is no prose here


def test_sources_list_beside_numbered_notes_is_not_numbered() -> None:
    text, path = _article()
    doc, _ = analyse(text, path=path)
    listed = [r for r in doc.references if r.kind is not BlockKind.FOOTNOTE]
    assert [(r.key, r.title) for r in listed] == [
        (None, "Mills of the West"),
        (None, "Town halls"),
    ]


def test_findings_of_a_wikitext_article() -> None:
    text, path = _article()
    report = check_text(text, path=path)
    assert [(f.line, f.rule) for f in report.findings] == [
        (9, "citation-needed"),  # the article's own {{citation needed}}
        (13, "uncited-claim"),  # a paragraph with no note at all
    ]


def test_offsets_and_detection() -> None:
    text, _ = _article()
    layout = read(text, "text")
    assert len(layout.text) == len(text) == len(layout.masked) and layout.wiki
    assert is_wikitext(text)
    assert not is_wikitext("A note on <ref> tags: MediaWiki reads them.\n== Usage ==\n")
    assert not is_wikitext("Plain prose with [[brackets]] and {{braces}}.")


@pytest.mark.parametrize(
    ("inner", "shown"),
    [
        (
            "cite web |last=Doe |first=J. |title=Widgets |website=Example |date=3 May 2021"
            " |url=https://example.org/w",
            'Doe, J. (2021). "Widgets". https://example.org/w Example.',
        ),
        (
            "cite news|author=Ryon, Ruth|title=A Neff|work=[[Los Angeles Times]]",
            'Ryon, Ruth. "A Neff". Los Angeles Times.',
        ),
        ("sfn|Smith|Jones|2004|p=45", "(Smith & Jones, 2004, p. 45)"),
        ("harvtxt|Brown|2010", "Brown (2010)"),
        ("sfn|Smith", ""),  # no year: not a callout
        ("Infobox country|name=Germany", ""),
        ("convert|12|km", "12 km"),
    ],
)
def test_render(inner: str, shown: str) -> None:
    name, args = params(inner)
    assert render(name, args) == shown
