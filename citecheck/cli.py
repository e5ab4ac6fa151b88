"""The command line: arguments → settings → run → format → exit code. No logic of its own."""

from __future__ import annotations

import io
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
CheckFormat = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="text, concise, json, github, sarif or junit (default: github under GitHub "
        "Actions, else text).",
    ),
]
NoColor = Annotated[bool, typer.Option("--no-color", help="Plain output even on a terminal.")]
Encoding = Annotated[str | None, typer.Option(help="Decode input with this encoding.")]
Scope = Annotated[str | None, typer.Option(help="paragraph or sentence.")]
ProfileOpt = Annotated[
    str | None,
    typer.Option("--profile", help="auto (default), article, paper or spec."),
]
Select = Annotated[list[str] | None, typer.Option(help="Rules to run (codes or names).")]
Ignore = Annotated[list[str] | None, typer.Option(help="Rules to skip.")]
FailOn = Annotated[str | None, typer.Option(help="error, warning, info or never.")]
FailUnder = Annotated[
    float | None, typer.Option(help="Fail when claim coverage is below this percentage.")
]
ConfigOpt = Annotated[str | None, typer.Option(help="Configuration file to use.")]
MinWords = Annotated[int | None, typer.Option(help="Shortest claim in words.")]


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


def _overrides(**options: Any) -> dict[str, Any]:
    """Command-line settings in config-file spelling; None means not given."""
    for key in ("select", "ignore"):
        options[key] = _split(options[key])
    return {k.replace("_", "-"): v for k, v in options.items()}


def _exit_code(report: Any, fail_on: str, fail_under: float | None) -> int:
    from citecheck.report import SEVERITY_RANK

    if report.errors:
        return 2
    threshold = SEVERITY_RANK.get(fail_on, 99)
    failing = any(
        SEVERITY_RANK[f.severity] >= threshold for file in report.files for f in file.findings
    )
    s = report.summary  # exact, not the rounded percentage shown
    under = (
        fail_under is not None and s.claims > 0 and 100 * s.covered_claims < fail_under * s.claims
    )
    return 1 if failing or under else 0


def _load_baseline(path: str) -> Any:
    from citecheck.baseline import load

    return load(path)


@app.command()
def check(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files, directories or - for stdin.")
    ] = None,
    fmt: CheckFormat = None,
    scope: Scope = None,
    profile: ProfileOpt = None,
    select: Select = None,
    ignore: Ignore = None,
    fail_on: FailOn = None,
    fail_under: FailUnder = None,
    config: ConfigOpt = None,
    min_claim_words: MinWords = None,
    encoding: Encoding = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes (default: cores).")
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option(help="Glob of files or folders to skip (repeatable).")
    ] = None,
    stdin_filename: Annotated[
        str | None, typer.Option(help="Name of the text read from stdin (format, config, output).")
    ] = None,
    baseline: Annotated[
        str | None, typer.Option(help="Hide the findings recorded in this baseline file.")
    ] = None,
    write_baseline: Annotated[
        str | None, typer.Option(help="Record every current finding in this baseline file.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Findings only.")] = False,
    no_color: NoColor = False,
    fix: Annotated[
        bool, typer.Option("--fix", help="Run citecheck fix on the paths first, then check.")
    ] = False,
    unsafe: Annotated[bool, typer.Option("--unsafe", help="With --fix: unsafe fixes too.")] = False,
) -> None:
    """Check articles and report citation problems."""
    from citecheck.api import check_paths
    from citecheck.batch import default_jobs
    from citecheck.config import Loader
    from citecheck.formats import FORMATS, choose, renderer
    from citecheck.progress import Bar, wanted

    paths = paths or (["-"] if stdin_filename else [])
    if not paths:
        raise _fail("no paths given; pass files, directories or - for stdin")
    name = choose(fmt, os.environ)
    if name not in FORMATS:
        raise _fail(f"unknown format {name!r}; choose from {', '.join(FORMATS)}")
    if quiet and name == "text":
        name = "concise"
    overrides = _overrides(
        scope=scope,
        profile=profile,
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        fail_under=fail_under,
        min_claim_words=min_claim_words,
        encoding=encoding,
    )
    loader = Loader(config, overrides)
    fixed = None
    if fix and "-" in paths:
        sys.stderr.write("citecheck: --fix leaves standard input as it is; use citecheck fix -\n")
    if fix and paths != ["-"]:
        from citecheck.fixer.batch import report_lines

        files = [p for p in paths if p != "-"]
        fixed = _fix_run(files, loader, unsafe, False, exclude=tuple(exclude or ()))
        for problem in fixed.errors:
            sys.stderr.write(f"citecheck: {problem.path}: {problem.message}\n")
        if not quiet:
            lines = report_lines(fixed, diff=False, unsafe=unsafe)
            sys.stderr.write("".join(line + "\n" for line in lines))
    try:
        first = stdin_filename if paths[0] == "-" and stdin_filename else paths[0]
        run_settings = loader(first)
        known = _load_baseline(baseline) if baseline else None
        with Bar(sys.stderr) as bar:
            report = check_paths(
                paths,
                loader,
                keep_source=name == "text",
                jobs=jobs or default_jobs(),
                exclude=tuple(exclude or ()),
                stdin_filename=stdin_filename,
                progress=bar if wanted(sys.stderr) and not quiet else None,
            )
    except CitecheckError as exc:
        raise _fail(str(exc)) from None
    for problem in report.errors:
        sys.stderr.write(f"citecheck: {problem.path}: {problem.message}\n")
    if write_baseline:
        from citecheck.baseline import write

        try:
            count = write(report, write_baseline)
        except CitecheckError as exc:
            raise _fail(str(exc)) from None
        sys.stderr.write(f"citecheck: wrote {count} findings to {write_baseline}\n")
        raise typer.Exit(2 if report.errors else 0)
    if known is not None and baseline:
        from citecheck.baseline import apply

        report = apply(report, known, baseline)
    renderer(name)(report, sys.stdout, _color(no_color))
    code = _exit_code(report, run_settings.fail_on, run_settings.fail_under)
    raise typer.Exit(2 if fixed is not None and fixed.errors else code)


