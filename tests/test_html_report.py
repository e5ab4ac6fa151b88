"""``--format html``: the evidence report's page, read back with an HTML parser.

What a browser does with it (clicks, filters, keys, requests) is tested in
``tests/test_html_report_browser.py``; here: escaping of hostile articles and sources, the
page's structure, its data blocks, contrast of its colours, and the CLI.
"""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

from typer.testing import CliRunner

from citecheck.cli.app import app

EXAMPLE = Path(__file__).parents[1] / "fixtures" / "verify"
CSS = Path(__file__).parents[1] / "citecheck" / "cli" / "formats" / "html" / "report.css"
RUNNER = CliRunner()

HOSTILE = """\
Harbour news </script><script>window.pwned = 1</script> and more

The harbour reopened on Monday after the storm <img src=x onerror="window.pwned=2">. [1]
Officials said the "pier" was safe" onmouseover="window.pwned=3" and open again. [2]
The mayor said the damage was <b>limited</b> to the <!-- old --> north quay & the ferry. [3]

References:
1. Port Weekly: Harbour reopens </script><img src=x onerror=alert(1)>. javascript:alert(1)
2. Ferry Times: "Quotes" ' and <style>*{display:none}</style>. https://x.example/a"onclick="alert(1)
3. Coast Daily: Pier <iframe src=javascript:alert(1)>. data:text/html,<script>alert(1)</script>
"""

SOURCE = (
    "The harbour reopened on Monday after the storm </script><img src=x onerror=alert(9)>, "
    'the port authority said. Officials said the pier was safe" onclick="alert(8)" today.'
)


