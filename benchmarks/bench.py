"""citecheck benchmark: start-up, throughput, scaling, memory, and a peer on the same files.

Run from a clone with the dev extra installed::

    .venv/bin/python benchmarks/bench.py            # table
    .venv/bin/python benchmarks/bench.py --json     # the same figures as JSON

Every figure is measured in this run, in fresh child processes, and reported against a
baseline measured in the same run: the bare import of citecheck's runtime dependencies for
start-up, ten times the 2 MB time for the 20 MB document, markdownlint-cli2 (MD052 and MD053
only) for the Markdown corpus, the word-overlap baseline of ``wice.py`` for verification,
and linear growth from the previous size for verification against source length. Inputs
are generated from a seed into a temporary folder (see ``generate.py``); the Markdown files
of ``../shared/corpus`` are added, repeated to about 9 MB, when that folder exists.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from benchpeer import install_markdownlint, peer  # noqa: E402
from benchrows import rows, table  # noqa: E402
from benchrun import (  # noqa: E402
    TIMEOUT,
    child_env,
    citecheck_cmd,
    cold_start,
    has_jobs,
    median_run,
    parallel_capacity,
    run,
    throughput,
)
from benchverify import verification  # noqa: E402
from generate import write_big, write_corpus  # noqa: E402

SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


def folder_size(folder: Path) -> tuple[int, int]:
    """Return (files, bytes) of the Markdown and text files under a folder."""
    files = [p for p in folder.rglob("*") if p.suffix in (".md", ".txt") and p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def repeat_shared(dest: Path, target: int) -> tuple[int, int]:
    """Copy the shared corpus Markdown files into ``dest`` until about ``target`` bytes."""
    sources = sorted(SHARED_CORPUS.glob("*.md")) if SHARED_CORPUS.is_dir() else []
    sources = [p for p in sources if p.name != "SOURCES.md"]
    if not sources:
        return 0, 0
    total = count = copy = 0
    while total < target:
        folder = dest / f"copy-{copy:03d}"
        folder.mkdir(parents=True)
        for src in sources:
            data = src.read_bytes()
            (folder / src.name).write_bytes(data)
            total += len(data)
            count += 1
        copy += 1
    return count, total


@dataclass(slots=True)
class Figures:
    """Everything measured in one run."""

    environment: dict[str, Any] = field(default_factory=dict)
    corpus: dict[str, Any] = field(default_factory=dict)
    results: dict[str, Any] = field(default_factory=dict)
    rows: list[dict[str, str]] = field(default_factory=list)


def build(work: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Generate every input into ``work``; return what was written."""
    text = write_corpus(work / "text", args.articles, "text", args.seed)
    md = write_corpus(
        work / "markdown" / "generated", args.markdown_articles, "markdown", args.seed
    )
    shared_files, shared_bytes = repeat_shared(work / "markdown" / "shared", args.shared_bytes)
    small = write_big(work / "doc-small.txt", int(args.doc_mb * 1e6), args.seed)
    large = write_big(work / "doc-large.txt", int(args.doc_mb * 10e6), args.seed)
    files, size = folder_size(work / "markdown")
    return {
        "text": {"files": text.files, "bytes": text.bytes},
        "markdown": {
            "files": files,
            "bytes": size,
            "generated_files": md.files,
            "generated_bytes": md.bytes,
            "shared_files": shared_files,
            "shared_bytes": shared_bytes,
        },
        "doc_small_bytes": small,
        "doc_large_bytes": large,
    }


