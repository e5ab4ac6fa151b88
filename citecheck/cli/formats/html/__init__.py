"""The evidence report: one self-contained HTML page an editor reads in a browser.

A summary of the run, an index with a row per file, then each article as text with every
claim underlined by its verdict (with an icon and a label, not colour alone), markers linked
to their reference entries and findings as margin notes. A click (or Enter) on a claim opens
its evidence: the passages of its cited sources with the words it shares marked, scores,
titles and links, and for a failed quotation the closest passage with the differing words
marked. Filters by verdict and rule, ``j``/``k`` (or ``n``/``p``) between findings.

The page needs nothing but itself: CSS and script are inline and allowed by hash in its
Content-Security-Policy, which forbids every request (no fonts, images or scripts are
fetched; links to sources only open when followed). Text from articles and sources is
escaped here or written by the script with ``textContent``; the evidence of each file sits
in its own JSON data block, parsed only when one of its claims is opened, so a run of
hundreds of articles opens at once and grows linearly.
"""

from __future__ import annotations

import base64
import hashlib
import json
from html import escape
from importlib.resources import files
from typing import Any, TextIO

from citecheck.cli.formats.html.article import LABEL, VERDICTS, draw, note
from citecheck.cli.formats.html.evidence import clean
from citecheck.report import FileReport, Report, Summary, fail_under_message
from citecheck.text.recache import lazy

_RULE_CODE = lazy(r"[A-Za-z0-9_-]+\Z")
_SHOWN = (*VERDICTS, "cited")


