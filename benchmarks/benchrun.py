"""Measuring one command: wall and CPU time and peak memory of a fresh child process.

Used by ``bench.py``; the probe interpreter in between keeps this process's own memory out
of the child's figures.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "fixtures" / "000_75297bddb94e8c7d.txt"
BARE_IMPORT = "import typer, rich, pydantic, rapidfuzz, sentencex, pyromark"
TIMEOUT = 300.0


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
    cmd: list[str],
    cwd: Path | None = None,
    timeout: float = TIMEOUT,
    stderr: Path | None = None,
    env: dict[str, str] | None = None,
) -> Run:
    """Run a command with output discarded; measure wall and CPU time and peak memory.

    ``env`` replaces the children's environment (default: ``CHILD_ENV`` once
    :func:`child_env` has set it, else this process's)."""
    probe = [sys.executable, "-c", _PROBE, str(stderr) if stderr else "-", *cmd]
    proc = subprocess.Popen(
        probe,
        cwd=cwd,
        env=env or CHILD_ENV or None,
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
