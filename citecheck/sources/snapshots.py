"""Local snapshots: a source saved beside the article instead of fetched.

For an article ``news/story.md`` the folder is ``news/story.sources/`` unless a folder is
given. A reference with key ``K`` is read from, first hit wins: what ``sources.toml`` in
that folder maps ``K`` or the reference's URL to (a path relative to the folder), then
``<folder>/story/K.<ext>``, then ``<folder>/K.<ext>``, for ext html, htm, txt, md, pdf.
``sources.toml`` is plain key/value pairs::

    1 = "nyt.html"
    "https://www.bbc.com/news/world-123" = "bbc.pdf"
    2 = "https://www.cnn.com/2025/08/08/politics/story"

A key mapped to an http(s) address (as ``verify --write-sources`` writes the pages a search
found) gives the reference that address to read, through the cache or the network, as if
the entry listed it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from citecheck.model import Reference
from citecheck.model.errors import ConfigError
from citecheck.text.recache import lazy
from citecheck.text.urls import url_key

EXTENSIONS = ("html", "htm", "txt", "md", "pdf")
MANIFEST = "sources.toml"
_SAFE_KEY = lazy(r"^[\w][\w .,&+@()-]{0,120}$")


def default_dir(article: str | None) -> Path | None:
    """``<stem>.sources/`` beside ``article`` when that folder exists, else ``None``."""
    if not article or article == "-":
        return None
    path = Path(article)
    folder = path.with_name(f"{path.stem}.sources")
    return folder if folder.is_dir() else None


class Snapshots:
    """Snapshot lookup in one folder for one article (``stem`` may be ``None``)."""

    def __init__(self, folder: Path | None, stem: str | None) -> None:
        self.folder = folder if folder is not None and folder.is_dir() else None
        self.stem = stem
        self.by_key: dict[str, Path] = {}
        self.by_url: dict[str, Path] = {}
        self.addresses: dict[str, str] = {}
        if self.folder is not None and (self.folder / MANIFEST).is_file():
            self._read_manifest(self.folder / MANIFEST)

    def _read_manifest(self, path: Path) -> None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ConfigError(f"{path}: cannot read: {message}") from None
        for name, value in data.items():
            if not isinstance(value, str):
                raise ConfigError(f"{path}: {name!r} must map to a file name (a string)")
            if value.startswith(("http://", "https://")) and "://" not in name:
                self.addresses[name] = value
                continue
            target = path.parent / value
            ukey = url_key(name) if "://" in name else None
            if ukey:
                self.by_url[ukey] = target
            else:
                self.by_key[name] = target

    def address(self, ref: Reference) -> str | None:
        """The address ``sources.toml`` gives ``ref``'s key to read, or ``None``."""
        return self.addresses.get(ref.key) if ref.key is not None else None

    def find(self, ref: Reference) -> Path | None:
        """The snapshot file for ``ref``, or ``None``; a path mapped in ``sources.toml``
        is returned even when missing, so the caller can say so."""
        if self.folder is None or ref.key is None:
            return None
        if ref.key in self.by_key:
            return self.by_key[ref.key]
        ukey = url_key(ref.url) if ref.url else None
        if ukey and ukey in self.by_url:
            return self.by_url[ukey]
        if not _SAFE_KEY.match(ref.key):
            return None
        folders = [self.folder / self.stem] if self.stem else []
        for folder in [*folders, self.folder]:
            for ext in EXTENSIONS:
                candidate = folder / f"{ref.key}.{ext}"
                if candidate.is_file():
                    return candidate
        return None


def write_addresses(path: Path, addresses: dict[str, str]) -> int:
    """Add ``key = "address"`` lines to the manifest at ``path`` for the keys it does not
    map yet (the file is created when missing; what it maps already is kept as it is);
    returns how many were added. Raises :class:`ConfigError` for a manifest that cannot
    be read or written."""
    import json

    have: dict[str, object] = {}
    if path.is_file():
        try:
            have = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ConfigError(f"{path}: cannot read: {message}") from None
    new = {k: v for k, v in addresses.items() if k not in have}
    if not new:
        return 0
    lines = "".join(f"{json.dumps(k)} = {json.dumps(v)}\n" for k, v in new.items())
    try:
        old = path.read_text(encoding="utf-8") if path.is_file() else ""
        glue = "" if not old or old.endswith("\n") else "\n"
        path.write_text(old + glue + lines, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write: {exc.strerror or exc}") from None
    return len(new)