def _asset(name: str) -> str:
    return files(__package__).joinpath(name).read_text("utf-8")


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _data_block(value: Any) -> str:
    """JSON that cannot end its ``<script type="application/json">`` element early."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return clean(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _filter_css(codes: list[str]) -> str:
    rows = [
        f".hide-v-{v} .c.v-{v}{{text-decoration:none;background:none}}"
        f".hide-v-{v} .c.v-{v}::after{{content:none}}"
        for v in _SHOWN
    ]
    rows += [f'.hide-r-{c} .n[data-rule="{c}"]{{display:none}}' for c in codes]
    return "\n".join(rows) + "\n"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}%"


def _verdict(v: str, count: int | None = None) -> str:
    shown = LABEL[v] if count is None else f"{count} {LABEL[v]}"
    return f'<span class="vl v-{v}">{escape(shown)}</span>'


def _n(count: int, word: str) -> str:
    return f"<b>{count}</b> {word}{'' if count == 1 else 's'}"


def _summary(s: Summary) -> str:
    uncited = s.claims - s.covered_claims
    items = [
        f"<li>{_n(s.files, 'file')}</li>",
        f"<li>{_n(s.claims, 'claim')}: <b>{s.covered_claims}</b> cited (coverage"
        f" <b>{_pct(s.coverage)}</b>), {_verdict('uncited', uncited)}</li>",
        f"<li>{_n(s.findings, 'finding')}: <span class='sev s-error'>{_n(s.errors, 'error')}"
        f"</span>, <span class='sev s-warning'>{_n(s.warnings, 'warning')}</span>,"
        f" <span class='sev s-info'>{_n(s.infos, 'info')}</span></li>",
    ]
    if s.input_errors:
        items.append(f"<li>{_n(s.input_errors, 'file')} could not be read</li>")
    if s.fail_under is not None and s.fail_under.failed:
        shown = escape(fail_under_message(s.fail_under))
        items.append(f"<li class='sev s-error'>failed: {shown}</li>")
    counts = [
        _verdict("supported", s.supported),
        _verdict("partially_supported", s.partially_supported),
        _verdict("unsupported", s.unsupported),
        _verdict("unverifiable", s.unverifiable),
    ]
    verified = (
        f"<p>{_n(s.verified, 'claim')} verified against their sources: {', '.join(counts)}.</p>"
        if s.verified
        else "<p>Claims not verified against their sources (run <code>citecheck verify</code>).</p>"
    )
    return (
        '<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>'
        f'<ul class="totals">{"".join(items)}</ul>{verified}</section>'
    )


def _controls(codes: list[tuple[str, str, int]]) -> str:
    verdicts = "".join(
        f'<label><input type="checkbox" checked data-v="{v}"> {_verdict(v)}</label>' for v in _SHOWN
    )
    rules = "".join(
        f'<label><input type="checkbox" checked data-r="{escape(code)}">'
        f" {escape(code)} {escape(name)} ({n})</label>"
        for code, name, n in codes
    )
    keys = (
        '<p class="keys">Keys: <kbd>j</kbd> or <kbd>n</kbd> next finding, <kbd>k</kbd> or'
        " <kbd>p</kbd> previous; <kbd>Enter</kbd> on a claim or a finding opens the evidence,"
        " <kbd>Esc</kbd> closes it. Click a claim to see what its sources say.</p>"
    )
    return (
        '<nav id="controls" aria-label="Filters">'
        f"<fieldset><legend>Claims by verdict</legend>{verdicts}</fieldset>"
        f"<fieldset><legend>Findings by rule</legend>{rules or 'none'}</fieldset>{keys}</nav>"
    )


def _index(report: Report) -> str:
    head = (
        "<tr><th scope='col'>file</th><th scope='col'>claims</th><th scope='col'>coverage</th>"
        + "".join(f"<th scope='col'>{_verdict(v)}</th>" for v in VERDICTS)
        + "<th scope='col'>errors</th><th scope='col'>warnings</th><th scope='col'>infos</th></tr>"
    )
    rows = []
    for i, f in enumerate(report.files):
        st = f.stats
        sev = {"error": 0, "warning": 0, "info": 0}
        for finding in f.findings:
            sev[finding.severity] += 1
        counts = (st.supported, st.partially_supported, st.unsupported, st.unverifiable)
        cells = "".join(f"<td>{n}</td>" for n in (*counts, st.claims - st.covered_claims))
        rows.append(
            f'<tr><td><a href="#f{i}">{escape(clean(f.path))}</a></td><td>{st.claims}</td>'
            f"<td>{_pct(st.coverage)}</td>{cells}<td>{sev['error']}</td>"
            f"<td>{sev['warning']}</td><td>{sev['info']}</td></tr>"
        )
    return (
        '<section id="index" aria-labelledby="index-h"><h2 id="index-h">Files</h2>'
        f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def _file(file: FileReport, fid: int) -> str:
    drawn = draw(file, fid)
    st = file.stats
    path = escape(clean(file.path))
    stats = (
        f"{st.claims} claims, {st.covered_claims} cited (coverage {_pct(st.coverage)}),"
        f" {st.references} references, {len(file.findings)} findings"
    )
    if st.verified:
        stats += f"; {st.verified} verified"
    rest = ""
    if drawn.unplaced:
        items = "".join(f"<li>{note(file.findings[i], i, fid, None)}</li>" for i in drawn.unplaced)
        rest = f'<ul class="unplaced" aria-label="Findings without a place">{items}</ul>'
    return (
        f'<article class="file" id="f{fid}" data-file="{fid}" data-path="{path}"'
        f' aria-labelledby="f{fid}-h"><h2 id="f{fid}-h"><a href="#f{fid}">{path}</a></h2>'
        f'<p class="fstats">{stats}</p><div class="text">{drawn.html}</div>{rest}'
        f'<script type="application/json" id="d{fid}">{_data_block(drawn.data)}</script>'
        "</article>\n"
    )


def render(report: Report, out: TextIO, color: bool = False, width: int | None = None) -> None:
    """Write the report as one self-contained HTML page (see the module's docstring).

    The article text comes from each file's ``outline`` (kept by the CLI for this format)
    or, failing that, its ``source``; a file with neither shows its findings as a list.
    """
    named: dict[str, tuple[str, int]] = {}
    for f in report.files:
        for finding in f.findings:
            name, n = named.get(finding.code, (finding.rule, 0))
            named[finding.code] = (name, n + 1)
    codes = [(c, name, n) for c, (name, n) in sorted(named.items()) if _RULE_CODE.match(c)]
    css = _asset("report.css") + _filter_css([c for c, _, _ in codes])
    js = _asset("report.js")
    policy = (
        f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)};"
        " img-src data:; base-uri 'none'; form-action 'none'"
    )
    n = len(report.files)
    out.write(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>citecheck report: {n} file{'s' if n != 1 else ''}</title>\n"
        f"<style>{css}</style></head>\n<body><header><h1>citecheck evidence report</h1>"
        f"{_summary(report.summary)}{_controls(codes)}"
        '<p id="status" class="sr" aria-live="polite"></p></header>\n<main id="report">'
    )
    if n > 1:
        out.write(_index(report))
    if report.errors:
        items = "".join(
            f"<li>{escape(clean(p.path))}: {escape(clean(p.message))}</li>" for p in report.errors
        )
        out.write(f'<section id="problems"><h2>Files not checked</h2><ul>{items}</ul></section>')
    for i, f in enumerate(report.files):
        out.write(_file(f, i))
    out.write(
        '</main>\n<aside id="panel" role="dialog" aria-labelledby="panel-h" hidden>'
        '<button type="button" id="close">Close <kbd>Esc</kbd></button>'
        '<div id="panel-body"></div></aside>\n'
        f"<script>{js}</script>\n</body></html>\n"
    )
