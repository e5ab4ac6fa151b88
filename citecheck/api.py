"""The library API under the CLI: a pure function of its input, per file and per batch."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from citecheck.checker import Context, RuleOptions, uncited_reference
from citecheck.checker.runner import run
from citecheck.config.settings import Settings, file_ignores, selected_rules, severity_of
from citecheck.model import Document, Reference, Sentence
from citecheck.parser import ParseOptions, parse
from citecheck.parser.citeworthy import needs_citation
from citecheck.parser.habit import Habit
from citecheck.parser.profile import resolve as resolve_profile
from citecheck.reader import detect_format
from citecheck.reader.files import display_path, read_path
from citecheck.report import Citing, FileReport, FileStats, percent
from citecheck.resolver import Resolution, resolve

if TYPE_CHECKING:
    from citecheck.fixer import Edit, FixResult
    from citecheck.report.outline import Outline
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
        from citecheck.verifier.run import claims_report, verdict_counts, works_report

        claims = claims_report(verification, text)
        works = works_report(verification, doc)
        update |= verdict_counts(verification)
    habit = ctx.habit
    stats = _stats(ctx, profile).model_copy(update=update)
    citing = None
    if profile == "article" and doc.cites_sources():
        citing = Citing(
            habit="sparse" if habit.sparse else "dense",
            claim_paragraphs=habit.paragraphs,
            cited_paragraphs=habit.cited,
        )
    outline = _outline(doc, res, profile, habit) if keep_outline else None
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


def _outline(doc: Document, res: Resolution, profile: str, habit: Habit) -> Outline:
    """The claims that need citing, the markers (each key with the entry it resolves to)
    and the reference entries of a document, for reports that draw the article."""
    from citecheck.report.outline import Outline, OutlineClaim, OutlineMarker, OutlineReference

    cites = doc.cites_sources()
    claims = [
        OutlineClaim(start=s.start, end=s.end, cites=list(s.covered_by))
        for s in doc.sentences
        if cites and needs_citation(s, profile) and _expected(s, habit)
    ]
    targets: dict[tuple[int, str], str | None] = {
        (id(link.marker), link.key): link.reference.key if link.reference else None
        for link in res.links
    }
    markers = [
        OutlineMarker(
            start=m.start,
            end=m.end,
            keys=list(m.keys),
            targets=[targets.get((id(m), k)) for k in m.keys],
        )
        for m in doc.markers
    ]
    references = [
        OutlineReference(
            key=r.key,
            start=r.start,
            end=r.end,
            title=r.title,
            outlet=r.outlet,
            url=r.url,
            doi=r.doi,
        )
        for r in doc.references
    ]
    return Outline(text=doc.text, claims=claims, markers=markers, references=references)


def _expected(sentence: Sentence, habit: Habit) -> bool:
    """Whether a claim counts under the document's citing habit: one that cites or is
    flagged always does; another when the habit expects it to cite."""
    if sentence.covered_by or sentence.placeholder or sentence.markers:
        return True
    return habit.expects(sentence)


def _release(ctx: Context) -> None:
    """Let go of what the rules and the statistics read and the fix marks do not: the
    sentences and the blocks (the runner has let the title index go). The fixes' plans read
    the references, the markers and their links; a long document's sentences and blocks are
    most of what its parse holds, and its peak would be theirs plus the plans'."""
    ctx.doc.sentences = []
    ctx.doc.blocks = []


def _stats(ctx: Context, profile: str) -> FileStats:
    doc, res, habit = ctx.doc, ctx.res, ctx.habit
    # Only a document that cites sources has claims that need citing (see CC001), in a
    # paper or a spec only the claims that lean on others' work, and in an article that
    # cites now and then only those its habit expects to cite (parser/habit.py).
    cites = doc.cites_sources()
    claims = (
        [s for s in doc.sentences if needs_citation(s, profile) and _expected(s, habit)]
        if cites
        else []
    )
    # A claim whose markers all point nowhere is not covered: nothing backs it.
    resolved = {link.key for link in res.links if link.reference is not None}
    # A list that closes a section of its own is cited by that section (parser/scoped.py).
    scoped = {k for k, s in enumerate(doc.sections) if s.covers}
    resolved |= {r.key for r in doc.references if r.key and r.section in scoped}
    covered = sum(1 for s in claims if any(k in resolved for k in s.covered_by))
    keyed = [r for r in doc.references if r.key is not None and id(r) not in res.shadowed]
    uncited = _uncited(ctx, keyed)
    return FileStats(
        claims=len(claims),
        covered_claims=covered,
        coverage=percent(covered, len(claims)),
        markers=len(doc.markers),
        references=len(doc.references),
        cited_references=len(keyed) - uncited,
        uncited_references=uncited,
    )


def _uncited(ctx: Context, keyed: list[Reference]) -> int:
    """How many of the keyed entries uncited-reference (CC003) reports, whether or not the
    rule is selected: the summary's "N/M references cited" counts an entry cited exactly
    when the rule does not report it (a note that names a listed work cites it, a reading
    list is not judged, …). The rule reports an entry at its start, or a list that a text
    with no inline citation never calls once, at its heading: then every entry."""
    starts = {r.start for r in keyed}
    reported = {v.start for v in uncited_reference.check(ctx)}
    if reported - starts:
        return len(keyed)
    return sum(1 for r in keyed if r.start in reported)


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
