"""Text extraction in worker processes: a crash, a hang or a blow-up costs one page, not the run.

trafilatura over lxml (libxml2) is not safe across threads: concurrent ``extract`` calls
end the interpreter with SIGSEGV or "double free or corruption" (adbar/trafilatura#840,
still seen after the fix of #856 in #925; libxml2 keeps process-global parser state).
Pages fetched by several threads are therefore read by a few child processes, each
extracting one page at a time. A worker that dies (a native crash, a kill, the memory
killer) or overruns the time limit fails only the page it held: the page gets a one-line
problem, the worker is replaced, the other pages go on. Where no child process can be made
(no ``sys.executable``, not POSIX) extraction runs here behind one lock
(:data:`citecheck.sources.extract.NATIVE`), which is as safe, but not isolated.

Workers are ``python -m citecheck.sources.workers``: nothing of the parent is inherited
but the environment (no fork of a threaded process), they are started only when the first
page needs them, and each leaves as soon as its standard input closes, so a parent that
dies, even by SIGKILL, leaves no orphan. Frames are an 8-byte length and a pickle, between
this process and a child of its own (one worker and its frames: :mod:`.extractor`).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Mapping
from typing import Any

from citecheck.sources.extract import Extracted, Unreadable, extract
from citecheck.sources.extractor import READY, Died, NoStart, Worker, recv, send


class Pool:
    """At most ``size`` workers, each extracting one page at a time; safe to call from many
    threads. ``timeout`` (seconds) bounds one page. Use as a context manager, or call
    :meth:`close`; workers are started on first use."""

    def __init__(self, size: int, timeout: float = 60.0) -> None:
        self.size = max(1, size)
        self.timeout = timeout
        self.idle: list[Worker] = []
        self.busy: set[Worker] = set()
        self.count = 0
        self.closed = False
        self.broken = False
        self.cond = threading.Condition()

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def pids(self) -> list[int]:
        """The process ids of the idle workers (for tests and diagnostics)."""
        with self.cond:
            return [w.pid for w in self.idle]

    def extract(
        self, body: bytes, content_type: str | None, name: str, headers: Mapping[str, str]
    ) -> Extracted:
        """What :func:`citecheck.sources.extract.extract` gives for this body, read by a
        worker. Raises :class:`Unreadable` as it does, and also (state ``error``) when the
        worker dies or overruns ``timeout`` on this page, or the pool is closed."""
        if self.broken:
            return extract(body, content_type, name, headers)
        worker = self._take()
        ok = False
        try:
            reply = worker.ask((body, content_type, name, dict(headers)), self.timeout)
            ok = True
        except NoStart:
            self.broken = True  # read here, behind the lock, as where workers cannot run
            return extract(body, content_type, name, headers)
        except Died as exc:
            problem = "not read: the run was interrupted" if self.closed else exc.problem
            raise Unreadable("error", problem) from None
        finally:
            self._give(worker, ok)
        kind = reply[0]
        if kind == "ok":
            got: Extracted = reply[1]
            return got
        if kind == "unreadable":
            raise Unreadable(reply[1], reply[2])
        raise Unreadable("error", f"could not extract text: {reply[1]}")

    def _take(self) -> Worker:
        with self.cond:
            while True:
                if self.closed:
                    raise Unreadable("error", "not read: the run was interrupted")
                if self.idle:
                    worker = self.idle.pop()
                    if worker.proc.poll() is None:
                        self.busy.add(worker)
                        return worker
                    self.count -= 1  # died while idle (killed from outside): replace it
                    continue
                if self.count < self.size:
                    self.count += 1
                    break
                self.cond.wait()
        try:
            worker = Worker()
        except OSError as exc:
            with self.cond:
                self.count -= 1
                self.cond.notify()
            raise Unreadable("error", f"cannot start a text extractor: {exc}") from None
        with self.cond:
            self.busy.add(worker)
        return worker

    def _give(self, worker: Worker, ok: bool) -> None:
        with self.cond:
            self.busy.discard(worker)
            if ok and not self.closed:
                self.idle.append(worker)
            else:
                self.count -= 1
            self.cond.notify()
        if not ok:
            worker.release()
        elif self.closed:
            worker.close()

    def close(self, kill: bool = False) -> None:
        """Stop taking pages and let every idle worker leave; busy ones leave when done, or
        at once with ``kill`` (their pages fail as interrupted)."""
        with self.cond:
            self.closed = True
            idle, self.idle = self.idle, []
            busy = list(self.busy) if kill else []
            self.count -= len(idle)
            self.cond.notify_all()
        for worker in busy:
            worker.kill()
        for worker in idle:
            worker.close()


def extraction_pool(pages: int, timeout: float) -> Pool | None:
    """A pool for ``pages`` pages read at once: as many workers as cores, at most 4 and
    at most ``pages``; ``None`` where workers cannot run (extract here, behind the lock).
    ``timeout`` (seconds) bounds one page."""
    if not available() or pages < 1:
        return None
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return Pool(min(pages, max(1, cores), 4), timeout)


def available() -> bool:
    """Whether this process can run extraction workers (POSIX, a Python to start)."""
    return os.name == "posix" and bool(sys.executable)


def serve() -> None:
    """The worker's loop: read a job, answer, until standard input closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what a Ctrl-C stops
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a library's stray print must not corrupt a frame
    import trafilatura  # noqa: F401  (imported before the first page's clock starts)

    send(out, (READY,))
    inp = sys.stdin.buffer
    while (job := recv(inp)) is not None:
        try:
            reply: tuple[Any, ...] = ("ok", extract(*job))
        except Unreadable as exc:
            reply = ("unreadable", exc.state, exc.problem)
        except MemoryError:
            reply = ("error", "out of memory")
        except Exception as exc:  # one page's surprise is that page's problem
            reply = ("error", type(exc).__name__)
        send(out, reply)


if __name__ == "__main__":
    serve()
