"""citecheck benchmark: start-up, throughput, scaling, memory, and a peer on the same files.

Run from a clone with the dev extra installed::

    .venv/bin/python benchmarks/bench.py            # table
    .venv/bin/python benchmarks/bench.py --json     # the same figures as JSON

Every figure is measured in this run, in fresh child processes, and reported against a
baseline measured in the same run: the bare import of citecheck's runtime dependencies for
start-up, ten times the 2 MB time for the 20 MB document, markdownlint-cli2 (MD052 and MD053
only) for the Markdown corpus. Inputs are generated from a seed into a temporary folder
(see ``generate.py``); the Markdown files of ``../shared/corpus`` are added, repeated to
about 9 MB, when that folder exists.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import shutil
import signal
import statistics
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

from generate import write_big, write_corpus  # noqa: E402

ARTICLE = ROOT / "fixtures" / "000_75297bddb94e8c7d.txt"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
BARE_IMPORT = "import typer, rich, pydantic, rapidfuzz, sentencex, pyromark"
MARKDOWNLINT = "markdownlint-cli2@0.22.1"
TIMEOUT = 300.0

TARGETS = {
    "cold_start": 1.3,
    "text_mb_s_per_core": 5.0,
    "markdown_vs_peer": 1.0,
    "scaling": 1.2,
    "batch_rss_mb": 200.0,
}


@dataclass(slots=True)
class Run:
    """One child process: wall and CPU seconds, peak resident memory, exit code."""

    wall: float
    cpu: float
    rss_mb: float
    code: int | None


CHILD_ENV: dict[str, str] = {}


def child_env(work: Path) -> None:
    """Child processes cache bytecode (in the work folder), as after ``pip install``.

    With PYTHONDONTWRITEBYTECODE set, citecheck's own modules would be compiled from source
    on every start while the dependencies load cached bytecode: start-up would compare
    unlike with unlike.
    """
    CHILD_ENV.clear()
    CHILD_ENV.update(os.environ)
    CHILD_ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    CHILD_ENV["PYTHONPYCACHEPREFIX"] = str(work / "pycache")


# Measures one command from a small intermediate interpreter: a child forked straight from
# this (large) process would report this process's memory as its own peak.
_PROBE = """
import json, os, subprocess, sys, time
err = open(sys.argv[1], "wb") if sys.argv[1] != "-" else subprocess.DEVNULL
start = time.perf_counter()
child = subprocess.Popen(sys.argv[2:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=err)
_, status, usage = os.wait4(child.pid, 0)
wall = time.perf_counter() - start
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                  "rss_kb": usage.ru_maxrss, "code": os.waitstatus_to_exitcode(status)}))
"""


def run(
    cmd: list[str], cwd: Path | None = None, timeout: float = TIMEOUT, stderr: Path | None = None
) -> Run:
    """Run a command with output discarded; measure wall and CPU time and peak memory."""
    probe = [sys.executable, "-c", _PROBE, str(stderr) if stderr else "-", *cmd]
    proc = subprocess.Popen(
        probe,
        cwd=cwd,
        env=CHILD_ENV or None,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return Run(timeout, 0.0, 0.0, None)
    data = json.loads(out)
    # ru_maxrss is in kilobytes on Linux.
    return Run(data["wall"], data["cpu"], data["rss_kb"] / 1024, data["code"])


def median_run(runs: list[Run]) -> Run:
    """The median wall time; peak memory is the highest seen."""
    walls = sorted(runs, key=lambda r: r.wall)
    mid = walls[len(walls) // 2]
    return Run(mid.wall, mid.cpu, max(r.rss_mb for r in runs), mid.code)


def citecheck_cmd() -> list[str]:
    """The installed console script next to this interpreter, else ``python -m citecheck``."""
    script = Path(sys.executable).parent / "citecheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "citecheck"]


@functools.cache
def has_jobs(cli: tuple[str, ...]) -> bool:
    """Whether ``citecheck check`` accepts ``--jobs``."""
    out = subprocess.run([*cli, "check", "--help"], capture_output=True, text=True, check=False)
    return "--jobs" in out.stdout


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


def install_markdownlint() -> Path | None:
    """Install markdownlint-cli2 with npm into a temporary folder; None without npm."""
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        return None
    prefix = Path(tempfile.gettempdir()) / f"citecheck-bench-{MARKDOWNLINT.replace('@', '-')}"
    entry = prefix / "node_modules" / "markdownlint-cli2" / "markdownlint-cli2-bin.mjs"
    if not entry.exists():
        cmd = [npm, "install", "--prefix", str(prefix), "--no-audit", "--no-fund", MARKDOWNLINT]
        done = subprocess.run(cmd, capture_output=True, check=False, timeout=300)
        if done.returncode != 0 or not entry.exists():
            return None
    return entry


@dataclass(slots=True)
class Figures:
    """Everything measured in one run."""

    environment: dict[str, Any] = field(default_factory=dict)
    corpus: dict[str, Any] = field(default_factory=dict)
    results: dict[str, Any] = field(default_factory=dict)
    rows: list[dict[str, str]] = field(default_factory=list)


def cold_start(cli: list[str], runs: int) -> dict[str, Any]:
    """Median wall time of checking the mission's article against the bare import."""
    ours = [*cli, "check", str(ARTICLE), "--format", "json"]
    bare = [sys.executable, "-c", BARE_IMPORT]
    for _ in range(2):  # warm the file cache and write bytecode
        run(ours)
        run(bare)
    mine: list[Run] = []
    base: list[Run] = []
    for _ in range(runs):  # interleaved, so that load on the machine hits both alike
        mine.append(run(ours))
        base.append(run(bare))
    m = statistics.median(r.wall for r in mine)
    b = statistics.median(r.wall for r in base)
    m_cpu = statistics.median(r.cpu for r in mine)
    b_cpu = statistics.median(r.cpu for r in base)
    return {
        "runs": runs,
        "citecheck_s": m,
        "bare_import_s": b,
        "ratio": m / b,
        "citecheck_cpu_s": m_cpu,
        "bare_import_cpu_s": b_cpu,
        "cpu_ratio": m_cpu / b_cpu if b_cpu else None,
        "citecheck_rss_mb": max(r.rss_mb for r in mine),
        "bare_import_rss_mb": max(r.rss_mb for r in base),
    }


