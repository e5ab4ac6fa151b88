"""URLs and DOIs as keys: two spellings of one address compare equal.

The generic part, RFC 3986 normalisation (host case, percent-encoding, dot segments, query
order), is w3lib's ``canonicalize_url`` (the canonicaliser of Scrapy). On top of it, for
telling whether two references name one source:

- ``http`` and ``https``, a leading ``www.``, the default ports 80 and 443, a trailing slash
  and the fragment do not matter (a hash route ``#/page`` or ``#!page`` does);
- tracking parameters are dropped: the names of the global rules of ClearURLs and of
  Firefox's query stripping list (``utm_*``, ``gclid``, ``fbclid``, ``mc_cid``, …);
- a Wayback Machine copy (``web.archive.org/web/<time>/<url>``) is the page it archived.

DOIs are compared without case, with or without ``doi:``, ``https://doi.org/`` or
``dx.doi.org``, percent-encoded or not (``10.12766%2Fjna.2017.4``), and without the query
of the address they were read from. An arXiv address (``arxiv.org/abs/2308.06256v2``,
``…/pdf/….pdf``) stands for the DOI arXiv registers for the paper,
``10.48550/arXiv.2308.06256``, whatever the version.

Importing ``w3lib.url`` costs a start (it imports ``urllib.request``, and with it
``http.client``, ``email`` and ``ssl``: about 20 ms), so an address already in the form
``canonicalize_url`` gives back but for host case, query order and a bare query name (``?b=1&a``
→ ``?a=&b=1``) is put in that form here (:func:`plain_canonical`); w3lib canonicalises the
rest. ``tests/test_urls.py`` checks on generated addresses that both give one answer.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from citecheck.text.recache import lazy

_TRACKER_PREFIXES = ("utm_", "itm_", "otm_", "hmb_", "pk_", "mtm_", "fb_action_", "vn_")
_TRACKERS = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "ysclid",
        "twclid", "ttclid", "igshid", "igsh", "li_fat_id", "mc_cid", "mc_eid", "mc_tc",
        "mkt_tok", "_ga", "_gl", "_hsenc", "_hsmi", "__hsfp", "__hssc", "__hstc", "__s",
        "hsctatracking", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "wickedid",
        "rb_clickid", "s_cid", "srsltid", "_openstat", "fb_source", "fb_ref", "ref_src",
        "ref_url", "cmpid", "ml_subscriber", "ml_subscriber_hash", "wt_mc", "wt_zmc",
    }
)  # fmt: skip
# Share-link parameters that only track on these hosts (``youtu.be/ID?si=…``).
_HOST_TRACKERS = {
    "youtube.com": frozenset({"si", "feature", "pp"}),
    "m.youtube.com": frozenset({"si", "feature", "pp"}),
    "youtu.be": frozenset({"si", "feature"}),
    "open.spotify.com": frozenset({"si"}),
}
_ARCHIVE = lazy(r"^(?:https?://)?(?:www\.)?web\.archive\.org/web/\d{4,14}[a-z_]*/(.+)$", re.I)
_DOI_PREFIX = lazy(r"^\s*(?:doi:\s*|(?:https?://)?(?:dx\.)?doi\.org/)", re.I)
_DOI = lazy(r"^10\.\d{4,9}/\S+$")
_DOI_QUERY = lazy(r"[?#](?:[\w.-]+=|$).*$|#.*$")
# What plain_canonical takes: http(s), a host name of ASCII labels (the last begins with a
# letter), no user, port or parameters (``;``), a path of characters w3lib leaves as they
# are, a query of unreserved names with at most one value each, a fragment.
_PLAIN = lazy(
    r"(https?)://([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)"
    r"(/[\w.~!$&'()*+,=:@/-]*)?"
    r"(?:\?([\w.~-]+(?:=[\w.~-]*)?(?:&[\w.~-]+(?:=[\w.~-]*)?)*))?"
    r"(?:#([\w.~!$&'()*+,;=:@/?-]*))?\Z",
    re.A,
)
_ARXIV = lazy(
    r"^(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/"
    r"((?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?/\d{7}))(?:v\d+)?(?:\.pdf)?/?(?:[?#].*)?$",
    re.I,
)


def split_url(url: str) -> tuple[str, str] | None:
    """Return ``(host, rest)`` of an absolute URL in comparable form, or None for a
    relative URL, a bare fragment or a string that does not parse as a URL.

    ``host`` is lower case, without ``www.`` and without a default port (and prefixed by
    the scheme when that is not http or https); ``rest`` is the path without a trailing
    slash, then ``?`` and the query without tracking parameters, in w3lib's order, then a
    hash route if any.
    """
    url = url.strip().replace("&amp;", "&")
    while m := _ARCHIVE.match(url):
        url = m.group(1) if "://" in m.group(1) else "http://" + m.group(1)
    try:
        parts = urlsplit(_canonical(url))
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname:
        return None
    host = parts.hostname.removeprefix("www.")
    if port not in (None, 80, 443):
        host = f"{host}:{port}"
    if parts.scheme not in ("http", "https", ""):
        host = f"{parts.scheme}://{host}"
    local = _HOST_TRACKERS.get(host, frozenset())
    query = [p for p in parts.query.split("&") if p and not _tracker(p.partition("=")[0], local)]
    rest = parts.path.rstrip("/")
    if query:
        rest += "?" + "&".join(query)
    if parts.fragment.startswith(("/", "!")):
        rest += "#" + parts.fragment
    return host, rest


def trim_url(url: str) -> str:
    """Return a URL or DOI read from prose without the punctuation that follows it: a
    closing bracket goes only when the address does not open it (``…/Matrix_(mathematics)``
    keeps its own, ``(see https://example.org/a)`` loses the sentence's)."""
    while url:
        last = url[-1]
        unopened = last in ")]" and url.count(last) > url.count("(" if last == ")" else "[")
        if not (unopened or last in ".,;:!?'\""):
            break
        url = url[:-1]
    return url


_DOI_HOST = lazy(r"\s*(?:https?://)?(?:dx\.|www\.)?doi\.org/", re.I)


def url_key(url: str) -> str | None:
    """Return a key under which two spellings of one address are equal (see the module),
    or None for a URL that is not absolute. An arXiv paper's versions, PDF and HTML
    pages are one address (``arxiv.org/abs/2412.19437``); so are a DOI's resolver
    addresses (``https://doi.org/…``, ``http://dx.doi.org/…``: ``doi.org/10.1234/abc``)."""
    if "arxiv" in url and (m := _ARXIV.match(url.strip())):
        return "arxiv.org/abs/" + m.group(1).casefold()
    if "doi.org/" in url and _DOI_HOST.match(url) and (doi := doi_key(url)):
        return "doi.org/" + doi
    parts = split_url(url)
    return parts[0] + parts[1] if parts else None


def doi_key(value: str) -> str | None:
    """Return a DOI in comparable form (``10.1234/abc``, lower case), or None when
    ``value`` (a DOI, ``doi:…``, a doi.org or an arXiv URL) holds none."""
    value = unquote(value.strip())
    if m := _ARXIV.match(value):
        return "10.48550/arxiv." + m.group(1).casefold()
    doi = _DOI_QUERY.sub("", _DOI_PREFIX.sub("", value)).rstrip(".,;")
    return doi.casefold() if _DOI.match(doi) else None


def plain_canonical(url: str) -> str | None:
    """Return w3lib's ``canonicalize_url(url, keep_fragments=True)`` of a plain address
    (see ``_PLAIN``: ASCII, no percent sign, port, user or dot segment), or None for any
    other, which only w3lib canonicalises."""
    m = _PLAIN.match(url)
    if m is None or "/." in (path := m.group(3) or "/"):
        return None
    scheme, host, query, fragment = m.group(1), m.group(2).lower(), m.group(4), m.group(5)
    if not host.rpartition(".")[2][:1].isalpha():  # a number may be an IPv4 address
        return None
    out = f"{scheme}://{host}{path}"
    if query:
        pairs = sorted(field.partition("=")[::2] for field in query.split("&"))
        out += "?" + "&".join(f"{name}={value}" for name, value in pairs)
    return f"{out}#{fragment}" if fragment else out


def _canonical(url: str) -> str:
    """``canonicalize_url(url, keep_fragments=True)``, without importing w3lib for a
    plain address (:func:`plain_canonical`). Raises ``ValueError`` as w3lib does."""
    plain = plain_canonical(url)
    if plain is not None:
        return plain
    from w3lib.url import canonicalize_url

    return canonicalize_url(url, keep_fragments=True)


def _tracker(name: str, local: frozenset[str]) -> bool:
    name = unquote(name).casefold()
    return name in _TRACKERS or name in local or name.startswith(_TRACKER_PREFIXES)
