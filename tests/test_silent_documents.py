"""A document that cites but whose citations and list citecheck did not read is reported
once (unread-citations, CC013), not passed without a finding; one that truly cites
nothing is not (fixtures/kinds/silent-documents, and Word files built here)."""

from __future__ import annotations

from pathlib import Path

import docx

from citecheck.api import check_file, check_text

KIND = Path(__file__).parents[1] / "fixtures" / "kinds" / "silent-documents"


def _unread(report) -> list[str]:
    return [f.message for f in report.findings if f.code == "CC013"]


def test_author_year_callouts_without_a_list_are_read_not_silent() -> None:
    """Full-width author-year callouts are a style citecheck reads: the file is not silent,
    its one finding is the missing list (CC004), not unread-citations."""
    path = KIND / "author-year-no-list.md"
    report = check_text(path.read_text("utf-8"), path=str(path))
    assert _unread(report) == []
    (finding,) = report.findings
    assert finding.code == "CC004"
    assert finding.message.startswith("6 citation markers (first Ebert & Louridas, 2023)")


def test_superscripts_without_a_list_in_text_and_html() -> None:
    for name, first in (("superscripts-no-list.txt", "¹"), ("superscripts-no-list.html", "1")):
        report = check_file(str(KIND / name))
        (message,) = _unread(report)
        assert message.startswith(f"5 marks look like citations (first '{first}')"), name


def test_no_finding_for_a_text_that_cites_nothing() -> None:
    """Enumerations ``(1) … (2) …``, years in parentheses, array indices in inline code,
    list items and exponents (``x²``, ``10⁵``) are no citations."""
    path = KIND / "no-citations.md"
    assert check_text(path.read_text("utf-8"), path=str(path)).findings == []


def test_too_few_marks_are_no_signal() -> None:
    text = "Heat pumps work in the cold.¹ Trials found more.² Costs fell.³ Good.⁴\n"
    assert _unread(check_text(text, path="a.txt")) == []


def test_a_word_file_with_full_width_callouts_and_no_list(tmp_path: Path) -> None:
    """A Chinese thesis draft in Word: callouts in full-width parentheses, no list."""
    d = docx.Document()
    d.add_heading("生成式人工智能与软件工程教育", 1)
    for sentence in (
        "大语言模型迅速进入编程课程（Ebert & Louridas, 2023）。",
        "学生用它解释编译错误（Coutinho et al., 2024）。",
        "调查显示其影响不一（White et al., 2024；Akbar et al., 2023）。",
        "教师用它编写练习（黄雪茹, 2025）。",
        "评价方式尚未跟上（张惠彬, 2025）。",
    ):
        d.add_paragraph(sentence)
    path = tmp_path / "thesis.docx"
    d.save(str(path))
    report = check_file(str(path))
    assert [f.code for f in report.findings] == ["CC004"]
    assert report.findings[0].message.startswith("6 citation markers (first Ebert & Louridas")


def test_raised_numerals_that_close_the_paragraphs_of_an_html_post() -> None:
    """A post whose body is HTML (a WordPress export) calls its notes with a ``<sup>`` at
    the end of each paragraph, among the closing tags the HTML reader leaves out of the
    paragraph's text: they are marks all the same."""
    path = KIND / "closing-superscripts.md"
    report = check_text(path.read_text("utf-8"), path=str(path))
    (message,) = _unread(report)
    assert message.startswith("5 marks look like citations (first '<sup>1')")
    # Four are too few to tell.
    text = path.read_text("utf-8").replace("<sup>5</sup></p>", "</p>")
    assert _unread(check_text(text, path=str(path))) == []


def test_a_drafts_placeholder_keys_are_marks(tmp_path: Path) -> None:
    """A draft that cites by keys it means to replace later (``[airc]``, ``[11 polito]``)
    and has no list yet is told once, in plain text and in Word; a dimension
    (``[32x32x3]``), an editor's ``[sic]`` and code (``data[key].append``) are no marks."""
    path = KIND / "placeholder-keys.txt"
    text = path.read_text("utf-8")
    (message,) = _unread(check_text(text, path=str(path)))
    assert message.startswith("5 marks look like citations (first '[airc]')")
    d = docx.Document()
    for paragraph in text.split("\n\n"):
        d.add_paragraph(" ".join(paragraph.split()))
    docx_path = tmp_path / "tesi.docx"
    d.save(str(docx_path))
    (message,) = _unread(check_file(str(docx_path)))
    assert message.startswith("5 marks look like citations (first '[airc]')")
    code = "Call data[key].append(x) then rows[idx].sort() and cols[name](y).\n" * 5
    assert _unread(check_text(code, path="notes.txt")) == []
