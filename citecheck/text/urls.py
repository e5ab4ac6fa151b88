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
    from w3lib.url import canonicalize_url

    url = url.strip().replace("&amp;", "&")
    while m := _ARCHIVE.match(url):
        url = m.group(1) if "://" in m.group(1) else "http://" + m.group(1)
    try:
        parts = urlsplit(canonicalize_url(url, keep_fragments=True))
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


def url_key(url: str) -> str | None:
    """Return a key under which two spellings of one address are equal (see the module),
    or None for a URL that is not absolute. An arXiv paper's versions, PDF and HTML
    pages are one address (``arxiv.org/abs/2412.19437``)."""
    if "arxiv" in url and (m := _ARXIV.match(url.strip())):
        return "arxiv.org/abs/" + m.group(1).casefold()
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


def _tracker(name: str, local: frozenset[str]) -> bool:
    name = unquote(name).casefold()
    return name in _TRACKERS or name in local or name.startswith(_TRACKER_PREFIXES)
