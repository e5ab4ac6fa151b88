"""What a checked text looked like to citecheck, kept for reports that show the article.

The HTML evidence report (``--format html``) draws the article with its claims, markers and
reference entries in place; the JSON report does not carry these (they are what
``citecheck parse`` shows). An :class:`Outline` is kept only when a caller asks for it
(``keep_outline``), and is never serialised with the report. Offsets are character offsets
into :attr:`Outline.text`.
"""

from __future__ import annotations

from citecheck.report.records import Record, record


@record
class OutlineClaim(Record):
    """A claim sentence: its span and the keys of the markers that cover it."""

    start: int
    end: int
    cites: list[str]


@record
class OutlineMarker(Record):
    """A citation marker: its span and, per key, the key of the entry it resolves to
    (None: it points nowhere)."""

    start: int
    end: int
    keys: list[str]
    targets: list[str | None]


@record
class OutlineReference(Record):
    """An entry of a reference list: its key, span and what was read from it."""

    key: str | None
    start: int
    end: int
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    doi: str | None = None


@record
class Outline(Record):
    """The text a reader sees (for HTML input: the page's text, tags blank, at the offsets
    of the source), its claims, markers and reference entries, in document order."""

    text: str
    claims: list[OutlineClaim]
    markers: list[OutlineMarker]
    references: list[OutlineReference]
