"""Theses and reports written in Word, in several languages: a reference list numbered by
Word's own list under a "References" typed in the body style, section titles set as items of
that list, the table Word lays a numeric bibliography out in, and a contents list with an
Introduction and a Conclusion in Russian or Hungarian. Each document is built here with
python-docx."""

from __future__ import annotations

from pathlib import Path

import docx

from citecheck.api import check_file
from tests.test_docx_structure import check, numbered, numbering


def test_a_typed_references_title_over_numbered_entries_opens_the_list(tmp_path: Path) -> None:
    """An MSc report: its section titles and its entries are items of Word's numbered
    lists, its "References" is a plain paragraph. The entries are its sources, and the
    numbered "Introduction", "Literature Review" and "Conclusion" make it a paper."""
    d = docx.Document()
    numbering(d, {0: ("decimal", "%1.", 1), 1: ("decimal", "%1.", 1)})
    d.add_paragraph("Energy Use of Video Codecs")
    numbered(d, "Introduction", 10)
    d.add_paragraph("Video is most of the traffic of mobile networks [1].")
    d.add_paragraph("In this project we measure the energy four codecs use on a laptop.")
    numbered(d, "Literature Review", 10)
    d.add_paragraph("Hardware decoders halve the energy of playback [2].")
    d.add_paragraph("Studies have shown that most viewers cannot tell the codecs apart.")
    numbered(d, "Methodology", 10)
    d.add_paragraph("We encode each clip with each codec and read the battery counter.")
    numbered(d, "Conclusion", 10)
    d.add_paragraph("Our tool finds the cheapest codec for a clip before it is encoded.")
    d.add_paragraph("References")
    numbered(d, "M. Horowitz. Computing's energy problem. In Proc. ISSCC, pages 10-14, 2014.", 11)
    numbered(d, "A. Wang and A. Chandrakasan. Energy-efficient DSPs. IEEE SPM, 19(4), 2002.", 11)
    path = tmp_path / "report.docx"
    d.save(str(path))
    found, parsed = check(path)
    assert [r["key"] for r in parsed["references"]] == ["1", "2"]
    assert [f["code"] for f in found] == ["CC001"]
    assert found[0]["text"].startswith("Studies have shown")
    assert check_file(str(path)).profile == "paper"


def test_references_typed_before_a_numbered_list_of_steps_stay_a_paragraph(
    tmp_path: Path,
) -> None:
    """A paragraph reading "References" followed by prose is a word of the text, not a
    heading: only numbered items right after it make it one."""
    d = docx.Document()
    numbering(d, {0: ("decimal", "%1.", 1)})
    d.add_paragraph("The harbour was dredged in 1911 to admit larger steamers [1].")
    d.add_paragraph("References")
    d.add_paragraph("are kept in the harbour office and may be read on request.")
    numbered(d, "Ask at the desk.", 10)
    path = tmp_path / "notice.docx"
    d.save(str(path))
    found, parsed = check(path)
    assert parsed["references"] == []
    assert "CC004" in [f["code"] for f in found]  # the marker has no list to point into


def _bibliography_table(d: docx.document.Document, entries: list[str]) -> None:
    """Word's numeric bibliography (IEEE style): a table, "[n]" then the entry, a row each."""
    table = d.add_table(rows=len(entries), cols=2)
    for i, entry in enumerate(entries):
        table.cell(i, 0).text = f"[{i + 1}]"
        table.cell(i, 1).text = entry


def test_word_bibliography_table_rows_are_numbered_entries(tmp_path: Path) -> None:
    """A Hungarian BSc thesis: a contents list, an Abstract, a Bevezetés (introduction) and
    "Hivatkozások" (references) laid out by Word as a table. Its markers resolve to the
    rows, and it reads as a paper."""
    d = docx.Document()
    d.add_heading("Tartalomjegyzék", 1)
    d.add_paragraph("1 Bevezetés 7")
    d.add_heading("Abstract", 1)
    d.add_paragraph("This thesis builds a web service that scales itself with its load.")
    d.add_heading("1 Bevezetés", 1)
    d.add_paragraph("A VULTR [1] cég VPS szolgáltatásokat nyújt, REST API-val [2].")
    d.add_heading("2 Összegzés", 1)
    d.add_paragraph("Az elkészült rendszer képes automatikus skálázásra.")
    d.add_heading("3 Hivatkozások", 1)
    _bibliography_table(
        d,
        [
            '„VULTR," [Online]. Available: https://www.vultr.com/products/. [2022].',
            '„RESTful API," [Online]. Available: https://aws.amazon.com/restful-api/.',
        ],
    )
    path = tmp_path / "szakdolgozat.docx"
    d.save(str(path))
    found, parsed = check(path)
    assert [r["key"] for r in parsed["references"]] == ["1", "2"]
    assert found == []
    assert check_file(str(path)).profile == "paper"


def test_a_table_of_bracketed_codes_and_one_word_is_no_bibliography(tmp_path: Path) -> None:
    """A table whose first cells are bracketed numbers but whose second are single words
    (a legend) stays a table."""
    d = docx.Document()
    d.add_paragraph("The legend of the map gives each symbol a number.")
    _bibliography_table(d, ["Church", "Harbour"])
    path = tmp_path / "legend.docx"
    d.save(str(path))
    _, parsed = check(path)
    assert parsed["references"] == []


