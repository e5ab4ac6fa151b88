"""The options of the command line, declared once: names, metavars and help texts.

Every value-taking option has a metavar (``RULES``, ``PATH``, ``FORMAT``, ``N``, ``FILE``,
``PCT``) so that ``--help`` never shows a Python type; every command answers ``-h`` as
well as ``--help``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}
SETTING_OPTIONS = (
    "scope",
    "profile",
    "select",
    "ignore",
    "fail_on",
    "fail_under",
    "min_claim_words",
    "support_model",
    "encoding",
    "allow_private",
    "fetch_deadline",
    "run_deadline",
    "lookup",
    "mailto",
    "search_url",
)
# Options whose value may be left out: given alone, they take this value.
OPTIONAL_VALUES = {"--allow-private": "*"}


def split(values: list[str] | None) -> tuple[str, ...] | None:
    """Split repeated, comma-separated rule options into one tuple (None: not given)."""
    if not values:
        return None
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


def overrides(options: Mapping[str, Any] | None = None, **named: Any) -> dict[str, Any]:
    """The settings among a command's options (``locals()`` or keywords), in config-file
    spelling; None means not given."""
    given = {**(options or {}), **named}
    picked = {k: given[k] for k in SETTING_OPTIONS if k in given}
    for key in ("select", "ignore"):
        if key in picked:
            picked[key] = split(picked[key])
    if picked.get("allow_private") is not None:
        hosts = split(picked["allow_private"]) or ()
        picked["allow_private"] = True if "*" in hosts else hosts
    return {k.replace("_", "-"): v for k, v in picked.items()}


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


def _show_version(value: bool) -> None:
    if value:
        from citecheck import __version__

        typer.echo(f"citecheck {__version__}")
        raise typer.Exit()


Version = Annotated[
    bool,
    typer.Option(
        "--version",
        "-V",
        callback=_show_version,
        is_eager=True,
        help="Show the version and exit.",
    ),
]
Paths = Annotated[
    list[str] | None,
    typer.Argument(metavar="PATH", help="Files, directories or - for standard input."),
]
FormatOpt = Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="text or json.")]
CheckFormat = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="text, concise, json, github, sarif, junit or html (default: github under GitHub "
        "Actions, else text).",
    ),
]
Color = Annotated[
    str,
    typer.Option(
        "--color",
        metavar="WHEN",
        help="auto (default: on a terminal, unless NO_COLOR is set or FORCE_COLOR asks for "
        "it), always or never.",
    ),
]
NoColor = Annotated[bool, typer.Option("--no-color", help="Same as --color never.")]
Encoding = Annotated[
    str | None,
    typer.Option(metavar="NAME", help="Decode input with this encoding (default: detect)."),
]
Scope = Annotated[str | None, typer.Option(metavar="SCOPE", help="paragraph or sentence.")]
ProfileOpt = Annotated[
    str | None,
    typer.Option(
        "--profile", metavar="PROFILE", help="auto (default), article, paper, spec or book."
    ),
]
Select = Annotated[
    list[str] | None,
    typer.Option(
        metavar="RULES",
        help="Rules to run: codes or names, comma-separated (CC001,dangling-citation); "
        "repeatable. ALL turns on every rule.",
    ),
]
Ignore = Annotated[
    list[str] | None,
    typer.Option(
        metavar="RULES",
        help="Rules to skip: codes or names, comma-separated; repeatable.",
    ),
]
FailOn = Annotated[
    str | None,
    typer.Option(
        metavar="SEVERITY", help="Exit 1 at this severity: error, warning, info or never."
    ),
]
FailUnder = Annotated[
    float | None,
    typer.Option(metavar="PCT", help="Fail when claim coverage is below PCT percent."),
]
ConfigOpt = Annotated[str | None, typer.Option(metavar="FILE", help="Configuration file to use.")]
MinWords = Annotated[int | None, typer.Option(metavar="N", help="Shortest claim in words.")]
StdinFilename = Annotated[
    str | None,
    typer.Option(
        metavar="NAME",
        help="Name of the text read from standard input (its format, configuration and the "
        "path shown).",
    ),
]
Jobs = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, metavar="N", help="Worker processes (default: cores)."),
]
Exclude = Annotated[
    list[str] | None,
    typer.Option(metavar="GLOB", help="Skip files or folders matching GLOB (repeatable)."),
]
BaselineOpt = Annotated[
    str | None,
    typer.Option("--baseline", metavar="FILE", help="Hide the findings recorded in FILE."),
]
WriteBaseline = Annotated[
    str | None,
    typer.Option(metavar="FILE", help="Record every current finding in FILE."),
]
OutputFile = Annotated[
    str | None,
    typer.Option(
        "--output-file",
        "-o",
        metavar="FILE",
        help="Write the report to FILE (atomically) instead of standard output.",
    ),
]
Statistics = Annotated[
    bool,
    typer.Option(
        "--statistics",
        help="Show how many findings each rule gave instead of the findings (text or json).",
    ),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Findings only (concise format).")]
SupportModel = Annotated[
    str | None,
    typer.Option(
        "--support-model",
        metavar="PATH",
        help="Judge support with this ONNX cross-encoder folder (needs the model extra).",
    ),
]
