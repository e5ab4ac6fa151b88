"""Headings mangled by PDF text extraction (small capitals, letter spacing) and unnumbered
author-year entries as a PDF extract wraps them."""

from __future__ import annotations

import pytest

from citecheck.api import analyse, check_text
from citecheck.model import BlockKind
from citecheck.text.smallcaps import split_capital, uncapped


@pytest.mark.parametrize(
    ("line", "joined"),
    [
        ("R EFERENCES", "REFERENCES"),
        ("II. S YSTEM M ODEL", "II. SYSTEM MODEL"),
        ("R E F E R E N C E S", "REFERENCES"),
        ("  A CKNOWLEDGMENT", "ACKNOWLEDGMENT"),
        ("References", "References"),  # written as the author wrote it: unchanged
        ("IEEE TRANSACTIONS ON ROUTING", "IEEE TRANSACTIONS ON ROUTING"),
        ("We read R EFERENCES here.", "We read R EFERENCES here."),  # prose
        ("# 参 考 文 献", "参考文献"),
        ("致\u3000谢", "致谢"),
        # prose set letter by letter: longer than a heading
        ("我 们 的 方 法 很 有 效 果 的 呢", "我 们 的 方 法 很 有 效 果 的 呢"),
    ],
)
def test_uncapped(line, joined):
    assert uncapped(line) == joined


def test_split_capital():
    assert split_capital("R", "EFERENCES") == "REFERENCES"
    assert split_capital("V. C", "ONCLUSION") == "V. CONCLUSION"
    assert split_capital("R", "eferences are listed below") is None
    assert split_capital("We", "EFERENCES") is None


_BODY = "Relays congest strong links [1]. Queues matter too [2].\n"


