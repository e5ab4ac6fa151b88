"""Papers converted from PDF to text: page furniture, the paper profile, brackets that index
arrays, numbered callouts with locators, and ``(n)`` callouts without a list.

A PDF extractor writes page marks (``=== Page 2 ===``), running heads and arXiv's side stamp
among the lines of prose; none of them may end a paragraph or a reference list. Headings
stand among the prose lines, so the profile reads lines, not blocks. Brackets glued to a
one-letter variable or chained (``A[i][0]``) are indexes in every format.
"""

from __future__ import annotations

from pathlib import Path

import docx

from citecheck.api import analyse, check_file, check_text
from citecheck.parser.columns import side_by_side
from citecheck.parser.pdftext import heading_lines, journal_pages
from citecheck.reader import read
from citecheck.reader.pagemarks import furniture, inline_heads, is_page_mark, paged_text
from citecheck.reader.textlines import lines

FIXTURES = Path(__file__).parent.parent / "fixtures" / "kinds" / "pdf-text"


def _codes(text: str, path: str = "paper.txt") -> list[str]:
    return [f.code for f in check_text(text, path=path).findings]


def _keys(text: str, path: str) -> list[tuple[str, ...]]:
    doc, _ = analyse(text, path=path)
    return [m.keys for m in doc.markers]


# --- page furniture -------------------------------------------------------------------


def test_page_marks_of_extractors() -> None:
    for line in (
        "=== Page 2 ===",
        "===== PAGE 12 =====",
        "--- PAGE 3 ---",
        "-- Page 2 of 9 --",
        "<!-- page 4 -->",
        "Total pages: 24",
        "PAGES: 34",
    ):
        assert is_page_mark(line), line
    for line in ("Page 2 shows the results.", "=== Results ===", "pages: many", "## Page"):
        assert not is_page_mark(line), line


def _furniture(text: str) -> list[str]:
    spans = lines(text)
    found, _ = furniture(text, spans)
    return [text[spans[i][0] : spans[i][1]] for i in sorted(found)]


def test_arxiv_side_stamp_on_one_line_or_reversed() -> None:
    text = (
        "prose line one\n1\n2202\nvoN\n02\n]SD.sc[\n1v90011.1122:viXra\n\n"
        "arXiv:1106.6320v1  [q-bio.PE]  30 Jun 2011\nmore prose here\n"
    )
    assert _furniture(text) == [
        "1",
        "2202",
        "voN",
        "02",
        "]SD.sc[",
        "1v90011.1122:viXra",
        "arXiv:1106.6320v1  [q-bio.PE]  30 Jun 2011",
    ]


def _pages(head: str, count: int = 4, filler: int = 20) -> str:
    body = "\n".join(f"Line {k} of the prose on this page goes on." for k in range(filler))
    return "\n".join(f"{head.format(n=2084 + 2 * p)}\n{body}" for p in range(count))


def test_running_heads_recur_once_a_page() -> None:
    text = _pages("{n} AMBALAVANAN et al")
    assert _furniture(text) == [f"{2084 + 2 * p} AMBALAVANAN et al" for p in range(4)]


def test_lines_of_a_list_are_not_running_heads() -> None:
    # The same shape on consecutive lines (a numbered list) is no page's head, even with
    # numbers that grow.
    text = "\n".join(
        f"{n}. Office for National Statistics: Labour market, {2020 + n}" for n in range(1, 6)
    )
    assert _furniture(text) == []


def test_entries_sharing_their_first_words_are_not_running_heads() -> None:
    # A paginated reference list (an RFC's) where three entries open alike, pages apart:
    # their numbers jump, as no page number does.
    filler = "\n".join(f'   [{k}] Other, A., "Title {k}", RFC {k}.' for k in range(8, 30))
    text = (
        '   [7] Freed, N. and N. Borenstein, "Multipurpose Internet Mail\n'
        + filler
        + '\n\f\n   [40] Freed, N. and N. Borenstein, "Multipurpose Internet Mail\n'
        + filler
        + '\n   [48] Freed, N. and N. Borenstein, "Multipurpose Internet Mail\n'
    )
    assert not any("Freed" in line for line in _furniture(text))


