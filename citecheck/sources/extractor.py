"""One text-extraction worker: a child process ``python -m citecheck.sources.workers`` and
the frames between it and this process (an 8-byte length and a pickle), and how it ended
when it dies or overruns (see :mod:`citecheck.sources.workers` for the pool and why)."""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

HEADER = 8
READY = "ready"
START = 60.0  # seconds a worker may take to start and import its libraries


class Died(Exception):
    """The worker ended or overran while holding a page; ``problem`` says how."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


class NoStart(Exception):
    """The worker ended before it was ready (it cannot import citecheck or its libraries)."""


def _signal_name(code: int | None) -> str:
    if code is None or code >= 0:
        return f"exit code {code}"
    try:
        return signal.Signals(-code).name
    except ValueError:
        return f"signal {-code}"


class Worker:
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
        """Send ``job`` and wait for its reply; raises :class:`Died`."""
        self.limit = timeout
        if not self.ready:
            try:
                ready = self._read(time.monotonic() + max(timeout, START))
            except Died:
                raise NoStart() from None
            if ready != (READY,):
                raise NoStart()
            self.ready = True
        deadline = time.monotonic() + timeout
        assert self.proc.stdin is not None
        try:
            send(self.proc.stdin, job)
        except (BrokenPipeError, OSError):
            raise Died(self._ended()) from None
        return self._read(deadline)

    def _read(self, deadline: float) -> tuple[Any, ...]:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        data = bytearray()
        need = HEADER
        while len(data) < need:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                self.kill()
                raise Died(f"text extraction did not finish within {self.limit:g} s")
            chunk = os.read(fd, min(1 << 20, need - len(data)))
            if not chunk:
                raise Died(self._ended())
            data += chunk
            if need == HEADER and len(data) == HEADER:
                need += int.from_bytes(data, "big")
        reply: tuple[Any, ...] = pickle.loads(bytes(data[HEADER:]))
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


def send(out: IO[bytes], message: tuple[Any, ...]) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(len(data).to_bytes(HEADER, "big") + data)
    out.flush()


def recv(inp: IO[bytes]) -> tuple[Any, ...] | None:
    head = inp.read(HEADER)
    if len(head) < HEADER:
        return None
    data = inp.read(int.from_bytes(head, "big"))
    message: tuple[Any, ...] = pickle.loads(data)
    return message
