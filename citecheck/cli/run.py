"""What the check, verify and fix commands do once typer has read their options: load the
settings, run, publish the report in its format and leave with the exit code."""

from __future__ import annotations

import os
import sys
from typing import Any

import typer

from citecheck.cli.options import overrides
from citecheck.model.errors import CitecheckError


def fail(message: str) -> typer.Exit:
    """Print one error line; return the exit (code 2) to raise."""
    sys.stderr.write(f"citecheck: error: {message}\n")
    return typer.Exit(2)


def color(no_color: bool, choice: str = "auto", to_file: bool = False) -> bool:
    """Whether to colour the output (``--color``, ``--no-color``, NO_COLOR, FORCE_COLOR)."""
    from citecheck.cli.output import use_color

    try:
        return use_color(choice, no_color, None if to_file else sys.stdout, os.environ)
    except CitecheckError as exc:
        raise fail(str(exc)) from None


def exit_code(report: Any, fail_on: str, fail_under: float | None = None) -> int:
    """The exit code of a report: 2 input errors, 1 failing findings or coverage, else 0."""
    from citecheck.cli.output import exit_code
    from citecheck.report import judge_coverage

    return exit_code(judge_coverage(report, fail_under), fail_on)


def load_baseline(path: str) -> Any:
    """Read a baseline file (see :mod:`citecheck.config.baseline`)."""
    from citecheck.config.baseline import load

    return load(path)


def run(options: dict[str, Any], sources: Any = None) -> None:
    """Run check (or, with ``sources``, verify) with a command's options."""
    paths, fmt, statistics = options["paths"], options["fmt"], options["statistics"]
    quiet, stdin_filename = options["quiet"], options["stdin_filename"]
    output_file, baseline = options["output_file"], options["baseline"]
    from citecheck.cli.formats import FORMATS, choose
    from citecheck.cli.formats.statistics import FORMATS as STATISTICS_FORMATS
    from citecheck.cli.progress import Bar, wanted
    from citecheck.config.discovery import Loader
    from citecheck.run.batch import default_jobs
    from citecheck.run.paths import check_paths

    paths = paths or (["-"] if stdin_filename else [])
    if not paths:
        raise fail("no paths given; pass files, directories or - for stdin")
    name = choose(fmt or ("text" if statistics else None), os.environ)
    if name not in FORMATS:
        raise fail(f"unknown format {name!r}; choose from {', '.join(FORMATS)}")
    if quiet and name == "text":
        name = "concise"
    if statistics and name not in STATISTICS_FORMATS:
        raise fail(f"--statistics shows text or json, not {name}")
    colored = color(options["no_color"], options["color"], to_file=output_file is not None)
    loader = Loader(options["config"], overrides(options))
    fixed = fix_first(list(paths), loader, options) if options.get("fix") else None
    try:
        first = stdin_filename if paths[0] == "-" and stdin_filename else paths[0]
        run_settings = loader(first)
        if sources is not None and run_settings.support_model:
            from citecheck.verifier.onnx_model import load_model

            load_model(run_settings.support_model)  # a bad model is one error line, exit 2
        if sources is not None:
            sources = fetch_options(sources, run_settings)
            search_note(sources, quiet)
        known = load_baseline(baseline) if baseline else None
        with Bar(sys.stderr) as bar:
            report = check_paths(
                paths,
                loader,
                keep_source=name == "text" and not statistics,
                keep_outline=name == "html" and not statistics,
                jobs=options["jobs"] or (1 if sources else default_jobs()),
                exclude=tuple(options["exclude"] or ()),
                stdin_filename=stdin_filename,
                sources=sources,
                progress=bar if wanted(sys.stderr) and not quiet else None,
            )
    except CitecheckError as exc:
        raise fail(str(exc)) from None
    write_files(report, options, quiet)
    if known is not None and baseline:
        from citecheck.config.baseline import apply

        report = apply(report, known, baseline)
    from citecheck.cli.output import publish

    try:
        code = publish(report, name, colored, output_file, statistics, run_settings)
    except CitecheckError as exc:
        raise fail(str(exc)) from None
    raise typer.Exit(2 if fixed is not None and fixed.errors else code)


