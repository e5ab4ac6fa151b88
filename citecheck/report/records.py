"""Frozen records that dump, copy and serialise as pydantic models do, without pydantic.

The report of a run is built for every file checked, and building it with pydantic cost
the start-up of a one-article check more than everything else citecheck does (importing
pydantic's models and building their validators). The report's records are plain
dataclasses (:mod:`citecheck.report`); their schema stays written as pydantic models in
:mod:`citecheck.report.schema`, loaded only for ``citecheck schema``.

:meth:`Record.model_dump_json` writes the bytes pydantic 2's ``model_dump_json`` writes:
two-space indent, ``": "`` after keys, no ASCII escaping, ``null`` for a non-finite float,
and floats in pydantic's spelling (``0.00001``, ``1e-7``, where Python writes ``1e-05``,
``1e-07``).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Mapping
from json.encoder import encode_basestring
from typing import Any, Self, TypeVar, dataclass_transform

# A serialised file is handed on in pieces of about this many strings, never whole (a
# report of one large document runs to tens of megabytes).
_FLUSH = 4096


class Record:
    """The base of the report's records: frozen slotted dataclasses (see :func:`record`)."""

    __slots__ = ()

    def __setattr__(self, name: str, value: Any) -> None:
        # Each field is set once, by __init__ (its slot is empty until then); never again.
        try:
            getattr(self, name)
        except AttributeError:
            object.__setattr__(self, name, value)
            return
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:
        fields = dataclasses.fields(self)  # type: ignore[arg-type]
        return hash(tuple(_hashable(getattr(self, f.name)) for f in fields if f.compare))

    def model_dump(self, *, mode: str = "python") -> dict[str, Any]:
        """Return the record as a dict, records inside it as dicts (mode: python or json)."""
        return {name: _plain(getattr(self, name), mode) for name in _dumped(type(self))}

    def model_dump_json(self, *, indent: int | None = None) -> str:
        """Return the record as JSON text, as pydantic's ``model_dump_json`` does."""
        pieces: list[str] = []
        write_json(self, pieces.append, indent)
        return "".join(pieces)

    def model_copy(self, *, update: Mapping[str, Any] | None = None) -> Self:
        """Return a copy with some fields replaced (not validated, as in pydantic)."""
        new = object.__new__(type(self))
        changes = update or {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            value = changes[f.name] if f.name in changes else getattr(self, f.name)
            object.__setattr__(new, f.name, value)
        return new


_R = TypeVar("_R", bound=type[Record])


@dataclass_transform(kw_only_default=True, frozen_default=True)
def record(cls: _R) -> _R:
    """Make a :class:`Record` subclass a frozen, slotted, keyword-only dataclass.

    ``dataclass(frozen=True)`` writes three more methods per class, which cost start-up
    more than the rest of the report's module; :class:`Record` freezes the fields itself.
    """
    made: _R = dataclasses.dataclass(slots=True, kw_only=True, init=False)(cls)  # type: ignore[assignment]
    made.__init__ = _init_for(made)  # type: ignore[method-assign]
    made.__hash__ = Record.__hash__  # type: ignore[method-assign]
    return made


def _init_for(cls: type) -> Callable[..., None]:
    """A keyword-only ``__init__`` that fills the slots directly, as a frozen dataclass's does.

    The one dataclasses writes for an unfrozen class assigns through
    :meth:`Record.__setattr__`, whose check of an empty slot raises and catches an
    ``AttributeError`` per field: most of the cost of a finding.
    """
    env: dict[str, Any] = {"_set": object.__setattr__, "_MISSING": dataclasses.MISSING}
    params: list[str] = []
    body: list[str] = []
    for f in dataclasses.fields(cls):
        value = f.name
        if f.default is not dataclasses.MISSING:
            env[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            env[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_MISSING")
            value = f"_factory_{f.name}() if {f.name} is _MISSING else {f.name}"
        else:
            params.append(f.name)
        body.append(f"_set(self, {f.name!r}, {value})")
    head = f"self, *, {', '.join(params)}" if params else "self"
    source = f"def __init__({head}):\n    " + "\n    ".join(body or ["pass"])
    exec(source, env)  # the field names of a record class, nothing else
    init: Callable[..., None] = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _hashable(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple((k, _hashable(v)) for k, v in value.items())
    return value


_DUMPED: dict[type, tuple[str, ...]] = {}


def _dumped(cls: type) -> tuple[str, ...]:
    """The fields of a record that its dumps show, in declaration order."""
    names = _DUMPED.get(cls)
    if names is None:
        fields = dataclasses.fields(cls)
        names = _DUMPED[cls] = tuple(f.name for f in fields if f.metadata.get("dump", True))
    return names


def _plain(value: Any, mode: str) -> Any:
    if isinstance(value, Record):
        return value.model_dump(mode=mode)
    if isinstance(value, list | tuple):
        items = [_plain(v, mode) for v in value]
        return items if mode == "json" or isinstance(value, list) else tuple(items)
    if isinstance(value, dict):
        return {k: _plain(v, mode) for k, v in value.items()}
    if mode == "json" and isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def json_float(value: float) -> str:
    """Spell a float as pydantic's JSON does (``null`` when not finite)."""
    if not math.isfinite(value):
        return "null"
    shown = repr(value)
    mantissa, minus, exponent = shown.partition("e-")
    if not minus:
        return shown
    power = int(exponent)
    if power != 5:
        return f"{mantissa}e-{power}"
    sign = "-" if mantissa.startswith("-") else ""
    return f"{sign}0.0000{mantissa.lstrip('-').replace('.', '')}"


def write_json(value: Any, write: Callable[[str], object], indent: int | None = None) -> None:
    """Write a record (or dict, list, str, number, None) as JSON text through ``write``."""
    out = _Writer(write, " " * indent if indent is not None else None)
    out.value(value, "\n")
    out.flush()


class _Writer:
    __slots__ = ("buf", "step", "write")

    def __init__(self, write: Callable[[str], object], step: str | None) -> None:
        self.buf: list[str] = []
        self.write = write
        self.step = step

    def flush(self) -> None:
        if self.buf:
            self.write("".join(self.buf))
            self.buf.clear()

    def value(self, value: Any, pad: str) -> None:
        buf = self.buf
        if isinstance(value, str):
            buf.append(encode_basestring(value))
        elif value is None:
            buf.append("null")
        elif value is True or value is False:
            buf.append("true" if value else "false")
        elif isinstance(value, int):
            buf.append(int.__repr__(value))
        elif isinstance(value, float):
            buf.append(json_float(value))
        elif isinstance(value, Record):
            self.members([(n, getattr(value, n)) for n in _dumped(type(value))], pad)
        elif isinstance(value, dict):
            self.members(list(value.items()), pad)
        elif isinstance(value, list | tuple):
            self.items(value, pad)
        else:
            raise TypeError(f"cannot write {type(value).__name__} as JSON")

    def members(self, members: list[tuple[str, Any]], pad: str) -> None:
        buf = self.buf
        if not members:
            buf.append("{}")
            return
        inner = pad + self.step if self.step is not None else ""
        colon = ": " if self.step is not None else ":"
        buf.append("{")
        for i, (key, item) in enumerate(members):
            buf.append(f"{',' if i else ''}{inner}{encode_basestring(key)}{colon}")
            self.value(item, inner)
        buf.append(pad if self.step is not None else "")
        buf.append("}")

    def items(self, items: list[Any] | tuple[Any, ...], pad: str) -> None:
        buf = self.buf
        if not items:
            buf.append("[]")
            return
        inner = pad + self.step if self.step is not None else ""
        buf.append("[")
        for i, item in enumerate(items):
            if i:
                buf.append(",")
            buf.append(inner)
            self.value(item, inner)
            if len(buf) > _FLUSH:
                self.flush()
        buf.append(pad if self.step is not None else "")
        buf.append("]")
