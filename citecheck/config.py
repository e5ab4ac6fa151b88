"""Configuration files: discovery, reading and validation into :class:`Settings`.

``[tool.citecheck]`` in ``pyproject.toml``, or ``citecheck.toml`` / ``.citecheck.toml``
(top-level keys), found by walking up from the checked path; ``--config`` overrides.
"""

from __future__ import annotations

import tomllib
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from citecheck.errors import ConfigError
from citecheck.settings import Settings

CONFIG_NAMES = ("citecheck.toml", ".citecheck.toml", "pyproject.toml")


def _table(path: Path) -> dict[str, Any] | None:
    """Return the citecheck table of a config file, or None when it has none."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("citecheck") if isinstance(tool, dict) else None
        return table if isinstance(table, dict) else None
    return data


def discover(start: Path) -> Path | None:
    """Return the nearest config file at or above ``start``."""
    here = start if start.is_dir() else start.parent
    for folder in (here.resolve(), *here.resolve().parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and _table(candidate) is not None:
                return candidate
    return None


def _nearest(key: str) -> str:
    fields = [f.alias or n for n, f in Settings.model_fields.items()]
    near = get_close_matches(key.replace("_", "-"), fields, n=1, cutoff=0.5)
    return f"; did you mean {near[0]!r}?" if near else f"; valid keys: {', '.join(fields)}"


def validate(table: dict[str, Any], origin: str) -> Settings:
    """Validate a config table, raising :class:`ConfigError` naming the key."""
    try:
        return Settings.model_validate(table)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"]) or "?"
        if err["type"] == "extra_forbidden":
            raise ConfigError(f"{origin}: unknown key {key!r}{_nearest(key)}") from None
        raise ConfigError(f"{origin}: bad value for {key!r}: {err['msg']}") from None


def load(config: str | None, start: Path) -> tuple[dict[str, Any], Path | None]:
    """Return the raw config table and its file (explicit, else discovered)."""
    path = Path(config) if config else discover(start)
    if path is None:
        return {}, None
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    table = _table(path)
    if table is None:
        raise ConfigError(f"{path}: no [tool.citecheck] table")
    return table, path


def settings_for(config: str | None, start: Path, overrides: dict[str, Any]) -> Settings:
    """Load config, apply command-line overrides and validate."""
    table, path = load(config, start)
    validate(table, str(path) if path else "configuration")
    merged = {k.replace("_", "-"): v for k, v in table.items()}
    merged.update({k.replace("_", "-"): v for k, v in overrides.items() if v is not None})
    return validate(merged, "command line")