def parallel_capacity(rep: int = 3) -> float:
    """How much faster two CPU-bound processes finish than one would twice, right now.

    2.0 means two free cores; on a shared machine other work may leave less. The --jobs 2
    row is read against it.
    """
    burn = [sys.executable, "-c", "s = 0\nfor i in range(5_000_000): s += i * i"]

    def both() -> float:
        start = time.perf_counter()
        procs = [subprocess.Popen(burn, env=CHILD_ENV or None) for _ in range(2)]
        for proc in procs:
            proc.wait()
        return time.perf_counter() - start

    one = statistics.median(run(burn).wall for _ in range(rep))
    two = statistics.median(both() for _ in range(rep))
    return 2 * one / two


def throughput(cli: list[str], folder: Path, files: int, size: int, jobs: int, rep: int) -> Any:
    """Check a folder (JSON to /dev/null) ``rep`` times; return the median run and rates."""
    cmd = [*cli, "check", str(folder), "--format", "json"]
    if has_jobs(tuple(cli)):  # without --jobs, citecheck uses every core
        cmd += ["--jobs", str(jobs)]
    r = median_run([run(cmd) for _ in range(rep)])
    if r.code not in (0, 1):
        return {"error": f"exit code {r.code}", **asdict(r)}
    mb = size / 1e6
    return {
        **asdict(r),
        "jobs": jobs,
        "mb_s": mb / r.wall,
        "articles_s": files / r.wall,
        "mb_cpu_s": mb / r.cpu if r.cpu else 0.0,
    }


