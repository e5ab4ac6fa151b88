"""HTML input: pages in the shapes of a saved Wikipedia article, a news page and an answer
export; findings at line:column of the HTML source; chrome and code never scanned."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citecheck.api import analyse, check_file
from citecheck.cli.formats.concise import line
from citecheck.reader import detect_format
from citecheck.reader.html import read_html
from citecheck.run.files import expand, read_path
from citecheck.run.paths import check_paths
from citecheck.text.lines import LineIndex

FIXTURES = Path(__file__).parent.parent / "fixtures" / "html"


def concise(path: Path) -> list[str]:
    report = check_file(str(path))
    return [line(f).split(" ", 2)[2] for f in report.findings]  # no place, no severity


def test_wikipedia_article() -> None:
    assert concise(FIXTURES / "wikipedia.html") == [
        "CC005 citation-needed placeholder [citation needed] left in the draft; cite a source",
        "CC001 uncited-claim claim has no citation (no marker in this paragraph covers it)",
        "CC001 uncited-claim claim has no citation (no marker in this paragraph covers it)",
    ]
    report = check_file(str(FIXTURES / "wikipedia.html"))
    assert [(f.line, f.column) for f in report.findings] == [(17, 101), (18, 4), (21, 4)]
    assert report.stats.cited_references == 2 and report.stats.uncited_references == 0


def test_wikipedia_markers_and_references() -> None:
    path = FIXTURES / "wikipedia.html"
    source = read_path(str(path))
    doc, res = analyse(source, path=str(path))
    lines = LineIndex(source)
    found = [(m.raw, m.keys, lines.position(m.start)) for m in doc.markers]
    assert found == [
        ("[1]", ("1",), (16, 230)),
        ("[2]", ("2",), (16, 406)),
        ("[1]", ("1",), (16, 499)),
    ]
    # Each marker's position is the "&#91;" its visible text starts with.
    for _, _, (ln, col) in found:
        assert source.splitlines()[ln - 1][col - 1 :].startswith("&#91;")
    assert doc.markers[1].group == doc.markers[2].group  # [2][1] side by side: one group
    refs = {r.key: r for r in doc.references}
    assert refs["1"].url == "https://www.bbc.com/news/world-africa-1"
    assert refs["1"].title == "Ethiopia and Sudan trade words over Lake Tana dam"
    assert refs["2"].outlet == "Reuters"
    assert all(link.reference is not None for link in res.links)


def test_chrome_code_and_cells_are_not_claims() -> None:
    path = FIXTURES / "wikipedia.html"
    doc, _ = analyse(read_path(str(path)), path=str(path))
    texts = [s.text for s in doc.sentences]
    assert not any("Jump to content" in t or "Main page" in t or t == "edit" for t in texts)
    assert not any("last edited" in t or "free encyclopedia" in t for t in texts)
    assert not any("[8]" in t or "wgPageName" in t for t in texts)  # <pre>, <script>
    assert not any(m.raw == "[7]" for m in doc.markers)  # <code>[7]</code>
    cell = next(s for s in doc.sentences if s.text.startswith("The first survey"))
    assert not cell.claim and doc.blocks[cell.block].cell


def test_news_page() -> None:
    path = FIXTURES / "news.html"
    report = check_file(str(path))
    # Line 14 ("…, according to <a href=reuters.com/world/…>Reuters</a>.") cites the
    # Reuters article it links on its own words: no finding there.
    assert [(f.line, f.column, f.code) for f in report.findings] == [
        (16, 16, "CC001"),
        (18, 4, "CC001"),
    ]
    doc, _ = analyse(read_path(str(path)), path=str(path))
    texts = [s.text for s in doc.sentences]
    assert "By Loïs Lane · 3 March 2025" in texts  # windows-1252 from the http-equiv meta
    assert not any("Related" in t or "Opposition walks out" in t for t in texts)  # <aside>
    assert not any("rights reserved" in t for t in texts)  # <footer>
    mayor = next(s for s in doc.sentences if s.text.startswith("The mayor"))
    assert mayor.covered_by == ("^1",) and "“the hardest of my term”" in mayor.text
    (note,) = doc.references
    assert note.kind == "footnote" and note.key == "^1" and "↩" not in note.text
    caption = next(s for s in doc.sentences if s.text.startswith("The old bridge"))
    assert not caption.claim


def test_answer_export() -> None:
    path = FIXTURES / "answer.html"
    report = check_file(str(path))
    assert [(f.line, f.column, f.code) for f in report.findings] == [
        (7, 4, "CC001"),
        (15, 16, "CC003"),
    ]
    doc, _ = analyse(read_path(str(path)), path=str(path))
    keys = [m.keys for m in doc.markers]
    assert keys == [("1",), ("2",), ("1",), ("3",)]
    assert [r.url for r in doc.references][:2] == [
        "https://www.example.org/bridge-opening",
        "https://news.example.com/span",
    ]


def test_offsets_are_those_of_the_source() -> None:
    source = (
        "<p>Caf&eacute; owners <b>said</b> the <a href='/x'>tax</a>&rsquo;s rise hurt.\r\n"
        "<p>Second <i>line</i> here [4].</p>"
    )
    layout = read_html(source)
    assert len(layout.text) == len(layout.masked) == len(source)
    assert layout.text.count("\n") == source.count("\n")
    assert (
        " ".join(layout.text.split())
        == "Café owners said the tax’s rise hurt. Second line here [4]."
    )
    assert source.index("[4]") == layout.masked.index("[4]")
    assert source.index("Second") == layout.masked.index("Second")


def test_suppression_comment_in_html(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<h1>Budget</h1>\n<p>The council met on Monday [1].</p>\n"
        "<!-- citecheck: ignore uncited-claim -- from the council's own release -->\n"
        "<p>The council approved a budget of 4.2 million on Monday.</p>\n"
        "<h2>References</h2>\n<ol><li>Example News: Council meets. 2024.</li></ol>\n",
        encoding="utf-8",
    )
    report = check_file(str(page))
    assert report.findings == [] and report.stats.suppressed == 1


def test_malformed_page_is_read_as_a_browser_reads_it(tmp_path: Path) -> None:
    page = tmp_path / "broken.htm"
    page.write_text(
        "<p>The council approved the budget after a long debate.<sup class=reference>"
        "<a href=#cite_note-1>[1]</a></sup>\n<p>The mayor said 3 < 4 and the vote <b>was <i>close"
        "</b></i> in the end.\n<h2>References</h2>\n<ol class=references><li id=cite_note-1>"
        "<a href='https://example.org/a' title=\"it's>here\">Budget passes</a>. Example News."
        " 2024.\n<li>Uncited entry, Example Times, 2023.\n</ol>\n<!-- unterminated <p>Hidden.",
        encoding="utf-8",
    )
    report = check_file(str(page))
    assert [(f.line, f.column, f.code) for f in report.findings] == [
        (2, 4, "CC001"),
        (5, 5, "CC003"),
    ]
    doc, _ = analyse(read_path(str(page)), path=str(page))
    assert doc.references[0].url == "https://example.org/a"
    assert not any("Hidden" in s.text for s in doc.sentences)


def test_deep_nesting_does_not_recurse() -> None:
    source = "<div>" * 50_000 + "<p>A claim nobody cites sits deep in the page.</p>"
    layout = read_html(source)
    assert [layout.masked[b.start : b.end] for b in layout.blocks] == [
        "A claim nobody cites sits deep in the page."
    ]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"%PDF-1.7\n...", "not an HTML page (a PDF file); not checked"),
        (b"PK\x03\x04rest", "not an HTML page (a zip archive); not checked"),
        (b"<p>" + bytes((i * 167 + 13) % 255 + 1 for i in range(6000)), "not valid UTF-8"),
        (b"<p>a\x00b</p>", "binary file (contains NUL bytes); not checked"),
    ],
)
def test_bad_pages_are_input_errors(tmp_path: Path, data: bytes, problem: str) -> None:
    bad = tmp_path / "bad.html"
    bad.write_bytes(data)
    good = tmp_path / "good.html"
    good.write_text("<p>Nothing to cite here.</p>", encoding="utf-8")
    report = check_paths([str(tmp_path)])
    assert [f.path for f in report.files] == [str(good)]
    (error,) = report.errors
    assert error.path == str(bad) and error.message.startswith(problem)


def test_cli_exit_code_and_json(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from citecheck.cli.app import app

    (tmp_path / "bad.html").write_bytes(b"%PDF-1.4")
    (tmp_path / "page.html").write_bytes((FIXTURES / "answer.html").read_bytes())
    result = CliRunner().invoke(app, ["check", "--format", "json", str(tmp_path)])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["files"][0]["format"] == "html"
    assert data["errors"] == [
        {
            "path": str(tmp_path / "bad.html"),
            "message": "not an HTML page (a PDF file); not checked",
        }
    ]


def test_discovery_and_format() -> None:
    assert detect_format("a/page.HTM") == "html" and detect_format("x.html") == "html"
    assert detect_format("x.docx") == "docx"
    assert sorted(Path(p).name for p in expand([str(FIXTURES)])) == [
        "answer.html",
        "news.html",
        "wikipedia-brackets.html",
        "wikipedia-notes.html",
        "wikipedia.html",
    ]


def test_lettered_notes_and_a_bibliography() -> None:
    path = FIXTURES / "wikipedia-notes.html"
    report = check_file(str(path))
    assert [(f.line, f.column, f.code) for f in report.findings] == [
        (2, 270, "CC011"),
        (6, 51, "CC003"),
    ]
    assert "[b]" in report.findings[1].message  # the uncited note of a lettered list
    doc, _ = analyse(read_path(str(path)), path=str(path))
    assert [m.keys for m in doc.markers] == [("a",), ("1",), ("1",)]
    # The books that short references point at are sources without a key: never "uncited".
    book = doc.references[-1]
    assert book.key is None and book.title == "Dams of the Nile"


def test_text_the_tree_does_not_hold_does_not_derail_the_rest() -> None:
    # A <template>'s content is not in the tree's text, but the lexer sees every run of it.
    hidden = "".join(f"<p>Template text {i}, with a comma.</p>" for i in range(300))
    source = f"<template>{hidden}</template>\n<p>The council approved the budget on Monday.</p>"
    layout = read_html(source)
    assert [layout.masked[b.start : b.end] for b in layout.blocks] == [
        "The council approved the budget on Monday."
    ]
    assert LineIndex(source).position(layout.blocks[0].start) == (2, 4)


def test_named_link_cites_the_listed_source_with_its_url(tmp_path: Path) -> None:
    page = tmp_path / "named.html"
    page.write_text(
        "<p>The regional council approved a budget of 4.2 million on Monday, according to "
        '<a href="https://www.reuters.com/x">Reuters</a>.</p>\n'
        '<ul><li><a href="https://example.org/walkout">The opposition walked out</a>'
        " of the meeting before the vote.</li></ul>\n"
        "<h2>Sources</h2>\n"
        '<ul><li><a href="https://www.reuters.com/x">Reuters: Council approves budget</a>'
        "</li></ul>\n",
        encoding="utf-8",
    )
    doc, _ = analyse(read_path(str(page)), path=str(page))
    first, second = (s for s in doc.sentences if s.claim)
    assert first.covered_by == ("1",) and first.markers[0].kind == "link"
    # A link in a list of the body is prose: its text stays, no URL is written into it.
    assert second.text == "The opposition walked out of the meeting before the vote."
    assert LineIndex(doc.text).position(second.start) == (2, 47)
    (ref,) = doc.references
    assert ref.url == "https://www.reuters.com/x" and ref.title == "Council approves budget"


@pytest.mark.parametrize(
    ("head", "encoding", "option"),
    [
        (b'<meta charset="iso-8859-1">', "cp1252", None),  # latin-1 means windows-1252
        (b"<meta http-equiv=Content-Type content='text/html; charset=koi8-r'>", "koi8-r", None),
        (b'<meta charset="utf-8">', "cp1252", "cp1252"),  # --encoding wins over the page
        (b"\xef\xbb\xbf<meta charset='cp1252'>", "utf-8", None),  # a byte-order mark wins
    ],
)
def test_charset(head: bytes, encoding: str, option: str | None) -> None:
    from citecheck.reader.htmldecode import decode_html

    body = (
        "<p>Loïs said “the vote was close” — 4,2 €</p>" if encoding != "koi8-r" else "<p>Привет</p>"
    )
    text = decode_html(head + body.encode(encoding), "page.html", option)
    assert text.endswith(body)


def test_wikipedia_cite_brackets_and_note_groups() -> None:
    # Newer Wikipedia markup: brackets in spans of their own, a "[note 1]" notes group.
    path = FIXTURES / "wikipedia-brackets.html"
    assert check_file(str(path)).findings == []
    doc, _ = analyse(read_path(str(path)), path=str(path))
    assert [m.raw for m in doc.markers] == ["[1]", "[note 1]"]
    assert {r.key: r.url for r in doc.references} == {
        "note 1": "https://example.org/report",
        "1": "https://example.org/dam",
    }


def test_standard_input_named_html() -> None:
    from typer.testing import CliRunner

    from citecheck.cli.app import app

    data = (FIXTURES / "news.html").read_bytes()  # windows-1252, said by its <meta>
    args = ["check", "--format", "json", "-", "--stdin-filename", "news.html"]
    result = CliRunner().invoke(app, args, input=data)
    (file,) = json.loads(result.stdout)["files"]
    assert file["format"] == "html" and file["findings"][0]["line"] == 16


def test_page_cut_off_inside_a_tag() -> None:
    source = (
        "<p>The council approved the budget after a long debate [1]. "
        'The rest of the page was cut off in the mid<a href="https://x.org'
    )
    layout = read_html(source)
    assert " ".join(layout.masked.split()) == (
        "The council approved the budget after a long debate [1]. "
        "The rest of the page was cut off in the mid"
    )
