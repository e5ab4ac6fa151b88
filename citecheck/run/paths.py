"""Checking many files: paths in, one report out, in the order of the input.

Takes paths (files, folders, ``-``) and settings; walks folders (:mod:`.files`), checks
each file with :func:`citecheck.api.check_file`, in worker processes when asked
(:mod:`.batch`), and sums the results up. An input error costs only its own file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from citecheck.api import SettingsFor, check_file
from citecheck.config.settings import Settings
from citecheck.model.errors import InputError
from citecheck.report import FileReport, InputProblem, Report, summarise
from citecheck.run.files import display_path, expand

if TYPE_CHECKING:
    from citecheck.sources.model import SourceOptions

Progress = Callable[[int, int], None]


def check_paths(
    paths: Iterable[str],
    settings: Settings | SettingsFor | None = None,
    fmt: str | None = None,
    keep_source: bool = False,
    *,
    jobs: int = 1,
    exclude: tuple[str, ...] = (),
    stdin_filename: str | None = None,
    progress: Progress | None = None,
    sources: SourceOptions | None = None,
    keep_outline: bool = False,
) -> Report:
    """Check files and directories; unreadable files become report errors.

    A directory with no file to check is listed in ``Report.unmatched``; standard input
    without ``stdin_filename`` is read as Markdown or text by its content.
    ``settings`` is one :class:`Settings` for every file or a function giving each path its
    own (see :class:`citecheck.config.discovery.Loader`). Results keep the order of the
    input, with or without ``jobs`` worker processes. ``keep_source`` and ``keep_outline``
    keep each file's text and outline for the formats that show them.
    """
    from citecheck.run.batch import Job, run_jobs

    fixed = settings if isinstance(settings, Settings) else Settings()
    settings_for: SettingsFor = settings if callable(settings) else (lambda _: fixed)
    job_list: list[Job] = []
    unmatched: list[str] = []
    for path in expand(paths, exclude, unmatched):
        display = stdin_filename if path == "-" else None
        job = Job(
            path, settings_for(display or path), fmt, keep_source, display, sources, keep_outline
        )
        job_list.append(job)
    files: list[FileReport] = []
    errors: list[InputProblem] = []
    for result in run_jobs(job_list, jobs, progress):
        if isinstance(result, FileReport):
            files.append(result)
        else:
            errors.append(result)
    summary = summarise(files, errors)
    return Report(files=files, summary=summary, errors=errors, unmatched=unmatched)


def check_one(
    path: str,
    settings: Settings,
    fmt: str | None,
    keep: bool,
    display: str | None,
    sources: SourceOptions | None = None,
    keep_outline: bool = False,
) -> FileReport | InputProblem:
    """Check one file of a batch; an input error becomes an :class:`InputProblem`."""
    try:
        return check_file(path, settings, fmt, keep, display, sources, keep_outline)
    except InputError as exc:
        return InputProblem(path=display or exc.path, message=exc.problem)
    except Exception as exc:  # a defect must not cost the other files of a batch their report
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        return InputProblem(
            path=display or display_path(path),
            message=f"internal error ({detail}); not checked, please report this file",
        )
