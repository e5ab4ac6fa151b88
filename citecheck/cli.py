"""The command line: arguments → settings → run → format → exit code. No logic of its own."""

from __future__ import annotations

import io
import json
import os
import sys
from typing import Annotated, Any

import typer

from citecheck.cli_options import (
    HELP_OPTIONS,
    App,
    BaselineOpt,
    CheckFormat,
    Color,
    ConfigOpt,
    Encoding,
    Exclude,
    FailOn,
    FailUnder,
    FormatOpt,
    Ignore,
    Jobs,
    MinWords,
    NoColor,
    OutputFile,
    Paths,
    ProfileOpt,
    Quiet,
    Scope,
    Select,
    Statistics,
    StdinFilename,
    Version,
    WriteBaseline,
)
from citecheck.cli_options import overrides as _overrides
from citecheck.errors import CitecheckError

app = App(
    name="citecheck",
    help="Claim-to-source citation linter: uncited claims, dangling markers, unused sources.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings=HELP_OPTIONS,
)


@app.callback()
def _main(version: Version = False) -> None:
    """Claim-to-source citation linter: uncited claims, dangling markers, unused sources."""


def _fail(message: str) -> typer.Exit:
    sys.stderr.write(f"citecheck: error: {message}\n")
    return typer.Exit(2)


def _color(no_color: bool, choice: str = "auto", to_file: bool = False) -> bool:
    from citecheck.cli_output import use_color

    try:
        return use_color(choice, no_color, None if to_file else sys.stdout, os.environ)
    except CitecheckError as exc:
        raise _fail(str(exc)) from None


def _exit_code(report: Any, fail_on: str, fail_under: float | None = None) -> int:
    from citecheck.cli_output import exit_code
    from citecheck.report import judge_coverage

    return exit_code(judge_coverage(report, fail_under), fail_on)


def _load_baseline(path: str) -> Any:
    from citecheck.baseline import load

    return load(path)


FixFirst = Annotated[
    bool, typer.Option("--fix", help="Run citecheck fix on the paths first, then check.")
]
UnsafeFix = Annotated[bool, typer.Option("--unsafe", help="With --fix: unsafe fixes too.")]


@app.command()
def check(
    paths: Paths = None,
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
    jobs: Jobs = None,
    exclude: Exclude = None,
    stdin_filename: StdinFilename = None,
    baseline: BaselineOpt = None,
    write_baseline: WriteBaseline = None,
    quiet: Quiet = False,
    no_color: NoColor = False,
    color: Color = "auto",
    output_file: OutputFile = None,
    statistics: Statistics = False,
    fix: FixFirst = False,
    unsafe: UnsafeFix = False,
) -> None:
    """Check articles and report citation problems."""
    _run(dict(locals()))


@app.command()
def verify(
    paths: Paths = None,
    sources: Annotated[
        str | None,
        typer.Option(
            metavar="DIR", help="Folder of source snapshots (default: <article>.sources/)."
        ),
    ] = None,
    offline: Annotated[
        bool, typer.Option(help="Read snapshots and the cache only; never open a socket.")
    ] = False,
    cache_dir: Annotated[
        str, typer.Option(metavar="DIR", help="Cache of fetched sources.")
    ] = ".citecheck-cache",
    max_age: Annotated[
        float,
        typer.Option(metavar="DAYS", min=0, help="Fetch again what is cached for longer."),
    ] = 7.0,
    allow_private: Annotated[
        bool, typer.Option(help="Also fetch from loopback, private and link-local addresses.")
    ] = False,
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
        int | None,
        typer.Option("--jobs", "-j", metavar="N", min=1, help="Worker processes (default: 1)."),
    ] = None,
    exclude: Exclude = None,
    stdin_filename: StdinFilename = None,
    baseline: BaselineOpt = None,
    write_baseline: WriteBaseline = None,
    quiet: Quiet = False,
    no_color: NoColor = False,
    color: Color = "auto",
    output_file: OutputFile = None,
    statistics: Statistics = False,
    fix: FixFirst = False,
    unsafe: UnsafeFix = False,
) -> None:
    """Check articles, then read their cited sources and check that they say what the
    claims say: quotations, numbers, titles and support."""
    options = dict(locals())
    from pathlib import Path

    from citecheck.sources.model import SourceOptions

    source_options = SourceOptions(
        sources_dir=Path(sources) if sources else None,
        offline=offline,
        cache_dir=Path(cache_dir),
        max_age_days=max_age,
        allow_private=allow_private,
    )
    for key in ("sources", "offline", "cache_dir", "max_age", "allow_private"):
        options.pop(key, None)
    _run(options, source_options)