def test_a_russian_thesis_with_contents_introduction_and_conclusion_is_a_paper(
    tmp_path: Path,
) -> None:
    """A Russian BSc thesis: Оглавление (contents), Введение, chapters, Заключение and a
    "Список использованных источников" (list of sources used) numbered by Word."""
    d = docx.Document()
    numbering(d, {0: ("decimal", "%1.", 1)})
    d.add_heading("Оглавление", 1)
    d.add_paragraph("Введение 3")
    d.add_heading("Введение", 1)
    d.add_paragraph("Системы сборки сложны для реализации и обслуживания [1].")
    d.add_paragraph("Медленная сборка отнимает у разработчиков много времени.")
    d.add_heading("Глава 1. Обзор инструментов сборки", 1)
    d.add_paragraph("Make был создан в 1976 году и до сих пор широко используется.")
    d.add_heading("Заключение", 1)
    d.add_paragraph("В работе разработана система сборки с кэшированием результатов.")
    d.add_heading("Список использованных источников", 1)
    numbered(d, "Smith P. Software Build Systems. Addison-Wesley, 2011. 624 p.", 10)
    path = tmp_path / "thesis.docx"
    d.save(str(path))
    found, parsed = check(path)
    assert [r["key"] for r in parsed["references"]] == ["1"]
    assert found == []
    assert check_file(str(path)).profile == "paper"


def _typed_contents(d: docx.document.Document, title: str, entries: list[str]) -> None:
    """A contents list as many theses type it: the title in the body style, then one
    paragraph per entry ending in its page number, as Word's contents field writes them."""
    d.add_paragraph(title)
    for entry in entries:
        d.add_paragraph(entry)


def _russian_thesis(d: docx.document.Document) -> None:
    """The body of a Russian diploma thesis: an Введение, numbered chapters with
    sub-sections, a Заключение and a numbered "Список использованных источников"."""
    numbering(d, {0: ("decimal", "%1.", 1)})
    d.add_heading("ВВЕДЕНИЕ", 1)
    d.add_paragraph("Системы умного дома управляют освещением и отоплением жилища.")
    d.add_paragraph("Цель работы – разработка веб-системы управления устройствами дома.")
    d.add_heading("1 ОБЗОР ЛИТЕРАТУРЫ", 1)
    d.add_heading("1.1 Обзор аналогов", 2)
    d.add_paragraph("Система позволяет работать с устройствами разных производителей [1].")
    d.add_paragraph("Рисунок 1.1 – Система «MajorDoMo»")
    d.add_heading("2 СИСТЕМНОЕ ПРОЕКТИРОВАНИЕ", 1)
    d.add_paragraph("Приложение состоит из сервера, базы данных и веб-интерфейса.")
    d.add_heading("ЗАКЛЮЧЕНИЕ", 1)
    d.add_paragraph("В ходе работы была разработана система управления умным домом.")
    d.add_heading("СПИСОК ИСПОЛЬЗОВАННЫХ ИСТОЧНИКОВ", 1)
    numbered(d, "Hansson D. H. Agile Web Development with Rails. Pragmatic, 2011. 451 p.", 10)


def test_a_thesis_whose_contents_title_is_typed_in_the_body_is_a_paper(tmp_path: Path) -> None:
    """A Russian diploma thesis whose "СОДЕРЖАНИЕ" is a line of the body style, not a
    heading, followed by the entries of Word's contents field ("1.1 Обзор аналогов 8"):
    its own project and its explanation of the tools are not claims that need a source."""
    d = docx.Document()
    _typed_contents(
        d,
        "СОДЕРЖАНИЕ",
        ["ВВЕДЕНИЕ 5", "1 ОБЗОР ЛИТЕРАТУРЫ 8", "1.1 Обзор аналогов 8", "ЗАКЛЮЧЕНИЕ 27"],
    )
    _russian_thesis(d)
    path = tmp_path / "dissertation.docx"
    d.save(str(path))
    found, parsed = check(path)
    assert [r["key"] for r in parsed["references"]] == ["1"]
    assert found == []
    assert check_file(str(path)).profile == "paper"


def test_a_typed_contents_word_over_prose_is_no_contents_list(tmp_path: Path) -> None:
    """The same text whose "Содержание" line is followed by prose, not by entries with
    page numbers, has no contents list, so it stays an article and its uncited sentences
    are asked for a source."""
    d = docx.Document()
    d.add_paragraph("Содержание")
    d.add_paragraph("Работа посвящена системам умного дома и их архитектуре.")
    d.add_paragraph("Она состоит из введения, двух глав и заключения.")
    d.add_paragraph("Объём работы составляет 30 страниц.")
    _russian_thesis(d)
    path = tmp_path / "report.docx"
    d.save(str(path))
    found, _ = check(path)
    assert check_file(str(path)).profile == "article"
    assert "CC001" in [f["code"] for f in found]
