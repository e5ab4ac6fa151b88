"""The library API under the CLI: a pure function of its input, per file and per batch."""

from __future__ import annotations

from collections.abc import Iterable
from fnmatch import fnmatch
from pathlib import Path

from citecheck.checker import Context, RuleOptions
from citecheck.errors import InputError
from citecheck.files import expand, read_path
from citecheck.lines import LineIndex
from citecheck.model import Document
from citecheck.parser import ParseOptions, parse
from citecheck.reader import detect_format
from citecheck.report import FileReport, FileStats, Finding, InputProblem, Report, summarise
from citecheck.resolver import Resolution, resolve
from citecheck.settings import Settings, selected_rules, severity_of

WALK_SUFFIXES = (".md", ".markdown", ".txt")
SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox"}
)


def analyse(
    text: str, *, path: str | None = None, fmt: str | None = None, settings: Settings | None = None
) -> tuple[Document, Resolution]:
    """Parse and resolve a text: what ``citecheck parse`` and ``refs`` show."""
    settings = settings or Settings()
    options = ParseOptions(settings.scope, settings.min_claim_words, settings.reference_headings)
    doc = parse(text, detect_format(path, fmt), path, options)
    return doc, resolve(doc)


def _ignored_here(path: str | None, settings: Settings) -> tuple[str, ...]:
    if not path or not settings.per_file_ignores:
        return ()
    out: list[str] = []
    for pattern, rules in settings.per_file_ignores.items():
        if fnmatch(path, pattern) or fnmatch(Path(path).name, pattern):
            out.extend(rules)
    return tuple(out)


def check_text(
    text: str,
    *,
    path: str | None = None,
    fmt: str | None = None,
    settings: Settings | None = None,
    keep_source: bool = False,
) -> FileReport:
    """Check one decoded text and return its findings and statistics."""
    settings = settings or Settings()
    doc, res = analyse(text, path=path, fmt=fmt, settings=settings)
    aliases = tuple((k, tuple(v)) for k, v in sorted(settings.outlet_aliases.items()))
    ctx = Context(doc, res, RuleOptions(settings.scope, aliases))
    lines = LineIndex(text)
    shown = path or "-"
    findings: list[Finding] = []
    for rule in selected_rules(settings, _ignored_here(path, settings)):
        severity = severity_of(rule, settings)
        for v in rule.check(ctx):
            line, col = lines.position(v.start)
            end_line, end_col = lines.position(max(v.start, v.end))
            findings.append(
                Finding(
                    code=rule.CODE,
                    rule=rule.NAME,
                    severity=severity,
                    path=shown,
                    line=line,
                    column=col,
                    end_line=end_line,
                    end_column=end_col,
                    message=v.message,
                    text=" ".join(text[v.start : v.end].split())[:200],
                )
            )
    findings.sort(key=lambda f: (f.line, f.column, f.code))
    report = FileReport(path=shown, format=doc.fmt, findings=findings, stats=_stats(doc, res))  # type: ignore[arg-type]
    if keep_source:
        report._source = text
    return report


def _stats(doc: Document, res: Resolution) -> FileStats:
    # Only a document that cites sources has claims that need citing (see CC001).
    claims = [s for s in doc.sentences if s.claim] if doc.cites_sources() else []
    covered = sum(1 for s in claims if s.covered_by)
    keyed = [r for r in doc.references if r.key is not None]
    cited = sum(1 for r in keyed if res.citations(r))
    return FileStats(
        claims=len(claims),
        covered_claims=covered,
        coverage=round(100 * covered / len(claims), 1) if claims else None,
        markers=len(doc.markers),
        references=len(doc.references),
        cited_references=cited,
        uncited_references=len(keyed) - cited,
    )


def check_file(
    path: str, settings: Settings | None = None, fmt: str | None = None, keep_source: bool = False
) -> FileReport:
    """Read, decode and check one file."""
    settings = settings or Settings()
    text = read_path(path, settings.encoding)
    return check_text(text, path=path, fmt=fmt, settings=settings, keep_source=keep_source)


def check_paths(
    paths: Iterable[str],
    settings: Settings | None = None,
    fmt: str | None = None,
    keep_source: bool = False,
) -> Report:
    """Check files and directories; unreadable files become report errors."""
    settings = settings or Settings()
    files: list[FileReport] = []
    errors: list[InputProblem] = []
    for path in expand(paths):
        try:
            files.append(check_file(path, settings, fmt, keep_source))
        except InputError as exc:
            errors.append(InputProblem(path=exc.path, message=exc.problem))
    return Report(files=files, summary=summarise(files, errors), errors=errors)
