"""The fields of an Internet-Draft's reference written in Markdown (see
:mod:`citecheck.reader.ietfmd`): a kramdown-rfc front-matter entry, an mmark
``<reference>`` element, or a citation that declares a reference of the tools' own."""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

_TITLE = lazy(r"""^[ \t]*title[ \t]*:[ \t]*["']?(.+?)["']?[ \t]*$""", re.M)
_TARGET = lazy(r"""^[ \t]*target[ \t]*:[ \t]*["']?(\S+?)["']?[ \t]*$""", re.M)
_XML_TITLE = lazy(r"<title\b[^>]*>\s*([^<]+?)\s*</title>")
_XML_TARGET = lazy(r"""<reference\b[^>]*\btarget\s*=\s*["']([^"'<>\s]+)["']""")
_RFC = lazy(r"(?<![\w-])RFC[ ]?(\d{1,5})(?![\w.-])", re.I)
_DRAFT = lazy(r"(?<![\w-])I-D\.(?:draft-)?([\w-]+?)(?:-\d\d)?(?![\w.-])")
_HREF = lazy(r"""(?:href|include)\s*=\s*["']([^"']+)["']""")
_DOI = lazy(r"(?<![\w-])DOI\.(10\.\d{4,9}/\S+)")


def draft_entry(raw: str) -> tuple[str | None, str | None]:
    """The (address, title) of a draft's reference ``raw``: ``target:`` and ``title:``
    of a front-matter mapping (``<reference target>`` and ``<title>`` of an mmark
    element), else the RFC Editor's page of an RFC (``RFC8446``, ``TLS: RFC8446``), the
    Datatracker's page of an Internet-Draft (``I-D.ietf-tls-esni``) or the DOI's
    address (``DOI.10.1145/…``); (None, None) when it names none. An RFC XML entry
    included from xml2rfc's library (``<xi:include href="…/reference.RFC.2119.xml"/>``,
    ``<?rfc include=…?>``) is read as the key it names."""
    if raw.lstrip().startswith(("<xi:include", "<?rfc")):
        from citecheck.reader.rfcxmlrefs import bibxml_key

        href = _HREF.search(raw)
        raw = (bibxml_key(href.group(1)) if href else None) or ""
    if raw.lstrip().startswith("<"):
        url = _XML_TARGET.search(raw)
        title = _XML_TITLE.search(raw)
        return (url.group(1) if url else None), (title.group(1) if title else None)
    url = _TARGET.search(raw)
    title = _TITLE.search(raw)
    if url:
        return url.group(1), title.group(1) if title else None
    title_text = title.group(1) if title else None
    if m := _RFC.search(raw):
        return f"https://www.rfc-editor.org/info/rfc{int(m.group(1))}", title_text
    if m := _DRAFT.search(raw):
        return f"https://datatracker.ietf.org/doc/draft-{m.group(1)}/", title_text
    if m := _DOI.search(raw):
        return f"https://doi.org/{m.group(1).rstrip('}')}", title_text
    return None, title_text
