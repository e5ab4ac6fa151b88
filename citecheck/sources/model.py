"""What the sources stage returns: a :class:`Source` per reference, and its options."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from citecheck.sources.indexes.model import IndexOptions

State = Literal["ok", "dead", "blocked", "error", "empty", "failed"]
Origin = Literal["snapshot", "cache", "network"]

DEFAULT_USER_AGENT = "citecheck/{version} (claim-to-source citation linter; robots.txt honoured)"


@dataclass(frozen=True, slots=True)
class Source:
    """One reference's source as read: where from, how it went, and its extracted text.

    ``state`` is ``ok`` when text was read; ``dead`` for 404/410, DNS failure or a refused
    connection; ``blocked`` for 401/403/429/451, a bot wall or robots.txt; ``failed`` when
    the server was asked and gave no page: a timeout or a deadline, a redirect loop, too
    many redirects, a TLS failure, a malformed or truncated answer, a server error after
    retries; ``empty`` when the page yields no text; ``error`` for everything else, what
    was never asked for (no URL, a malformed one, offline, an address refused)
    (``problem`` says what, in one line). ``sentences`` are (start, end) character offsets
    into ``text``.
    """

    key: str
    location: str
    final_url: str | None
    status: int | None
    state: State
    problem: str | None
    title: str | None
    site_name: str | None
    date: str | None
    text: str
    sentences: tuple[tuple[int, int], ...]
    origin: Origin
    media_type: str | None = None
    """The media type the text was extracted as (``text/html``, ``application/pdf`` …)."""
    fetched_at: float | None = None
    """When the network answered (Unix seconds); ``None`` for a snapshot."""
    titles: tuple[str, ...] = ()
    """Every title the source gives itself (``<title>``, ``og:title``, ``<h1>``, a PDF's
    ``/Title`` and first-page heading …; see :mod:`citecheck.sources.titles`)."""
    cut: int | None = None
    """The size cap (bytes) at which a longer body was cut; ``text`` is that of the part
    read. ``None`` when the whole body was read."""


@dataclass(frozen=True, slots=True)
class SourceOptions:
    """How sources are found and fetched.

    ``sources_dir`` is the snapshot folder (default ``<article stem>.sources/`` beside the
    article when it exists); ``cache_dir`` the on-disk cache (default ``.citecheck-cache``
    in the working directory); ``max_age_days`` how old a cache entry may be before it is
    fetched again. ``timeout`` (seconds) bounds connecting and each read; ``deadline``
    (seconds) bounds everything one URL takes: robots.txt, redirects, retries, connecting,
    headers and body, so a server that trickles them, or a page that never ends, stops.
    ``run_deadline`` (seconds, ``None``: none) bounds the fetching of a whole run: what is
    not fetched by then is ``failed``; ``run_until`` is that moment as Unix time, set once
    when a run starts so that its files and processes share it (when only
    ``run_deadline`` is given, each :func:`~citecheck.sources.load_sources` call counts it
    from its own start). ``per_host`` and
    ``total`` cap concurrent requests; ``retries`` is how many times a 429/5xx or a failed
    connection is tried again, waiting ``backoff`` × 2ⁿ seconds or what ``Retry-After``
    asks, up to ``max_retry_after``. ``max_bytes`` caps a body (decoded): a longer one is
    cut there and read as far as that (:attr:`Source.cut`). ``allow_private`` lets
    addresses that are not globally routable be fetched: ``True`` for loopback, private and
    the other non-global ranges, or host names, addresses and CIDR networks for those
    only; link-local and cloud metadata addresses stay refused unless named
    (:class:`citecheck.sources.guard.Policy`). ``offline`` never opens a socket.
    """

    sources_dir: Path | None = None
    offline: bool = False
    cache_dir: Path = field(default_factory=lambda: Path(".citecheck-cache"))
    max_age_days: float = 7.0
    allow_private: bool | tuple[str, ...] = False
    timeout: float = 15.0
    deadline: float = 60.0
    per_host: int = 2
    total: int = 16
    retries: int = 2
    backoff: float = 0.5
    max_retry_after: float = 30.0
    max_redirects: int = 10
    max_bytes: int = 10 * 1024 * 1024
    user_agent: str | None = None
    robots: bool = True
    use_cache: bool = True
    run_deadline: float | None = None
    run_until: float | None = None
    indexes: IndexOptions | None = None
    """Look every reference up in the scholarly indexes (``verify --lookup``); ``None``:
    no lookup."""


def agent(options: SourceOptions) -> str:
    """The User-Agent header: the option, or one naming citecheck and its version."""
    if options.user_agent:
        return options.user_agent
    from citecheck import __version__

    return DEFAULT_USER_AGENT.format(version=__version__)


def failed(
    key: str,
    location: str,
    state: State,
    problem: str,
    *,
    origin: Origin = "network",
    status: int | None = None,
    final_url: str | None = None,
) -> Source:
    """A source that could not be read: no text, ``problem`` says why in one line."""
    return Source(
        key=key,
        location=location,
        final_url=final_url,
        status=status,
        state=state,
        problem=problem,
        title=None,
        site_name=None,
        date=None,
        text="",
        sentences=(),
        origin=origin,
    )
