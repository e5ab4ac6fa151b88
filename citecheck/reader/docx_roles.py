"""Roles a Word paragraph takes from the paragraphs around it.

Some paragraphs are not claims although nothing in their own style says so: the front
matter of a manuscript (the author note, correspondence address, abstract and keywords that
follow an ``Abstract`` or ``Author note`` label, up to the first section heading or an
Introduction typed as a plain paragraph), a caption's title line under its ``Table 1:``
label, and a table note (``Note. …``) right after a table. They become ``N`` lines: scanned
for markers, never claims. How a list of entries is told from the paragraphs around it
(a reference heading typed in the body style, entries broken over paragraphs) is
:mod:`.docx_lists`.

When Word marks its bibliography (the Bibliography style, a ``BIBLIOGRAPHY`` or Zotero or
Mendeley bibliography field, a bibliography content control), a heading that reads as a
reference heading but holds none of it (a section *about* citations, titled "Citations")
opens no reference section: it is written as a paragraph. A run of paragraphs Word marks
as its bibliography under no reference heading (R Markdown and Pandoc write the entries in
the Bibliography style after the last section, with no title) becomes ``B`` lines: the
reader opens a reference section over them.

"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.reader.docx_lists import bare_reference_headings, label_pairs, list_continuations
from citecheck.text.recache import lazy
from citecheck.text.vocab import NOTES_HEADING, REFERENCE_HEADING

_FRONT_LABEL = lazy(
    r"^(?:abstract|author\s+notes?|acknowledge?ments?|keywords|key\s+words)\s*[:.]?$", re.I
)
_FRONT_LINE = lazy(
    r"^(?:keywords|key\s*words|correspondence(?:\s+concerning)?|word\s+count|running\s+head"
    r"|author\s+note|received|accepted|corresponding\s+author)\b\s*[:.]?|abstract\s*[:.—–]",
    re.I,
)
# An Introduction typed as a plain paragraph, which ends the front matter of a document
# whose writer set no heading in a heading style ("Introduction", "1. Einleitung").
_INTRODUCTION = lazy(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+|chapter\s+\d{1,2}\s*[:.-]?\s*)?(?:introduction|einleitung"
    r"|einführung|introducción|introdução|introduzione|введение|bevezetés|绪\s*论|引\s*言)\W*$",
    re.I,
)
_CAPTION_LABEL = lazy(r"^(?:table|figure|fig\.)\s*[A-Z]?\d+[a-z]?\s*[:.]?$", re.I)
_TABLE_NOTE = lazy(r"^(?:notes?|sources?)\s*[.:]", re.I)


@dataclass(slots=True)
class Line:
    """One paragraph as written: its tag, text, list label, style role and whether Word
    marks it as part of the bibliography."""

    tag: str
    text: str
    label: str = ""
    role: str = ""
    bib: bool = False


def settle(lines: list[Line]) -> None:
    """Retag the body's lines by their neighbours (see the module docstring)."""
    from citecheck.reader.docx_typed import typed_headings

    typed_headings(lines)  # "1.1.2 Data skills" where the styles were lost
    _front_matter(lines)
    _captions(lines)
    label_pairs(lines)
    bare_reference_headings(lines)
    list_continuations(lines)
    if any(x.bib for x in lines):
        _bibliography_headings(lines)
        _headless_bibliography(lines)


def _front_matter(lines: list[Line]) -> None:
    front = False
    for x in lines:
        if x.tag.startswith("H") and x.role not in ("title", "front"):
            front = bool(_FRONT_LABEL.match(x.text))
            continue
        if x.tag not in ("P", "N"):
            continue
        if front and x.tag == "P" and _INTRODUCTION.match(x.text):
            front = False  # a title typed in the body style: the front matter ends
            continue
        if _FRONT_LABEL.match(x.text):
            front = True
        if front or _FRONT_LINE.match(x.text):
            x.tag = "N"


def _captions(lines: list[Line]) -> None:
    for i, x in enumerate(lines):
        if x.tag != "P":
            continue
        if _CAPTION_LABEL.match(x.text):
            x.tag = "N"
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if nxt is not None and nxt.tag == "P" and len(nxt.text.split()) <= 30:
                nxt.tag = "N"  # an APA caption: the label on a line, the title below it
        elif i and lines[i - 1].tag == "C" and _TABLE_NOTE.match(x.text):
            x.tag = "N"


def _bibliography_headings(lines: list[Line]) -> None:
    for i, x in enumerate(lines):
        if not x.tag.startswith("H") or NOTES_HEADING.search(x.text):
            continue
        if not REFERENCE_HEADING.match(x.text):
            continue
        level = int(x.tag[1])
        holds = False
        for y in lines[i + 1 :]:
            if y.tag.startswith("H") and int(y.tag[1]) <= level:
                break
            holds = holds or y.bib or y.tag == "L"
        if not holds:
            x.tag = "P"


# Entries Word marks as its bibliography, in a row, that make a list with no heading.
_HEADLESS_ENTRIES = 2


def _headless_bibliography(lines: list[Line]) -> None:
    """Retag as ``B`` the last run of paragraphs Word marks as its bibliography when no
    reference heading stands above them, whatever follows it (a German thesis sets its
    ``Abbildungsverzeichnis`` after the ``Literaturverzeichnis``, both in a title style
    that is no heading)."""
    under = 0  # the level of the reference heading open, 0 when none is
    run: list[Line] = []
    last: list[Line] = []  # the last run long enough, though other paragraphs follow it
    for x in lines:
        if x.tag.startswith("H"):
            level = int(x.tag[1])
            if under and level <= under:
                under = 0
            if REFERENCE_HEADING.match(x.text) and not NOTES_HEADING.search(x.text):
                under = level
            run = [] if not under else run
            continue
        if under or x.tag not in ("P", "L"):
            if x.tag not in ("F", "E"):
                run = []
            continue
        if x.bib:
            run.append(x)
            if len(run) >= _HEADLESS_ENTRIES:
                last = run
        else:
            run = []
    for x in last:
        x.tag = "B"
