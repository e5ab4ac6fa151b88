"""Word theses in Polish, Czech and Italian and the forms their reference lists take: a
numeric bibliography whose table was converted to text (each entry a label-only
paragraph, then the entry), a reference heading set as the last item of a numbered list
above entries whose labels are typed and whose addresses are links, and a callout that
closes an item of a list of prose with the list's semicolon. Section and contents titles
in those languages make the thesis a paper. Each document is built here with
python-docx."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from citecheck.api import check_file
from citecheck.parser.nonmarkers import is_index
from tests.test_docx_structure import check, numbered, numbering, raw

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _polish_thesis(d: docx.document.Document) -> None:
    """A Polish master's thesis: Spis treści, Wstęp, a chapter, Podsumowanie, and its
    writer's own work and textbook explanation, which cite nothing."""
    d.add_heading("Spis treści", 1)
    d.add_paragraph("Wstęp 3")
    d.add_heading("Wstęp", 1)
    d.add_paragraph("Celem pracy było opracowanie systemu śledzącego ruchy głowy.")
    d.add_paragraph("Rozwiązanie jest oparte na algorytmie Viola Jones [1].")
    d.add_heading("Wstęp teoretyczny", 1)
    d.add_paragraph("Obraz integralny pozwala szybko obliczyć sumę pikseli w prostokącie.")
    d.add_paragraph("W pracy zastosowano algorytm Lucasa-Kanade opisany w [2].")
    d.add_heading("Podsumowanie", 1)
    d.add_paragraph("Program poprawnie rozpoznaje mrugnięcia i na nie reaguje.")
    d.add_heading("Bibliografia", 1)


def test_label_only_paragraphs_pair_with_their_entries(tmp_path: Path) -> None:
    """Word's IEEE bibliography converted to text: "[1]" alone, then the entry. Each pair
    is one entry, and the thesis (Spis treści, Wstęp, Podsumowanie) is a paper: its own
    work and its explanation are not asked for a source."""
    d = docx.Document()
    _polish_thesis(d)
    d.add_paragraph("[1]")
    d.add_paragraph("P. Viola and M. Jones, Rapid Object Detection using a Boosted Cascade, 2001.")
    d.add_paragraph("[2]")
    d.add_paragraph("B. D. Lucas and T. Kanade, An Iterative Image Registration Technique, 1981.")
    path = tmp_path / "praca.docx"
    d.save(str(path))
    found, parsed = check(path)
    assert [r["key"] for r in parsed["references"]] == ["1", "2"]
    assert parsed["references"][0]["text"].startswith("P. Viola")
    assert found == []
    assert check_file(str(path)).profile == "paper"


def test_one_label_only_paragraph_is_left_as_written(tmp_path: Path) -> None:
    """A lone "[1]" paragraph above prose is no converted bibliography: two pairs in a row
    are needed, so the paragraph after it is not taken for an entry."""
    d = docx.Document()
    d.add_paragraph("The harbour was dredged in 1911 to admit larger steamers.")
    d.add_paragraph("[1]")
    d.add_paragraph("The office keeps the records and opens them on request.")
    path = tmp_path / "notice.docx"
    d.save(str(path))
    _, parsed = check(path)
    assert parsed["references"] == []


def test_a_czech_thesis_reads_its_list_of_literature(tmp_path: Path) -> None:
    """A Czech bachelor thesis: Obsah, Úvod, Závěr and a "Seznam použité literatury"
    numbered by Word. The list is read and the thesis is a paper."""
    d = docx.Document()
    numbering(d, {0: ("decimal", "%1.", 1)})
    d.add_heading("Obsah", 1)
    d.add_paragraph("Úvod 7")
    d.add_heading("Úvod", 1)
    d.add_paragraph("Cílem práce je navrhnout a implementovat aplikaci pro zasílání zpráv.")
    d.add_paragraph("Služba Firebase nabízí databázi v reálném čase [1].")
    d.add_heading("Závěr", 1)
    d.add_paragraph("Podařilo se navrhnout a realizovat funkční systém.")
    d.add_heading("Seznam použité literatury", 1)
    numbered(d, "Firebase guide. Firebase [online]. [cit. 2017-01-16]. Dostupné z: x.org", 10)
    path = tmp_path / "bakalarska_prace.docx"
    d.save(str(path))
    found, parsed = check(path)
    assert [r["key"] for r in parsed["references"]] == ["1"]
    assert found == []
    assert check_file(str(path)).profile == "paper"


def _linked_entry(d: docx.document.Document, label: str, title: str, url: str) -> None:
    """An entry typed with its label whose source is a link ("[2] – Wireshark – …")."""
    rid = d.part.relate_to(url, RT.HYPERLINK, is_external=True)
    raw(
        d,
        f'<w:r><w:t xml:space="preserve">{label} – {title} - </w:t></w:r>'
        f'<w:hyperlink xmlns:r="{R}" r:id="{rid}"><w:r><w:t>{title}</w:t></w:r></w:hyperlink>',
    )


