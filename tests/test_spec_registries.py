"""IANA registry templates in specs: definition lists, not reference lists."""

from __future__ import annotations

import pytest

from citecheck.api import analyse, check_text
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