def _run(options: dict[str, Any], sources: Any = None) -> None:
    """Run check (or, with ``sources``, verify) with a command's options."""
    paths, fmt, statistics = options["paths"], options["fmt"], options["statistics"]
    quiet, stdin_filename = options["quiet"], options["stdin_filename"]
    output_file, baseline = options["output_file"], options["baseline"]
    from citecheck.api import check_paths
    from citecheck.batch import default_jobs
    from citecheck.config import Loader
    from citecheck.formats import FORMATS, choose
    from citecheck.formats.statistics import FORMATS as STATISTICS_FORMATS
    from citecheck.progress import Bar, wanted

    paths = paths or (["-"] if stdin_filename else [])
    if not paths:
        raise _fail("no paths given; pass files, directories or - for stdin")
    name = choose(fmt or ("text" if statistics else None), os.environ)
    if name not in FORMATS:
        raise _fail(f"unknown format {name!r}; choose from {', '.join(FORMATS)}")
    if quiet and name == "text":
        name = "concise"
    if statistics and name not in STATISTICS_FORMATS:
        raise _fail(f"--statistics shows text or json, not {name}")
    colored = _color(options["no_color"], options["color"], to_file=output_file is not None)
    loader = Loader(options["config"], _overrides(options))
    fixed = _fix_first(list(paths), loader, options) if options.get("fix") else None
    try:
        first = stdin_filename if paths[0] == "-" and stdin_filename else paths[0]
        run_settings = loader(first)
        known = _load_baseline(baseline) if baseline else None
        with Bar(sys.stderr) as bar:
            report = check_paths(
                paths,
                loader,
                keep_source=name == "text" and not statistics,
                jobs=options["jobs"] or (1 if sources else default_jobs()),
                exclude=tuple(options["exclude"] or ()),
                stdin_filename=stdin_filename,
                sources=sources,
                progress=bar if wanted(sys.stderr) and not quiet else None,
            )
    except CitecheckError as exc:
        raise _fail(str(exc)) from None
    if options["write_baseline"]:
        _write_baseline(report, options["write_baseline"])
    if known is not None and baseline:
        from citecheck.baseline import apply

        report = apply(report, known, baseline)
    from citecheck.cli_output import publish

    try:
        code = publish(report, name, colored, output_file, statistics, run_settings)
    except CitecheckError as exc:
        raise _fail(str(exc)) from None
    raise typer.Exit(2 if fixed is not None and fixed.errors else code)


def _fix_first(paths: list[str], loader: Any, options: dict[str, Any]) -> Any:
    """``check --fix``: fix the files first (never standard input); say what changed."""
    from citecheck.fixer.batch import report_lines

    if "-" in paths:
        sys.stderr.write("citecheck: --fix leaves standard input as it is; use citecheck fix -\n")
    files = [p for p in paths if p != "-"]
    if not files:
        return None
    unsafe = bool(options.get("unsafe"))
    fixed = _fix_run(files, loader, unsafe, False, exclude=tuple(options["exclude"] or ()))
    for problem in fixed.errors:
        sys.stderr.write(f"citecheck: {problem.path}: {problem.message}\n")
    if not options["quiet"]:
        lines = report_lines(fixed, diff=False, unsafe=unsafe)
        sys.stderr.write("".join(line + "\n" for line in lines))
    return fixed


def _write_baseline(report: Any, path: str) -> None:
    from citecheck.baseline import write
    from citecheck.cli_output import problems

    for line in problems(report, shown_in_stdout=False):
        sys.stderr.write(line + "\n")
    try:
        count = write(report, path)
    except CitecheckError as exc:
        raise _fail(str(exc)) from None
    sys.stderr.write(f"citecheck: wrote {count} findings to {path}\n")
    raise typer.Exit(2 if report.errors or report.unmatched else 0)


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
    paths: Paths = None,
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
    exclude: Exclude = None,
    stdin_filename: StdinFilename = None,
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
    from citecheck.config import Loader, describe, describe_lines

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


@app.command()
def rules(fmt: FormatOpt = "text") -> None:
    """List every rule: code, name, default severity, whether it is on by default."""
    from citecheck.checker import RULES
    from citecheck.ruledocs import rule_table

    sys.stdout.write(rule_table(RULES, fmt))


@app.command()
def explain(
    rule: Annotated[str | None, typer.Argument(metavar="RULE", help="Rule code or name.")] = None,
    every: Annotated[bool, typer.Option("--all", help="Explain every rule.")] = False,
) -> None:
    """Explain a rule: what it does, why, an example that fails and one that passes."""
    from citecheck.checker import RULES
    from citecheck.ruledocs import explanation
    from citecheck.settings import rule_named

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
    from citecheck.config import Loader
    from citecheck.views import gather

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


@app.command()
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
    from citecheck.cli_output import many_inputs, show_views
    from citecheck.views import parse_lines

    shown = _color(no_color, color)
    data, failed = _views(paths, stdin_filename, encoding, config)
    show_views(data, many_inputs(paths), fmt, parse_lines, shown)
    raise typer.Exit(2 if failed else 0)


@app.command()
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
    from citecheck.cli_output import many_inputs, show_views
    from citecheck.views import refs_lines

    shown = _color(no_color, color)
    found, failed = _views(paths, stdin_filename, encoding, config)
    data = [{"version": 1, "path": d["path"], "references": d["references"]} for d in found]
    show_views(data, many_inputs(paths), fmt, refs_lines, shown)
    raise typer.Exit(2 if failed else 0)


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
