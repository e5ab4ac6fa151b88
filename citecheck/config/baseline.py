"""Baselines: record today's findings so that only new ones are reported.

A finding's fingerprint is its rule code, its file (relative to the baseline's folder) and
the text it points at with whitespace and case normalised, plus an occurrence index among
identical findings of that file. No line numbers: a finding keeps its fingerprint when text
is inserted above it. The file is JSON with a version, written atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from citecheck.config.globs import relative
from citecheck.model.errors import ConfigError
from citecheck.report import FileReport, Finding, Report, summarise

VERSION = 1


class Entry(BaseModel):
    """One recorded finding; only ``fingerprint`` is matched, the rest is for reviewers."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    fingerprint: str
    code: str = ""
    rule: str = ""
    path: str = ""
    text: str = ""
    message: str = ""


class Baseline(BaseModel):
    """The baseline file: ``{"version": 1, "tool": "citecheck", "findings": [...]}``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: Literal[1] = 1
    tool: Literal["citecheck"] = "citecheck"
    findings: list[Entry]


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def _path(path: str, base: str) -> str:
    return path if path == "-" else relative(path, base)


def fingerprinted(file: FileReport, base: str) -> Iterator[tuple[str, Entry, Finding]]:
    """Yield (fingerprint, entry, finding) for each finding of a file, in report order."""
    seen: Counter[tuple[str, str]] = Counter()
    path = _path(file.path, base)
    for f in file.findings:
        text = _normal(f.text or f.message)
        occurrence = seen[f.code, text]
        seen[f.code, text] += 1
        digest = hashlib.sha256(f"{f.code}\0{path}\0{text}\0{occurrence}".encode()).hexdigest()
        entry = Entry(
            fingerprint=digest[:32],
            code=f.code,
            rule=f.rule,
            path=path,
            text=text[:120],
            message=f.message,
        )
        yield entry.fingerprint, entry, f


def _base(baseline: str) -> str:
    return os.path.dirname(os.path.abspath(baseline))


def write(report: Report, baseline: str) -> int:
    """Write every finding of a report to a baseline file atomically; return how many."""
    base = _base(baseline)
    entries = [e for file in report.files for _, e, _ in fingerprinted(file, base)]
    entries.sort(key=lambda e: (e.path, e.code, e.text, e.fingerprint))
    data = Baseline(findings=entries).model_dump_json(indent=2)
    try:
        _replace(baseline, base, data + "\n")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ConfigError(f"{baseline}: cannot write baseline: {reason}") from None
    return len(entries)


def _replace(path: str, folder: str, data: str) -> None:
    """Write a file so that readers see the old or the new content, never a part."""
    fd, tmp = tempfile.mkstemp(prefix=".citecheck-baseline-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load(baseline: str) -> Baseline:
    """Read and validate a baseline file, raising :class:`ConfigError` in one line."""
    try:
        raw = Path(baseline).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{baseline}: baseline file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{baseline}: cannot read baseline: {exc}") from None
    try:
        return Baseline.model_validate(json.loads(raw))
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{baseline}: baseline is not valid JSON: {exc}") from None
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise ConfigError(f"{baseline}: not a citecheck baseline ({where}: {err['msg']})") from None


def apply(report: Report, baseline: Baseline, path: str) -> Report:
    """Hide the findings recorded in a baseline; count its stale entries of checked files."""
    base = _base(path)
    known = Counter(e.fingerprint for e in baseline.findings)
    checked = {_path(file.path, base) for file in report.files}
    files: list[FileReport] = []
    for file in report.files:
        kept: list[Finding] = []
        hidden = 0
        for fp, _, finding in fingerprinted(file, base):
            if known[fp] > 0:
                known[fp] -= 1
                hidden += 1
            else:
                kept.append(finding)
        stats = file.stats.model_copy(update={"baselined": hidden})
        files.append(file.model_copy(update={"findings": kept, "stats": stats}))
    stale = 0
    for e in baseline.findings:
        if e.path in checked and known[e.fingerprint] > 0:
            known[e.fingerprint] -= 1
            stale += 1
    summary = summarise(files, report.errors, stale)
    return report.model_copy(update={"files": files, "summary": summary})
