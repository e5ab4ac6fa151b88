"""What ``citecheck parse`` and ``citecheck refs`` show, as data and as plain lines."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from citecheck.config.settings import Settings
from citecheck.model import Document, Reference
from citecheck.model.errors import InputError
from citecheck.reader.positions import index
from citecheck.resolver import Resolution
from citecheck.text.lines import LineIndex


def gather(
    paths: Sequence[str], settings_for: Callable[[str], Settings], stdin_filename: str | None
) -> tuple[list[dict[str, Any]], list[str]]:
    """Parse every file of ``paths`` (directories walked, ``-`` is stdin named
    ``stdin_filename``); return the :func:`parse_data` of each file read and one
    standard-error line per file that could not be read or folder with nothing to read.
    A :class:`~citecheck.model.errors.ConfigError` propagates."""
    from citecheck.api import analyse_file
    from citecheck.reader.files import display_path
    from citecheck.run.files import expand

    found: list[dict[str, Any]] = []
    problems: list[str] = []
    unmatched: list[str] = []
    for path in expand(paths, (), unmatched):
        display = stdin_filename if path == "-" else None
        try:
            doc, res = analyse_file(path, settings_for(display or path), display)
        except InputError as exc:
            problems.append(f"citecheck: error: {display or exc.path}: {exc.problem}")
            continue
        except Exception as exc:  # a defect must not cost the other files their view
            detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
            problems.append(
                f"citecheck: error: {display or display_path(path)}: internal error ({detail});"
                " not parsed, please report this file"
            )
            continue
        found.append(parse_data(doc, res))
    problems += [
        f"citecheck: warning: {p}: no Markdown, reStructuredText, text, HTML or Word file"
        " to read here"
        for p in unmatched
    ]
    return found, problems


def parse_data(doc: Document, res: Resolution) -> dict[str, Any]:
    """Return the ``citecheck parse --format json`` object."""
    lines = index(doc.text, doc.fmt)
    sentences = []
    for s in doc.sentences:
        line, col = lines.position(s.start)
        markers = []
        for m in s.markers:
            mline, mcol = lines.position(m.start)
            markers.append({"raw": m.raw, "keys": list(m.keys), "line": mline, "column": mcol})
        sentences.append(
            {
                "text": s.text,
                "line": line,
                "column": col,
                "start": s.start,
                "end": s.end,
                "claim": s.claim,
                "heading": s.heading,
                "markers": markers,
                "covered_by": list(s.covered_by),
            }
        )
    return {
        "version": 1,
        "path": doc.path or "-",
        "format": doc.fmt,
        "sentences": sentences,
        "references": [_reference(r, lines, res) for r in doc.references],
        "non_references": [
            dict(zip(("line", "column"), lines.position(n.start), strict=True))
            | {"key": n.key, "text": n.text, "reason": n.reason}
            for n in doc.non_references
        ],
        "sections": [
            dict(zip(("line", "column"), lines.position(sec.start), strict=True))
            | {"title": sec.title, "end_line": lines.position(sec.end)[0]}
            for sec in doc.sections
        ],
    }


def _reference(ref: Reference, lines: LineIndex, res: Resolution) -> dict[str, Any]:
    line, col = lines.position(ref.start)
    return {
        "key": ref.key,
        "kind": ref.kind.value,
        "line": line,
        "column": col,
        "outlet": ref.outlet,
        "title": ref.title,
        "authors": list(ref.authors),
        "year": ref.year,
        "url": ref.url,
        "doi": ref.doi,
        "fields": _entry_fields(ref),
        "text": ref.text,
        "cited_at": [
            dict(zip(("line", "column"), lines.position(m.start), strict=True))
            for m in res.citations(ref)
        ],
    }


def _entry_fields(ref: Reference) -> dict[str, Any] | None:
    """The entry read field by field (see :class:`citecheck.model.EntryFields`)."""
    f = ref.fields
    if f is None:
        return None
    data: dict[str, Any] = {
        "style": f.style,
        "authors": [{"surname": n.surname, "given": n.given} for n in f.authors],
        "et_al": f.et_al,
    }
    for name in ("year", "title", "venue", "volume", "issue", "pages"):
        data[name] = getattr(f, name)
    for name in ("doi", "arxiv", "pmid", "pmcid", "isbn", "url"):
        data[name] = getattr(f, name)
    return data


def parse_lines(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Return (style, line) pairs for the text view of ``citecheck parse``."""
    out: list[tuple[str, str]] = []
    for s in data["sentences"]:
        where = f"{s['line']}:{s['column']}"
        if s["heading"]:
            out.append(("bold", f"{where:>8}  heading  {s['text']}"))
            continue
        if not s["claim"]:
            state, style = "text   ", "dim"
        elif s["covered_by"]:
            state, style = "covered", "green"
        else:
            state, style = "UNCITED", "red"
        cover = f"  → {', '.join(s['covered_by'])}" if s["claim"] and s["covered_by"] else ""
        out.append((style, f"{where:>8}  {state}  {s['text']}{cover}"))
    for sec in data["sections"]:
        out.append(("bold", f"section {sec['title']!r} at line {sec['line']}"))
    for r in data["references"]:
        fields = ", ".join(
            f"{k}={r[k]!r}" for k in ("outlet", "title", "year", "url", "doi") if r[k] is not None
        )
        out.append(("", f"{r['line']:>6}:{r['column']:<3} [{r['key']}] {fields or r['text']}"))
    for n in data["non_references"]:
        out.append(("yellow", f"{n['line']:>6}:{n['column']:<3} not a source: {n['text'][:70]}"))
    return out


def refs_lines(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Return (style, line) pairs for ``citecheck refs``: each reference and its citations."""
    out: list[tuple[str, str]] = []
    for r in data["references"]:
        label = f"[{r['key']}]" if r["key"] else "(no key)"
        title = r["title"] or r["url"] or r["text"]
        head = f"{r['line']:>5}  {label:<10} {(r['outlet'] + ': ') if r['outlet'] else ''}{title}"
        out.append(("bold", head[:160]))
        if r["cited_at"]:
            places = ", ".join(f"{c['line']}:{c['column']}" for c in r["cited_at"])
            out.append(("green", f"{'':>5}  cited at {places}"))
        else:
            out.append(("yellow", f"{'':>5}  never cited"))
    return out
