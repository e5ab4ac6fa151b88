"""The on-disk cache of fetched sources: one JSON file per URL, written atomically.

An entry holds the URL, the final URL after redirects, the HTTP status, the fetch time, a
SHA-256 of the body, the ``ETag`` and ``Last-Modified`` it was served with, the state and
the extracted text with its metadata and sentence offsets. A stale entry that has either
validator is not fetched whole again: the fetcher asks with ``If-None-Match`` /
``If-Modified-Since`` (RFC 9110 §13.1) and a ``304 Not Modified`` renews the entry's fetch
time (:meth:`Cache.renew`) without a byte of the body.

Files are named by the SHA-256 of the URL (fragment dropped) and written to a temporary
file in the same folder, flushed and renamed over the old one (``os.replace``), so two runs
sharing a cache see either the old entry or the new one, never half of one; an entry that
cannot be read is a miss. Many processes may share one cache: the last write of an entry
wins, whole. The folder is tagged with ``CACHEDIR.TAG`` (the Cache Directory Tagging
Specification) so backup tools skip it.

Why not hishel (the caching layer for httpx): it stores raw HTTP responses (whole bodies,
up to the 10 MB cap each, in SQLite since 1.0) and decides freshness by RFC 9111 headers,
while this cache keeps the extracted text, lets ``--max-age`` decide freshness, serves
stale entries offline, and is plain files renamed into place, safe for concurrent processes
without a database lock.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag

from citecheck.sources.model import Source

VERSION = 1
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by citecheck.\n"
)
# Only what does not change from one try to the next is kept: a timeout or a 429 is not.
CACHED_STATES = frozenset({"ok", "empty", "dead"})


@dataclass(frozen=True, slots=True)
class Validators:
    """What a cached copy of ``final_url`` was served with, to ask whether it changed."""

    final_url: str
    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        """The conditional request headers (RFC 9110 §13.1)."""
        out = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


def url_hash(url: str) -> str:
    """The file name stem of ``url``'s entry: SHA-256 of the URL without its fragment."""
    return hashlib.sha256(urldefrag(url)[0].encode("utf-8")).hexdigest()


class Cache:
    """Entries under ``folder``; ``max_age_days`` decides when one is stale."""

    def __init__(self, folder: Path, max_age_days: float) -> None:
        self.folder = folder
        self.max_age = max_age_days * 86400.0

    def _path(self, url: str) -> Path:
        digest = url_hash(url)
        return self.folder / f"v{VERSION}" / digest[:2] / f"{digest}.json"

    def _entry(self, url: str) -> dict[str, Any] | None:
        try:
            data = json.loads(self._path(url).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("version") != VERSION:
            return None
        return data if data.get("url") == urldefrag(url)[0] else None

    def get(self, url: str, key: str, stale_ok: bool = False) -> Source | None:
        """The cached source for ``url`` (relabelled with ``key``), or ``None`` when there
        is none, it cannot be read, or it is older than ``max_age_days`` (unless
        ``stale_ok``, as when offline, where an old copy beats none)."""
        data = self._entry(url)
        try:
            if data is None:
                return None
            if not stale_ok and time.time() - float(data["fetched_at"]) > self.max_age:
                return None
            return _source(data, url, key)
        except (ValueError, KeyError, TypeError):
            return None

    def validators(self, url: str) -> Validators | None:
        """The ``ETag`` and ``Last-Modified`` of ``url``'s readable entry, to revalidate it
        with a conditional request, or ``None`` when there is no such entry or it has
        neither."""
        data = self._entry(url)
        if data is None or data.get("state") not in ("ok", "empty"):
            return None
        etag, modified = data.get("etag"), data.get("last_modified")
        final = data.get("final_url")
        if not isinstance(final, str) or not (isinstance(etag, str) or isinstance(modified, str)):
            return None
        return Validators(
            final,
            etag if isinstance(etag, str) else None,
            modified if isinstance(modified, str) else None,
        )

    def renew(self, url: str, key: str, fetched_at: float) -> Source | None:
        """After a ``304 Not Modified``: the entry of ``url`` with its fetch time set to
        ``fetched_at`` (written back atomically when the folder allows), as a source
        labelled ``key``; ``None`` when the entry is gone or unreadable."""
        data = self._entry(url)
        if data is None:
            return None
        data["fetched_at"] = fetched_at
        try:
            source = _source(data, url, key)
        except (ValueError, KeyError, TypeError):
            return None
        with contextlib.suppress(OSError):
            _write_atomic(self._path(url), json.dumps(data, ensure_ascii=False).encode("utf-8"))
        return source

    def put(
        self,
        source: Source,
        body_hash: str | None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> bool:
        """Store ``source`` (fetched from ``source.location``, served with ``etag`` and
        ``last_modified``) atomically; return whether it was written. Failures to write
        (read-only or full disk) are not errors: the cache only saves time."""
        if source.state not in CACHED_STATES or source.origin != "network":
            return False
        entry: dict[str, Any] = {
            "version": VERSION,
            "url": urldefrag(source.location)[0],
            "final_url": source.final_url,
            "status": source.status,
            "fetched_at": source.fetched_at if source.fetched_at is not None else time.time(),
            "content_hash": body_hash,
            "state": source.state,
            "problem": source.problem,
            "title": source.title,
            "site_name": source.site_name,
            "date": source.date,
            "media_type": source.media_type,
            "text": source.text,
            "sentences": [list(span) for span in source.sentences],
            "titles": list(source.titles),
            "cut": source.cut,
            "etag": etag,
            "last_modified": last_modified,
        }
        path = self._path(source.location)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._tag()
            _write_atomic(path, json.dumps(entry, ensure_ascii=False).encode("utf-8"))
        except OSError:
            return False
        return True

    def _tag(self) -> None:
        tag = self.folder / "CACHEDIR.TAG"
        if not tag.exists():
            with contextlib.suppress(OSError):
                _write_atomic(tag, _TAG.encode("ascii"))


def _source(data: dict[str, Any], url: str, key: str) -> Source:
    """The :class:`Source` an entry holds; ``KeyError``/``ValueError``/``TypeError`` when
    it is not one."""
    cut = data.get("cut")
    return Source(
        key=key,
        location=url,
        final_url=data["final_url"],
        status=data["status"],
        state=data["state"],
        problem=data["problem"],
        title=data["title"],
        site_name=data["site_name"],
        date=data["date"],
        text=data["text"],
        sentences=tuple((int(s), int(e)) for s, e in data["sentences"]),
        origin="cache",
        media_type=data["media_type"],
        fetched_at=float(data["fetched_at"]),
        cut=int(cut) if cut is not None else None,
        titles=tuple(str(t) for t in data.get("titles") or ()),
    )


def _write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it over ``path``."""
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