def test_a_list_item_bibliografia_over_typed_labels_opens_the_list(tmp_path: Path) -> None:
    """An Italian thesis whose appendix is a numbered list whose last item is
    "Bibliografia", above entries typed "[1] – …" whose sources are links: the entries
    are read, with their addresses; a callout that closes a list item with the list's
    semicolon ("…recupero[2];") cites its entry."""
    d = docx.Document()
    numbering(d, {0: ("bullet", "•", 1)})
    d.add_heading("Introduzione", 1)
    d.add_paragraph("Zeek genera un file di log per ogni connessione osservata [1].")
    numbered(d, "fscore: calcolando la media armonica di precisione e recupero[2];", 10)
    numbered(d, "accuracy: rapporto tra gli esempi predetti correttamente e gli esempi.", 10)
    d.add_heading("Conclusioni", 1)
    d.add_paragraph("Il sistema proposto rileva le anomalie nel traffico di rete.")
    numbered(d, "Avvio sperimentazione", 10)
    numbered(d, "Bibliografia", 10)
    _linked_entry(d, "[1]", "Zeek Network Security Monitor", "https://zeek.org/")
    _linked_entry(d, "[2]", "F1 score – Wikipedia", "https://en.wikipedia.org/wiki/F1_score")
    path = tmp_path / "tesi.docx"
    d.save(str(path))
    found, parsed = check(path)
    refs = parsed["references"]
    assert [r["key"] for r in refs] == ["1", "2"]
    assert [r["url"] for r in refs] == [
        "https://zeek.org/",
        "https://en.wikipedia.org/wiki/F1_score",
    ]
    assert "CC003" not in [f["code"] for f in found]
    assert "CC002" not in [f["code"] for f in found]


def test_a_declaration_closing_its_line_is_still_an_index() -> None:
    """``opaque random[46];`` and ``uint8 client_random[32];`` end their lines as a list item
    of prose may, but no three words of prose stand before them: they are declarations."""
    text = "struct {\n    opaque random[46];\n    uint8 client_random[32];\n} Random;\n"
    for name in ("random[46]", "client_random[32]"):
        at = text.index(name) + name.index("[")
        assert is_index(text, at, text.index("]", at) + 1)
    prose = "calcolando la media armonica di precisione e recupero[24];\n"
    at = prose.index("[")
    assert not is_index(prose, at, prose.index("]") + 1)


def test_a_converted_thesis_joins_its_broken_entries(tmp_path: Path) -> None:
    """A Polish thesis converted from PDF: no contents list, its Wstęp and Podsumowanie,
    its writer's own work ("W pracy zastosowano…"); each entry of its Word-numbered
    "Bibliografia" has its address and year on paragraphs of their own, and the list's
    heading stands again between two entries, as the next page's running head. The pieces
    are one entry each, the repeated heading opens no second list, and the thesis is a
    paper: of its uncited sentences only the one about the field is asked for a source."""
    d = docx.Document()
    numbering(d, {0: ("decimal", "[%1]", 1)})
    d.add_heading("Wstęp", 1)
    d.add_paragraph("W pracy zastosowano metryki jakości wideo opisane w [1].")
    d.add_paragraph("Celem pracy było porównanie metryk jakości wideo.")
    d.add_paragraph("W pracy wykorzystano zbiór nagrań opisany w [2] i [3].")
    d.add_paragraph("Metryka PSNR jest najczęściej stosowaną metryką jakości obrazu.")
    d.add_heading("Podsumowanie", 1)
    d.add_paragraph("W pracy porównano metryki i wybrano najlepszą z nich.")
    d.add_paragraph("Bibliografia")
    numbered(d, "Cisco. Forecast and Trends 2017-2022.", 10)
    d.add_paragraph("https://www.cisco.com/c/en/us/solutions/visual-networking-index.html")
    d.add_paragraph("2019.")
    numbered(d, "C. Keimel. Design of Video Quality Metrics with Multi-Way Data Analysis.", 10)
    d.add_heading("BIBLIOGRAFIA", 1)
    numbered(d, "S. Winkler. A no-reference perceptual blur metric.", 10)
    d.add_paragraph("https://ieeexplore.ieee.org/document/1038902. 2002.")
    path = tmp_path / "praca.docx"
    d.save(str(path))
    found, parsed = check(path)
    refs = parsed["references"]
    assert [r["key"] for r in refs] == ["1", "2", "3"]
    assert refs[0]["url"].startswith("https://www.cisco.com/")
    assert [(f["code"], f["text"][:14]) for f in found] == [("CC001", "Metryka PSNR j")]
    assert check_file(str(path)).profile == "paper"
