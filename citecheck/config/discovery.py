"""Configuration files: discovery, reading and validation into :class:`Settings`.

``[tool.citecheck]`` in ``pyproject.toml``, or ``citecheck.toml`` / ``.citecheck.toml``
(top-level keys), found by walking up from each checked path; ``--config`` overrides. The
nearest file wins (files are not merged); command-line options replace its values.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path
from typing import TYPE_CHECKING, Any

from citecheck.config.settings import KEYS, Settings
from citecheck.model.errors import ConfigError

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

CONFIG_NAMES = ("citecheck.toml", ".citecheck.toml", "pyproject.toml")
DEFAULT = "default"
COMMAND_LINE = "command line"

_FRIENDLY = {
    "tuple_type": "expected an array of strings",
    "list_type": "expected an array",
    "dict_type": "expected a table",
    "string_type": "expected a string",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
}


@dataclass(frozen=True, slots=True)
class Effective:
    """Validated settings, the file they came from and where each key was set."""

    settings: Settings
    file: Path | None
    sources: dict[str, str]


def display(path: Path) -> str:
    """Return a path relative to the working directory when it lies below it."""
    rel = os.path.relpath(path)
    return path.as_posix() if rel.startswith("..") else Path(rel).as_posix()


def _table(path: Path) -> dict[str, Any] | None:
    """Return the citecheck table of a config file, or None when it has none."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ConfigError(f"{display(path)}: cannot read: {reason}") from None
    if path.name == "pyproject.toml" and "citecheck" not in raw:
        return None  # another tool's file: no need to parse it (or to judge its TOML)
    import tomllib

    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{display(path)}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("citecheck") if isinstance(tool, dict) else None
        return table if isinstance(table, dict) else None
    return data


def _where(path: Path | None) -> str:
    return " in [tool.citecheck]" if path is not None and path.name == "pyproject.toml" else ""


def _message(err: ErrorDetails, origin: str, where: str) -> str:
    key = ".".join(str(p) for p in err["loc"]) or "?"
    if origin == COMMAND_LINE:
        key = "--" + key.split(".")[0]
    if err["type"] == "extra_forbidden":
        near = get_close_matches(key.replace("_", "-"), KEYS, n=1, cutoff=0.5)
        hint = f"did you mean {near[0]!r}?" if near else f"valid keys: {', '.join(KEYS)}"
        if key == "tool" and not where:
            hint = "keys stand at the top level here, without a [tool.citecheck] header"
        return f"{origin}: unknown key {key!r}{where}; {hint}"
    msg = _FRIENDLY.get(err["type"], str(err["msg"]).removeprefix("Value error, "))
    value = err.get("input")
    if isinstance(value, str | int | float) and "unknown rule" not in msg:
        msg += f", got {value!r}"
    return " ".join(f"{origin}: bad value for {key!r}{where}: {msg}".split())


def validate(table: dict[str, Any], origin: str, where: str = "") -> Settings:
    """Validate a config table, raising :class:`ConfigError` naming the key."""
    from pydantic import ValidationError

    try:
        return Settings.model_validate(table)
    except ValidationError as exc:
        raise ConfigError(_message(exc.errors()[0], origin, where)) from None


class Loader:
    """Finds and validates the settings of each checked path, caching by folder."""

    def __init__(self, config: str | None = None, overrides: dict[str, Any] | None = None):
        self.explicit = Path(config) if config else None
        self.overrides = {
            k.replace("_", "-"): v for k, v in (overrides or {}).items() if v is not None
        }
        self._near: dict[Path, Path | None] = {}
        self._tables: dict[Path, dict[str, Any] | None] = {}
        self._effective: dict[Path | None, Effective] = {}

    def table(self, path: Path) -> dict[str, Any] | None:
        """Return the (cached) citecheck table of a config file."""
        if path not in self._tables:
            self._tables[path] = _table(path)
        return self._tables[path]

    def nearest(self, folder: Path) -> Path | None:
        """Return the nearest config file at or above a folder."""
        if folder in self._near:
            return self._near[folder]
        found: Path | None = None
        for name in CONFIG_NAMES:
            candidate = folder / name
            if os.path.isfile(candidate) and self.table(candidate) is not None:
                found = candidate
                break
        if found is None and folder.parent != folder:
            found = self.nearest(folder.parent)
        self._near[folder] = found
        return found

    def file_for(self, path: str | None) -> Path | None:
        """Return the config file that applies to a checked path (None: defaults)."""
        if self.explicit is not None:
            return self.explicit
        start = Path(path) if path and path != "-" else Path.cwd()
        # os.path, not Path: a name too long for the file system is just not a folder.
        folder = start if os.path.isdir(start) else start.parent
        return self.nearest(Path(os.path.abspath(folder)))

    def effective(self, path: str | None) -> Effective:
        """Return the validated settings for a checked path, with their sources."""
        file = self.file_for(path)
        if file not in self._effective:
            self._effective[file] = self._build(file)
        return self._effective[file]

    def __call__(self, path: str) -> Settings:
        """Return the settings for a checked path."""
        return self.effective(path).settings

    def _build(self, file: Path | None) -> Effective:
        table: dict[str, Any] = {}
        origin, where = DEFAULT, ""
        if file is not None:
            if not os.path.isfile(file):
                raise ConfigError(f"{display(file)}: config file not found")
            found = self.table(file)
            if found is None:
                raise ConfigError(f"{display(file)}: no [tool.citecheck] table")
            origin, where = display(file), _where(file)
            validate(found, origin, where)
            table = {k.replace("_", "-"): v for k, v in found.items()}
        settings = self._validated({**table, **self.overrides}, origin, where)
        sources = {
            key: COMMAND_LINE if key in self.overrides else origin if key in table else DEFAULT
            for key in KEYS
        }
        root = str(file.parent.resolve()) if file is not None else None
        return Effective(settings.rooted(root), file, sources)

    def _validated(self, merged: dict[str, Any], origin: str, where: str) -> Settings:
        if not merged:  # the defaults: nothing to validate, and pydantic stays unloaded
            return Settings()
        from pydantic import ValidationError

        try:
            return Settings.model_validate(merged)
        except ValidationError as exc:
            err = exc.errors()[0]
            from_cli = bool(err["loc"]) and str(err["loc"][0]).replace("_", "-") in self.overrides
            raise ConfigError(
                _message(err, COMMAND_LINE if from_cli else origin, "" if from_cli else where)
            ) from None


def describe(path: str, effective: Effective) -> dict[str, Any]:
    """Return what ``citecheck config --format json`` prints."""
    values = effective.settings.model_dump(mode="json", by_alias=True)
    return {
        "version": 1,
        "path": path,
        "config_file": display(effective.file) if effective.file else None,
        "settings": {key: {"value": values[key], "source": effective.sources[key]} for key in KEYS},
    }


def describe_lines(data: dict[str, Any]) -> list[str]:
    """Return what ``citecheck config`` prints: one ``key = value  # source`` line a key."""
    lines = [f"# settings for {data['path']}; config file: {data['config_file'] or 'none'}"]
    width = max(len(k) for k in data["settings"])
    for key, item in data["settings"].items():
        value = json.dumps(item["value"], ensure_ascii=False)
        lines.append(f"{key:<{width}} = {value}  # {item['source']}")
    return lines


def discover(start: Path) -> Path | None:
    """Return the nearest config file at or above ``start``."""
    return Loader().file_for(str(start))


def settings_for(config: str | None, start: Path, overrides: dict[str, Any]) -> Settings:
    """Load config for a path, apply command-line overrides and validate."""
    return Loader(config, overrides)(str(start))
