"""Spec and converted-document layouts that read as citations or cut a reference list:
rfc2629.xslt reference lists (``<dt id>[LABEL]</dt>``) and labels quoted in an example,
media links (``[MIDI]``), HTML pages saved under a text or Markdown name; each kind on a
small document built here (the plain-text kinds are fixtures under fixtures/kinds/)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from citecheck.api import analyse, check_file, check_text
from citecheck.model import Document


def parsed(page: str, path: str = "spec.html") -> Document:
    doc, _ = analyse(page, path=path)
    return doc


def rules(page: str, path: str = "spec.html") -> list[str]:
    found = check_text(page, path=path).findings
    return [f"{f.rule} {f.message}" for f in found if f.severity != "info"]


def _entry(label: str, text: str) -> str:
    return f'<dt id="{label}">[<a href="#{label}" class="smpl">{label}</a>]</dt><dd>{text}</dd>'


def _cite(label: str, title: str) -> str:
    return f'<a href="#{label}"><cite title="{title}">[{label}]</cite></a>'


XSLT_SPEC = (
    "<html><body>"
    '<table><tr><td>Obsoletes: <a href="#RFC3205">3205</a></td></tr></table>'
    '<section><h2 id="rfc.section.1">1. Introduction</h2>'
    f"<p>This document obsoletes {_cite('RFC3205', 'On the use of HTTP')} and builds on"
    f" {_cite('HTTP', 'HTTP Semantics')} and {_cite('RFC2119', 'Key words')}.</p>"
    "<p>A field is defined in the way another document would define it:</p>"
    "<p>Foo-Example is an Item Structured Header [RFC8941]. Its value is a URI-reference"
    " (Section 4.1 of [RFC3986]).</p>"
    "</section>"
    '<section><div id="rfc.references"><h2 id="rfc.section.7">7. References</h2>'
    '<h3 id="rfc.section.7.1">7.1. Normative References</h3><dl class="dl-horizontal">'
    + _entry("HTTP", 'Fielding, R., "HTTP Semantics", STD 97, RFC 9110, June 2022.')
    + _entry("RFC2119", 'Bradner, S., "Key words for use in RFCs", BCP 14, RFC 2119, 1997.')
    + "</dl>"
    + '<h3 id="rfc.section.7.2">7.2. Informative References</h3><dl class="dl-horizontal">'
    + _entry("RFC3205", 'Moore, K., "On the use of HTTP as a Substrate", RFC 3205, 2002.')
    + _entry("RFC7258", 'Farrell, S., "Pervasive Monitoring Is an Attack", RFC 7258, 2014.')
    + "</dl></div></section></body></html>"
)


def test_xslt_reference_list_is_read_once_by_label() -> None:
    doc = parsed(XSLT_SPEC)
    assert [r.key for r in doc.references] == ["HTTP", "RFC2119", "RFC3205", "RFC7258"]
    assert all(r.title for r in doc.references)
    assert doc.references[2].title == "On the use of HTTP as a Substrate"


def test_xslt_spec_reports_only_the_uncited_entry() -> None:
    # The header's "3205" link and the labels cite their entries; the labels quoted in the
    # example (RFC8941 is this document, RFC3986 is not listed) are no citations, and the
    # example is no claim.
    assert rules(XSLT_SPEC) == [
        'uncited-reference [RFC7258] "Pervasive Monitoring Is an Attack" is never cited'
    ]


def test_unlisted_label_outside_a_labelled_spec_still_dangles() -> None:
    page = (
        "<html><body><p>The key schedule follows HKDF [RFC5869].</p>"
        "<h2>References</h2><ol><li>Krawczyk, H., HMAC-based KDF, 2010.</li></ol>"
        "</body></html>"
    )
    assert any(r.startswith("dangling-citation [RFC5869]") for r in rules(page))


def test_media_link_labels_are_not_citations() -> None:
    page = (
        "<html><body><p>The Lydian mode was sung at festivals.<a href='#ft1'>1</a></p>"
        '<p>[<a href="midi/figure01.midi">MIDI</a>]<br>'
        '[<a href="f.mp3">MP3</a>] [<a href="score.pdf">PDF</a>] [<a href="x.ogg">Listen</a>]</p>'
        "<p>Transcriber's note: music files are the links marked [MIDI].</p>"
        '<hr><p><a name="ft1">1</a> Grove, Dictionary of Music, 1904.</p></body></html>'
    )
    assert [m.keys for m in parsed(page).markers] == [("^1",)]
    assert not [r for r in rules(page) if r.startswith(("dangling", "missing"))]


def test_a_listed_media_label_still_cites() -> None:
    text = "The format is documented [PDF].\n\nReferences\n\n[PDF] Adobe, PDF Reference, 2006.\n"
    assert [m.keys for m in parsed(text, "spec.txt").markers] == [("PDF",)]


SAVED_PAGE = (
    "<!DOCTYPE html>\n<html><head><title>Bridge</title>"
    "<script>var c = cookie[1];</script></head><body>\n"
    '<p>The bridge opened in 1932.<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p>\n'
    '<h2>References</h2><ol class="references"><li id="cite_note-1">'
    "Lalor, P. (2005). The Bridge. Allen &amp; Unwin.</li></ol></body></html>\n"
)


def test_html_page_under_a_text_or_markdown_name_is_read_as_html(tmp_path: Path) -> None:
    for name in ("page.txt", "page.md", "page"):
        path = tmp_path / name
        path.write_text(SAVED_PAGE, encoding="utf-8")
        report = check_file(str(path))
        assert [f.rule for f in report.findings] == [], name


def test_text_that_merely_mentions_html_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Write <html> at the top of the page [1].\n", encoding="utf-8")
    found = [f.rule for f in check_file(str(path)).findings]
    assert "dangling-citation" in found or "missing-reference-section" in found


def test_html_page_on_unnamed_stdin_is_read_as_html() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "citecheck", "check", "-", "--format", "concise"],
        input=SAVED_PAGE,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_fix_leaves_an_html_page_with_a_text_name_alone(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(SAVED_PAGE, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "citecheck", "fix", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert "holds an HTML page" in run.stderr + run.stdout
    assert path.read_text(encoding="utf-8") == SAVED_PAGE
