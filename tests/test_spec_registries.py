"""IANA registry templates in specs: definition lists, not reference lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.api import analyse, analyse_file, check_file, check_text
from citecheck.parser.ownlabel import own_label

_DL = """<html><body>
<section><h2>1. Introduction</h2>
<p>The protocol carries berth requests over TLS
[<a href="#RFC8446" class="cite xref">RFC8446</a>].</p>
<h2>2. IANA Considerations</h2>
<p>IANA maintains the following information for each registration:</p>
<dl class="dlParallel">
<dt>Value:</dt><dd><p>The number of the message type.</p></dd>
<dt>Reference:</dt><dd><p>This document</p></dd>
<dt>Notes:</dt><dd><p>Grease entries.</p></dd>
</dl>
<h2>3. References</h2>
<dl class="references">
<dt id="RFC8446">[RFC8446]</dt>
<dd>Rescorla, E., "The Transport Layer Security (TLS) Protocol Version 1.3", RFC 8446,
August 2018.</dd>
</dl></section></body></html>
"""


def test_terms_of_a_definition_list_open_no_reference_section() -> None:
    doc, _ = analyse(_DL, path="draft.html")
    assert [r.key for r in doc.references] == ["RFC8446"]
    codes = {f.code for f in check_text(_DL, path="draft.html").findings}
    assert not codes & {"CC003", "CC008"}


_TEXT = """1.  Introduction

   The protocol carries berth requests over TLS [RFC8446].

2.  IANA Considerations

   IANA maintains the following information:

   Reference
      The RFC requesting a new message type, or a draft name with its
      version number.

3.  References

   {entries}
"""


def test_an_indented_term_above_deeper_text_is_no_heading() -> None:
    text = _TEXT.format(entries='[RFC8446]  Rescorla, E., "TLS 1.3", RFC 8446, August 2018.')
    doc, _ = analyse(text, path="rfc.txt")
    assert [r.key for r in doc.references] == ["RFC8446"]
    assert [s.title for s in doc.sections] == ["3.  References"]
    assert doc.non_references == []


def test_an_indented_label_above_deeper_entries_still_opens_a_list() -> None:
    text = (
        "Body text that cites a source [1].\n\n   Sources\n"
        "      [1] Harbour Trust: Annual report 1912\n"
    )
    doc, _ = analyse(text, path="a.txt")
    assert [r.key for r in doc.references] == ["1"]


_OWN = """Internet Engineering Task Force (IETF)                          A. Lind
Request for Comments: 9999                                  Example Org

1.  IANA Considerations

   IANA has registered BERTH-REQUEST with the reference [RFC9999], as
   the protocol of [RFC8446] asks.

2.  References

   [RFC8446]  Rescorla, E., "TLS 1.3", RFC 8446, August 2018.
{extra}"""


def test_a_spec_naming_itself_by_its_number_cites_nothing() -> None:
    doc, _ = analyse(_OWN.format(extra=""), path="rfc.txt")
    assert [m.keys for m in doc.markers] == [("RFC8446",)]
    codes = [f.code for f in check_text(_OWN.format(extra=""), path="rfc.txt").findings]
    assert "CC002" not in codes


def test_its_own_number_cites_when_the_list_holds_it() -> None:
    extra = '\n   [RFC9999]  Lind, A., "The Harbour Signalling Protocol", RFC 9999.\n'
    doc, _ = analyse(_OWN.format(extra=extra), path="rfc.txt")
    assert [m.keys for m in doc.markers] == [("RFC9999",), ("RFC8446",)]


@pytest.mark.parametrize(
    ("head", "label"),
    [
        ("Request for Comments: 6787                          Nuance", "rfc6787"),
        ("---\ntitle: HTTP/3\nnumber: 9114\n---\n", "rfc9114"),
        ('<html><head><meta name="rfc.number" content="9001"></head>', "rfc9001"),
        ("Internet-Draft                                   Example Org", None),
    ],
)
def test_own_label_from_the_head(head: str, label: str | None) -> None:
    assert own_label(head + "\n\nBody text.\n") == label


def _pretty(html: str) -> str:
    """The page as a pretty-printer saves it (BeautifulSoup's ``prettify``): each tag and
    each run of text on a line of its own, indented one space a level."""
    from html.parser import HTMLParser

    lines: list[str] = []

    class Printer(HTMLParser):
        depth = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            given = "".join(f' {k}="{v}"' for k, v in attrs)
            lines.append(" " * self.depth + f"<{tag}{given}>")
            self.depth += 1

        def handle_endtag(self, tag: str) -> None:
            self.depth -= 1
            lines.append(" " * self.depth + f"</{tag}>")

        def handle_data(self, data: str) -> None:
            if data.strip():
                lines.append(" " * self.depth + " ".join(data.split()))

    Printer().feed(html)
    return "\n".join(lines) + "\n"


_NOTES = """<html><body><div class="mw-parser-output">
<p>The Harbour Bridge opened in 1932 after eight years of construction.<sup
class="reference" id="cite_ref-1"><a href="#cite_note-1">[1]</a></sup> Its arch spans
503 metres.<sup class="reference" id="cite_ref-2"><a href="#cite_note-2">[2]</a></sup></p>
<h2><span class="mw-headline" id="References">References</span></h2>
<div class="reflist"><ol class="references">
<li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">^</a></span>
<span class="reference-text">Lalor, Peter (2005). <i>The Bridge</i>. Allen and Unwin.</span></li>
<li id="cite_note-2"><span class="mw-cite-backlink"><a href="#cite_ref-2">^</a></span>
<span class="reference-text">Spearritt, Peter (2007). "The arch". <i>Heritage Studies</i>
12 (3): 41-58.</span></li>
</ol></div>
<h2><span class="mw-headline" id="Further_reading">Further reading</span></h2>
<ul><li>Nicholson, John (2000). <i>Building the Bridge</i>. Allen and Unwin.</li></ul>
</div></body></html>
"""


@pytest.mark.parametrize("name", ["page.html", "page.txt", "page.md"])
def test_a_pretty_printed_pages_heading_is_no_term(tmp_path: Path, name: str) -> None:
    # The page's <h2> stands indented above deeper text only because a pretty-printer
    # laid it out so: it is a heading of the page, and its list holds the notes (saved
    # under a text or Markdown name too, as pages often are).
    page = tmp_path / name
    page.write_text(_pretty(_NOTES), encoding="utf-8")
    assert "\n   <h2>\n    <span" in page.read_text(encoding="utf-8")
    doc, _ = analyse_file(str(page))
    assert [s.title for s in doc.sections] == ["References", "Further reading"]
    assert [r.key for r in doc.references][:2] == ["1", "2"]
    assert "CC002" not in {f.code for f in check_file(str(page)).findings}


def test_a_pretty_printed_definition_list_still_opens_no_section() -> None:
    page = _pretty(_DL)
    doc, _ = analyse(page, path="draft.html")
    assert [r.key for r in doc.references] == ["RFC8446"]
    codes = {f.code for f in check_text(page, path="draft.html").findings}
    assert not codes & {"CC003", "CC008"}
