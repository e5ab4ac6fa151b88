"""robots.txt, read once per origin and asked before every page (RFC 9309).

A robots.txt that answers 2xx is parsed with protego (the parser Scrapy uses, which
follows RFC 9309 and Google's longest-match rules); its first 500 KiB count. One that
answers 4xx allows everything; 5xx (and 429) means the site is unreachable, so nothing
may be fetched (RFC 9309 §2.3.1.3–2.3.1.4). When robots.txt cannot be fetched at all (no
such host, refused, a timeout), that failure is the page's, and the host's other pages
fail the same way without asking again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from urllib.parse import urlsplit

ROBOTS_LIMIT = 500 * 1024
TOKEN = "citecheck"

# (status, body) of GET /robots.txt after redirects.
Getter = Callable[[str], tuple[int, bytes]]


class _Rules:
    def __init__(self, status: int, body: bytes) -> None:
        self.status = status
        self.parser = None
        if 200 <= status < 300:
            from protego import Protego

            self.parser = Protego.parse(body[:ROBOTS_LIMIT].decode("utf-8", "replace"))

    def allows(self, url: str, agent: str) -> bool:
        if self.parser is not None:
            return bool(self.parser.can_fetch(url, agent))
        # More than five redirects: "unavailable", like a 4xx (RFC 9309 §2.3.1.2).
        return 300 <= self.status < 500 and self.status != 429


class Robots:
    """Per-origin robots.txt rules, fetched with ``get`` the first time an origin is asked
    about; concurrent askers of one origin wait for that one fetch."""

    def __init__(self, get: Getter, agent: str = TOKEN) -> None:
        self.get = get
        self.agent = agent
        self.rules: dict[str, _Rules] = {}
        self.failures: dict[str, Exception] = {}
        self.locks: dict[str, threading.Lock] = {}
        self.guard = threading.Lock()

    def verdict(self, url: str) -> str | None:
        """``None`` when ``url`` may be fetched, else a one-line reason.

        Errors of the robots.txt fetch itself propagate (see the module).
        """
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        if parts.path == "/robots.txt":
            return None
        with self.guard:
            lock = self.locks.setdefault(origin, threading.Lock())
        with lock:
            if origin in self.failures:  # the host failed once; its other pages fail alike
                raise self.failures[origin]
            rules = self.rules.get(origin)
            if rules is None:
                try:
                    rules = _Rules(*self.get(origin + "/robots.txt"))
                except Exception as exc:
                    self.failures[origin] = exc
                    raise
                self.rules[origin] = rules
        if rules.allows(url, self.agent):
            return None
        if rules.parser is None:
            return f"robots.txt of {parts.netloc} is unreachable (HTTP {rules.status})"
        return f"robots.txt of {parts.netloc} disallows {parts.path or '/'}"
