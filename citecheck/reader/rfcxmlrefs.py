"""The reference entries of an RFC XML document (see :mod:`.rfcxml`): a ``<reference
anchor>`` or ``<referencegroup>`` element, an ``<xi:include>`` of xml2rfc's library
(``…/bibxml/reference.RFC.2119.xml``), a ``<?rfc include=…?>`` or an external entity of
the document type (``&RFC2119;``), and the anchor each gives its reference. An entry
inside a comment (``<!--&RFC9364;-->``, a reference the authors set aside) is none."""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

_VERSION = lazy(r"-\d\d$")
_BIBXML = lazy(r"reference\.((?:RFC|BCP|STD|FYI|W3C|I-D|DOI|IEEE|3GPP)\.[^/\s\"']+?)(?:\.xml)?$")
_ENTRY = lazy(
    r"<!--.*?(?:-->|\Z)"  # a comment: an entry commented out (``<!--&RFC9364;-->``) is none
    r"|<reference(?:group)?\b[^>]*?\banchor\s*=\s*[\"']([^\"'<>]{1,200})[\"'][^>]*?"
    r"(?:/>|>.*?</reference(?:group)?>)"
    r"|<xi:include\b[^>]*?\bhref\s*=\s*[\"']([^\"']+)[\"'][^>]*>(?:\s*</xi:include>)?"
    r"|<\?rfc\s+include\s*=\s*[\"']([^\"']+)[\"'][^>]*\?>"
    r"|&([\w.-]+);",
    re.S,
)


def entries(block: str) -> list[tuple[int, int, str | None, str | None]]:
    """The entries of one ``<references>`` element: (start, end, key, entity name)."""
    out: list[tuple[int, int, str | None, str | None]] = []
    for m in _ENTRY.finditer(block):
        if block.startswith("<!--", m.start()):
            continue
        if m.group(1):
            out.append((m.start(), m.end(), m.group(1), None))
        elif m.group(2) or m.group(3):
            key = bibxml_key(m.group(2) or m.group(3))
            if key:
                out.append((m.start(), m.end(), key, None))
        elif m.group(4) and m.group(4) not in ("nbsp", "amp", "lt", "gt", "quot", "apos"):
            out.append((m.start(), m.end(), None, m.group(4)))
    return out


def bibxml_key(name: str) -> str | None:
    """The anchor xml2rfc gives a reference of its libraries (``reference.RFC.2119.xml``
    → ``RFC2119``, ``reference.I-D.ietf-quic-http.xml`` → ``I-D.ietf-quic-http``)."""
    m = _BIBXML.search(name.strip())
    if m is None:
        return None
    series, _, rest = m.group(1).partition(".")
    if series in ("RFC", "BCP", "STD", "FYI") and rest.isdigit():
        return f"{series}{int(rest):04d}" if series == "RFC" else f"{series}{int(rest)}"
    if series == "I-D":  # bibxml3 names a draft with or without "draft-" and its version
        return "I-D." + _VERSION.sub("", rest.removeprefix("draft-"))
    return m.group(1)
