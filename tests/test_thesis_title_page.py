"""A thesis that declares itself on its title page ("Диссертация на соискание учёной
степени", "Tesi di laurea", "a thesis submitted in partial fulfilment…") and has an
Introduction, a Conclusion and a reference list reads as a paper, in Word as in Markdown
(fixtures/kinds/thesis-title-page)."""

from __future__ import annotations

from pathlib import Path

import docx

from citecheck.api import analyse, check_file
from citecheck.parser.profile import detect

FIXTURES = Path(__file__).parents[1] / "fixtures" / "kinds" / "thesis-title-page"


def _thesis(title_page: str, conclusion: str = "Conclusion", refs: bool = True) -> str:
    body = (
        f"{title_page}\n\n# Introduction\n\nHarbour ice is removed by ploughs (Smith 2015).\n\n"
        "The aim of the work is the radius of a cutter's edge.\n\n"
        "# Experiments\n\nThe cutters cut ice on a bench at minus five degrees.\n\n"
        f"# {conclusion}\n\nThe best radius of the edge is one and a half millimetres.\n"
    )
    if refs:
        body += "\n# References\n\nSmith, A. (2015). Cutting ice. Harbour Press.\n"
    return body


def _profile(text: str, path: str = "thesis.md") -> str:
    doc, _ = analyse(text, path=path)
    return detect(doc)


def test_the_fixtures_read_as_declared() -> None:
    assert check_file(str(FIXTURES / "declared.md")).profile == "paper"
    assert check_file(str(FIXTURES / "undeclared.md")).profile == "article"


def test_declarations_in_several_languages() -> None:
    for page in (
        "A thesis submitted in partial fulfilment of the requirements for the degree of MSc",
        "Master's Thesis in Computer Science",
        "Tesi di laurea triennale in Informatica",
        "Trabajo fin de grado",
        "Praca dyplomowa magisterska",
        "本科毕业论文",
    ):
        assert _profile(_thesis(page)) == "paper", page


def test_a_declaration_needs_the_frame_and_the_list() -> None:
    page = "Master's Thesis in Computer Science"
    assert _profile(_thesis(page)) == "paper"
    assert _profile(_thesis(page, conclusion="Outlook")) == "article"
    assert _profile(_thesis(page, refs=False)) == "article"
    assert _profile(_thesis("Notes on harbour ice")) == "article"


def test_a_declaration_past_the_title_page_is_not_the_documents() -> None:
    # A text that mentions a thesis far into its body ("… as a master's thesis showed") is
    # not one.
    late = "\n\n".join(["Harbour ice grows each winter along the coast."] * 80)
    text = _thesis("Notes on harbour ice").replace(
        "# Experiments", late + "\n\nA master's thesis measured it.\n\n# Experiments"
    )
    assert text.index("master's thesis") > 3000
    assert _profile(text) == "article"


def test_a_word_dissertation_without_contents_reads_as_a_paper(tmp_path: Path) -> None:
    """pandoc's LaTeX-to-Word keeps the title page and the headings but no contents list,
    and the dissertation speaks of its own work impersonally."""
    d = docx.Document()
    d.add_paragraph("Петров, Иван Сергеевич")
    d.add_paragraph("Диссертация на соискание учёной степени кандидата технических наук")
    d.add_heading("Введение", 1)
    d.add_paragraph("Целью работы является обоснование радиуса кромки резца.")
    d.add_paragraph("Автором лично разработан измерительный стенд.")
    d.add_heading("Описание эксперимента", 1)
    d.add_paragraph("Опыты проводились на стенде при температуре минус пять градусов.")
    d.add_heading("Заключение", 1)
    d.add_paragraph("Рациональный радиус кромки резца равен полутора миллиметрам (Смирнов 2015).")
    d.add_heading("Список литературы", 1)
    d.add_paragraph("Смирнов, А. В. Резание льда. — Красноярск : СФУ, 2015. — 180 с.")
    path = tmp_path / "dissertation.docx"
    d.save(str(path))
    report = check_file(str(path))
    assert report.profile == "paper"
    assert [f.code for f in report.findings if f.code == "CC001"] == []