def test_running_head_run_into_the_prose() -> None:
    head = "Kim et al., Science 368, 155–160 (2020) 10 April 2020 {n} of 6 RES EARCH | R E S"
    words = [
        ("the layer forms", "between grains"),
        ("as shown in", "the samples"),
        ("cells", "reached"),
    ]
    parts = [
        f"{a} {head.format(n=n)} {b} today" for n, (a, b) in zip((1, 2, 3), words, strict=True)
    ]
    text = "\n".join(parts)
    spans = inline_heads(text)
    assert [text[s:e].strip() for s, e in spans] == [head.format(n=n) for n in (1, 2, 3)]
    # a counter that recurs with little around it is no running head
    assert inline_heads("step 1 of 3: a\nstep 2 of 3: b\nstep 3 of 3: c\n") == []


def test_page_break_splits_neither_a_sentence_nor_a_list() -> None:
    text = (
        "References\n[1] A. Author. A first title. Journal, 2001.\n[2] B. Author. A second\n"
        "title. Journal, 2002.\n23\n\n=== Page 24 ===\n[3] C. Author. A third title. Journal, "
        "2003.\n"
    )
    doc, _ = analyse("Body cites [1], [2] and [3].\n\n" + text, path="p.txt")
    assert [r.key for r in doc.references] == ["1", "2", "3"]
    assert "A second title" in " ".join(doc.references[1].text.split())
    prose = "The array grows at its\nend.\n\n=== Page 2 ===\nIt shrinks there too.\n"
    layout = read(prose, "text")
    assert "=== Page 2 ===" not in layout.masked


def test_numbered_heading_ending_in_et_al() -> None:
    text = (
        "prose ends here.\n3.3 The data structures of Brodnik et al.\nBrodnik et al. [1] show it.\n"
    )
    layout = read(text, "text")
    headings = [text[b.start : b.end] for b in layout.blocks if b.kind.name == "HEADING"]
    assert headings == ["3.3 The data structures of Brodnik et al."]


def test_markdown_named_pdf_text_is_read_as_text() -> None:
    text = (FIXTURES / "paged-paper.txt").read_text("utf-8")
    assert paged_text(text)
    assert not paged_text("# Title\n\n=== Page 1 ===\n\n=== Page 2 ===\n")
    assert not paged_text("Plain text with one mark.\n=== Page 1 ===\n")


# --- the paper profile ----------------------------------------------------------------


def test_heading_lines_among_the_prose() -> None:
    text = "Title\nA. Author\nAbstract\nWe study arrays.\n1 Introduction\nArrays are old.\n"
    titles = list(heading_lines(text))
    assert "Abstract" in titles and "1 Introduction" in titles
    assert "We study arrays." not in titles


def test_pdf_text_with_abstract_line_is_a_paper() -> None:
    text = (FIXTURES / "paged-paper.txt").read_text("utf-8")
    report = check_text(text, path="paged-paper.txt")
    assert report.profile == "paper"
    # the same words as an article's plain prose: no Abstract, no page marks
    article = "Arrays are simple.\nWe think they are useful.\nOur view is shared.\n"
    assert check_text(article, path="a.txt").profile == "article"


def test_journal_pages_tell_a_body_extract() -> None:
    text = (FIXTURES / "science-extract.txt").read_text("utf-8")
    assert journal_pages(text)
    assert not journal_pages(
        "A text (Fig. 1) with (Fig. 2) figures (Fig. 3) only (Fig. 4) (Fig. 5)."
    )


# --- brackets that are indexes --------------------------------------------------------


_LIST = "\n\nReferences\n\n[1] A. Author. Title. 2001.\n[2] B. Author. Title. 2002.\n"


def test_indexes_are_not_citations_in_any_format() -> None:
    body = "The item is stored in A[i][0] or in A[1][2], and x[1] and T[k] hold the rest [2]."
    assert _keys(body + _LIST, "a.txt") == [("2",)]
    assert _keys(body + _LIST, "a.md") == [("2",)]
    html = f"<html><body><p>{body}</p><h2>References</h2><ol><li>A. Author. Title. 2001.</li>"
    html += "<li>B. Author. Title. 2002.</li></ol></body></html>"
    assert _keys(html, "a.html") == [("2",)]