# MD052 and MD053 declare parser "none" and read the micromark tokens that markdownlint
# caches for rules declaring "micromark"; with only those two enabled nothing is parsed and
# nothing is reported. This rule checks nothing: it only makes markdownlint parse.
_PARSE_RULE = """
module.exports = {
  names: ["micromark-parse"],
  description: "Parse with micromark, for MD052 and MD053",
  tags: ["benchmark"],
  parser: "micromark",
  function: () => {},
};
"""


def _peer_config(work: Path, parse: bool) -> Path:
    folder = work / ("peer-parse" if parse else "peer-only")
    folder.mkdir(exist_ok=True)
    config: dict[str, Any] = {"config": {"default": False, "MD052": True, "MD053": True}}
    if parse:
        (folder / "parse.cjs").write_text(_PARSE_RULE)
        config["config"]["micromark-parse"] = True
        config["customRules"] = [str(folder / "parse.cjs")]
    path = folder / ".markdownlint-cli2.jsonc"
    path.write_text(json.dumps(config))
    return path


def peer(entry: Path | None, work: Path, folder: Path, rep: int) -> dict[str, Any]:
    """markdownlint-cli2 with MD052 and MD053 over the same Markdown files.

    Measured twice: with only those two rules (as configured, it parses nothing and finds
    nothing) and with the micromark parse they need, which is the peer to compare with.
    """
    if entry is None:
        return {"skipped": "npm or node not available"}
    node = shutil.which("node") or "node"
    out: dict[str, Any] = {}
    for parse in (False, True):
        config = _peer_config(work, parse)
        log = config.parent / "output.txt"
        cmd = [node, str(entry), "--config", str(config), "**/*.md"]
        r = median_run([run(cmd, cwd=folder, stderr=log) for _ in range(rep)])
        if r.code not in (0, 1):
            return {"skipped": f"markdownlint-cli2 exit code {r.code}"}
        found = sum(" MD05" in line for line in log.read_text(errors="replace").splitlines())
        out["parse" if parse else "only"] = {**asdict(r), "findings": found}
    return out


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


def progress(args: argparse.Namespace, what: str) -> None:
    """Say what is being measured (on stderr, so that --json output stays clean)."""
    if not args.quiet:
        sys.stderr.write(f"bench: {what}…\n")


