"""The options of the command line, declared once: names, metavars and help texts.

Every value-taking option has a metavar (``RULES``, ``PATH``, ``FORMAT``, ``N``, ``FILE``,
``PCT``) so that ``--help`` never shows a Python type; every command answers ``-h`` as
well as ``--help``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

import typer

from citecheck.cli.commands import OPTIONAL_VALUES, App, Command, Group, optional_values

__all__ = [
    "HELP_OPTIONS",
    "OPTIONAL_VALUES",
    "SETTING_OPTIONS",
    "App",
    "BaselineOpt",
    "CheckFormat",
    "Color",
    "Command",
    "ConfigOpt",
    "Encoding",
    "Exclude",
    "FailOn",
    "FailUnder",
    "FixFirst",
    "FormatOpt",
    "Group",
    "Ignore",
    "Jobs",
    "MinWords",
    "NoColor",
    "OutputFile",
    "Paths",
    "ProfileOpt",
    "Quiet",
    "Scope",
    "Select",
    "Statistics",
    "StdinFilename",
    "SupportModel",
    "Unsafe",
    "UnsafeFix",
    "Version",
    "WriteBaseline",
    "optional_values",
    "overrides",
    "split",
]

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
FixFirst = Annotated[
    bool, typer.Option("--fix", help="Run citecheck fix on the paths first, then check.")
]
UnsafeFix = Annotated[bool, typer.Option("--unsafe", help="With --fix: unsafe fixes too.")]
Unsafe = Annotated[
    bool,
    typer.Option(
        "--unsafe",
        help="Also remove uncited references and list items that are not sources, and write "
        "in the pages verify --write-sources saved for title-only entries.",
    ),
]
