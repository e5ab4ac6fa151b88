"""Archives beyond one machine: citecheck mapped over a Dask bag of files or a column of texts.

Needs the optional extra (``pip install 'citecheck[dask]'``): Dask plans and schedules the
work, on one machine or a cluster (``distributed.Client``); citecheck only says what one
partition gives. Both functions return a :class:`Checked` pair of lazy Dask DataFrames:

- ``findings``: one row per finding, the fields of :class:`citecheck.report.Finding`
  (``code``, ``rule``, ``severity``, ``path``, ``line``, ``column``, ``end_line``,
  ``end_column``, ``message``, ``text``, ``fix``, ``location``);
- ``files``: one row per input, ``path``, ``format``, ``profile``, the finding counts
  ``findings``, ``errors``, ``warnings``, ``infos``, the fields of
  :class:`citecheck.report.FileStats` (``claims``, ``covered_claims``, ``coverage`` in
  percent, NaN without claims, ``markers``, ``references``…) and ``problem``: why the input
  could not be checked (unreadable, undecodable, no text), NA when it was.

Strings are pandas ``string`` columns (NA for none), counts ``int64``, ``coverage``
``float64``. Rows keep the order of the input; the index is per partition, not global.
Both frames share one check of each input: compute them together
(``dask.compute(checked.findings, checked.files)``) or persist them, else each input is
checked once per frame computed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from os import PathLike, fspath
from typing import NamedTuple, get_type_hints

try:
    import dask.dataframe as dd
    import pandas as pd
    from dask.bag import Bag
except ImportError as exc:  # one line that says what to install, not a traceback to read
    _missing_module = (exc.name or "dask").partition(".")[0]
    raise ImportError(
        f"citecheck.run.distributed needs Dask, distributed, pandas and pyarrow ({_missing_module}"
        " is missing): pip install 'citecheck[dask]'"
    ) from None

from citecheck.api import check_text
from citecheck.config.settings import Settings
from citecheck.report import FileReport, FileStats, Finding, InputProblem
from citecheck.run.paths import check_one

__all__ = ["FILE_DTYPES", "FINDING_DTYPES", "Checked", "check_files", "check_texts"]


def _dtypes(record: type) -> dict[str, str]:
    hints = get_type_hints(record)
    return {field.name: _dtype(hints[field.name]) for field in dataclasses.fields(record)}


def _dtype(annotation: object) -> str:
    if annotation is int:
        return "int64"
    return "float64" if annotation in (float, float | None) else "string"


FINDING_DTYPES: dict[str, str] = _dtypes(Finding)
"""Column → dtype of the ``findings`` frame, in column order."""

_HEAD = {"path": "string", "format": "string", "profile": "string"}
_COUNTS = {"findings": "int64", "errors": "int64", "warnings": "int64", "infos": "int64"}
FILE_DTYPES: dict[str, str] = _HEAD | _COUNTS | _dtypes(FileStats) | {"problem": "string"}
"""Column → dtype of the ``files`` frame, in column order."""


class Checked(NamedTuple):
    """The lazy result of a check: ``findings`` (one row per finding) and ``files`` (one
    row per input); columns as :data:`FINDING_DTYPES` and :data:`FILE_DTYPES`."""

    findings: dd.DataFrame
    files: dd.DataFrame


def check_files(paths: Bag, settings: Settings | None = None, fmt: str | None = None) -> Checked:
    """Check every file of a bag of paths (``str`` or path-like, one file each).

    Each file is read, decoded and checked with ``settings`` (default: the defaults, no
    configuration file is looked for) as ``citecheck check`` does; ``fmt`` forces a format
    (``text``, ``markdown``, ``html``, ``docx``) instead of the one the suffix gives. A file
    that cannot be read or checked is a ``files`` row with its ``problem``; nothing raises.
    Returns a :class:`Checked` pair, lazy: nothing runs until it is computed.
    """
    settings = settings or Settings()
    return _frames(paths.map(_check_path, settings, fmt))  # type: ignore[no-untyped-call]


def check_texts(
    frame: dd.DataFrame,
    *,
    text: str = "text",
    path: str = "path",
    settings: Settings | None = None,
    fmt: str | None = None,
) -> Checked:
    """Check the texts of a column of a Dask DataFrame (e.g. ``dd.read_parquet(...)``).

    ``text`` names the column of article texts (``str``; a missing text is a ``files`` row
    with a ``problem``), ``path`` the column that identifies each one (an id, a file name or
    a URL; shown as the ``path`` of its rows and used, by its suffix, to tell Markdown from
    plain text unless ``fmt`` is given). ``settings`` as in :func:`check_files`. Raises
    ``KeyError`` when a column is missing. Returns a lazy :class:`Checked` pair.
    """
    missing = [c for c in (path, text) if c not in frame.columns]
    if missing:
        raise KeyError(f"no column {missing[0]!r} in the frame (columns: {list(frame.columns)})")
    settings = settings or Settings()
    pairs = frame[[path, text]].to_bag(index=False, format="tuple")
    return _frames(pairs.map(_check_pair, settings, fmt))


Outcome = FileReport | InputProblem


def _check_path(path: str | PathLike[str], settings: Settings, fmt: str | None) -> Outcome:
    return check_one(fspath(path), settings, fmt, False, None)


def _check_pair(pair: tuple[object, object], settings: Settings, fmt: str | None) -> Outcome:
    name, text = pair
    shown = "" if _missing(name) else str(name)
    if not isinstance(text, str):
        return InputProblem(path=shown or "-", message="no text to check")
    try:
        return check_text(text, path=shown or None, fmt=fmt, settings=settings)
    except Exception as exc:  # as in a batch of files: one text must not cost the others
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        message = f"internal error ({detail}); not checked, please report this text"
        return InputProblem(path=shown or "-", message=message)


def _missing(value: object) -> bool:
    return value is None or bool(pd.isna(value))


def _frames(reports: Bag) -> Checked:
    # Unoptimised, so that both frames read the one bag of reports instead of each fusing
    # its own copy of the check into its tasks (which checks every input twice).
    rows = reports.map_partitions(_finding_rows)  # type: ignore[no-untyped-call]
    findings = rows.to_dataframe(meta=_empty(FINDING_DTYPES), optimize_graph=False)
    stats = reports.map(_file_row)  # type: ignore[no-untyped-call]
    files = stats.to_dataframe(meta=_empty(FILE_DTYPES), optimize_graph=False)
    return Checked(findings, files)


def _finding_rows(reports: Iterable[Outcome]) -> list[dict[str, object]]:
    # A list, not a generator: a partition may be sent to another worker, and a generator
    # cannot be pickled (the transfer fails and the compute waits for ever).
    return [
        finding.model_dump()
        for report in reports
        if isinstance(report, FileReport)
        for finding in report.findings
    ]


def _file_row(report: Outcome) -> dict[str, object]:
    row: dict[str, object] = dict.fromkeys(FILE_DTYPES, 0)
    row |= {"path": report.path, "format": None, "profile": None, "problem": None}
    if isinstance(report, InputProblem):
        return row | {"coverage": None, "problem": report.message}
    severities = [f.severity for f in report.findings]
    row |= {"format": report.format, "profile": report.profile, "findings": len(severities)}
    row |= {f"{s}s": severities.count(s) for s in ("error", "warning", "info")}
    return row | report.stats.model_dump()


def _empty(dtypes: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in dtypes.items()})