def _fmt_s(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _verdict(value: float | None, limit: float, above: bool = False) -> str:
    if value is None:
        return "n/a"
    return "yes" if (value >= limit if above else value <= limit) else "no"


def _row(figure: str, ours: str, base: str, ratio: str, target: str, met: str) -> dict[str, str]:
    return {
        "figure": figure,
        "citecheck": ours,
        "baseline": base,
        "ratio": ratio,
        "target": target,
        "met": met,
    }


def rows(fig: Figures) -> list[dict[str, str]]:
    """The table: one row per figure, with its baseline, ratio and target."""
    res, corpus = fig.results, fig.corpus
    out: list[dict[str, str]] = []
    cs = res["cold_start"]
    out.append(
        _row(
            f"cold start: check one article, JSON (median of {cs['runs']})",
            _fmt_s(cs["citecheck_s"]),
            f"bare import of the runtime dependencies {_fmt_s(cs['bare_import_s'])}",
            f"{cs['ratio']:.2f}× (CPU {cs['cpu_ratio']:.2f}×)",
            f"≤ {TARGETS['cold_start']}×",
            _verdict(cs["ratio"], TARGETS["cold_start"]),
        )
    )
    t = corpus["text"]
    size = f"{t['files']:,} articles, {t['bytes'] / 1e6:.1f} MB"
    for key, jobs in (("text_1", 1), ("text_2", 2)):
        r = res[key]
        name = f"plain text, {size}, " + ("1 process" if jobs == 1 else "--jobs 2")
        if "skipped" in r or "error" in r:
            reason = str(r.get("skipped") or r.get("error"))
            out.append(_row(name, "not available", reason, "", "", "n/a"))
            continue
        per_core = r["mb_cpu_s"]
        base = f"{per_core:.2f} MB per CPU-second"
        if jobs > 1 and "parallel_capacity" in res:
            base += f"; two busy processes ran {res['parallel_capacity']:.1f}× one here"
        out.append(
            _row(
                name,
                f"{_fmt_s(r['wall'])}: {r['mb_s']:.2f} MB/s, {r['articles_s']:,.0f} articles/s",
                base,
                f"{per_core / TARGETS['text_mb_s_per_core']:.2f}× target",
                f"≥ {TARGETS['text_mb_s_per_core']:.0f} MB/s per core",
                _verdict(per_core, TARGETS["text_mb_s_per_core"], above=True),
            )
        )
    md, p = res["markdown_1"], res["peer"]
    m = corpus["markdown"]
    name = f"Markdown, {m['files']:,} files, {m['bytes'] / 1e6:.1f} MB, 1 process"
    ours = f"{_fmt_s(md['wall'])}: {md['mb_s']:.2f} MB/s"
    if "skipped" in p:
        out.append(_row(name, ours, f"markdownlint-cli2: {p['skipped']}", "", "", "n/a"))
    else:
        full, only = p["parse"], p["only"]
        ratio = md["wall"] / full["wall"]
        out.append(
            _row(
                name,
                ours,
                f"markdownlint-cli2 MD052+MD053 {_fmt_s(full['wall'])} "
                f"({full['findings']:,} findings)",
                f"{ratio:.2f}× (CPU {md['cpu'] / full['cpu']:.2f}×)",
                f"≤ {TARGETS['markdown_vs_peer']}×",
                _verdict(ratio, TARGETS["markdown_vs_peer"]),
            )
        )
        out.append(
            _row(
                "markdownlint-cli2 with only MD052+MD053 enabled (parses nothing)",
                "",
                f"{_fmt_s(only['wall'])} ({only['findings']:,} findings)",
                f"{md['wall'] / only['wall']:.2f}×",
                "",
                "",
            )
        )
    d2, d20 = res["doc_small"], res["doc_large"]
    small = round(corpus["doc_small_bytes"] / 1e6, 1)
    large = round(corpus["doc_large_bytes"] / 1e6, 1)
    linear = 10 * d2["wall"]
    done = d20["code"] is not None
    scale = d20["wall"] / linear if done else None
    out.append(
        _row(
            f"one {small:g} MB → one {large:g} MB document",
            f"{_fmt_s(d2['wall'])} → "
            + (_fmt_s(d20["wall"]) if done else f"> {_fmt_s(d20['wall'])} (stopped)"),
            f"10 × the {small:g} MB time: {_fmt_s(linear)}",
            f"{scale:.2f}× (CPU {d20['cpu'] / (10 * d2['cpu']):.2f}×)" if scale else "",
            f"≤ {TARGETS['scaling']}×",
            _verdict(scale, TARGETS["scaling"]),
        )
    )
    rss = res["text_1"].get("rss_mb")
    bare = cs["bare_import_rss_mb"]
    out.append(
        _row(
            f"peak RSS, {t['files']:,}-file batch, 1 process",
            f"{rss:.0f} MB" if rss else "n/a",
            f"bare import {bare:.0f} MB",
            f"{rss / bare:.1f}×" if rss else "",
            f"≤ {TARGETS['batch_rss_mb']:.0f} MB",
            _verdict(rss, TARGETS["batch_rss_mb"]),
        )
    )
    out.append(
        _row(
            f"peak RSS, {large:g} MB document",
            f"{d20['rss_mb']:.0f} MB" if done else "n/a",
            f"bare import {bare:.0f} MB",
            f"{d20['rss_mb'] / bare:.1f}×" if done else "",
            "",
            "",
        )
    )
    return out


def table(data: list[dict[str, str]]) -> str:
    """Render rows as a Markdown table."""
    heads = ["figure", "citecheck", "baseline", "ratio", "target", "met"]
    lines = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    lines.extend("| " + " | ".join(str(r.get(h, "")) for h in heads) + " |" for r in data)
    return "\n".join(lines)


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
        fig.rows = rows(fig)
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
