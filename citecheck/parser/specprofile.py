"""Whether a text is an RFC or an Internet-Draft: the ``spec`` profile's evidence (see
:mod:`citecheck.parser.profile` for every profile).

A text is a spec when it is RFC XML (its ``<rfc>`` root, see :mod:`citecheck.reader.rfcxml`);
or when at least two of the header lines of an RFC or Internet-Draft stand in the first
part of the text ("Network Working Group", "Request for Comments: 3986", "Internet-Draft",
"Category: Standards Track", "Intended status: …", "Expires: …", "Obsoletes: …", "Updated
by: …", an early RFC's "RFC:  791", "Status of This Memo", a draft name), or one of them
and the BCP 14 key-words boilerplate anywhere or two RFC page footers ("[Page 2]"). A Python
Enhancement Proposal is Python's RFC, and its header lines count so too ("PEP: 506",
"Status: Final", "Type: Standards Track", "Python-Version: 3.6"). A Markdown or HTML
conversion of an RFC keeps its header lines as paragraphs or headings, labels in bold
(``**Category:** Standards Track``), or only the title (``# RFC 7230``): these count, and
so do its running heads ("RFC 7230   HTTP/1.1 Message Syntax and Routing   June 2014",
two anywhere make one header line) for a conversion that dropped the header. Or, for
an excerpt without its header, when plain text has RFC section headings ("4.  Parsing a
Reference") and references keyed by RFC number (``[RFC2119]``); or a Markdown copy or
translation of an RFC that starts at its first section (:mod:`citecheck.parser.rfccopies`).

A page that sets the RFC's header in ``<pre>`` above its first heading (the docket of a
hand-made HTML copy or translation of an RFC, which keeps the header as the RFC prints it
while its sections are HTML) is a spec by those lines too (:func:`html_docket`): the HTML
reader does not show ``<pre>``, so they are read in the page's source.
"""

from __future__ import annotations

import html
import re

from citecheck.model import Document
from citecheck.parser.rfccopies import rfc_copy
from citecheck.text.recache import lazy

# The header of an RFC or Internet-Draft sits in its first lines, before the abstract.
_HEAD_CHARS = 4000
# A Markdown or HTML conversion keeps the header lines as paragraphs or headings, and may
# set their labels in bold (``## Request for Comments: 7230``, ``**Category:** Standards
# Track``): the dressing a line may open with and a label may close with.
_DRESS = r"(?:#{1,6}[ \t]+|>[ \t]*|[*_]{1,2})?"
_SHUT = r"(?:[*_]{1,2})?"
_SPEC_SOURCES = (
    (r"^[ \t]*Network Working Group\b", re.M),
    (rf"^[ \t]*{_DRESS}Request for Comments:{_SHUT}[ \t]*\d+", re.M | re.I),
    (r"^[ \t]*Internet[- ]Draft\b", re.M | re.I),
    (
        rf"^[ \t]*{_DRESS}(?:Category|Intended[ \t]+status):{_SHUT}[ \t]*"
        r"(?:Standards[ \t]+Track|Informational|Experimental|Best[ \t]+Current[ \t]+Practice"
        r"|Historic|BCP|Proposed[ \t]+Standard)",
        re.M | re.I,
    ),
    (r"^[ \t]*Expires:?[ \t]+\S.*\d{4}", re.M),
    (r"^[ \t]*(?:Obsoletes|Updates|(?:Obsoleted|Updated)[ \t]+by):[ \t]*(?:RFC[ \t]*)?\d", re.M),
    # An early RFC's own line ("RFC:  791", "RFC #  822"), before "Request for Comments:".
    (r"^[ \t]*RFC[ \t]*[:#][ \t]*\d{1,4}[ \t]*$", re.M),
    (rf"^[ \t]*{_DRESS}(?:STD|BCP|ISSN):{_SHUT}[ \t]*\d", re.M),
    # A conversion's title: the RFC's number alone on a line or as a heading ("# RFC 7230").
    (r"^[ \t]*(?:#{1,6}[ \t]+)?RFC[ \t]?\d{1,4}[ \t]*#*[ \t]*$", re.M),
    (r"^[ \t]*(?:#+[ \t]*)?Status of This Memo[ \t]*$", re.M | re.I),
    (r"^[ \t]*draft-[a-z0-9]+(?:-[a-z0-9]+)*-\d\d[ \t]*$", re.M),
    # A draft in Markdown: kramdown-rfc's YAML front matter, mmark's TOML title block.
    (r"^[ \t]*ipr[ \t]*[:=][ \t]*[\"']?(?:trust|noModification|noDerivatives|pre5378)", re.M),
    (r"^[ \t]*(?:docname|submissiontype)[ \t]*[:=][ \t]*[\"']?[\w-]", re.M | re.I),
    (r"^[ \t]*category[ \t]*[:=][ \t]*[\"']?(?:std|info|exp|bcp|historic)\b", re.M),
    # A Python Enhancement Proposal's header (PEP 1, PEP 12): its number, status and type.
    (r"^PEP:[ \t]*\d{1,4}[ \t]*$", re.M),
    (
        r"^Status:[ \t]*(?:Draft|Active|Accepted|Provisional|Deferred|Rejected|Withdrawn"
        r"|Final|Superseded)[ \t]*$",
        re.M,
    ),
    (r"^Type:[ \t]*(?:Standards[ \t]+Track|Informational|Process)[ \t]*$", re.M),
    (r"^Python-Version:[ \t]*\d", re.M),
)
# A line with something on it, without the blanks around it; a header's label is short.
_VISIBLE_LINE = lazy(r"^[^\S\n]*(\S[^\n]*)", re.M)
_LABEL_CHARS = 30
_SPEC_HEADER = tuple(lazy(p, flags) for p, flags in _SPEC_SOURCES)
# The same patterns searched for in the head with a line break put before it: each opens
# with that break instead of ``^``, so the engine skips from break to break instead of
# trying every position.
_SPEC_LINES = tuple(lazy("\n" + p.removeprefix("^"), flags) for p, flags in _SPEC_SOURCES)
# An RFC's own layout, for an excerpt without its header: "4.  Parsing" headings (a number,
# a full stop and two spaces) and references keyed by RFC number.
_RFC_SECTION = lazy(r"^\d+(?:\.\d+)*\.  \S", re.M)
_RFC_KEY = lazy(r"^(?:RFC|BCP|STD)\d+$|^I-D\.", re.I)
_BCP14 = lazy(r"key\s+words\s+[\"“]MUST[\"”],\s+[\"“]MUST\s+NOT[\"”]")
# An RFC's page footer ("Postel                                          [Page 12]"): a
# page layout that, with one header line, makes a spec of an RFC whose header has one.
_PAGE_FOOTER = lazy(r"\[Page \d{1,3}\][ \t]*$", re.M)
# An RFC's running head ("RFC 7230      HTTP/1.1 Message Syntax and Routing      June 2014"),
# kept by a conversion as a paragraph or a heading: two of them anywhere count as one
# header line, for a conversion that dropped the header itself. Each opens with its line
# break, as :data:`_SPEC_LINES` do, for speed.
_RUNNING_HEAD = lazy(
    r"\n[ \t]*(?:#{1,6}[ \t]+)?RFC[ \t]\d{1,4}[ \t]{2,}\S[^\n]*?[ \t]{2,}"
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)[ \t]+\d{4}[ \t]*$",
    re.M,
)


