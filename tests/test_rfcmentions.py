"""RFCs named by number (parser/rfcmentions.py): the prose's "RFC 2068" cites the entry
that identifies RFC 2068 when a callout cites that entry, on fixtures/kinds/rfc-mentions
and entries built here."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.api import analyse, check_text
from citecheck.model import BlockKind, Marker, MarkerKind, Reference
from citecheck.parser.rfcmentions import called_out, identified_rfc, listed_rfcs, mentions

FIXTURE = Path(__file__).parents[1] / "fixtures" / "kinds" / "rfc-mentions"


def _ref(key: str, text: str) -> Reference:
    return Reference(key, 0, len(text), text, BlockKind.ITEM)


@pytest.mark.parametrize(
    ("key", "text", "rfc"),
    [
        ("33", 'Fielding, R., "HTTP/1.1", RFC 2068, January 1997.', "RFC2068"),
        ("46", 'Bradner, S., "Standards Process", BCP 9, RFC 2026, October 1996.', "RFC2026"),
        ("RFC0791", "<xi:include href='…/reference.RFC.0791.xml'/>", "RFC791"),
        ("TLS", "Rescorla, E., RFC8446, DOI 10.17487/RFC8446, August 2018.", "RFC8446"),
        ("2", "Obsoletes RFC 1945 and RFC 2068.", None),  # two RFCs: identifies neither
        ("3", "Berners-Lee, T., Weaving the Web, 1999.", None),
    ],
)
def test_identified_rfc(key: str, text: str, rfc: str | None) -> None:
    assert identified_rfc(_ref(key, text)) == rfc


def test_mentions_of_listed_rfcs_only() -> None:
    refs = [
        _ref("3", 'Fielding, R., "HTTP/1.1", RFC 2068, January 1997.'),
        _ref("RFC3986", 'Berners-Lee, T., "URI: Generic Syntax", RFC 3986, January 2005.'),
    ]
    text = "Update to RFC 2068 [3]; RFC 2068 and RFC 9990 and rfc2068.txt and [RFC 2068]."
    text += " Names follow RFC 3986."
    called = called_out(text, [(0, len(text))], [])
    assert {"3", "rfc2068"} <= called and "rfc3986" not in called
    listed = listed_rfcs(refs, called)
    assert listed == {"RFC2068": "3"}  # RFC 3986 is named, never called out
    callout = Marker(text.index("[3]"), text.index("[3]") + 3, "[3]", ("3",), MarkerKind.NUMERIC)
    found = mentions(text, 0, len(text), listed, [callout])
    assert [(text[m.start : m.end], m.keys) for m in found] == [("RFC 2068", ("3",))]
    assert found[0].start == text.index("; RFC 2068") + 2  # the first is the callout's name


def test_findings_of_an_rfc_that_names_its_sources() -> None:
    path = FIXTURE / "rfc-number-mentions.txt"
    text = path.read_text("utf-8")
    report = check_text(text, path=str(path))
    # [RFC 2068], a label the numbered list does not use, names the RFC its [3] identifies:
    # it cites [3]; [2] is named ("RFC 3986") but never called out, as idnits reports it;
    # [4] is named nowhere.
    found = [(f.line, f.rule) for f in report.findings]
    assert found == [(29, "uncited-reference"), (35, "uncited-reference")]
    doc, res = analyse(text, path=str(path))
    cited = {r.key: len(res.citations(r)) for r in doc.references}
    assert cited == {"1": 2, "2": 0, "3": 3, "4": 0}  # "RFC 2068 [3]" counts once
    assert not any("9990" in m.raw for m in doc.markers)  # its own number


def test_the_abstract_names_rfcs_and_cites_none() -> None:
    """RFC 7322, Section 4.3: an abstract names the RFCs the document obsoletes; it has no
    citations. Only the body's naming of a called-out entry cites it."""
    text = (
        "Abstract\n\n   This document obsoletes RFC 2068.\n\n"
        "1.  Introduction\n\n   HTTP/1.1 [1] was first given by RFC 2068.\n\n"
        '2.  References\n\n   [1]  Fielding, R., "HTTP/1.1", RFC 2068, January 1997.\n'
    )
    doc, _ = analyse(text, path="rfc.txt")
    assert [(m.raw, m.keys) for m in doc.markers] == [("[1]", ("1",)), ("RFC 2068", ("1",))]
