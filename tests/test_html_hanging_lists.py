"""An RFC translated into XHTML the xml2rfc way: the encoding named only by the XML
declaration, a hanging list whose items link to themselves and are referred to by their
labels (``(1)``), and a reference ``<dl>`` whose entries name their RFC by number."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.api import analyse
from citecheck.config.settings import Settings
from citecheck.model import BlockKind
from citecheck.reader.htmldecode import decode_html
from tests.test_fixtures import concise

FOLDER = Path(__file__).parents[1] / "fixtures" / "kinds" / "html-hanging-lists"
PAGES = sorted(FOLDER.glob("*.html"))


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_against_its_expected_findings(page: Path) -> None:
    expected = page.with_suffix(".expected").read_text("utf-8")
    assert concise(page, Settings()) == expected


def test_xml_declaration_names_the_encoding() -> None:
    page = '<?xml version="1.0" encoding="iso-2022-jp"?>\n<html><p>参考文献</p></html>'
    text = decode_html(page.encode("iso-2022-jp"), "page.html")
    assert "参考文献" in text


def test_meta_charset_comes_before_the_xml_declaration() -> None:
    page = '<?xml version="1.0" encoding="iso-2022-jp"?><meta charset="utf-8"><p>é</p>'
    assert "<p>é</p>" in decode_html(page.encode("utf-8"), "page.html")


def test_xml_declaration_only_at_the_start() -> None:
    page = '<p>é</p><?xml version="1.0" encoding="iso-8859-5"?>'
    assert "<p>é</p>" in decode_html(page.encode("utf-8"), "page.html")


def _doc(page: Path) -> object:
    text = decode_html(page.read_bytes(), str(page))
    doc, _ = analyse(text, path=str(page))
    return doc


def test_hanging_list_items_are_no_notes_and_the_dl_is_the_list() -> None:
    doc = _doc(FOLDER / "translated-memo.html")
    refs = doc.references  # type: ignore[attr-defined]
    assert [(r.key, r.kind) for r in refs] == [(k, BlockKind.ITEM) for k in ("1", "2", "3")]
    raws = [m.raw for m in doc.markers]  # type: ignore[attr-defined]
    assert "(1)" not in raws and "(2)" not in raws


_NOTES = """<html><body>
<p>The harbour was dredged in 1911 <a href="#fn1" id="call1">(1)</a>.</p>
<dl class="footnote">
<dt id="fn1"><a href="#call1">(1)</a></dt>
<dd><p>Harbour Board, Annual Report, 1912.</p></dd>
</dl>
</body></html>"""


def test_a_note_that_links_back_to_its_call_is_still_a_note() -> None:
    doc, _ = analyse(_NOTES, path="notes.html")
    assert [(r.key, r.kind) for r in doc.references] == [("^1", BlockKind.FOOTNOTE)]