def spec(doc: Document) -> bool:
    """Whether ``doc`` reads as an RFC or Internet-Draft (see the module)."""
    if doc.spec:
        return True  # RFC XML
    head = doc.text[:_HEAD_CHARS] if doc.fmt != "html" else _visible_head(doc.text)
    lined = "\n" + head
    header = sum(1 for pattern in _SPEC_LINES if pattern.search(lined))
    if header < 2:
        header += _twice(_RUNNING_HEAD, doc.text)
    if header >= 2 or (header and (_BCP14.search(doc.text) or _paged(doc.text))):
        return True
    return _rfc_layout(doc) or rfc_copy(doc)


# A ``<pre>`` element of a page's source, and the page's first heading: the docket is the
# header set in ``<pre>`` before it.
_PRE = lazy(r"<pre\b[^>]*>(.*?)</pre\s*>", re.S | re.I)
_FIRST_HEADING = lazy(r"<h[1-6]\b", re.I)
_TAG = lazy(r"<[^<>]*>")


def html_docket(source: str) -> bool:
    """Whether an HTML page's source sets the header of an RFC or Internet-Draft in
    ``<pre>`` elements above its first heading, two header lines or more ("Request for
    Comments: 7230", "Category: Standards Track", "Obsoletes: 2616"): a hand-made copy or
    a translation of an RFC, whose sections follow as HTML. ``source`` is the page as
    written (tags and entities); nothing raises."""
    first = _FIRST_HEADING.search(source)
    top = source[: first.start()] if first else source[: 4 * _HEAD_CHARS]
    pres = [html.unescape(_TAG.sub("", m.group(1))) for m in _PRE.finditer(top)]
    if not pres:
        return False
    lined = "\n" + "\n".join(pres)[:_HEAD_CHARS]
    return sum(1 for pattern in _SPEC_LINES if pattern.search(lined)) >= 2


def _visible_head(text: str) -> str:
    """The first :data:`_HEAD_CHARS` characters of a page's visible lines, stripped, with a
    label that ends in a colon joined to the value on the line after it.

    An HTML reader writes the page's text at the offsets of its source, so the header of an
    RFC made by xml2rfc or rfc2629.xslt sits after the blanked stylesheet, and its
    ``<dt>Category:</dt><dd>Standards Track</dd>`` pairs are two lines: this is the header
    as it reads (``Category: Standards Track``).
    """
    lines: list[str] = []
    size = 0
    for m in _VISIBLE_LINE.finditer(text):
        line = m.group(1).rstrip()
        if lines and lines[-1].endswith(":") and len(lines[-1]) <= _LABEL_CHARS:
            lines[-1] += " " + line
        else:
            lines.append(line)
        size += len(line) + 1
        if size >= _HEAD_CHARS:
            break
    return "\n".join(lines)


def _paged(text: str) -> bool:
    """Whether a text is laid out in an RFC's pages: two page footers or more."""
    return _twice(_PAGE_FOOTER, text)


def _twice(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` is found twice or more in ``text``."""
    found = pattern.finditer(text)
    return next(found, None) is not None and next(found, None) is not None


def _rfc_layout(doc: Document) -> bool:
    """A plain text with RFC section headings and references keyed by RFC number."""
    if doc.fmt != "text" or not _RFC_SECTION.search(doc.text):
        return False
    return any(r.key and _RFC_KEY.match(r.key) for r in doc.references)
