"""The command line: arguments → settings → run → format → exit code. No logic of its own.

The app and its ``check``, ``verify`` and ``server`` commands; ``fix`` is in
:mod:`citecheck.cli.fix_command`, the commands that show what citecheck knows in
:mod:`citecheck.cli.info`."""

import io
import sys
from typing import Annotated

import typer

from citecheck.cli import fix_command
from citecheck.cli import info as cli_info
from citecheck.cli.options import (
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
    FixFirst,
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
    SupportModel,
    UnsafeFix,
    Version,
    WriteBaseline,
)
from citecheck.cli.run import fail as _fail
from citecheck.cli.run import run as _run
from citecheck.cli.verify_options import (
    AllowPrivate,
    CacheDir,
    FetchDeadline,
    LookupOpt,
    Mailto,
    MaxAge,
    Offline,
    RunDeadline,
    SearchUrl,
    SourcesDir,
    VerifyJobs,
    WriteSources,
)

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
    sources: SourcesDir = None,
    offline: Offline = False,
    cache_dir: CacheDir = ".citecheck-cache",
    max_age: MaxAge = 7.0,
    allow_private: AllowPrivate = None,
    fetch_deadline: FetchDeadline = None,
    run_deadline: RunDeadline = None,
    lookup: LookupOpt = None,
    mailto: Mailto = None,
    search_url: SearchUrl = None,
    write_sources: WriteSources = None,
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
    jobs: VerifyJobs = None,
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
    support_model: SupportModel = None,
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
    )
    for key in ("sources", "offline", "cache_dir", "max_age"):
        options.pop(key, None)
    _run(options, source_options)


app.command()(fix_command.fix)


@app.command()
def server(
    stdio: Annotated[
        bool, typer.Option("--stdio", help="Speak LSP on stdin/stdout (the default and only way).")
    ] = False,
) -> None:
    """Run the language server (LSP over stdin/stdout) for editors; needs the server extra:
    pip install 'citecheck[server]'."""
    try:
        from citecheck.server import serve

        serve()
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in ("pygls", "lsprotocol", "cattrs"):
            raise
        raise _fail(
            f"the language server needs {exc.name}: pip install 'citecheck[server]'"
        ) from None


# Commands that show what citecheck knows; they live in cli_info.py.
app.command("config")(cli_info.show_config)
app.command()(cli_info.rules)
app.command()(cli_info.explain)
app.command()(cli_info.parse)
app.command()(cli_info.refs)
app.command()(cli_info.schema)


def main() -> None:
    """Entry point of the console script and ``python -m citecheck``."""
    import gc

    from citecheck.text.recache import install

    # Starting allocates tens of thousands of objects that live as long as the process
    # (modules, classes, functions, patterns); at the default threshold (700 allocations)
    # the collector walks them again and again: 6 ms of CPU of a check of the mission's
    # article (gc.callbacks), 1 ms at 20,000. Garbage cycles are still collected, less often.
    gc.set_threshold(20_000, *gc.get_threshold()[1:])
    install()
    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe that cannot show a character gets an escape, not a traceback.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("citecheck: interrupted\n")
        sys.exit(130)
