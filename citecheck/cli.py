"""The command line: arguments → settings → run → format → exit code. No logic of its own."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from citecheck.errors import CitecheckError, InputError

app = typer.Typer(
    name="citecheck",
    help="Claim-to-source citation linter: uncited claims, dangling markers, unused sources.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

FormatOpt = Annotated[str, typer.Option("--format", "-f", help="text or json.")]
NoColor = Annotated[bool, typer.Option("--no-color", help="Plain output even on a terminal.")]
Encoding = Annotated[str | None, typer.Option(help="Decode input with this encoding.")]


def _fail(message: str) -> typer.Exit:
    sys.stderr.write(f"citecheck: error: {message}\n")
    return typer.Exit(2)


def _color(no_color: bool) -> bool:
    return not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()


def _split(values: list[str] | None) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


def _print(lines: list[tuple[str, str]], color: bool) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(force_terminal=color, no_color=not color, highlight=False, soft_wrap=True)
    for style, line in lines:
        console.print(Text(line, style=style if color else ""))


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or - for stdin.")],
    fmt: FormatOpt = "text",
    scope: Annotated[str | None, typer.Option(help="paragraph or sentence.")] = None,
    select: Annotated[list[str] | None, typer.Option(help="Rules to run (codes or names).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Rules to skip.")] = None,
    fail_on: Annotated[str | None, typer.Option(help="error, warning, info or never.")] = None,
    config: Annotated[str | None, typer.Option(help="Configuration file to use.")] = None,
    min_claim_words: Annotated[int | None, typer.Option(help="Shortest claim in words.")] = None,
    encoding: Encoding = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Findings only.")] = False,
    no_color: NoColor = False,
) -> None:
    """Check articles and report citation problems."""
    from citecheck.api import check_paths
    from citecheck.config import settings_for
    from citecheck.formats import FORMATS, renderer
    from citecheck.report import SEVERITY_RANK
    from citecheck.settings import selected_rules

    if fmt not in FORMATS:
        raise _fail(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    overrides: dict[str, Any] = {
        "scope": scope,
        "select": _split(select),
        "ignore": _split(ignore),
        "fail-on": fail_on,
        "min-claim-words": min_claim_words,
        "encoding": encoding,
    }
    start = Path(paths[0]) if paths and paths[0] != "-" else Path.cwd()
    try:
        settings = settings_for(config, start, overrides)
        selected_rules(settings)  # an unknown rule name is a usage error, before any work
    except CitecheckError as exc:
        raise _fail(str(exc)) from None
    report = check_paths(paths, settings, keep_source=fmt == "text" and not quiet)
    for problem in report.errors:
        sys.stderr.write(f"citecheck: {problem.path}: {problem.message}\n")
    if quiet and fmt == "text":
        for file in report.files:
            for f in file.findings:
                sys.stdout.write(f"{f.path}:{f.line}:{f.column} {f.code} {f.rule} {f.message}\n")
    else:
        renderer(fmt)(report, sys.stdout, _color(no_color))
    if report.errors:
        raise typer.Exit(2)
    threshold = SEVERITY_RANK.get(settings.fail_on, 99)
    failing = any(
        SEVERITY_RANK[f.severity] >= threshold for file in report.files for f in file.findings
    )
    cov = report.summary.coverage
    under = settings.fail_under is not None and cov is not None and cov < settings.fail_under
    raise typer.Exit(1 if failing or under else 0)


@app.command()
def rules() -> None:
    """List every rule: code, name, default severity, whether it is on by default."""
    from citecheck.checker import RULES

    for r in RULES:
        summary = (r.__doc__ or "").strip().splitlines()[0]
        state = "" if r.ENABLED else "  (off by default)"
        sys.stdout.write(f"{r.CODE}  {r.NAME:<26} {r.SEVERITY:<8} {summary}{state}\n")


@app.command()
def explain(rule: Annotated[str, typer.Argument(help="Rule code or name.")]) -> None:
    """Explain a rule: what it does, why, an example that fails and one that passes."""
    from citecheck.settings import rule_named

    try:
        r = rule_named(rule)
    except CitecheckError as exc:
        raise _fail(str(exc)) from None
    doc = (r.__doc__ or "").strip()
    title, _, body = doc.partition("\n")
    default = "on" if r.ENABLED else "off"
    sys.stdout.write(f"{r.CODE} {r.NAME} ({r.SEVERITY}, {default} by default)\n{title}\n{body}\n")


def _analyse(path: str, encoding: str | None) -> tuple[Any, Any]:
    from citecheck.api import analyse
    from citecheck.config import settings_for
    from citecheck.files import read_path

    start = Path(path) if path != "-" else Path.cwd()
    try:
        settings = settings_for(None, start, {"encoding": encoding})
        text = read_path(path, settings.encoding)
    except InputError as exc:
        raise _fail(f"{exc.path}: {exc.problem}") from None
    except CitecheckError as exc:
        raise _fail(str(exc)) from None
    return analyse(text, path=path if path != "-" else None, settings=settings)


@app.command()
def parse(
    path: Annotated[str, typer.Argument(help="File or - for stdin.")],
    fmt: FormatOpt = "text",
    encoding: Encoding = None,
    no_color: NoColor = False,
) -> None:
    """Show what citecheck understood: sentences, markers, claims and references."""
    from citecheck.views import parse_data, parse_lines

    doc, res = _analyse(path, encoding)
    data = parse_data(doc, res)
    if fmt == "json":
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        _print(parse_lines(data), _color(no_color))


@app.command()
def refs(
    path: Annotated[str, typer.Argument(help="File or - for stdin.")],
    fmt: FormatOpt = "text",
    encoding: Encoding = None,
    no_color: NoColor = False,
) -> None:
    """Show the resolved map: each reference and where it is cited."""
    from citecheck.views import parse_data, refs_lines

    doc, res = _analyse(path, encoding)
    data = parse_data(doc, res)
    if fmt == "json":
        out = {"version": 1, "path": data["path"], "references": data["references"]}
        sys.stdout.write(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    else:
        _print(refs_lines(data), _color(no_color))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the JSON report."""
    from citecheck.formats.json import schema as report_schema

    sys.stdout.write(report_schema() + "\n")


def main() -> None:
    """Entry point of the console script and ``python -m citecheck``."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("citecheck: interrupted\n")
        sys.exit(130)
