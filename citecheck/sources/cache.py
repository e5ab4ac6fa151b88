"""The on-disk cache of fetched sources: one JSON file per URL, written atomically.

An entry holds the URL, the final URL after redirects, the HTTP status, the fetch time, a
SHA-256 of the body, the state and the extracted text with its metadata and sentence
offsets. Files are named by the SHA-256 of the URL (fragment dropped) and written to a
temporary file in the same folder, flushed and renamed over the old one (``os.replace``),
so two runs sharing a cache see either the old entry or the new one, never half of one; an
entry that cannot be read is a miss. The folder is tagged with ``CACHEDIR.TAG`` (the Cache
Directory Tagging Specification) so backup tools skip it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
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

    def get(self, url: str, key: str, stale_ok: bool = False) -> Source | None:
        """The cached source for ``url`` (relabelled with ``key``), or ``None`` when there
        is none, it cannot be read, or it is older than ``max_age_days`` (unless
        ``stale_ok``, as when offline, where an old copy beats none)."""
        try:
            data = json.loads(self._path(url).read_text(encoding="utf-8"))
            if data.get("version") != VERSION or data.get("url") != urldefrag(url)[0]:
                return None
            fetched = float(data["fetched_at"])
            if not stale_ok and time.time() - fetched > self.max_age:
                return None
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
                fetched_at=fetched,
                titles=tuple(str(t) for t in data.get("titles") or ()),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, source: Source, body_hash: str | None) -> bool:
        """Store ``source`` (fetched from ``source.location``) atomically; return whether
        it was written. Failures to write (read-only or full disk) are not errors: the
        cache only saves time."""
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
