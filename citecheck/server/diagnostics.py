"""A buffer's check: its report as LSP diagnostics, kept for the actions and navigation.

A :class:`Checked` is one version of one document checked: the text, the report the
API's :func:`~citecheck.api.check_text` gives (the same findings and messages as
``citecheck check``), the positions of its text and, built when first asked for, its parse
and resolution. The server keeps the last one per document, so a code action, a hover or a
go-to-definition on the version shown reads it again instead of checking again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote, urlparse

from lsprotocol import types

from citecheck.config.settings import Settings
from citecheck.model import Document
from citecheck.report import FileReport, Finding
from citecheck.resolver import Resolution
from citecheck.server.positions import Positions, Units

SOURCE = "citecheck"
_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
_UNNECESSARY = frozenset({"CC003", "CC100"})
"""Rules whose finding is text that could go: shown faded by editors."""
FORMATS = {"markdown": "markdown", "plaintext": "text", "text": "text", "html": "html"}
"""LSP ``languageId`` → citecheck's format; others are read by the file's suffix."""


def fs_path(uri: str) -> str | None:
    """The file a ``file:`` URI names (None for an unsaved buffer or another scheme)."""
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else None


def editable(uri: str) -> bool:
    """Whether a document is checked as text: not a Word file (its XML is not the prose)."""
    return not uri.lower().endswith((".docx", ".docm", ".dotx"))


@dataclass(slots=True)
class Checked:
    """One version of one document, checked."""

    uri: str
    version: int | None
    text: str
    path: str | None
    fmt: str | None
    settings: Settings
    report: FileReport
    positions: Positions
    _parsed: tuple[Document, Resolution] | None = field(default=None, repr=False)

    @property
    def parsed(self) -> tuple[Document, Resolution]:
        """The document's parse and resolution (built on first use)."""
        if self._parsed is None:
            from citecheck.api import analyse

            self._parsed = analyse(self.text, path=self.path, fmt=self.fmt, settings=self.settings)
        return self._parsed

    def offset(self, finding: Finding) -> tuple[int, int]:
        """The character span of a finding."""
        pos = self.positions
        start = pos.offset(pos.at(finding.line, finding.column))
        end = pos.offset(pos.at(finding.end_line, finding.end_column))
        return start, max(start, end)


def check(
    uri: str,
    version: int | None,
    text: str,
    language: str | None,
    settings: Settings,
    units: Units,
    sources: object = None,
) -> Checked:
    """Check one buffer as ``citecheck check`` (or ``verify --offline`` with ``sources``)
    checks a file; raises what :func:`~citecheck.api.check_text` raises."""
    from citecheck.api import check_text

    path = fs_path(uri)
    fmt = FORMATS.get(language or "")
    report = check_text(
        text,
        path=path or uri,
        fmt=fmt,
        settings=settings,
        sources=sources,  # type: ignore[arg-type]
    )
    return Checked(uri, version, text, path or uri, fmt, settings, report, Positions(text, units))


def diagnostic(checked: Checked, finding: Finding, rules_url: str | None) -> types.Diagnostic:
    """One finding as an LSP diagnostic; ``data`` carries what a code action needs back."""
    pos = checked.positions
    rng = types.Range(
        pos.at(finding.line, finding.column), pos.at(finding.end_line, finding.end_column)
    )
    return types.Diagnostic(
        range=rng,
        message=finding.message,
        severity=_SEVERITY.get(finding.severity, types.DiagnosticSeverity.Information),
        code=finding.code,
        code_description=types.CodeDescription(href=rules_url) if rules_url else None,
        source=SOURCE,
        tags=[types.DiagnosticTag.Unnecessary] if finding.code in _UNNECESSARY else None,
        data={
            "rule": finding.rule,
            "line": finding.line,
            "column": finding.column,
            "fix": finding.fix,
            "version": checked.version,
        },
    )


def diagnostics(checked: Checked, rules_url: str | None) -> list[types.Diagnostic]:
    """The report's findings as diagnostics, in the report's order."""
    return [diagnostic(checked, f, rules_url) for f in checked.report.findings]