Unsafe = Annotated[
    bool,
    typer.Option(
        "--unsafe", help="Also remove uncited references and list items that are not sources."
    ),
]


def _fix_run(paths: list[str], loader: Any, unsafe: bool, diff: bool, **kw: Any) -> Any:
    from citecheck.fixer.batch import fix_paths

    try:
        return fix_paths(paths, loader, unsafe=unsafe, diff=diff, **kw)
    except CitecheckError as exc:
        raise _fail(str(exc)) from None


@app.command()
def fix(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files, directories or - for stdin.")
    ] = None,
    diff: Annotated[
        bool, typer.Option("--diff", help="Print a unified diff instead of writing; exit 1 if any.")
    ] = False,
    unsafe: Unsafe = False,
    scope: Scope = None,
    profile: ProfileOpt = None,
    select: Select = None,
    ignore: Ignore = None,
    config: ConfigOpt = None,
    min_claim_words: MinWords = None,
    encoding: Encoding = None,
    exclude: Annotated[
        list[str] | None, typer.Option(help="Glob of files or folders to skip (repeatable).")
    ] = None,
    stdin_filename: Annotated[
        str | None, typer.Option(help="Name of the text read from stdin (format, config).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors.")] = False,
) -> None:
    """Rewrite what can be fixed, atomically: repeated keys, duplicate references, order."""
    from citecheck.config import Loader
    from citecheck.fixer.batch import report_lines

    paths = paths or (["-"] if stdin_filename else [])
    if not paths:
        raise _fail("no paths given; pass files, directories or - for stdin")
    overrides = _overrides(
        scope=scope,
        profile=profile,
        select=select,
        ignore=ignore,
        min_claim_words=min_claim_words,
        encoding=encoding,
    )
    run = _fix_run(
        paths,
        Loader(config, overrides),
        unsafe,
        diff,
        exclude=tuple(exclude or ()),
        stdin_filename=stdin_filename,
    )
    for problem in run.errors:
        sys.stderr.write(f"citecheck: {problem.path}: {problem.message}\n")
    for file in run.files:
        sys.stdout.write(file.diff if diff else (file.text or ""))
    stdin = any(file.text is not None for file in run.files)
    if not quiet:
        out = sys.stderr if diff or stdin else sys.stdout
        out.write("".join(line + "\n" for line in report_lines(run, diff=diff, unsafe=unsafe)))
    raise typer.Exit(2 if run.errors else 1 if diff and run.changed else 0)


@app.command("config")
def show_config(
    path: Annotated[str, typer.Argument(help="File or folder whose settings to show.")] = ".",
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
    from citecheck.config import Loader, describe, describe_lines

    overrides = _overrides(
        scope=scope,
        profile=profile,
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        fail_under=fail_under,
        min_claim_words=min_claim_words,
        encoding=encoding,
    )
    try:
        effective = Loader(config, overrides).effective(path)
    except CitecheckError as exc:
        raise _fail(str(exc)) from None
    data = describe(path, effective)
    if fmt == "json":
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write("".join(line + "\n" for line in describe_lines(data)))


@app.command()
def rules() -> None:
    """List every rule: code, name, default severity, whether it is on by default."""
    from citecheck.checker import RULES
    from citecheck.ruledocs import summary

    for r in RULES:
        state = "" if r.ENABLED else "  (off by default)"
        sys.stdout.write(f"{r.CODE}  {r.NAME:<26} {r.SEVERITY:<8} {summary(r)}{state}\n")


@app.command()
def explain(rule: Annotated[str, typer.Argument(help="Rule code or name.")]) -> None:
    """Explain a rule: what it does, why, an example that fails and one that passes."""
    from citecheck.ruledocs import explanation
    from citecheck.settings import rule_named

    try:
        r = rule_named(rule)
    except CitecheckError as exc:
        raise _fail(str(exc)) from None
    sys.stdout.write(explanation(r))


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
    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe that cannot show a character gets an escape, not a traceback.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("citecheck: interrupted\n")
        sys.exit(130)