class Tags(HTMLParser):
    """Every start tag of a page with its attributes, and the script elements' text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in = dict(attrs)
            self.scripts.append((self._in, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)


def _page(tmp_path: Path, *args: str, command: str = "verify") -> tuple[int, str]:
    out = tmp_path / "report.html"
    result = RUNNER.invoke(app, [command, *args, "--format", "html", "--output-file", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, out.read_text("utf-8")


def _hostile(tmp_path: Path) -> Path:
    article = tmp_path / "harbour.txt"
    article.write_text(HOSTILE, "utf-8")
    sources = tmp_path / "harbour.sources"
    sources.mkdir()
    for key in ("1", "2", "3"):
        (sources / f"{key}.txt").write_text(SOURCE, "utf-8")
    return article


def test_hostile_article_and_sources_cannot_inject_markup_or_script(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    article = _hostile(tmp_path)
    code, page = _page(tmp_path, str(article), "--offline")
    assert code == 1
    parsed = Tags()
    parsed.feed(page)
    names = [tag for tag, _ in parsed.tags]
    assert not {"img", "iframe", "style"} & set(names[names.index("body") :])
    assert names.count("style") == 1  # the page's own, in <head>
    for tag, attrs in parsed.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        href = attrs.get("href") or ""
        assert href.startswith(("#", "http://", "https://")) or not href, href
        assert '"' not in href
    runnable = [text for attrs, text in parsed.scripts if attrs.get("type") != "application/json"]
    assert len(runnable) == 1 and "pwned" not in runnable[0] and "alert" not in runnable[0]
    # The hostile words are all there, as text.
    assert "&lt;/script&gt;&lt;script&gt;window.pwned = 1&lt;/script&gt;" in page
    assert '&lt;img src=x onerror="window.pwned=' in page  # a note on "2" follows
    assert "&lt;b&gt;limited&lt;/b&gt;" in page and "&lt;!-- old --&gt;" in page
    # Each data block is whole JSON and holds the source's text as written.
    blocks = [json.loads(text) for attrs, text in parsed.scripts if attrs.get("id") == "d0"]
    assert len(blocks) == 1
    passages = [e["t"] for c in blocks[0]["claims"] for e in c.get("e", [])]
    assert any("</script><img src=x onerror=alert(9)>" in p for p in passages)
    refs = blocks[0]["refs"]
    assert all(r["u"] is None or r["u"].startswith("https://") for r in refs.values())


def test_links_are_only_http_addresses():
    from citecheck.cli.formats.html.evidence import safe_url

    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in (
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        'https://a.example/"onclick="x',
        "https://a.example/<script>",
        "file:///etc/passwd",
        None,
        "",
    ):
        assert safe_url(bad) is None, bad


def test_the_worked_example_draws_every_claim_marker_note_and_entry(tmp_path, monkeypatch):
    folder = tmp_path / "verify"
    shutil.copytree(EXAMPLE, folder)
    monkeypatch.chdir(folder)
    code, page = _page(tmp_path, "mexico.txt", "--offline", "--cache-dir", str(tmp_path / "c"))
    assert code == 1
    parsed = Tags()
    parsed.feed(page)
    claims = [a for t, a in parsed.tags if "c" in (a.get("class") or "").split()]
    verdicts = [next(c for c in a["class"].split() if c.startswith("v-")) for a in claims]
    assert verdicts[0] == "v-uncited"  # line 2: no marker in its paragraph
    assert "v-supported" in verdicts and "v-partially_supported" in verdicts
    notes = [a for t, a in parsed.tags if (a.get("class") or "").startswith("n ")]
    rules = sorted(a["data-rule"] for a in notes)
    assert rules == ["CC001", "CC008", "CC008", "CC010", "CC202", "CC203", "CC205"]
    markers = [a["href"] for t, a in parsed.tags if t == "a" and a.get("class") == "m"]
    entries = {a["id"] for t, a in parsed.tags if a.get("class") == "ref"}
    assert markers and {h[1:] for h in markers} <= entries
    assert len(entries) == 6  # the six sources (the two commentary bullets are not entries)
    # Filters: a checkbox per verdict and one per rule that gave findings.
    boxes = [a for t, a in parsed.tags if t == "input"]
    assert {a["data-r"] for a in boxes if "data-r" in a} == set(rules)
    assert "j</kbd>" in page and "k</kbd>" in page
    assert "index-h" not in page  # one file: no index
    assert "<b>10</b> claims: <b>9</b> cited (coverage <b>90.0%</b>)" in page
    assert "<b>9</b> claims verified against their sources" in page
    assert '<span class="vl v-supported">7 supported</span>' in page
    assert '<span class="vl v-partially_supported">1 partial</span>' in page  # the misquote
    assert '<span class="vl v-unsupported">1 unsupported</span>' in page


def test_many_files_get_an_index_row_each(tmp_path):
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(
            f"Story {i}\n\nThe council approved the budget on Monday, officials said.\n\n"
            "The mayor thanked the staff for their work on the plan. [1]\n\n"
            "References:\n1. City News: Budget approved\n",
            "utf-8",
        )
    code, page = _page(tmp_path, str(tmp_path), command="check")
    assert code == 1  # an uncited claim in each
    parsed = Tags()
    parsed.feed(page)
    rows = [a["href"] for t, a in parsed.tags if t == "a" and a.get("href", "").startswith("#f")]
    assert {"#f0", "#f1", "#f2"} <= set(rows)
    assert page.count("<tr><td><a href=") == 3
    assert page.count("<td>2</td><td>50.0%</td>") == 3  # claims and coverage of each
    assert page.count('<article class="file"') == 3


def test_the_page_forbids_every_request_and_allows_only_its_own_style_and_script(tmp_path):
    import base64
    import hashlib

    article = tmp_path / "a.txt"
    article.write_text("Title\n\nThe council met on Monday to vote. [1]\n\nReferences:\n1. X: Y\n")
    _, page = _page(tmp_path, str(article), command="check")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy and "default-src 'none'" in policy.group(1)
    for tag in ("style", "script"):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", page, re.S)
        assert body is not None
        digest = base64.b64encode(hashlib.sha256(body.group(1).encode()).digest()).decode()
        assert f"{tag}-src 'sha256-{digest}'" in policy.group(1)


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_colours_meet_wcag_aa_contrast():
    colours = dict(re.findall(r"--([a-z_-]+): (#[0-9a-f]{6})", CSS.read_text("utf-8")))
    labels = ("supported", "partially_supported", "unsupported", "unverifiable", "uncited")
    for name in (*labels, "cited", "error", "warning", "info", "muted", "fg"):
        assert _contrast(colours[name], colours["bg"]) >= 4.5, name  # text on the page
        assert _contrast(colours[name], colours["panel"]) >= 4.5, name  # in margin notes
    for tint in [k for k in colours if k.startswith("tint-")] + ["mark", "diff"]:
        assert _contrast(colours["fg"], colours[tint]) >= 4.5, tint  # claim text on a tint
    assert _contrast(colours["unsupported"], colours["diff"]) >= 4.5


def test_quote_findings_show_the_closest_passage_and_the_differing_words():
    """The fields a report may carry for a failed quotation: ``misquotes`` on a claim
    (closest passage, words changed) or ``closest``/``differs`` on a quote finding."""
    from citecheck.cli.formats.html.evidence import misquotes as _misquotes

    change = SimpleNamespace(quoted="whisperer", printed="tamer")
    quote = SimpleNamespace(text="Trump whisperer", key="6", closest="Trump tamer")
    quote.changes = [change]
    claim = SimpleNamespace(misquotes=[quote])
    assert _misquotes(claim, []) == [
        {"q": "Trump whisperer", "k": "6", "cl": "Trump tamer", "dw": ["tamer"]}
    ]
    finding = SimpleNamespace(text="the plan was a bold step", closest="a careful step")
    finding.differs = ["careful", (0, 1)]  # words, or offsets into the closest passage
    expected = {"q": finding.text, "k": None, "cl": "a careful step", "dw": ["careful"]}
    assert _misquotes(SimpleNamespace(), [finding]) == [{**expected, "dr": [[0, 1]]}]
    assert _misquotes(None, [SimpleNamespace(text="x")]) == []


def test_a_failed_fail_under_is_said(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "T\n\nThe council met on Monday to vote on it.\n\n"
        "The measure passed by a wide margin. [1]\n\nReferences:\n1. X: Y\n"
    )
    _, page = _page(tmp_path, str(article), "--fail-under", "90", command="check")
    assert "failed: claim coverage 50.0% is below --fail-under 90%" in page


def test_statistics_are_not_an_html_page(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nThe council met on Monday to vote on it.\n")
    result = RUNNER.invoke(app, ["check", str(article), "--format", "html", "--statistics"])
    assert result.exit_code == 2
    assert "--statistics shows text or json, not html" in result.output


def test_claim_data_stays_aligned_with_the_claims_drawn():
    """The script finds a claim's evidence by the claim's rank in the text: a claim that
    cannot be drawn (it overlaps a reference entry drawn before it) takes its data along."""
    from citecheck.cli.formats.html.article import draw
    from citecheck.report import FileReport, FileStats
    from citecheck.report.outline import Outline, OutlineClaim, OutlineReference

    text = "One claim that is long enough here. [1]\nTwo claim that is long enough too. [1]\n"
    second = text.index("Two")
    outline = Outline(
        text=text,
        claims=[
            OutlineClaim(start=4, end=second - 1, cites=["1"]),
            OutlineClaim(start=second, end=len(text) - 1, cites=[]),
        ],
        markers=[],
        references=[OutlineReference(key="1", start=0, end=9)],  # overlaps the first
    )
    report = FileReport(
        path="a.txt", format="text", profile="article", findings=[], stats=FileStats()
    ).model_copy(update={"outline": outline})
    drawn = draw(report, 0)
    assert drawn.html.count('<span class="c ') == len(drawn.data["claims"]) == 1
    assert drawn.data["claims"][0]["v"] == "uncited"  # the second claim's data, not the first's
