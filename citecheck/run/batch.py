"""Batch runs: check many files serially or on a process pool, results in input order.

The per-file check is a pure function of (path, settings), so a batch maps it over a pool
in chunks: one task per chunk keeps the cost of pickling and scheduling small for thousands
of short files. Standard input is always read in this process.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from citecheck.config.settings import Settings
from citecheck.report import FileReport, InputProblem

if TYPE_CHECKING:
    from citecheck.sources.model import SourceOptions

Result = FileReport | InputProblem
MAX_CHUNK = 200


@dataclass(frozen=True, slots=True)
class Job:
    """One file to check and the settings that apply to it."""

    path: str
    settings: Settings
    fmt: str | None = None
    keep_source: bool = False
    display: str | None = None
    sources: SourceOptions | None = None
    """How to find the sources, when the file is also verified."""
    keep_outline: bool = False


def default_jobs() -> int:
    """Return the number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _one(job: Job) -> Result:
    from citecheck.run.paths import check_one

    return check_one(
        job.path, job.settings, job.fmt, job.keep_source, job.display, job.sources, job.keep_outline
    )


def _chunk(jobs: list[Job]) -> list[Result]:
    return [_one(job) for job in jobs]


def chunk_size(total: int, workers: int) -> int:
    """Return how many files one pool task checks: about eight tasks per worker."""
    return max(1, min(MAX_CHUNK, -(-total // (workers * 8))))


def run_jobs(
    jobs: list[Job], workers: int = 1, progress: Callable[[int, int], None] | None = None
) -> list[Result]:
    """Check every job and return the results in the order of the jobs."""
    total = len(jobs)
    pooled = [i for i, job in enumerate(jobs) if job.path != "-"]
    if workers <= 1 or len(pooled) <= 1:
        results: list[Result] = []
        for job in jobs:
            results.append(_one(job))
            if progress:
                progress(len(results), total)
        return results
    from concurrent.futures import ProcessPoolExecutor, as_completed

    out: list[Result | None] = [None] * total
    done = 0
    for i, job in enumerate(jobs):
        if job.path == "-":
            out[i] = _one(job)
            done += 1
    size = chunk_size(len(pooled), workers)
    chunks = [pooled[k : k + size] for k in range(0, len(pooled), size)]
    with ProcessPoolExecutor(max_workers=min(workers, len(chunks))) as pool:
        futures = {pool.submit(_chunk, [jobs[i] for i in chunk]): chunk for chunk in chunks}
        try:
            for future in as_completed(futures):
                for i, result in zip(futures[future], future.result(), strict=True):
                    out[i] = result
                done += len(futures[future])
                if progress:
                    progress(done, total)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return [r for r in out if r is not None]
