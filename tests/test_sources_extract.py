"""Text extraction per media type: main text only, metadata, charsets, sentence offsets."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from pageserver import minimal_pdf

from citecheck.sources.decode import charset, sniff
from citecheck.sources.extract import Unreadable, extract, sentences

DATA = Path(__file__).parent / "data" / "sources"


def test_news_page_keeps_the_story_and_drops_menus_comments_and_related() -> None:
    got = extract((DATA / "news.html").read_bytes(), "text/html")
    assert got.title == "Mexico rejects U.S. military action against cartels"
    assert got.site_name == "The Harbour Times"
    assert got.date == "2025-02-03"
    assert "would not accept any foreign military presence" in got.text
    assert "met 14 times since October" in got.text
    for boilerplate in (
        "Subscribe",
        "Storm batters",
        "Related stories",
        "outrageous",
        "Comments",
        "Copyright",
        "Business",
    ):
        assert boilerplate not in got.text


def test_sentences_are_offsets_into_the_text() -> None:
    got = extract((DATA / "news.html").read_bytes(), "text/html")
    spans = sentences(got.text, got.media_type)
    texts = [got.text[s:e] for s, e in spans]
    assert texts[0] == "Mexico rejects U.S. military action against cartels"
    officials = "Officials described the proposal as a breach of long-standing agreements"
    assert f"{officials} between the two countries." in texts
    assert all(t == t.strip() and t for t in texts)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_pdf_text_and_title() -> None:
    body = minimal_pdf(
        [
            "The survey of 2,400 households found that 38 per cent of",
            "respondents had cut spending on food. A second round is planned.",
        ],
        title="Household survey 2024",
    )
    got = extract(body, "application/octet-stream")
    assert got.media_type == "application/pdf"
    assert got.title == "Household survey 2024"
    spans = sentences(got.text, got.media_type)
    assert [got.text[s:e].replace("\n", " ") for s, e in spans] == [
        "The survey of 2,400 households found that 38 per cent of respondents had cut "
        "spending on food.",
        "A second round is planned.",
    ]


def test_broken_pdf_is_one_line() -> None:
    with pytest.raises(Unreadable) as info:
        extract(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog\ngarbage", "application/pdf")
    assert info.value.state == "failed"  # a malformed answer: CC201, a warning
    assert info.value.problem.startswith("corrupt PDF")
    assert "\n" not in info.value.problem


def test_text_and_markdown_as_they_are() -> None:
    md = "# Budget statement\n\nThe deficit fell to 2.1 per cent\nof output in 2024.\n\n- One item."
    got = extract(md.encode(), None, "budget.md")
    assert (got.media_type, got.title) == ("text/markdown", "Budget statement")
    texts = [got.text[s:e] for s, e in sentences(got.text, got.media_type)]
    assert texts == [
        "# Budget statement",
        "The deficit fell to 2.1 per cent\nof output in 2024.",
        "- One item.",
    ]
    plain = extract(b"Line one is here.\r\nLine two.\r\n", None, "a.txt")
    assert (plain.media_type, plain.text, plain.title) == (
        "text/plain",
        "Line one is here.\nLine two.",
        None,
    )


@pytest.mark.parametrize(
    ("body", "declared", "expected"),
    [
        (
            "<html><head><meta charset='windows-1252'></head><p>caf\xe9 \u2013 d\xe9j\xe0</p>",
            None,
            "cp1252",
        ),
        (
            "<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-2'>"
            "</head><body><p>\u0141\xf3d\u017a</p>",
            None,
            "iso8859-2",
        ),
        ("<html><body><p>caf\xe9</p>", "ISO-8859-1", "cp1252"),
        ("<html><body><p>caf\xe9</p>", "utf-8", "utf-8"),
    ],
)
def test_charset_from_header_then_meta(body: str, declared: str | None, expected: str) -> None:
    encoding = "utf-8" if expected == "utf-8" else expected
    raw = body.encode(encoding)
    assert charset(raw, declared, html=True) == expected
    content_type = f"text/html; charset={declared}" if declared else "text/html"
    assert body.split("<p>")[1].split("</p>", maxsplit=1)[0] in extract(raw, content_type).text


def test_charset_guessed_when_nothing_is_declared() -> None:
    text = (
        "Die Bundesregierung hat am Montag höhere Zölle für Stahl und Aluminium beschlossen. " * 5
    )
    raw = text.encode("cp1252")
    assert raw.decode(charset(raw, None, html=False)) == text
    assert extract(raw, "text/plain").text == text.strip()


def test_binary_bodies_are_refused() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)
    with pytest.raises(Unreadable, match=r"binary body \(image/png\)"):
        extract(png, "image/png")
    assert sniff(bytes(100), None) is None
    assert sniff(b"<!doctype html><p>x", "application/octet-stream") == "text/html"


def test_page_without_text_is_empty_with_a_fallback_title() -> None:
    got = extract(b"<html><head><title>Live blog</title></head><body><div></div></body></html>")
    assert got.text == ""
    assert got.title == "Live blog"


def test_bot_walls_are_blocked() -> None:
    wall = b"<html><head><title>Just a moment...</title></head><body><p>Checking</p></body></html>"
    with pytest.raises(Unreadable) as info:
        extract(wall, "text/html")
    assert info.value.state == "blocked"
    with pytest.raises(Unreadable):
        extract(
            b"<html><body><p>hello</p></body></html>",
            "text/html",
            "",
            {"CF-Mitigated": "challenge"},
        )


def test_a_damaged_pdf_is_read_without_noise(capsys: pytest.CaptureFixture[str]) -> None:
    body = re.sub(rb"startxref\n\d+", b"startxref\n99", minimal_pdf(["Hello there."]))
    assert extract(body).text == "Hello there."
    assert capsys.readouterr() == ("", "")
