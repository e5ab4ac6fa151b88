"""GROBID's footnotes in TEI (reader/teinotes.py, reader/tei.py)."""

from __future__ import annotations

from pathlib import Path

from citecheck.model import BlockKind
from citecheck.parser import parse
from citecheck.reader.teinotes import foot_keys, note_key

_FIXTURE = Path(__file__).parents[1] / "fixtures" / "kinds" / "grobid-tei" / "grobid-footnotes.xml"


def test_keys_by_id():
    source = (
        '<note n="3" place="foot" xml:id="foot_0">a</note>'
        '<note place="foot" xml:id="foot_1">b</note>'
        '<note n="7" place="margin" xml:id="m_0">c</note>'
    )
    assert foot_keys(source) == {"foot_0": "3", "foot_1": "foot_1"}
    assert foot_keys("<note n='1'>x</note>") == {}
    assert note_key({"n": "a long label", "xml:id": "foot_2"}) == "foot_2"
    assert note_key({}) == "note"


def test_callouts_are_markers_and_notes_are_footnotes():
    doc = parse(_FIXTURE.read_text("utf-8"), "text")
    keys = [k for m in doc.markers for k in m.keys]
    assert keys[:3] == ["1", "^1", "^2"]
    assert "2" in keys  # the citation inside the second note
    notes = [r for r in doc.references if r.kind is BlockKind.FOOTNOTE]
    assert (notes[0].key, notes[0].text) == ("^1", "https://solvers.example.org/")
    assert [r.key for r in notes] == ["^1", "^2"]
    claim = next(s for s in doc.sentences if "open licence" in s.text)
    assert claim.covered_by
