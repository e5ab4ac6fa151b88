"""Specifications whose tool builds the reference list from the citations
(reader/specref.py for Bikeshed and ReSpec, reader/ietfmd.py for kramdown-rfc): their
``[[KEY]]`` and ``{{KEY}}`` citations are read, their configuration is not prose, and an
uncited claim in them is still told. Also the section pointers a document declares
(parser/pointers.py) and indexes glued to code (parser/nonmarkers.glued_to_code)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.api import analyse, check_file, check_text
from citecheck.model import BlockKind
from citecheck.parser.citeworthy import weak_signal
from citecheck.parser.nonmarkers import glued_to_code
from citecheck.parser.pointers import in_menu, is_pointer, pointer_prefixes
from citecheck.reader.specref import is_spec_source

FIXTURES = Path(__file__).parents[1] / "fixtures" / "kinds"

_RESPEC = """<!DOCTYPE html>
<html><head><title>Widget API</title>
<script class="remove">
var respecConfig = { specStatus: "ED", shortName: "widget-api" };
</script></head>
<body>
<section id="abstract"><p>This specification defines a widget API.</p></section>
<section><h2>Introduction</h2>
<p>Most widget servers label their responses wrongly. [[?WIDGETCOUNT]]</p>
<p>The key words are to be interpreted as in [[!RFC2119]], and [[[DOM]]] defines nodes.</p>
<p>The algorithm is described in [[#processing]].</p>
<p>Studies have shown that 73% of widget servers were misconfigured in 2019.</p>
</section>
<section id="processing"><h2>Processing</h2>
<p>Let <var>bytes</var>[0] be the first byte and <var>bytes</var>[2] the third.</p>
</section>
</body></html>
"""


def _keys(text: str, path: str) -> list[str]:
    doc, _ = analyse(text, path=path)
    return sorted(r.key or "" for r in doc.references)


def test_bikeshed_source_read_as_html(tmp_path: Path) -> None:
    text = (FIXTURES / "spec-sources" / "bikeshed-source.md").read_text("utf-8")
    path = tmp_path / "widgets.bs"
    path.write_text(text, "utf-8")
    report = check_file(str(path))
    assert report.profile == "spec"
    found = [(f.line, f.code) for f in report.findings]
    # The biblio entry nobody cites, the uncited survey; no [0] or [3] of <var>sequence</var>.
    assert found == [(18, "CC003"), (35, "CC001")]
    assert _keys(text, "widgets.bs") == ["INFRA", "NEVERCITED", "RFC2119", "WIDGETCOUNT"]


def test_respec_citations_and_uncited_claim() -> None:
    report = check_text(_RESPEC, path="index.html")
    assert report.profile == "spec"
    found = [(f.line, f.code) for f in report.findings]
    assert found == [(12, "CC001")]  # the survey; [[#processing]] and bytes[0] cite nothing
    assert _keys(_RESPEC, "index.html") == ["DOM", "RFC2119", "WIDGETCOUNT"]
    _, res = analyse(_RESPEC, path="index.html")
    assert all(link.reference is not None for link in res.links)


def test_wiki_links_of_a_note_are_not_spec_citations() -> None:
    text = "# Notes\n\nSee [[Widget Protocol]] and [[RFC2119]] for the details.\n"
    assert not is_spec_source(text)
    doc, _ = analyse(text, path="notes.md")
    assert not doc.spec
    assert not any(r.kind is BlockKind.LINKDEF for r in doc.references)


def test_kramdown_draft_with_uncited_claim_is_told() -> None:
    text = """---
title: Widget Sniffing
docname: draft-doe-widgets-00
ipr: trust200902
normative:
  RFC2119:
informative:
  SURVEY:
    title: Counting Widgets
    target: https://example.org/w.pdf
---

--- abstract

This document defines widget sniffing.

--- middle

# Introduction

The key words are to be interpreted as described in {{RFC2119}}.

Most servers label their widgets wrongly {{SURVEY}}.

Studies have shown that 73% of widget servers were misconfigured in 2019.
"""
    report = check_text(text, path="draft.md")
    assert [(f.line, f.code) for f in report.findings] == [(25, "CC001")]


@pytest.mark.parametrize(
    ("text", "prefixes"),
    [
        ("we use [HX.Y] to refer to Section X.Y of RFC 2616", {"H"}),
        ("pointers [SX.Y.Z] into the other spec", {"S"}),
        ("the [RFCXXXX] placeholder and [X.Y] are no declarations", set()),
    ],
)
def test_pointer_prefixes(text: str, prefixes: set[str]) -> None:
    assert pointer_prefixes(text) == prefixes


def test_is_pointer() -> None:
    assert is_pointer("H14.33", frozenset({"H"}))
    assert is_pointer("H4", frozenset({"H"}))
    assert not is_pointer("RFC2616", frozenset({"H"}))
    assert not is_pointer("H4.2", frozenset({"S"}))


@pytest.mark.parametrize(
    ("text", "masked", "glued"),
    [
        ("     sequence[3] is", "             [3] is", True),  # <var>sequence</var>[3] in HTML
        ("`buf`[2] is", "     [2] is", True),
        ("<var>sequence</var>[3] is", "<var>sequence</var>[3] is", True),
        ("_pair_\\[0] is", "_pair_\\[0] is", True),
        ("shortages[2] in 2020", "shortages[2] in 2020", False),  # a citation glued to a word
        ("_word_\\[2] is", "_word_\\[2] is", False),
    ],
)
def test_glued_to_code(text: str, masked: str, glued: bool) -> None:
    assert glued_to_code(text, masked, text.index("[")) is glued


def test_in_menu() -> None:
    menu = "[Search] [txt|html|pdf] [Tracker] [WG] [Email]\n"
    assert in_menu(menu, menu.index("[WG]"))
    callouts = "as in\n   [RFC2616] [RFC9997] [WG]\n"
    assert not in_menu(callouts, callouts.index("[WG]"))
    prose = "The [WG] decided [Search] [Email] [Tracker] later.\n"
    assert not in_menu(prose, prose.index("[WG]"))


@pytest.mark.parametrize(
    ("sentence", "spec", "article"),
    [
        ("The most important method in SIP is the INVITE method.", False, True),
        (
            "This status code is commonly used when the server does not wish to say why.",
            False,
            True,
        ),
        ("TLS is the most widely deployed security protocol and is widely deployed.", True, True),
        ("CRLs are the most widely supported mechanism for revocation.", True, True),
    ],
)
def test_spec_superlatives(sentence: str, spec: bool, article: bool) -> None:
    assert weak_signal(sentence, "spec") is spec
    assert weak_signal(sentence, "paper") is article
