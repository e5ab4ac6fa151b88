"""The sources stage: what each reference points to, read as text with sentence offsets.

For each reference, first hit wins: a local snapshot (:mod:`.snapshots`), the on-disk cache
(:mod:`.cache`), then the network (:mod:`.http`) unless offline: the reference's URL, or
``https://doi.org/<DOI>``. Bodies become text through :mod:`.extract`. This is the only
stage that does I/O; it never writes outside the cache folder and never raises for one
bad source: a reference that cannot be read gets a :class:`Source` whose ``state`` and
``problem`` say why. Pages fetched together are read by worker processes
(:mod:`.workers`), so an extractor's crash costs one page; a Ctrl-C while fetching ends
the fetching of the run (what is under way is cut, the rest is read from snapshots and the
cache only), and the run reports what it read.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from citecheck.model import Reference
from citecheck.model.errors import ConfigError
from citecheck.sources.cache import Cache
from citecheck.sources.decode import sniff
from citecheck.sources.extract import Extracted, Unreadable, extract, sentences
from citecheck.sources.model import Origin, Source, SourceOptions, State, failed
from citecheck.sources.snapshots import Snapshots, default_dir
from citecheck.sources.targets import target_url, url_problem

if TYPE_CHECKING:
    from citecheck.sources.workers import Pool

__all__ = ["Source", "SourceOptions", "interrupted", "load_sources", "target_url"]

Reader = Callable[[bytes, str | None, str, Mapping[str, str]], Extracted]
_INTERRUPTED = threading.Event()
_CUT = "not read: the run was interrupted"


def interrupted() -> bool:
    """Whether a Ctrl-C stopped this process's fetching (sources since are offline)."""
    return _INTERRUPTED.is_set()


def load_sources(
    article: str | None, references: Sequence[Reference], options: SourceOptions
) -> dict[str, Source]:
    """Read the source of every reference that has a key: key → :class:`Source`.

    ``article`` is the checked file's path (``None`` or ``"-"`` for stdin), which decides
    the default snapshot folder and the ``<stem>/`` sub-folder looked in. Keys appear in
    the order of ``references``; a key listed twice is read once. Raises
    :class:`citecheck.model.errors.ConfigError` only for a ``sources_dir`` that is not a folder
    or an unreadable ``sources.toml``.
    """
    if options.sources_dir is not None and not options.sources_dir.is_dir():
        raise ConfigError(f"sources folder {options.sources_dir} does not exist")
    folder = options.sources_dir if options.sources_dir is not None else default_dir(article)
    stem = Path(article).stem if article and article != "-" else None
    snaps = Snapshots(folder, stem)
    cache = Cache(options.cache_dir, options.max_age_days) if options.use_cache else None
    out: dict[str, Source] = {}
    wanted: dict[str, list[str]] = {}  # URL → keys waiting for it
    waiting: set[str] = set()
    for ref in references:
        key = ref.key
        if key is None or key in out or key in waiting:
            continue
        path = snaps.find(ref)
        if path is not None:
            out[key] = read_file(key, path, options.max_bytes)
            continue
        url = snaps.address(ref) or target_url(ref)
        if url is None:
            out[key] = failed(key, "", "error", "the reference has no URL or DOI to read")
            continue
        problem = url_problem(url)
        cached = cache.get(url, key, stale_ok=options.offline) if cache and not problem else None
        if problem:
            out[key] = failed(key, url, "error", problem)
        elif cached is not None:
            out[key] = cached
        elif options.offline:
            out[key] = failed(key, url, "error", "offline, and not in the snapshots or the cache")
        elif _INTERRUPTED.is_set():
            out[key] = failed(key, url, "error", _CUT)
        else:
            wanted.setdefault(url, []).append(key)
            waiting.add(key)
    if wanted:
        for url, source in zip(wanted, _fetch_all(list(wanted), options, cache), strict=True):
            for key in wanted[url]:
                out[key] = replace(source, key=key)
    order = [r.key for r in references if r.key is not None]
    return {key: out[key] for key in dict.fromkeys(order)}


def read_file(key: str, path: Path, max_bytes: int = 10 * 1024 * 1024) -> Source:
    """A snapshot file read as a :class:`Source` (``origin="snapshot"``, no status)."""
    location = str(path)
    try:
        if not path.is_file():
            return failed(
                key, location, "error", f"snapshot {path} does not exist", origin="snapshot"
            )
        if path.stat().st_size > max_bytes:
            cap = f"{max_bytes / 1_048_576:g} MB"
            return failed(
                key, location, "error", f"snapshot larger than the {cap} cap", origin="snapshot"
            )
        body = path.read_bytes()
    except OSError as exc:
        return failed(
            key, location, "error", f"cannot read {path}: {exc.strerror}", origin="snapshot"
        )
    return _source(key, location, body, None, path.name, None, None, {}, "snapshot", None)


