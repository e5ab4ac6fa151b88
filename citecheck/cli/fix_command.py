"""The ``fix`` command: rewrite what can be fixed, or print the diff, and say what was fixed.

Takes the paths and the settings a user typed; :func:`citecheck.run.fix.fix_paths` fixes the
files (atomically), and this prints their diffs or texts, the problems and the summary
lines, and exits 2 on an input problem, 1 when ``--diff`` shows a change, else 0. Registered
on the app by :mod:`citecheck.cli.app`, between ``verify`` and ``server``.
"""

import sys
from typing import Annotated

import typer

from citecheck.cli.options import (
    ConfigOpt,
    Encoding,
    Exclude,
    Ignore,
    MinWords,
    Paths,
    ProfileOpt,
    Scope,
    Select,
    StdinFilename,
    Unsafe,
)
from citecheck.cli.options import overrides as _overrides
from citecheck.cli.run import fail as _fail
from citecheck.cli.run import fix_run as _fix_run


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
    from citecheck.config.discovery import Loader
    from citecheck.run.fix import report_lines

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
