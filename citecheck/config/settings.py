"""Settings: defaults, validation and rule selection.

Settings are a frozen dataclass; values other than the defaults are validated (unknown keys
rejected) by the pydantic model of :mod:`citecheck.config.model`, which the defaults never
load. Keys are spelled in kebab case in configuration files (``min-claim-words``) and
accepted in snake case from Python.
Rule names in ``select``, ``ignore``, ``severity`` and ``per-file-ignores`` are checked when
the settings are built, so a typo is a configuration error before any file is read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from types import ModuleType
from typing import Any, Literal

from citecheck.config.globs import any_match, relative
from citecheck.model.errors import ConfigError
from citecheck.report import Severity


def _kebab(name: str) -> str:
    return name.replace("_", "-")


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Everything a check run can be told (see :mod:`citecheck.config.model` for each
    key's type, range and meaning).

    Built with values other than the defaults, settings are validated (a pydantic
    ``ValidationError`` names the bad key) and rule names in ``severity`` become codes.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    scope: Literal["paragraph", "sentence"] = "paragraph"
    profile: Literal["auto", "article", "paper", "spec", "book"] = "auto"
    min_claim_words: int = 5
    reference_headings: tuple[str, ...] = ()
    outlet_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    support_threshold: float = 0.2
    min_quote_words: int = 4
    support_model: str | None = None
    allow_private: bool | tuple[str, ...] = False
    fetch_deadline: float = 60.0
    run_deadline: float | None = None
    lookup: bool = False
    mailto: str | None = None
    index_urls: dict[str, str] = field(default_factory=dict)
    search_url: str | None = None
    outlet_domains: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fail_on: Literal["error", "warning", "info", "never"] = "warning"
    fail_under: float | None = None
    encoding: str | None = None
    # Where relative per-file-ignores globs are anchored: the config file's folder.
    _root: str | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        if any(_given(getattr(self, name), value) for name, value in _DEFAULTS.items()):
            self._take(self.model_validate({n: getattr(self, n) for n in _DEFAULTS}))

    def _take(self, other: Settings) -> None:
        for name in _DEFAULTS:
            object.__setattr__(self, name, getattr(other, name))

    @classmethod
    def model_validate(cls, table: Mapping[str, Any]) -> Settings:
        """Validate a table of settings (kebab- or snake-case keys); raise pydantic's
        ``ValidationError`` naming the first bad key."""
        new = object.__new__(cls)
        object.__setattr__(new, "_root", None)
        if not table:
            for name in _DEFAULTS:
                object.__setattr__(new, name, _default(name))
            return new
        from citecheck.config.model import SettingsModel

        valid = SettingsModel.model_validate(dict(table))
        for name in _DEFAULTS:
            object.__setattr__(new, name, getattr(valid, name))
        return new

    def model_dump(self, *, mode: str = "python", by_alias: bool = False) -> dict[str, Any]:
        """Return the settings as a dict (kebab-case keys with ``by_alias``; lists for
        tuples in json mode)."""
        out: dict[str, Any] = {}
        for name in _DEFAULTS:
            value = getattr(self, name)
            if mode == "json":
                value = _jsonable(value)
            out[_kebab(name) if by_alias else name] = value
        return out

    @property
    def root(self) -> str | None:
        """The folder that relative ``per-file-ignores`` globs start from (None: cwd)."""
        return self._root

    def rooted(self, root: str | None) -> Settings:
        """Return a copy whose ``per-file-ignores`` are anchored at ``root``."""
        copy = object.__new__(Settings)
        copy._take(self)
        object.__setattr__(copy, "_root", root)
        return copy


_DEFAULTS: dict[str, Any] = {
    f.name: f.default_factory() if f.default_factory is not MISSING else f.default
    for f in fields(Settings)
    if f.init
}
KEYS = tuple(_kebab(name) for name in _DEFAULTS)


def _given(value: Any, default: Any) -> bool:
    """Whether a value differs from its default (``5.0`` for ``5`` does: it is checked)."""
    return type(value) is not type(default) or bool(value != default)


def _default(name: str) -> Any:
    value = _DEFAULTS[name]
    return type(value)() if isinstance(value, dict) else value


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def rule_named(name: str) -> ModuleType:
    """Return the rule for a code or name, or raise :class:`ConfigError` with a hint."""
    from citecheck.checker import find_rule
    from citecheck.checker.names import rule_hint

    rule = find_rule(name)
    if rule is None:
        raise ConfigError(f"unknown rule {name!r}{rule_hint(name)}")
    return rule


def _is_all(name: str) -> bool:
    return name.strip().upper() == "ALL"


def _code(name: str) -> str:
    """Return a rule's code; a ValueError (which pydantic reports with the key) if unknown."""
    try:
        return str(rule_named(name).CODE)
    except ConfigError as exc:
        raise ValueError(str(exc)) from None


def file_ignores(path: str | None, settings: Settings) -> tuple[str, ...]:
    """Return the rules that ``per-file-ignores`` switch off for a path."""
    if not path or path == "-" or not settings.per_file_ignores:
        return ()
    rel = relative(path, settings.root)
    out: list[str] = []
    for pattern, rules in settings.per_file_ignores.items():
        if any_match((pattern,), rel):
            out.extend(rules)
    return tuple(out)


def selected_rules(settings: Settings, extra_ignores: tuple[str, ...] = ()) -> list[ModuleType]:
    """Return the rules a run uses: defaults or ``select``, minus ``ignore``."""
    from citecheck.checker import RULES

    if not settings.select:
        chosen = [r for r in RULES if r.ENABLED]
    elif any(_is_all(s) for s in settings.select):
        chosen = list(RULES)
    else:
        wanted = {rule_named(s).CODE for s in settings.select}
        chosen = [r for r in RULES if r.CODE in wanted]
    ignores = (*settings.ignore, *extra_ignores)
    if any(_is_all(s) for s in ignores):
        return []
    dropped = {rule_named(s).CODE for s in ignores}
    return [r for r in chosen if r.CODE not in dropped]


def severity_of(rule: ModuleType, settings: Settings) -> Severity:
    """Return the configured severity of a rule, else its default."""
    return settings.severity.get(rule.CODE, rule.SEVERITY)  # type: ignore[no-any-return]
