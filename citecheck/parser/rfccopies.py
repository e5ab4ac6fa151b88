"""A copy or translation of an RFC in Markdown that kept its sections but not its header.

A translator or an implementer who puts an RFC into Markdown often starts at its first
section: the header ("Request for Comments: 1951", "Category: …", see
:mod:`citecheck.parser.specprofile`) is gone, and what is left is the RFC's numbered
sections, as RFC 7322 ("RFC Style Guide", section 4.8) numbers them ("1. Introduction",
"1.1. Purpose", "3.2.1. …"), in the original or in translation ("1. 서론", "1. はじめに",
"1. 引言"), and a link to the RFC it copies at the IETF's or the RFC Editor's address. Such
a text is the specification itself, read as ``spec``: its sentences define, they do not
claim.

:func:`rfc_copy` asks for all of: a Markdown text whose first heading is section 1, the
introduction (in English or a translation); :data:`LEAST_SECTIONS` numbered headings at
least, one of them with a dotted number (``1.1.``); a link to an RFC at the IETF's or the
RFC Editor's address; and no reference list of other works (a paper with numbered
sections that links an RFC cites its sources in one).
"""

from __future__ import annotations

import re

from citecheck.model import Document
from citecheck.text.recache import lazy

LEAST_SECTIONS = 5
"""Numbered headings, at least, in an RFC copied without its header."""

# An ATX heading with a section number ("## 1.1. Purpose", "# 3 Detailed Specification").
_NUMBERED = lazy(r"^[ \t]{0,3}#{1,6}[ \t]+(\d{1,2}(?:\.\d{1,2})*)\.?[ \t]+(\S[^\n]*)$", re.M)
_HEADING = lazy(r"^[ \t]{0,3}#{1,6}[ \t]+\S", re.M)
# The first section's name, in English and in the languages RFCs are translated into.
_INTRODUCTION = lazy(
    r"^(?:Introduction|Overview|Einleitung|Einführung|Introducción|Introdução|Введение"
    r"|서론|소개|개요|들어가며|はじめに|序論|序説|概要|導入|简介|引言|介绍|概述|導言|簡介)\b",
    re.I,
)
# An RFC at the IETF's or the RFC Editor's address.
_RFC_ADDRESS = lazy(
    r"\b(?:tools\.ietf\.org/html/|(?:www\.)?rfc-editor\.org/(?:rfc|info)/|"
    r"datatracker\.ietf\.org/doc/(?:html/)?|(?:www\.)?ietf\.org/rfc/)rfc\d{1,5}\b",
    re.I,
)


def rfc_copy(doc: Document) -> bool:
    """Whether ``doc`` is an RFC copied or translated into Markdown without its header
    (see the module); nothing raises."""
    if doc.fmt != "markdown" or not _RFC_ADDRESS.search(doc.text):
        return False
    first = _HEADING.search(doc.text)
    numbered = list(_NUMBERED.finditer(doc.text))
    if first is None or not numbered or numbered[0].start() != first.start():
        return False
    number, name = numbered[0].group(1), numbered[0].group(2)
    if number != "1" or not _INTRODUCTION.match(name):
        return False
    if len(numbered) < LEAST_SECTIONS or not any("." in m.group(1) for m in numbered):
        return False
    return all(_RFC_ADDRESS.search(doc.text, r.start, r.end) for r in doc.references)
