"""The typer classes citecheck's commands are made of: an app whose commands are built only
when asked for (:mod:`citecheck.cli.lazy`), whose help lists arguments by their metavar,
whose parameters typer coerces only when a value needs it, and whose options may leave out
a value (:data:`OPTIONAL_VALUES`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

# Options whose value may be left out: given alone, they take this value.
OPTIONAL_VALUES = {"--allow-private": "*"}


class _Deferred:
    """Typer's coercion of one parameter, built only for a value that needs it.

    Typer (0.2x) coerces every parameter's value, given or not, with a pydantic
    ``TypeAdapter`` built on first use; building the adapters of a command's twenty
    options cost more start-up time than checking an article. A value that is absent, or
    a string (or strings) for a ``str`` (or ``list[str]``) option, comes through such an
    adapter unchanged, so it is passed on as it is; any other value goes to typer's own
    coercion, with typer's errors.
    """

    __slots__ = ("plain",)

    def __init__(self, param: Any) -> None:
        desc = param.type_descriptor
        self.plain = desc.annotation in _PLAIN and not (
            desc.is_path or desc.is_choice or desc.is_file or desc.is_ranged
        )

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        many = param.multiple or param.nargs == -1
        if value is None:
            return () if many else None
        if self.plain and many and isinstance(value, list | tuple):
            if all(isinstance(v, str) for v in value):
                return list(value)
        elif self.plain and not many and isinstance(value, str):
            return value
        from typer._coercion import build_runtime_param

        param._runtime_param = build_runtime_param(param.type_descriptor)
        return param._runtime_param.coerce(value, param=param, ctx=ctx)


_PLAIN = (str, str | None, list[str], list[str] | None)


def _defer(params: list[Any]) -> None:
    for param in params:
        if getattr(param, "_runtime_param", False) is None:
            param._runtime_param = _Deferred(param)


def optional_values(args: list[str]) -> list[str]:
    """``args`` with the value of an :data:`OPTIONAL_VALUES` option filled in where it
    was left out: at the end, before another option, or before an existing file or folder
    (``verify --allow-private article.md`` reads as before hosts could be named)."""
    import os

    out: list[str] = []
    for n, arg in enumerate(args):
        out.append(arg)
        if arg == "--":
            return out + args[n + 1 :]
        if arg in OPTIONAL_VALUES:
            after = args[n + 1] if n + 1 < len(args) else None
            if after is None or after.startswith("-") or os.path.exists(after):
                out.append(OPTIONAL_VALUES[arg])
    return out


class Group(TyperGroup):
    """The typer group of the app, whose options are coerced as :class:`_Deferred` says."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Parse the command line (see :meth:`click.Command.parse_args`)."""
        _defer(self.get_params(ctx))
        return super().parse_args(ctx, args)


class Command(TyperCommand):
    """A typer command whose help lists arguments by their metavar, without a type, and
    whose parameters are coerced by typer only when a value needs it (:class:`_Deferred`)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Parse the command line (see :meth:`click.Command.parse_args`)."""
        _defer(self.get_params(ctx))
        return super().parse_args(ctx, optional_values(args))

    def format_options(self, ctx: Any, formatter: Any) -> None:
        """Write the Arguments and Options sections of ``--help``."""
        args, opts = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                if param.metavar:
                    dots = "..." if param.nargs != 1 else ""
                    record = (param.metavar + dots, record[1])
                args.append(record)
            elif param.param_type_name == "option":
                opts.append(record)
        for title, rows in (("Arguments", args), ("Options", opts)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


class App(typer.Typer):
    """The citecheck app: every command is a :class:`Command` unless told otherwise."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", Group)
        super().__init__(**kwargs)

    def command(self, *args: Any, **kwargs: Any) -> Callable[[Any], Any]:
        """Register a command (see :meth:`typer.Typer.command`)."""
        kwargs.setdefault("cls", Command)
        return super().command(*args, **kwargs)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Run the command line (see :meth:`click.Command.main`), building only the
        command it names (:mod:`citecheck.cli.lazy`)."""
        from citecheck.cli.lazy import group

        return group(self)(*args, **kwargs)
