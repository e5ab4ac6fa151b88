"""One article of the HTML report: its text with claims, markers, reference entries and
findings in place, and the evidence of its claims as data for the page's script.

Spans nest without crossing: claims and reference entries are the outer spans (one never
overlaps another), markers sit inside them (cut at their edge when they cross it), and
findings are notes inserted at the offset where they start. Every piece of the text and
every attribute value is escaped; the evidence goes in a JSON data block that the page's
script reads with ``JSON.parse`` and writes with ``textContent``, never as markup.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from html import escape
from typing import Any

from citecheck.cli.formats.html.evidence import (
    clean,
    evidence,
    ref_link,
    ref_title,
    source_list,
)
from citecheck.report import Claim, FileReport, Finding
from citecheck.report.outline import Outline
from citecheck.text.recache import lazy

VERDICTS = ("supported", "partially_supported", "unsupported", "unverifiable", "uncited")
LABEL = {
    "supported": "supported",
    "partially_supported": "partial",
    "unsupported": "unsupported",
    "unverifiable": "unverifiable",
    "uncited": "uncited",
    "cited": "cited, not verified",
}
_UNCITED_RULE = "uncited-claim"
_BREAK = lazy(r"\r\n?|\n")
# Stretches of blank left where the tags of an HTML page were (its text keeps the offsets).
_BLANK_LINES = lazy(r"[ \t\f\v]*\n\s*\n\s*")
_BLANKS = lazy(r"[ \t\f\v]{2,}")
_LINE_EDGES = lazy(r"[ \t]*\n[ \t]*")


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    open: str
    close: str
    claim: int | None = None


@dataclass(slots=True)
class Drawn:
    """An article drawn as HTML, and the data of its claims for the script."""

    html: str
    data: dict[str, Any]
    unplaced: list[int] = field(default_factory=list)
    """Indices of findings with no place in the text (shown in a list below it)."""


def _offset(starts: list[int], length: int, line: int, column: int) -> int:
    if line < 1 or line > len(starts):
        return -1
    return min(length, starts[line - 1] + max(0, column - 1))


def _line_starts(text: str) -> list[int]:
    """Where each line starts, lines ended as an editor ends them (see text/lines.py)."""
    return [0, *(m.end() for m in _BREAK.finditer(text))]


def draw(file: FileReport, fid: int) -> Drawn:
    """Draw a file's article; ``fid`` numbers the file in the page (ids ``f<fid>-…``)."""
    outline: Outline | None = file.outline
    if outline is None:
        outline = Outline(text=file.source or "", claims=[], markers=[], references=[])
    text = outline.text
    starts = _line_starts(text)
    findings = file.findings
    at = [
        _offset(starts, len(text), f.line, f.column) if f.location is None else -1 for f in findings
    ]
    verified = {_offset(starts, len(text), c.line, c.column): c for c in file.claims or []}
    refs = outline.references
    ref_ids: dict[str, int] = {}
    for j, ref in enumerate(refs):
        if ref.key is not None:
            ref_ids.setdefault(ref.key, j)
    data_refs = {
        ref.key: {"t": ref_title(ref), "u": ref_link(ref)} for ref in refs if ref.key is not None
    }
    notes: list[tuple[int, int]] = sorted((a, i) for i, a in enumerate(at) if a >= 0)
    sources: dict[str, int] = {}
    claims, claims_data = _claims(outline, verified, findings, notes, sources)
    ref_spans = [
        _Span(r.start, r.end, f'<span class="ref" id="f{fid}-r{j}">', "</span>")
        for j, r in enumerate(refs)
    ]
    outers = _merge(claims, ref_spans)
    # The script finds a claim's data by the claim's rank in the text: keep them aligned.
    claims_data = [claims_data[s.claim] for s in outers if s.claim is not None]
    inners = _markers(outline, outers, ref_ids, fid)
    owner = {i: n for n, c in enumerate(claims_data) for i in c["f"]}
    body = _weave(text, outers, inners, notes, findings, fid, owner, file.format == "html")
    unplaced = [i for i, a in enumerate(at) if a < 0]
    data = {"claims": claims_data, "refs": data_refs, "srcs": source_list(sources)}
    return Drawn(html=body, data=data, unplaced=unplaced)