def test_citations_glued_to_words_stay_citations() -> None:
    body = "As Sitarski[1] showed, and the audit[1][2] agreed."
    assert _keys(body + _LIST, "a.txt") == [("1",), ("1",), ("2",)]


def test_index_in_a_word_document(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("The item is stored in A[i][0] and the directory in D[1], as shown [2].")
    d.add_heading("References", level=1)
    d.add_paragraph("[1] A. Author. Title. 2001.")
    d.add_paragraph("[2] B. Author. Title. 2002.")
    path = tmp_path / "paper.docx"
    d.save(str(path))
    report = check_file(str(path))
    assert [f.code for f in report.findings if f.code in ("CC002", "CC006")] == []
    assert [f.code for f in report.findings if f.code == "CC003"] == ["CC003"]  # [1] uncited


def test_locator_callouts_cite_their_entry() -> None:
    body = "See Cormen et al. [1, Section 17.4] and the bound [2, Thm. 2.1] or [2, pp. 10–12]."
    assert _keys(body + _LIST, "a.txt") == [("1",), ("2",), ("2",)]


def test_a_formula_in_brackets_is_no_label() -> None:
    body = "The champion cell [PEA(I0.25SCN0.75)] was stable."
    assert "CC004" not in _codes(body)
    labelled = (
        "HTTP is defined in [RFC2616 (the HTTP/1.1 spec)].\n\nReferences\n\n"
        "[RFC2616] R. Fielding. HTTP/1.1. 1999.\n"
    )
    assert _keys(labelled, "a.txt") == [("RFC2616",)]


# --- (n) callouts without a list ------------------------------------------------------


def test_callouts_without_a_list_give_one_finding() -> None:
    text = (FIXTURES / "science-extract.txt").read_text("utf-8")
    assert _codes(text) == ["CC013"]
    assert _codes(text, "science.md") == ["CC013"]


def test_an_enumeration_without_a_list_gives_none() -> None:
    text = (
        "We asked three questions: (1) whether norms changed, (2) whether behaviour changed "
        "and (3) whether either lasted. Equation (4) gives the model and step (5) the fit.\n"
    )
    assert "CC013" not in _codes(text)


# --- LaTeX bibliographies kept in text and Markdown -----------------------------------

_LATEX = (
    "Dynamic arrays double their block when full \\cite{cormen2009}. Tiered vectors trade\n"
    "access time for cheaper inserts \\citep{goodrich1999, bille2017}, as Brodnik et\n"
    "al.~\\cite[Thm.~2]{brodnik1999} proved. Hashing helps too \\cite{missing2020}.\n\n"
    "\\begin{thebibliography}{9}\n"
    "\\bibitem{cormen2009} T.~H. Cormen and C.~Stein.\n"
    "\\newblock \\emph{Introduction to Algorithms}. MIT Press, 2009.\n"
    "\\bibitem{goodrich1999} M.~T. Goodrich. Tiered vectors. In \\emph{Proc. WADS}, 1999.\n"
    "\\bibitem[Bille et al.(2017)]{bille2017} P.~Bille. Fast dynamic arrays. 2017.\n"
    "\\bibitem{brodnik1999} A.~Brodnik. Resizable arrays in optimal time and space. 1999.\n"
    "\\bibitem{knuth1997} D.~E. Knuth. \\emph{The Art of Computer Programming}. 1997.\n"
    "\\end{thebibliography}\n"
)


def test_cite_resolves_to_bibitem_in_text_and_markdown() -> None:
    for path in ("paper.txt", "paper.md"):
        doc, _ = analyse(_LATEX, path=path)
        assert [r.key for r in doc.references] == [
            "cormen2009",
            "goodrich1999",
            "bille2017",
            "brodnik1999",
            "knuth1997",
        ], path
        assert [m.keys for m in doc.markers] == [
            ("cormen2009",),
            ("goodrich1999",),
            ("bille2017",),
            ("brodnik1999",),
            ("missing2020",),
        ], path
        assert "~" not in (doc.references[0].title or "") and "\\" not in str(
            doc.references[0].title
        )
        codes = sorted(f.code for f in check_text(_LATEX, path=path).findings)
        assert codes == ["CC002", "CC003"], path  # missing2020 dangles, knuth1997 is uncited


def test_markdown_with_markdown_headings_stays_markdown() -> None:
    from citecheck.reader.latexheads import latex_bibliography

    assert latex_bibliography(_LATEX)
    assert not latex_bibliography("# Title\n\n" + _LATEX)
    assert not latex_bibliography("Prose with \\cite{a} only.\n")


def test_entry_numbers_alone_on_their_lines_and_a_fixed_running_head() -> None:
    # Nature's list as PDF text: "1." on a line, the entry on the next ones; the running
    # head is the same on every page (its page number on a "Page N of M" line of its own).
    path = FIXTURES / "lone-numbered-entries.txt"
    doc, _ = analyse(path.read_text(encoding="utf-8"), path=str(path))
    assert [r.key for r in doc.references] == ["1", "2", "3", "4", "5"]
    texts = [" ".join(r.text.split()) for r in doc.references]
    assert texts[2].startswith("Shi, L. et al. Towards real-time")
    assert texts[2].endswith("Nature 591, 234–239 (2021).")
    assert not any("Lee et al." in t or "Page" in t for t in texts)


def test_a_page_number_after_a_note_opens_no_entry() -> None:
    # "p." then "17." then blank lines: the end of a note's page number, not entry 17.
    text = (
        'Music sounds.[H]\n\nFOOTNOTES:\n\n[H] "Notes on Choral Music," by H.E. Krehbiel, p.\n'
        "17.\n\n\n\nIX\n"
    )
    doc, _ = analyse(text, path="book.txt")
    assert "17" not in [r.key for r in doc.references]


def test_two_columns_side_by_side_are_reported_once_and_nothing_else() -> None:
    # pdftotext -layout of a two-column page: each line joins a left-column line to a
    # right-column one, so no sentence, callout or entry can be read.
    path = FIXTURES / "two-columns.txt"
    text = path.read_text(encoding="utf-8")
    assert side_by_side(text) == 0
    report = check_file(str(path))
    assert [f.code for f in report.findings] == ["CC013"]
    assert "two columns side by side" in report.findings[0].message


def test_a_table_of_short_cells_and_one_column_are_not_two_columns() -> None:
    table = "\n".join(f"Harbour {i:<3}      {i * 7:>6}      grain and timber" for i in range(60))
    prose = "\n".join(["The harbour was dredged in 1911 to admit the larger steamers."] * 60)
    assert side_by_side(table) is None
    assert side_by_side(prose) is None


def _lone_pages(head: str, count: int = 4, filler: int = 20) -> str:
    """Pages of prose, each after a head standing alone between blank lines."""
    body = "\n".join(f"Line {k} of the prose on this page goes on" for k in range(filler))
    return "\n".join(f"\n{head}\n\n{body}" for _ in range(count))


def test_running_head_without_a_page_number() -> None:
    # An ACM preprint's head (the authors) alone between blank lines on every page, its
    # page number elsewhere; it split the reference list at a page break (entries [15]–
    # [25] read as dangling callouts). Three times, close together, or in a paragraph of
    # prose, a line is no head.
    head = "Abdulhadi Abbas Akanni and Co-Author Name"
    assert _furniture(_lone_pages(head)) == [head] * 4
    assert _furniture(_lone_pages(head, count=3)) == []
    assert _furniture(_lone_pages(head, filler=5)) == []
    assert _furniture(_lone_pages(head).replace(f"\n{head}\n\n", f"Prose.\n{head}\n")) == []
    assert _furniture(_lone_pages("Chorus of the boatmen.")) == []  # a sentence
    entries = "\n".join(
        f"[{k}] Author {k}, A. Title of work {k}. Journal, 2020." for k in range(1, 15)
    )
    text = f"References\n{entries}\n\n{head}\n\n[15] Li, T. FedPAQ. ICML, 2022.\n"
    pages = _lone_pages(head, count=3) + "\n" + text
    doc, _ = analyse(pages, path="paper.txt")
    assert [r.key for r in doc.references][-2:] == ["14", "15"]