def _source(
    key: str,
    location: str,
    body: bytes,
    content_type: str | None,
    name: str,
    final_url: str | None,
    status: int | None,
    headers: dict[str, str],
    origin: Origin,
    fetched_at: float | None,
    reader: Reader = extract,
) -> Source:
    """Extract ``body`` (by ``reader``, default in this process) into a :class:`Source`
    (``empty`` when it holds no text)."""
    try:
        got: Extracted = reader(body, content_type, name, headers)
    except Unreadable as exc:
        return replace(
            failed(key, location, exc.state, exc.problem, origin=origin, status=status),
            final_url=final_url,
            fetched_at=fetched_at,
        )
    state: State = "ok" if got.text.strip() else "empty"
    return Source(
        key=key,
        location=location,
        final_url=final_url,
        status=status,
        state=state,
        problem=None if state == "ok" else "the source holds no readable text",
        title=got.title,
        site_name=got.site_name,
        date=got.date,
        text=got.text if state == "ok" else "",
        sentences=sentences(got.text, got.media_type) if state == "ok" else (),
        origin=origin,
        media_type=got.media_type,
        fetched_at=fetched_at,
        titles=got.titles,
    )


def _fetch_all(urls: list[str], options: SourceOptions, cache: Cache | None) -> list[Source]:
    from citecheck.sources.http import Fetcher, FetchFailed, Response
    from citecheck.sources.schedule import run
    from citecheck.sources.workers import extraction_pool

    pool = extraction_pool(len(urls), options.deadline)

    def fetch(url: str) -> Response | Source:
        try:
            return fetcher.fetch(url, cache.validators(url) if cache is not None else None)
        except FetchFailed as exc:
            if _INTERRUPTED.is_set():  # cut by the Ctrl-C, whatever the library made of it
                return failed(url, url, "error", _CUT)
            source = failed(url, url, exc.state, exc.problem, status=exc.status)
            source = replace(source, final_url=exc.final_url)
            if cache is not None and exc.state == "dead" and exc.status is not None:
                cache.put(source, None)
            return source
        except Exception as exc:  # one source's surprise must not stop the others
            if _INTERRUPTED.is_set():
                return failed(url, url, "error", _CUT)
            return failed(url, url, "error", f"could not fetch: {type(exc).__name__}: {exc}")

    def finish(url: str, r: Response | Source) -> Source:
        if isinstance(r, Source):
            return r
        if r.status == 304:  # the stale cached copy is current: renewed, not downloaded
            renewed = cache.renew(url, url, r.fetched_at) if cache is not None else None
            return renewed or failed(url, url, "failed", "HTTP 304 for a copy no longer cached")
        name = r.final_url.rsplit("/", 1)[-1]
        try:
            source = _source(
                url, url, r.body, r.headers.get("content-type"), name, r.final_url,
                r.status, r.headers, "network", r.fetched_at, _reader(pool),
            )  # fmt: skip
        except Exception as exc:  # an extractor's bug on one page, reported as that page's
            return failed(url, url, "error", f"could not extract text: {type(exc).__name__}")
        if r.cut is not None:
            source = replace(source, cut=r.cut)
        if cache is not None and not _INTERRUPTED.is_set():
            digest = hashlib.sha256(r.body).hexdigest()
            cache.put(source, digest, r.headers.get("etag"), r.headers.get("last-modified"))
        return source

    def stop() -> None:
        _INTERRUPTED.set()
        if pool is not None:
            pool.close(kill=True)
        fetcher.__exit__(None, None, None)  # in-flight reads end at their next timeout

    try:
        with Fetcher(options) as fetcher:
            done = run(urls, fetch, finish, options.per_host, options.total, stop)
    finally:
        if pool is not None:
            pool.close()
    why = _CUT if _INTERRUPTED.is_set() else "not read: its reader stopped on an internal error"
    return [done.get(i) or failed(u, u, "error", why) for i, u in enumerate(urls)]


def _reader(pool: Pool | None) -> Reader:
    """Extract in ``pool``'s workers what needs lxml or pypdf, the rest here."""
    if pool is None:
        return extract

    def read(body: bytes, ctype: str | None, name: str, headers: Mapping[str, str]) -> Extracted:
        if sniff(body, ctype, name) in ("text/html", "application/pdf"):
            return pool.extract(body, ctype, name, headers)
        return extract(body, ctype, name, headers)

    return read
