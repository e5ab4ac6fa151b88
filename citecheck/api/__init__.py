"""The library API under the CLI: a pure function of its input, per file and per batch."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from citecheck.api.outline import outline_of
from citecheck.api.stats import file_stats
from citecheck.checker import Context, RuleOptions, uncited_reference
from citecheck.checker.runner import run
from citecheck.config.settings import Settings, file_ignores, selected_rules, severity_of
from citecheck.model import Document
from citecheck.parser import ParseOptions, parse
from citecheck.parser.profile import resolve as resolve_profile
from citecheck.reader import detect_format
from citecheck.reader.files import display_path, read_path
from citecheck.report import Citing, FileReport
from citecheck.resolver import Resolution, resolve

if TYPE_CHECKING:
    from citecheck.fixer import Edit, FixResult
    from citecheck.sources.indexes.model import Lookup
    from citecheck.sources.model import Source, SourceOptions

SettingsFor = Callable[[str], Settings]


def analyse(
    text: str, *, path: str | None = None, fmt: str | None = None, settings: Settings | None = None
) -> tuple[Document, Resolution]:
    """Parse and resolve a text: what ``citecheck parse`` and ``refs`` show."""
    settings = settings or Settings()
    options = ParseOptions(settings.scope, settings.min_claim_words, settings.reference_headings)
    shown = display_path(path) if path else None
    doc = parse(text, detect_format(path, fmt), shown, options)
    return doc, resolve(doc)


def fix_text(
    text: str,
    *,
    path: str | None = None,
    fmt: str | None = None,
    settings: Settings | None = None,
    unsafe: bool = False,
    found: Mapping[str, str] | None = None,
) -> FixResult:
    """Fix one decoded text: safe fixes, and unsafe ones when ``unsafe`` is true (see
    :func:`citecheck.fixer.fix`; ``found`` maps reference keys to the pages a search found);
    ``settings`` select the rules as for ``check``."""
    from citecheck.fixer import fix

    return fix(
        text, analyse=analyse, path=path, fmt=fmt, settings=settings, unsafe=unsafe, found=found
    )


def fix_finding(
    text: str,
    where: tuple[str, int, int],
    *,
    path: str | None = None,
    fmt: str | None = None,
    settings: Settings | None = None,
) -> list[Edit] | None:
    """Return the edits that repair the finding at ``where`` = (code, line, column) of one
    decoded text, as the fixer of ``fix`` plans them; None when none repairs it (see
    :func:`citecheck.fixer.fix_one`)."""
    from citecheck.fixer import fix_one

    return fix_one(text, where, analyse=analyse, path=path, fmt=fmt, settings=settings)


def check_text(
    text: str,
    *,
    path: str | None = None,
    fmt: str | None = None,
    settings: Settings | None = None,
    keep_source: bool = False,
    sources: SourceOptions | Mapping[str, Source] | None = None,
    article: str | None = None,
    keep_outline: bool = False,
    lookups: Mapping[str, Lookup] | None = None,
) -> FileReport:
    """Check one decoded text and return its findings and statistics.

    With ``sources`` (how to find them, or the sources themselves by reference key) the
    claims are also verified against what their cited sources say, as ``citecheck verify``
    does; ``article`` is the file the text came from, beside which ``<stem>.sources/``
    snapshots are looked for (default: ``path``). ``keep_outline`` keeps the claims,
    markers and reference entries for reports that draw the article (``--format html``).
    ``lookups`` (reference key → what the scholarly indexes answered) is judged instead of
    looking the references up, as ``verify --lookup`` does (with ``sources`` only).
    """
    settings = settings or Settings()
    article = article or path
    path = display_path(path) if path else path  # printable on one line, serialisable
    doc, res = analyse(text, path=path, fmt=fmt, settings=settings)
    aliases = tuple((k, tuple(v)) for k, v in sorted(settings.outlet_aliases.items()))
    profile = resolve_profile(settings.profile, doc)
    options = RuleOptions(
        settings.scope,
        profile,
        aliases,
        settings.support_threshold,
        claim_gate=settings.profile == "auto",
    )
    verification = None
    if sources is not None:
        from citecheck.verifier.run import verification_for

        sources = _with_indexes(sources, settings)

        verification = verification_for(
            doc, res, article, sources, settings.min_quote_words, settings.support_model, lookups
        )
    ctx = Context(doc, res, options, verification)
    rules = selected_rules(settings, file_ignores(path, settings))
    outcome = run(ctx, [(r, severity_of(r, settings)) for r in rules], path)
    update: dict[str, int] = {"suppressed": outcome.suppressed}
    claims = works = None
    if verification is not None:
        from citecheck.verifier.reporting import claims_report, verdict_counts, works_report

        claims = claims_report(verification, text)
        works = works_report(verification, doc)
        update |= verdict_counts(verification)
    habit = ctx.habit
    uncited = outcome.reported.get(uncited_reference.CODE)
    stats = file_stats(ctx, profile, uncited).model_copy(update=update)
    citing = None
    if profile == "article" and doc.cites_sources():
        citing = Citing(
            habit="sparse" if habit.sparse else "dense",
            claim_paragraphs=habit.paragraphs,
            cited_paragraphs=habit.cited,
        )
    outline = outline_of(doc, res, profile, habit) if keep_outline else None
    findings = outcome.findings
    if findings:  # the fix marks: the fixer loads only for a file with findings
        from citecheck.fixer import annotate

        _release(ctx)
        findings = annotate(ctx, findings)
    return FileReport(
        path=path or "-",
        format=doc.fmt,  # type: ignore[arg-type]
        profile=profile,
        findings=findings,
        citing=citing,
        stats=stats,
        claims=claims,
        works=works,
        source=text if keep_source else None,
        outline=outline,
    )


def _with_indexes(
    sources: SourceOptions | Mapping[str, Source], settings: Settings
) -> SourceOptions | Mapping[str, Source]:
    """The source options with the indexes to look references up in, when the settings
    ask for it (``lookup``) and the options do not say already."""
    from citecheck.sources.model import SourceOptions

    if not settings.lookup or not isinstance(sources, SourceOptions) or sources.indexes:
        return sources
    from dataclasses import replace

    from citecheck.sources.indexes.model import IndexOptions

    urls: dict[str, Any] = dict(settings.index_urls)
    domains = tuple(sorted(settings.outlet_domains.items()))
    indexes = replace(
        IndexOptions(settings.mailto, search_url=settings.search_url, outlet_domains=domains),
        **urls,
    )
    return replace(sources, indexes=indexes)


def _release(ctx: Context) -> None:
    """Let go of what the rules and the statistics read and the fix marks do not: the
    sentences and the blocks (the runner has let the title index go). The fixes' plans read
    the references, the markers and their links; a long document's sentences and blocks are
    most of what its parse holds, and its peak would be theirs plus the plans'."""
    ctx.doc.sentences = []
    ctx.doc.blocks = []