def _claims(
    outline: Outline,
    verified: dict[int, Claim],
    findings: list[Finding],
    notes: list[tuple[int, int]],
    sources: dict[str, int],
) -> tuple[list[_Span], list[dict[str, Any]]]:
    """The claims' spans and data: the claims of the outline and the verified claims it
    does not list (found by where they start), each with its verdict, its evidence and the
    findings that start inside it."""
    spans = [(c.start, c.end, c.cites) for c in outline.claims]
    known = {s for s, _, _ in spans}
    for start, found in verified.items():
        if start >= 0 and start not in known:
            spans.append((start, min(len(outline.text), start + len(found.text)), found.cites))
    spans.sort()
    uncited = {a for a, i in notes if findings[i].rule == _UNCITED_RULE}
    note_starts = [a for a, _ in notes]
    outers: list[_Span] = []
    data: list[dict[str, Any]] = []
    for start, end, cites in spans:
        if outers and start < outers[-1].end:
            continue
        claim = verified.get(start)
        verdict = "uncited" if start in uncited or not cites else "cited"
        lo, hi = bisect_left(note_starts, start), bisect_left(note_starts, end)
        mine = sorted(i for _, i in notes[lo:hi])
        item: dict[str, Any] = {"v": verdict, "c": cites, "f": mine}
        if claim is not None and verdict != "uncited":
            item.update(evidence(claim, [findings[i] for i in mine], sources))
        head = f'<span class="c v-{item["v"]}" tabindex="0">'
        outers.append(_Span(start, end, head, "</span>", len(data)))
        data.append(item)
    return outers, data


def _markers(
    outline: Outline, outers: list[_Span], ref_ids: dict[str, int], fid: int
) -> list[_Span]:
    """Each marker as a link to the entry its first resolved key points to (or, pointing
    nowhere, as a marked span), cut where it would cross a claim's or an entry's edge."""
    inners: list[_Span] = []
    outer_starts = [s.start for s in outers]
    for m in outline.markers:
        end = _clip(m.start, m.end, outers, outer_starts)
        if end <= m.start or (inners and m.start < inners[-1].end):
            continue
        target = next((t for t in m.targets if t is not None), None)
        shown = escape(", ".join(m.keys))
        if target is not None and target in ref_ids:
            head = f'<a class="m" href="#f{fid}-r{ref_ids[target]}">'
            inners.append(_Span(m.start, end, head, "</a>"))
        else:
            head = f'<span class="m dangling" title="{shown}: no entry">'
            inners.append(_Span(m.start, end, head, "</span>"))
    return inners


def _merge(a: list[_Span], b: list[_Span]) -> list[_Span]:
    """Both lists in order of start, dropping a span that overlaps one kept before it."""
    out: list[_Span] = []
    for span in sorted(a + b, key=lambda s: (s.start, -s.end)):
        if span.end <= span.start or (out and span.start < out[-1].end):
            continue
        out.append(span)
    return out


def _clip(start: int, end: int, outers: list[_Span], starts: list[int]) -> int:
    """The end of an inner span cut so that it does not cross an outer span's edge."""
    k = bisect_right(starts, start) - 1
    if k >= 0 and outers[k].start <= start < outers[k].end:
        return min(end, outers[k].end)
    if k + 1 < len(outers):
        return min(end, outers[k + 1].start)
    return end


def note(f: Finding, i: int, fid: int, claim: int | None) -> str:
    """A finding as a margin note: rule code and name, severity and message."""
    owner = f' data-c="{claim}"' if claim is not None else ""
    return (
        f'<span class="n s-{f.severity}" id="f{fid}-n{i}" data-rule="{escape(f.code)}"'
        f'{owner} tabindex="-1" role="note"><b>{escape(f.code)} {escape(f.rule)}</b>'
        f" {f.severity}: {escape(clean(f.message), quote=False)}</span>"
    )


def _weave(
    text: str,
    outers: list[_Span],
    inners: list[_Span],
    notes: list[tuple[int, int]],
    findings: list[Finding],
    fid: int,
    owner: dict[int, int],
    squeeze: bool,
) -> str:
    """The text with every span opened and closed at its offsets and notes inserted."""
    # At one offset: inner spans close, outer spans close, notes, outer spans open, inner.
    events: dict[int, list[tuple[int, str]]] = {}

    def put(offset: int, rank: int, html: str) -> None:
        events.setdefault(offset, []).append((rank, html))

    for span in outers:
        put(span.start, 3, span.open)
        put(span.end, 1, span.close)
    for span in inners:
        put(span.start, 4, span.open)
        put(span.end, 0, span.close)
    for offset, i in notes:
        put(offset, 2, note(findings[i], i, fid, owner.get(i)))
    out: list[str] = []
    last = 0
    for offset in sorted(events):
        out.append(_piece(text[last:offset], squeeze))
        out.extend(html for _, html in sorted(events[offset], key=lambda e: e[0]))
        last = offset
    out.append(_piece(text[last:], squeeze))
    return "".join(out)


def _piece(text: str, squeeze: bool) -> str:
    if squeeze:  # an HTML page's text: blank where tags were
        text = _LINE_EDGES.sub("\n", _BLANKS.sub(" ", _BLANK_LINES.sub("\n\n", text)))
    return escape(clean(text), quote=False)
