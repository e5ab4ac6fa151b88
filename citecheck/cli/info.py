"""The commands that show what citecheck knows: config, rules, explain, parse, refs and
schema. cli.py registers them on the app."""

import json
import sys
from typing import Annotated, Any

import typer

from citecheck.cli.options import (
    Color,
    ConfigOpt,
    Encoding,
    FailOn,
    FailUnder,
    FormatOpt,
    Ignore,
    MinWords,
    NoColor,
    Paths,
    ProfileOpt,
    Scope,
    Select,
    StdinFilename,
)
from citecheck.cli.options import overrides as _overrides
from citecheck.cli.run import color as _color
from citecheck.cli.run import fail as _fail
from citecheck.model.errors import CitecheckError


def show_config(
    path: Annotated[
        str, typer.Argument(metavar="PATH", help="File or folder whose settings to show.")
    ] = ".",
    fmt: FormatOpt = "text",
    config: ConfigOpt = None,
    scope: Scope = None,
    profile: ProfileOpt = None,
    select: Select = None,
    ignore: Ignore = None,
    fail_on: FailOn = None,
    fail_under: FailUnder = None,
    min_claim_words: MinWords = None,
    encoding: Encoding = None,
) -> None:
    """Show the effective settings for a path and where each one was set."""
    from citecheck.config.discovery import Loader, describe, describe_lines

    overrides = _overrides(locals())
    try:
        effective = Loader(config, overrides).effective(path)
    except CitecheckError as exc:
        raise _fail(str(exc)) from None
    data = describe(path, effective)
    if fmt == "json":
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write("".join(line + "\n" for line in describe_lines(data)))


def rules(fmt: FormatOpt = "text") -> None:
    """List every rule: code, name, default severity, whether it is on by default."""
    from citecheck.checker import RULES
    from citecheck.checker.docs import rule_table

    sys.stdout.write(rule_table(RULES, fmt))


def explain(
    rule: Annotated[str | None, typer.Argument(metavar="RULE", help="Rule code or name.")] = None,
    every: Annotated[bool, typer.Option("--all", help="Explain every rule.")] = False,
) -> None:
    """Explain a rule: what it does, why, an example that fails and one that passes."""
    from citecheck.checker import RULES
    from citecheck.checker.docs import explanation
    from citecheck.config.settings import rule_named

    if every == (rule is not None):
        raise _fail("explain takes a RULE or --all" + (", not both" if every else ""))
    try:
        chosen = RULES if every else [rule_named(rule or "")]
    except CitecheckError as exc:
        raise _fail(str(exc)) from None
    sys.stdout.write("\n".join(explanation(r) for r in chosen))


def _views(
    paths: list[str] | None, stdin_filename: str | None, encoding: str | None, config: str | None
) -> tuple[list[dict[str, Any]], bool]:
    """Parse each path for ``parse`` and ``refs``; print problems, say whether there were."""
    from citecheck.cli.views import gather
    from citecheck.config.discovery import Loader

    paths = paths or (["-"] if stdin_filename else [])
    if not paths:
        raise _fail("no paths given; pass files, directories or - for stdin")
    try:
        found, problems = gather(paths, Loader(config, {"encoding": encoding}), stdin_filename)
    except CitecheckError as exc:
        raise _fail(str(exc)) from None
    for line in problems:
        sys.stderr.write(line + "\n")
    return found, bool(problems)


def parse(
    paths: Paths = None,
    fmt: FormatOpt = "text",
    stdin_filename: StdinFilename = None,
    encoding: Encoding = None,
    config: ConfigOpt = None,
    no_color: NoColor = False,
    color: Color = "auto",
) -> None:
    """Show what citecheck understood: sentences, markers, claims and references."""
    from citecheck.cli.views import parse_lines

    _show(locals(), parse_lines, lambda d: d)


def refs(
    paths: Paths = None,
    fmt: FormatOpt = "text",
    stdin_filename: StdinFilename = None,
    encoding: Encoding = None,
    config: ConfigOpt = None,
    no_color: NoColor = False,
    color: Color = "auto",
) -> None:
    """Show the resolved map: each reference and where it is cited."""
    from citecheck.cli.views import refs_lines

    _show(
        locals(),
        refs_lines,
        lambda d: {"version": 1, "path": d["path"], "references": d["references"]},
    )


def _show(options: dict[str, Any], lines: Any, pick: Any) -> None:
    """Read the paths of parse or refs, print each file's view, leave with the exit code."""
    from citecheck.cli.output import many_inputs, show_views

    shown = _color(options["no_color"], options["color"])
    paths = options["paths"]
    found, failed = _views(paths, options["stdin_filename"], options["encoding"], options["config"])
    show_views([pick(d) for d in found], many_inputs(paths), options["fmt"], lines, shown)
    raise typer.Exit(2 if failed else 0)


def schema() -> None:
    """Print the JSON Schema of the JSON report."""
    from citecheck.cli.formats.json import schema as report_schema

    sys.stdout.write(report_schema() + "\n")
