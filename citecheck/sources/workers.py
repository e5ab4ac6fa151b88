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
this process and a child of its own.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from citecheck.sources.extract import Extracted, Unreadable, extract

_HEADER = 8
_READY = "ready"
_START = 60.0  # seconds a worker may take to start and import its libraries


class _Died(Exception):
    """The worker ended or overran while holding a page; ``problem`` says how."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


class _NoStart(Exception):
    """The worker ended before it was ready (it cannot import citecheck or its libraries)."""


def _signal_name(code: int | None) -> str:
    if code is None or code >= 0:
        return f"exit code {code}"
    try:
        return signal.Signals(-code).name
    except ValueError:
        return f"signal {-code}"


class _Worker:
    """One child process and its two pipes."""

    def __init__(self) -> None:
        root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "citecheck.sources.workers"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            close_fds=True,
        )
        self.ready = False
        self.limit = 0.0

    @property
    def pid(self) -> int:
        return self.proc.pid

    def ask(self, job: tuple[Any, ...], timeout: float) -> tuple[Any, ...]:
        """Send ``job`` and wait for its reply; raises :class:`_Died`."""
        self.limit = timeout
        if not self.ready:
            try:
                ready = self._read(time.monotonic() + max(timeout, _START))
            except _Died:
                raise _NoStart() from None
            if ready != (_READY,):
                raise _NoStart()
            self.ready = True
        deadline = time.monotonic() + timeout
        assert self.proc.stdin is not None
        try:
            _send(self.proc.stdin, job)
        except (BrokenPipeError, OSError):
            raise _Died(self._ended()) from None
        return self._read(deadline)

    def _read(self, deadline: float) -> tuple[Any, ...]:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        data = bytearray()
        need = _HEADER
        while len(data) < need:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                self.kill()
                raise _Died(f"text extraction did not finish within {self.limit:g} s")
            chunk = os.read(fd, min(1 << 20, need - len(data)))
            if not chunk:
                raise _Died(self._ended())
            data += chunk
            if need == _HEADER and len(data) == _HEADER:
                need += int.from_bytes(data, "big")
        reply: tuple[Any, ...] = pickle.loads(bytes(data[_HEADER:]))
        return reply

    def _ended(self) -> str:
        try:
            code = self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.kill()
            code = self.proc.returncode
        return f"the text extractor's process ended ({_signal_name(code)}) while reading it"

    def close(self) -> None:
        """Ask the worker to leave (end of input); kill it if it lingers."""
        with contextlib.suppress(OSError):
            if self.proc.stdin is not None:
                self.proc.stdin.close()
        try:
            self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.kill()
        if self.proc.stdout is not None:
            self.proc.stdout.close()

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.proc.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=5)

    def release(self) -> None:
        """Kill the worker and close its pipes (no thread may be reading them)."""
        self.kill()
        for pipe in (self.proc.stdin, self.proc.stdout):
            with contextlib.suppress(OSError):
                if pipe is not None:
                    pipe.close()


class Pool:
    """At most ``size`` workers, each extracting one page at a time; safe to call from many
    threads. ``timeout`` (seconds) bounds one page. Use as a context manager, or call
    :meth:`close`; workers are started on first use."""

    def __init__(self, size: int, timeout: float = 60.0) -> None:
        self.size = max(1, size)
        self.timeout = timeout
        self.idle: list[_Worker] = []
        self.busy: set[_Worker] = set()
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
        except _NoStart:
            self.broken = True  # read here, behind the lock, as where workers cannot run
            return extract(body, content_type, name, headers)
        except _Died as exc:
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

    def _take(self) -> _Worker:
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
            worker = _Worker()
        except OSError as exc:
            with self.cond:
                self.count -= 1
                self.cond.notify()
            raise Unreadable("error", f"cannot start a text extractor: {exc}") from None
        with self.cond:
            self.busy.add(worker)
        return worker

    def _give(self, worker: _Worker, ok: bool) -> None:
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


def _send(out: IO[bytes], message: tuple[Any, ...]) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(len(data).to_bytes(_HEADER, "big") + data)
    out.flush()


def _recv(inp: IO[bytes]) -> tuple[Any, ...] | None:
    head = inp.read(_HEADER)
    if len(head) < _HEADER:
        return None
    data = inp.read(int.from_bytes(head, "big"))
    message: tuple[Any, ...] = pickle.loads(data)
    return message


def serve() -> None:
    """The worker's loop: read a job, answer, until standard input closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what a Ctrl-C stops
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a library's stray print must not corrupt a frame
    import trafilatura  # noqa: F401  (imported before the first page's clock starts)

    _send(out, (_READY,))
    inp = sys.stdin.buffer
    while (job := _recv(inp)) is not None:
        try:
            reply: tuple[Any, ...] = ("ok", extract(*job))
        except Unreadable as exc:
            reply = ("unreadable", exc.state, exc.problem)
        except MemoryError:
            reply = ("error", "out of memory")
        except Exception as exc:  # one page's surprise is that page's problem
            reply = ("error", type(exc).__name__)
        _send(out, reply)


if __name__ == "__main__":
    serve()
