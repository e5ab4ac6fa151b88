"""URLs compared as the same address."""

from __future__ import annotations

import re


def normalise_url(url: str) -> str:
    """Return the form two URLs of one page share: no scheme, ``www.``, fragment or trailing
    slash, case-folded (``https://www.NASA.gov/wall/#x`` → ``nasa.gov/wall``)."""
    url = re.sub(r"^[a-z]+://(?:www\.)?", "", url.strip().casefold())
    return url.split("#", 1)[0].rstrip("/")
