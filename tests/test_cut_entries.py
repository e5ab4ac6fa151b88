"""Reference entries a PDF conversion cut into paragraphs, and accents it set apart from
their letters (MinerU, docling and marker Markdown of LaTeX papers).

An entry that runs over a column or a page comes out as two paragraphs, or one word a
paragraph; the rest is the same entry (parser/cutentries.py). An accent LaTeX set over a
letter comes out as a character of its own (``Mart´ın``, ``Najera´ (2019)``, ``Ocotlan´ ,
2017``); the callout and the entry are read as if it sat on its letter
(reader/diacritics.py). Fixture: fixtures/kinds/cut-entries.
"""

from __future__ import annotations

from pathlib import Path

from citecheck.api import analyse, check_file
from citecheck.parser.cutentries import cut_entry
from citecheck.reader.diacritics import attach_diacritics

FIXTURE = Path(__file__).parents[1] / "fixtures" / "kinds" / "cut-entries" / "mineru-acl.md"


def _cut(before: str, after: str, gap: str = "\n\n") -> bool:
    source = before + gap + after
    return cut_entry(source, 0, len(before), len(before) + len(gap), len(source))


def test_signs_of_a_cut_entry() -> None:
    # no closing full stop above, a small letter below
    assert _cut("Boeynaems. 2017. The effects of framing: A systematic", "literature review. M, 3.")
    # a comma above, no year in the first words below
    assert _cut("Durmus. 2018. Exploring. In Proc., pages 1–9, New Orleans,", "Louisiana. ACL.")
    assert _cut("Kern, Park, Laura K Smith,", "and Lyle H Ungar. 2016. Gaining insights.")
    assert _cut("Lazar, B.: Danger scale, Breckenridge, CO,", "457-465, available at: x, 2016.")
    # a word a paragraph
    assert _cut("Lundgren,", "R.") and _cut("Lundgren, R.", "E.") and _cut("Lundgren, R. E.", "and")
    assert _cut("Lundgren, R. E. and", "McMakin,")


def test_entries_of_their_own_are_not_joined() -> None:
    whole = "Esin Durmus and Claire Cardie. 2018. Exploring prior beliefs. In Proc., pages 1–9."
    assert not _cut(whole, "Roxanne El Baff and Benno Stein. 2020a. Persuasiveness. In Proc.")
    assert not _cut(whole, "de la Cruz Cruz, Victoriano. 2010. Relative clauses. Ms.")
    # an entry without a full stop (an address) and one opening with a name's particle
    assert not _cut("Smith, J. 2019. Data. https://example.org/data", "van Dijk, T. 2020. Talk.")
    # a labelled item is an entry of its own, and only a blank line may lie between
    assert not _cut("[3] Smith J, Lee K. Title. J Med. 2005;", "[4] Ng A. Title. 2006.")
    assert not _cut("Kern, Park, Laura K Smith,", "and Lyle H Ungar. 2016.", gap="\n\n# Notes\n\n")
    # a plain-text RFC's indented paragraphs under a "References" heading are prose
    assert not _cut("   Any reference like:", "[Click here](URI)", gap="\n\n   ")


def test_accents_set_back_on_their_words() -> None:
    for before, after in (
        ("(Mart´ın Rodr´ıguez et al., 2022)", "(Martın  Rodrıguez  et al., 2022)"),
        ("Flores Najera´ (2019)", "Flores Najera  (2019)"),
        ("(Key, 1953; Cortez Ocotlan´ , 2017)", "(Key, 1953; Cortez Ocotlan,   2017)"),
        ("(Muller-Eberstein et al. ¨ , 2021)", "(Muller-Eberstein et al.,    2021)"),
        ("Ocotlan. 2017.´ Diccionario", "Ocotlan. 2017.  Diccionario"),
        ("no accents here, (Smith, 2020)", "no accents here, (Smith, 2020)"),
    ):
        assert attach_diacritics(before) == after


def test_converted_acl_paper_reads_its_cut_entries_and_accented_callouts() -> None:
    text = FIXTURE.read_text("utf-8")
    doc, _ = analyse(text, path="paper.md")
    assert len(doc.references) == 9  # the pieces are read as the entries they belong to
    assert doc.non_references == []  # "Lakoff. 1995. Metaphor, …, or, why …" is a source
    cited = {k for m in doc.markers for k in m.keys}
    by_key = {r.key: r for r in doc.references}
    assert "Louisiana" in by_key[next(k for k in by_key if "Durmus" in by_key[k].text)].text
    uncited = {r.key for r in doc.references if r.key not in cited}
    assert [by_key[k].text.split(".")[0] for k in uncited] == ["Mitsuya Sasaki"]
    # the displaced accents of callouts and entries do not keep them apart
    for name in ("Cortez Ocotlan", "Flores Najera", "Mart", "Muller-Eberstein", "Lundgren"):
        key = next(k for k, r in by_key.items() if r.text.startswith(name) or f" {name}" in r.text)
        assert key in cited, name


def test_a_true_uncited_entry_is_still_told() -> None:
    report = check_file(str(FIXTURE))
    assert [(f.code, f.line) for f in report.findings] == [("CC003", 63)]
