"""A progress bar on standard error for long batch runs on a terminal, never in CI.

The bar appears only once a run has taken longer than :data:`DELAY` seconds, so short runs
print nothing extra; it is transient and leaves no trace in the output.
"""

from __future__ import annotations

import os
import time
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

DELAY = 1.0
CI_VARIABLES = (
    "CI",
    "GITHUB_ACTIONS",
    "GITLAB_CI",
    "BUILDKITE",
    "CIRCLECI",
    "TRAVIS",
    "JENKINS_URL",
    "TF_BUILD",
    "TEAMCITY_VERSION",
    "BITBUCKET_BUILD_NUMBER",
    "PRE_COMMIT",
)


def wanted(stream: TextIO, environ: dict[str, str] | None = None) -> bool:
    """Return whether a progress bar may be drawn on a stream: a terminal, outside CI."""
    env = os.environ if environ is None else environ
    if any(env.get(name) for name in CI_VARIABLES) or env.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Bar:
    """A callable ``(done, total)`` that draws a rich progress bar after a delay."""

    def __init__(self, stream: TextIO, delay: float = DELAY) -> None:
        self.stream = stream
        self.delay = delay
        self.started = time.monotonic()
        self.progress: Progress | None = None
        self.task: TaskID | None = None

    def __call__(self, done: int, total: int) -> None:
        """Record progress; draw the bar once the run has lasted long enough."""
        if self.progress is None:
            if time.monotonic() - self.started < self.delay or done >= total:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

            console = Console(file=self.stream)
            self.progress = Progress(
                "checking",
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=console,
                transient=True,
            )
            self.task = self.progress.add_task("files", total=total, completed=done)
            self.progress.start()
        assert self.task is not None
        self.progress.update(self.task, completed=done, total=total)

    def __enter__(self) -> Bar:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.progress is not None:
            self.progress.stop()
