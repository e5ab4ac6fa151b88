"""What to fetch for a reference, and whether that address can be fetched at all."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from citecheck.model import Reference

_SCHEMES = ("http", "https")


def target_url(ref: Reference) -> str | None:
    """The address to fetch for ``ref``: its URL, else ``https://doi.org/<DOI>``."""
    if ref.url:
        return ref.url.strip()
    if ref.doi:
        return "https://doi.org/" + quote(ref.doi.strip(), safe="/()")
    return None


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be fetched (malformed, not http(s), no host), or ``None``."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        return f"malformed URL ({exc})"
    if not parts.scheme:
        return "malformed URL (no scheme)"
    if parts.scheme.lower() not in _SCHEMES:
        return f"unsupported scheme {parts.scheme}: (only http and https are fetched)"
    if not parts.hostname:
        return "malformed URL (no host)"
    if any(c in parts.hostname for c in ' <>"{}|\\^`'):
        return f"malformed URL (bad host name {parts.hostname!r})"
    if port == 0:
        return "malformed URL (port 0)"
    return None