def check_file(
    path: str,
    settings: Settings | None = None,
    fmt: str | None = None,
    keep_source: bool = False,
    display: str | None = None,
    sources: SourceOptions | None = None,
    keep_outline: bool = False,
) -> FileReport:
    """Read, decode and check one file (``-``: stdin, shown as ``display`` if given); with
    ``sources``, verify its claims too (see :func:`check_text`)."""
    settings = settings or Settings()
    text = read_path(path, settings.encoding, display if path == "-" else None)
    shown = display or (None if path == "-" else path)
    article = None if path == "-" else path
    report = check_text(
        text,
        path=shown,
        fmt=fmt or _sniffed(path, display, text),
        settings=settings,
        keep_source=keep_source,
        sources=sources,
        article=article,
        keep_outline=keep_outline,
    )
    if assumed := getattr(text, "assumed", None):  # not UTF-8: decoded as detected
        report = report.model_copy(update={"encoding": assumed})
    if nuls := getattr(text, "nuls", 0):  # stray NULs (a PDF extract's), dropped on reading
        report = report.model_copy(update={"nul_bytes": nuls})
    return report


def _sniffed(path: str, display: str | None, text: str) -> str | None:
    """Standard input without a name is HTML, Markdown or text by its content, not its
    name; a file named as text or Markdown that holds a whole HTML page is HTML."""
    from citecheck.reader.sniff import is_html_page, sniff

    if path != "-" or display:
        named = detect_format(display or path)
        return "html" if named in ("text", "markdown") and is_html_page(text) else None
    return sniff(text)


def analyse_file(
    path: str, settings: Settings | None = None, display: str | None = None
) -> tuple[Document, Resolution]:
    """Read a file (``-``: stdin, named ``display`` if given) and parse and resolve it."""
    settings = settings or Settings()
    text = read_path(path, settings.encoding)
    shown = display or (None if path == "-" else path)
    return analyse(text, path=shown, fmt=_sniffed(path, display, text), settings=settings)
