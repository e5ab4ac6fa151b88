"""``<ref>`` tags inside wikitext templates: infobox values, explanatory notes."""

from __future__ import annotations

from pathlib import Path

from citecheck.model import BlockKind
from citecheck.parser import parse
from citecheck.reader.wikitext import read_wikitext

_FIXTURE = Path(__file__).parents[1] / "fixtures" / "kinds" / "wikitext"


def test_refs_in_an_infobox_and_an_efn_are_notes():
    text = (_FIXTURE / "wikitext-template-refs.txt").read_text("utf-8")
    doc = parse(text, "text")
    titles = sorted(r.title or "" for r in doc.references)
    assert titles == [
        "Bridge facts",
        "Harbour Bridge opens to traffic",
        "Long-span steel clip-ons",
        "Tolls and Tunnels",
        "Traffic counts 2019",
    ]
    # The note named in the infobox is the one the prose calls again.
    opened = next(s for s in doc.sentences if "opened in 1959" in s.text)
    assert [k for m in opened.markers for k in m.keys] == ["1", "3"]


def test_a_parameter_line_is_a_cell_of_its_own():
    text = (
        "{{Infobox bridge\n| opened = 1959<ref>{{cite web |title=A |url=https://a.example/}}"
        "</ref>\n| length = 1 km<ref>{{cite web |title=B |url=https://b.example/}}</ref>\n}}\n"
        "'''Bridge''' is a bridge.<ref>{{cite web |title=C |url=https://c.example/}}</ref>\n"
    )
    layout = read_wikitext(text)
    cells = [layout.masked[b.start : b.end].strip() for b in layout.blocks if b.cell]
    assert cells == ["[1]", "[2]"]
    notes = [b for b in layout.blocks if b.kind is BlockKind.FOOTNOTE]
    assert [b.label for b in notes] == ["1", "2", "3"]
    # A template with no <ref> inside is blank as before.
    assert read_wikitext("{{Infobox x\n| a = b\n}}\nText.<ref>r</ref>\n").text.startswith(" ")