def fetch_options(sources: Any, settings: Any) -> Any:
    """The run's source options with the fetch settings of ``settings`` (the command line,
    else the configuration of the first path): who may be fetched, the deadline of one
    source, the run's deadline, counted from now for every file and process, and the
    indexes references are looked up in (``lookup``, ``mailto``, ``index-urls``)."""
    import time
    from dataclasses import replace

    run_deadline = settings.run_deadline
    indexes = None
    if settings.lookup:
        from citecheck.sources.indexes.model import IndexOptions

        indexes = IndexOptions(
            settings.mailto,
            **settings.index_urls,
            search_url=settings.search_url,
            outlet_domains=tuple(sorted(settings.outlet_domains.items())),
        )
    return replace(
        sources,
        indexes=indexes,
        allow_private=settings.allow_private,
        deadline=settings.fetch_deadline,
        run_deadline=run_deadline,
        run_until=None if run_deadline is None else time.time() + run_deadline,
    )


def fix_first(paths: list[str], loader: Any, options: dict[str, Any]) -> Any:
    """``check --fix``: fix the files first (never standard input); say what changed."""
    from citecheck.run.fix import report_lines

    if "-" in paths:
        sys.stderr.write("citecheck: --fix leaves standard input as it is; use citecheck fix -\n")
    files = [p for p in paths if p != "-"]
    if not files:
        return None
    unsafe = bool(options.get("unsafe"))
    fixed = fix_run(files, loader, unsafe, False, exclude=tuple(options["exclude"] or ()))
    for problem in fixed.errors:
        sys.stderr.write(f"citecheck: {problem.path}: {problem.message}\n")
    if not options["quiet"]:
        lines = report_lines(fixed, diff=False, unsafe=unsafe)
        sys.stderr.write("".join(line + "\n" for line in lines))
    return fixed


def write_baseline(report: Any, path: str) -> None:
    """Record a report's findings in a baseline file and leave (exit 0, or 2)."""
    from citecheck.cli.output import problems
    from citecheck.config.baseline import write

    for line in problems(report, shown_in_stdout=False):
        sys.stderr.write(line + "\n")
    try:
        count = write(report, path)
    except CitecheckError as exc:
        raise fail(str(exc)) from None
    sys.stderr.write(f"citecheck: wrote {count} findings to {path}\n")
    raise typer.Exit(2 if report.errors or report.unmatched else 0)


def fix_run(paths: list[str], loader: Any, unsafe: bool, diff: bool, **kw: Any) -> Any:
    """Run ``citecheck fix`` over paths; a configuration error leaves with code 2."""
    from citecheck.run.fix import fix_paths

    try:
        return fix_paths(paths, loader, unsafe=unsafe, diff=diff, **kw)
    except CitecheckError as exc:
        raise fail(str(exc)) from None


def search_note(sources: Any, quiet: bool) -> None:
    """With ``--lookup`` and no search backend: one info line on how to set one up."""
    if sources.indexes is not None and not sources.indexes.search_url and not quiet:
        from citecheck.sources.search import SETUP

        sys.stderr.write(f"citecheck: info: {SETUP}\n")


def write_files(report: Any, options: dict[str, Any], quiet: bool) -> None:
    """``--write-baseline FILE`` and ``verify --write-sources FILE``."""
    if options["write_baseline"]:
        write_baseline(report, options["write_baseline"])
    if options.get("write_sources"):
        write_sources(report, options["write_sources"], quiet)


def write_sources(report: Any, path: str, quiet: bool = False) -> None:
    """``verify --write-sources FILE``: add the pages a search found (``works[].found``)
    to the ``sources.toml`` at FILE, key → address, for later ``--offline`` runs
    (``--sources`` the folder that holds it); keys it maps already are kept."""
    from pathlib import Path

    from citecheck.sources.snapshots import write_addresses

    found: dict[str, str] = {}
    for file in report.files:
        for work in file.works or ():
            if work.key and work.found:
                found.setdefault(work.key, work.found)
    try:
        added = write_addresses(Path(path), found)
    except CitecheckError as exc:
        raise fail(str(exc)) from None
    if not quiet:
        sys.stderr.write(f"citecheck: {added} found source(s) written to {path}\n")