@pytest.mark.parametrize("heading", ["R\nEFERENCES", "R EFERENCES", "R E F E R E N C E S"])
def test_mangled_reference_heading_opens_the_list(heading):
    text = f"{_BODY}{heading}\n[1] A. Bell, “Relays,” 2019.\n[2] C. Dunn, “Queues,” 2020.\n"
    doc, _ = analyse(text, path="paper.txt")
    assert [r.key for r in doc.references] == ["1", "2"]
    heads = [b for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert len(heads) == 1 and heads[0].end == text.index("\n[1]")


def test_split_heading_needs_its_number_unless_it_names_the_list():
    text = "The ratio is\nK\nSINR\nout of range here.\nV. C\nONCLUSION\nWe end.\n"
    doc, _ = analyse(text, path="notes.txt")
    joined = [doc.text[b.start : b.end] for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert [h for h in joined if "\n" in h] == ["V. C\nONCLUSION"]


def test_unnumbered_author_year_entries_are_split_at_each_name_head():
    text = (
        "Dense matching (Baker and Cole 2015) and fields (Dorn et al. 2020).\n"
        "References\n"
        "Baker, A.; and Cole, B. 2015. Dense matching for multi-view\n"
        "stereo. In Conference on Computer Vision and Pattern\n"
        "Recognition, 1200–1208.\n"
        "Dorn, C.; Ernst, D.; Falk, E.; and\n"
        "Gruber, F. 2020. Neural fields. In International Con-\n"
        "ference on Learning Representations.\n"
        "Hahn, I. 2021. A benchmark of scans. arXiv preprint\n"
        "arXiv:2101.00001.\n"
    )
    doc, _ = analyse(text, path="paper.txt")
    firsts = [r.text.split(",")[0] for r in doc.references]
    assert firsts == ["Baker", "Dorn", "Hahn"]
    assert "Gruber, F. 2020" in doc.references[1].text  # a name after "and" runs on


def test_biographies_after_the_list_are_neither_entries_nor_claims():
    text = (
        "Relays congest strong links [1].\n"
        "R EFERENCES\n"
        "[1] A. Bell, “Relays,” IEEE Trans. Netw., vol. 2, pp. 1–9, 2019.\n"
        "Ana Ortiz (Member, IEEE) r eceived the B.S. degree in 2012. She has\n"
        "published more than 80 papers and is the most cited author in her field.\n"
        "Bruno Keller is currently a Professor with the University of Bern.\n"
    )
    doc, _ = analyse(text, path="paper.txt")
    assert [r.key for r in doc.references] == ["1"]
    assert "Ortiz" not in doc.references[0].text
    assert not [s for s in doc.sentences if "cited author" in s.text]


def test_a_biography_before_any_list_is_prose():
    text = "Ana Ortiz (Member, IEEE) received the B.S. degree in 2012.\nShe studies relays.\n"
    doc, _ = analyse(text, path="paper.txt")
    assert [s for s in doc.sentences if "studies relays" in s.text]


def test_the_cover_page_citing_the_paper_itself_is_no_callout():
    text = (
        "To cite this article: Ana Ortiz & Bruno Keller (2024): Relay selection for\n"
        "meshes, Journal of Plant Networks, DOI: 10.5555/jpn.2024.0101\n"
        "Published online: 03 Jan 2024.\n"
        "Relays congest strong links (Gray, 2020).\n"
        "References\n"
        "Gray, F. (2020). Congestion at strong links. Network Letters, 4, 1-6.\n"
    )
    doc, _ = analyse(text, path="paper.txt")
    assert [doc.text[m.start : m.end] for m in doc.markers] == ["Gray, 2020"]


def _page(n: int, lines: int = 20) -> str:
    prose = "".join(
        f"Our log for slot {k} of day {n} shows each relay in use.\n" for k in range(lines)
    )
    return (
        prose + f"A. Ortiz and B. Keller\nJournal of Plant Networks 12 (2024) 101-112\n{100 + n}\n"
    )


def test_running_heads_stacked_over_a_page_number_are_furniture():
    from citecheck.reader.pagemarks import furniture
    from citecheck.reader.textlines import lines

    text = "".join(_page(n) for n in range(5))
    spans = lines(text)
    found, _ = furniture(text, spans)
    masked = sorted({text[spans[i][0] : spans[i][1]] for i in found})
    assert masked == [*(str(100 + n) for n in range(5)), "A. Ortiz and B. Keller",
                      "Journal of Plant Networks 12 (2024) 101-112"]  # fmt: skip


def test_recurring_lines_without_a_page_number_are_kept():
    from citecheck.reader.stackedheads import stacked_heads
    from citecheck.reader.textlines import lines

    text = "".join(_page(n).rsplit("\n", 2)[0] + "\nMore prose follows here.\n" for n in range(5))
    assert stacked_heads(text, lines(text)) == set()


def test_an_address_whose_underscore_became_a_space_is_read_whole():
    text = (
        "Reasoning helps [1], [2].\n"
        "References\n"
        "[1] J. Wei, “Chain-of-thought prompting,” in NeurIPS, 2022. [Online].\n"
        "Available: http://papers.nips.cc/paper files/paper/2022/hash/\n"
        "9d5609613524ecf4f15af0f7b31abca4-Abstract-Conference.html\n"
        "[2] T. Kojima, “Zero-shot reasoners,” in NeurIPS, 2022. [Online].\n"
        "Available: http://papers.nips.cc/paper files/paper/2022/hash/\n"
        "8bb0d291acd4acf06ef112099c16f326-Abstract-Conference.html\n"
    )
    doc, _ = analyse(text, path="paper.txt")
    urls = [r.url for r in doc.references]
    assert urls == [
        "http://papers.nips.cc/paper_files/paper/2022/hash/"
        "9d5609613524ecf4f15af0f7b31abca4-Abstract-Conference.html",
        "http://papers.nips.cc/paper_files/paper/2022/hash/"
        "8bb0d291acd4acf06ef112099c16f326-Abstract-Conference.html",
    ]


def test_a_pdf_text_saved_as_markdown_reads_as_plain_text():
    from citecheck.reader.pdfheads import unbroken_text

    lines = [f"Line {k} of the paper's prose, which runs on without a blank." for k in range(40)]
    assert unbroken_text("\n".join(lines))
    assert not unbroken_text("\n\n".join(lines))  # Markdown parts paragraphs with blanks
    assert not unbroken_text("\r\n\r\n".join(lines))  # blank lines of a Windows file
    assert not unbroken_text("# Title\n" + "\n".join(lines))  # a sign of Markdown
    assert not unbroken_text("\n".join(lines[:10]))


def test_many_works_proposed_asks_for_a_source_in_a_paper():
    from citecheck.parser.citeworthy import citation_worthy

    assert citation_worthy("Many relay selection rules have been proposed for meshes.", "paper")
    assert citation_worthy("Lots of technologies have been recently presented.", "paper")
    assert citation_worthy("Recently, some forecasting models have been proposed.", "paper")
    assert not citation_worthy("We proposed a relay selection rule for meshes.", "paper")


def test_a_one_word_running_head_over_the_reference_list_is_furniture():
    # A German thesis's head "Quellenverzeichnis" over the page number, on each page of
    # its list; the first page repeats it as the chapter's own heading under the head.
    # The list runs on over the pages: entries [1]-[12], all read, none dangling.
    body = "".join(
        f"Die Klassifikation erreicht eine hohe Genauigkeit [{k}].\n" for k in range(1, 13)
    )
    prose = "Weitere Sätze dieser Seite beschreiben das Verfahren im Einzelnen.\n" * 16
    pages = [body + prose, "Quellenverzeichnis\n88\nQuellenverzeichnis\n"]
    for page, numbers in enumerate(((1, 2, 3), (4, 5, 6), (7, 8, 9), (10, 11, 12))):
        entries = "".join(
            f"[{k}] A. Autor und B. Autorin, „Titel der Arbeit {k},“ Zeitschrift, Jg. {k}, "
            f"Nr. 2, S. 1–9, 2020.\nWeitere Angaben zur Quelle {k} folgen hier.\n"
            f"Verfügbar unter: https://example.org/quelle/{k}\n"
            f"Zugriff am: 20. Juni 2023 und erneut geprüft.\nSeite {k}.\n"
            for k in numbers
        )
        if page:
            pages.append(f"Quellenverzeichnis\n{88 + page}\n")
        pages.append(entries)
    text = "".join(pages)
    doc, _ = analyse(text, fmt="text")
    assert [s.title for s in doc.sections] == ["Quellenverzeichnis"]
    assert len(doc.references) == 12
    codes = {f.code for f in check_text(text, fmt="text").findings}
    assert not codes & {"CC002", "CC003", "CC004"}