def measure(work: Path, args: argparse.Namespace, fig: Figures) -> None:
    """Take every measurement; fill ``fig.results``."""
    cli = citecheck_cmd()
    res = fig.results
    progress(args, "cold start")
    res["cold_start"] = cold_start(cli, args.runs)
    text = fig.corpus["text"]
    progress(args, "plain text, one process")
    res["text_1"] = throughput(cli, work / "text", text["files"], text["bytes"], 1, args.repeat)
    jobs = has_jobs(tuple(cli))
    progress(args, "plain text, --jobs 2")
    res["parallel_capacity"] = parallel_capacity()
    res["text_2"] = (
        throughput(cli, work / "text", text["files"], text["bytes"], 2, args.repeat)
        if jobs
        else {"skipped": "--jobs not available"}
    )
    md = fig.corpus["markdown"]
    progress(args, "Markdown, one process")
    res["markdown_1"] = throughput(cli, work / "markdown", md["files"], md["bytes"], 1, args.repeat)
    progress(args, "Markdown, markdownlint-cli2")
    if args.no_peer:
        res["peer"] = {"skipped": "--no-peer"}
    else:
        res["peer"] = peer(install_markdownlint(), work, work / "markdown", args.repeat)
    progress(args, f"{args.doc_mb:g} MB document")
    small = [*cli, "check", str(work / "doc-small.txt"), "--format", "json"]
    res["doc_small"] = asdict(median_run([run(small) for _ in range(args.repeat)]))
    progress(args, f"{args.doc_mb * 10:g} MB document")
    large = [*cli, "check", str(work / "doc-large.txt"), "--format", "json"]
    runs = [run(large, timeout=args.timeout)]
    while runs[-1].code is not None and len(runs) < args.repeat:
        runs.append(run(large, timeout=args.timeout))
    res["doc_large"] = asdict(median_run(runs) if runs[-1].code is not None else runs[-1])
    if args.no_verify:
        res["verification"] = {
            "wice": {"skipped": "--no-verify"},
            "scale": {"skipped": "--no-verify"},
        }
    else:
        progress(args, "verification: WiCE dev and source length")
        res["verification"] = verification()


def progress(args: argparse.Namespace, what: str) -> None:
    """Say what is being measured (on stderr, so that --json output stays clean)."""
    if not args.quiet:
        sys.stderr.write(f"bench: {what}…\n")


def environment() -> dict[str, Any]:
    """Where the figures were taken."""
    try:
        from importlib.metadata import version

        ours = version("citecheck")
    except Exception:  # not installed: the figures still stand
        ours = "unknown"
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "citecheck": ours,
        "commit": commit or None,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    p.add_argument("--articles", type=int, default=10_000, help="plain-text articles")
    p.add_argument("--markdown-articles", type=int, default=1_000, help="Markdown articles")
    p.add_argument(
        "--shared-bytes", type=int, default=9_000_000, help="shared corpus repeated to this size"
    )
    p.add_argument("--doc-mb", type=float, default=2.0, help="small document (large is 10×)")
    p.add_argument("--runs", type=int, default=15, help="cold-start runs of each command")
    p.add_argument("--repeat", type=int, default=3, help="runs of each throughput figure")
    p.add_argument("--timeout", type=float, default=TIMEOUT, help="limit for the large document")
    p.add_argument("--no-peer", action="store_true", help="skip markdownlint-cli2")
    p.add_argument("--no-verify", action="store_true", help="skip the verification figures")
    p.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.add_argument(
        "--only",
        choices=["cold_start"],
        help="take only this figure and print it as JSON (generates no corpus)",
    )
    args = p.parse_args(argv)
    if args.runs < 10:
        p.error("--runs must be at least 10")
    return args


def main(argv: list[str] | None = None) -> int:
    """Generate, measure, print."""
    args = parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="citecheck-bench-"))
    if args.only == "cold_start":
        try:
            child_env(work)
            figure = cold_start(citecheck_cmd(), args.runs)
        finally:
            if args.keep is None:
                shutil.rmtree(work, ignore_errors=True)
        sys.stdout.write(json.dumps({"cold_start": figure}, indent=2) + "\n")
        return 0
    started = time.perf_counter()
    try:
        fig = Figures(environment=environment())
        child_env(work)
        progress(args, f"generating into {work}")
        fig.corpus = build(work, args)
        measure(work, args, fig)
        fig.rows = rows(fig.results, fig.corpus)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    fig.environment["bench_seconds"] = round(time.perf_counter() - started, 1)
    if args.json:
        sys.stdout.write(json.dumps(asdict(fig), indent=2) + "\n")
    else:
        sys.stdout.write(table(fig.rows) + "\n")
        env = fig.environment
        sys.stdout.write(
            f"\n{env['cpus']} CPUs, Python {env['python']}, citecheck {env['citecheck']}"
            f" ({env['commit']}), seed {args.seed}, {env['bench_seconds']} s\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
