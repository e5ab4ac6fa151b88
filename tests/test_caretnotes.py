"""A wiki page's text whose lists show the back-link caret (parser/caretnotes.py)."""

from __future__ import annotations

from pathlib import Path

from citecheck.parser import parse

_FIXTURE = Path(__file__).parents[1] / "fixtures" / "kinds" / "wiki-page-text" / "caret-lists.txt"


def _keys(text: str) -> dict[str, str]:
    doc = parse(text, "text")
    return {r.key or "": r.text[:20] for r in doc.references}


def test_lettered_notes_and_numbered_references():
    doc = parse(_FIXTURE.read_text("utf-8"), "text")
    keys = {r.key: r.text for r in doc.references}
    assert keys["a"].startswith("The opening was delayed")
    assert keys["b"].startswith("The clip-on lanes were built")
    assert keys["1"].startswith('"Harbour Bridge facts"')
    # The leading article read as no source keeps its number: [6] and [7] stay the page's.
    assert keys["6"].startswith("Ng, Peter")
    assert keys["7"].startswith("Reed, Alan")
    assert [n.key for n in doc.non_references] == ["5"]
    # A box's "Notes" field is no list: its callout cites from the body.
    assert not any(r.text.startswith("The bridge was built") for r in doc.references)
    assert any(k == "7" for m in doc.markers for k in m.keys)


def test_without_letters_or_carets_nothing_changes():
    page = _FIXTURE.read_text("utf-8")
    unlettered = page.replace("[a]", "").replace("[b]", "")
    keys = _keys(unlettered)
    assert "a" not in keys and keys["1"].startswith("The opening was")
    plain = page.replace("^ ", "")
    assert "a" not in _keys(plain)


def test_a_navigation_box_is_no_claim():
    from citecheck.parser.chrome import page_chrome

    assert page_chrome("Links to related articles vteBridges of the harbourThe harbour has")
    assert page_chrome("vteRoad bridges in New ZealandHarbour Bridge Mangere Bridge")
    assert page_chrome("v · t · eRoad bridges in New Zealand")
    assert not page_chrome("vte is the name of a command.")
    assert not page_chrome("Vitamin E was first isolated in 1922.")
    doc = parse(_FIXTURE.read_text("utf-8"), "text")
    assert not any(s.claim for s in doc.sentences if "three bridges" in s.text)
