"""What the server is told: the workspace's configuration files and the client's options.

Settings come from the nearest ``pyproject.toml`` ``[tool.citecheck]`` table,
``citecheck.toml`` or ``.citecheck.toml`` above each document, found and validated by the
same :class:`~citecheck.config.discovery.Loader` as on the command line; the client's
``initializationOptions`` play the command line's part (they override the files). The
loader caches by folder, so a changed configuration file drops it (:meth:`Options.reload`).

``initializationOptions`` (all optional)::

    {"select": ["CC001"], "ignore": [...], "profile": "news", "scope": "sentence",
     "config": "path/to/citecheck.toml", "debounce": 150, "verify": false,
     "cacheDir": ".citecheck-cache", "rulesUrl": "https://…/README.md#rules"}

``verify`` (default off) verifies claims against sources from snapshots and the cache
only, as ``citecheck verify --offline`` does: the editor never opens a socket.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from citecheck.config.discovery import CONFIG_NAMES, Loader
from citecheck.config.settings import Settings

if TYPE_CHECKING:
    from citecheck.sources.model import SourceOptions

OVERRIDES = ("select", "ignore", "profile", "scope", "min_claim_words")
DEBOUNCE = 0.0
"""Least seconds between the starts of two checks of one document (see :mod:`.app`)."""
_README = Path(__file__).parents[2] / "README.md"


def _rules_url() -> str | None:
    """The README's rules table beside a source checkout, if there is one."""
    return _README.resolve().as_uri() + "#rules" if _README.is_file() else None


@dataclass(slots=True)
class Options:
    """The client's options and the loader of configuration files built from them."""

    overrides: dict[str, Any] = field(default_factory=dict)
    config: str | None = None
    debounce: float = DEBOUNCE
    verify: bool = False
    cache_dir: str = ".citecheck-cache"
    rules_url: str | None = field(default_factory=_rules_url)
    root: str | None = None
    loader: Loader = field(default_factory=Loader)

    @classmethod
    def of(cls, init: object, root: str | None) -> Options:
        """Read ``initializationOptions`` (a JSON object; anything else means none).

        Raises :class:`ValueError` on a value of the wrong type.
        """
        raw: dict[str, Any] = dict(init) if isinstance(init, dict) else {}
        norm = {str(k).replace("-", "_"): v for k, v in raw.items()}
        for key in ("select", "ignore"):
            if isinstance(norm.get(key), str):
                norm[key] = [norm[key]]
        overrides = {k: norm[k] for k in OVERRIDES if norm.get(k) is not None}
        out = cls(overrides=overrides, root=root)
        out.config = _text(norm.get("config"), "config")
        if norm.get("debounce") is not None:
            out.debounce = max(0.0, float(norm["debounce"]) / 1000)
        out.verify = bool(norm.get("verify", False))
        out.cache_dir = _text(norm.get("cacheDir") or norm.get("cache_dir"), "cacheDir") or (
            out.cache_dir
        )
        out.rules_url = _text(norm.get("rulesUrl") or norm.get("rules_url"), "rulesUrl") or (
            out.rules_url
        )
        if out.config and root and not os.path.isabs(out.config):
            out.config = os.path.join(root, out.config)
        out.reload()
        return out

    def reload(self) -> None:
        """Forget every configuration file read so far (one changed on disk)."""
        self.loader = Loader(self.config, self.overrides)

    def settings(self, path: str | None) -> Settings:
        """Return the settings of a document at ``path`` (None: an unsaved buffer, which
        takes the workspace's). Raises :class:`~citecheck.model.ConfigError`."""
        return self.loader(path or os.path.join(self.root or os.getcwd(), "untitled"))

    def sources(self) -> SourceOptions | None:
        """How a verifying editor finds sources: snapshots and the cache, never the network."""
        if not self.verify:
            return None
        from citecheck.sources.model import SourceOptions

        cache = Path(self.cache_dir)
        if not cache.is_absolute() and self.root:
            cache = Path(self.root) / cache
        return SourceOptions(offline=True, cache_dir=cache)


def is_config(path: str) -> bool:
    """Whether a file is one configuration is read from."""
    return os.path.basename(path) in CONFIG_NAMES


def _text(value: object, name: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise ValueError(f"initializationOptions: {name} must be a string")
