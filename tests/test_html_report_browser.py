"""The evidence report in a real browser: headless Chromium driven by Playwright.

The report of a ``verify`` run against a real HTTP server on 127.0.0.1 is opened from
``file://``; every request the page makes is routed, and any that is not ``file:`` or
``data:`` fails the test. Skips, saying why, when Chromium (``/usr/bin/chromium``, Debian's
package: ``apt-get install chromium``) or the ``playwright`` package is missing.

A screenshot of the page is kept: under the test's temporary folder, or in the folder
named by ``CITECHECK_SCREENSHOTS`` (the README's ``docs/report.png`` is taken so).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from citecheck.cli.app import app

CHROMIUM = Path("/usr/bin/chromium")
SOURCES = Path(__file__).parents[1] / "fixtures" / "verify" / "mexico.sources"
ARTICLE = Path(__file__).parents[1] / "fixtures" / "verify" / "mexico.txt"
# Without the background-networking flags Chromium phones home at start, which a closed
# network refuses; an empty profile keeps runs apart.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOSTILE = (
    'A reader wrote </script><script>window.pwned = 1</script> and <img src=x onerror="'
    'window.pwned = 2"> about the harbour in the local paper this week. [7]'
)

pytestmark = [
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="no /usr/bin/chromium (apt-get install chromium)"
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A Chromium context with an empty profile, for the module's tests."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package")
    with tempfile.TemporaryDirectory() as profile, sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            args=ARGS,
            headless=True,
            viewport={"width": 1600, "height": 1100},
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML report of ``verify`` over the worked example, its six sources served by a
    real HTTP server on 127.0.0.1, with a hostile sentence and a ``javascript:`` entry."""
    from pageserver import serving

    folder = tmp_path_factory.mktemp("browser")
    lines = ARTICLE.read_text("utf-8").splitlines()
    start = lines.index("References:")
    with serving() as site:
        for page in sorted(SOURCES.iterdir()):
            site.page(f"/{page.stem}", page.read_text("utf-8"))
        body = [*lines[:start], HOSTILE, "References:"]
        refs = [
            f"{n}. {line[2:]} {site.url(f'/{n}')}"
            for n, line in enumerate(lines[start + 1 : start + 7], 1)
        ]
        refs.append("7. Harbour Gazette: A reader writes. javascript:window.pwned=3")
        shutil.copy(ARTICLE.parent / "citecheck.toml", folder)  # quotations of two words
        article = folder / "mexico.txt"
        article.write_text("\n".join(body + refs) + "\n", "utf-8")
        out = folder / "report.html"
        old = os.getcwd()
        os.chdir(folder)
        try:
            result = CliRunner().invoke(
                app,
                [
                    "verify",
                    "mexico.txt",
                    "--allow-private",
                    "--format",
                    "html",
                    "--output-file",
                    str(out),
                ],
            )
        finally:
            os.chdir(old)
        assert site.hits("/6") == 1, "the sources were read over HTTP"
    assert result.exit_code == 1, result.output
    return out


@pytest.fixture
def page(browser: Any, report: Path) -> Iterator[Any]:
    """The report opened from file://; fails on a console error, a page error or a request
    that is not file: or data:."""
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))

    def route(r: Any) -> None:
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            problems.append(f"request to {r.request.url}")
            r.abort()

    page.route("**/*", route)
    page.goto(report.as_uri())
    yield page
    assert page.evaluate("window.pwned") is None
    assert problems == []
    page.close()


def _style(page: Any, selector: str, prop: str, pseudo: str | None = None) -> str:
    script = "(e, [p, pseudo]) => getComputedStyle(e, pseudo)[p]"
    return str(page.eval_on_selector(selector, script, [prop, pseudo]))


def test_claims_are_underlined_by_verdict_with_an_icon(page):
    verdicts = page.eval_on_selector_all(".c", "(cs) => cs.map((c) => c.className)")
    assert "c v-uncited" in verdicts and "c v-supported" in verdicts
    assert "c v-partially_supported" in verdicts
    first = "#f0 .c"  # line 2, uncited
    assert _style(page, first, "textDecorationColor") == "rgb(130, 80, 223)"
    assert _style(page, first, "textDecorationStyle") == "double"
    assert "\u2205" in _style(page, first, "content", "::after")  # not colour alone
    supported = page.locator(".c.v-supported").first
    assert (
        supported.evaluate("(e) => getComputedStyle(e).textDecorationColor") == "rgb(26, 127, 55)"
    )
    # The hostile sentence is text, not markup.
    assert page.locator("img").count() == 0
    assert "</script><script>window.pwned = 1</script>" in page.inner_text("#f0 .text")
    # Markers link to their entries; the javascript: entry is no link.
    assert page.get_attribute("a.m >> nth=0", "href") == "#f0-r0"
    assert page.locator("a[href^='javascript']").count() == 0


def test_clicking_a_claim_shows_its_evidence(page, tmp_path):
    assert page.is_hidden("#panel")
    page.locator(".c.v-partially_supported").first.click()
    assert page.is_visible("#panel")
    panel = page.inner_text("#panel")
    assert "partial" in panel and "Evidence" in panel and "score" in panel
    assert "The Washington Post: Sheinbaum" in panel  # the cited entry's title
    assert page.locator("#panel .ev mark").count() > 0  # the words the claim shares
    links = page.eval_on_selector_all("#panel .ev a", "(as) => as.map((a) => a.href)")
    assert links and all(h.startswith("http://127.0.0.1:") for h in links)
    shots = Path(os.environ.get("CITECHECK_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shots / "report.png"))
    assert (shots / "report.png").stat().st_size > 10_000
    page.keyboard.press("Escape")
    assert page.is_hidden("#panel")


def test_a_failed_quotation_shows_the_closest_passage_with_the_words_that_differ(page):
    page.locator(".n[data-rule='CC203']").click()
    panel = page.inner_text("#panel")
    assert "CC203 quote-not-found" in panel
    assert "Quotation not found: \u201cTrump whisperer\u201d" in panel
    assert "Closest passage in [6]" in panel
    differs = page.eval_on_selector_all("#panel mark.diff", "(ms) => ms.map((m) => m.textContent)")
    assert differs == ["tamer"]
    assert "held at partial by: quote-not-found" in panel


def test_filters_hide_verdicts_and_rules(page):
    claim = page.locator(".c.v-supported").first
    assert claim.evaluate("(e) => getComputedStyle(e).textDecorationLine") == "underline"
    page.uncheck("input[data-v='supported']")
    assert claim.evaluate("(e) => getComputedStyle(e).textDecorationLine") == "none"
    page.check("input[data-v='supported']")
    assert claim.evaluate("(e) => getComputedStyle(e).textDecorationLine") == "underline"
    assert page.is_visible("#f0-n0")
    page.uncheck("input[data-r='CC001']")
    assert page.is_hidden("#f0-n0")


def test_keys_move_between_findings(page):
    focused = "() => document.activeElement.id"
    page.keyboard.press("j")
    assert page.evaluate(focused) == "f0-n0"
    page.keyboard.press("j")
    assert page.evaluate(focused) == "f0-n1"
    page.keyboard.press("n")
    assert page.evaluate(focused) == "f0-n2"
    page.keyboard.press("k")
    assert page.evaluate(focused) == "f0-n1"
    page.keyboard.press("Enter")  # a finding's claim opens
    assert page.is_visible("#panel")
    page.keyboard.press("Escape")
    page.uncheck("input[data-r='CC010']")  # hidden findings are skipped
    page.keyboard.press("p")
    assert page.evaluate(focused) == "f0-n0"
    page.keyboard.press("j")
    assert page.evaluate(focused) == "f0-n2"


def test_print_shows_notes_in_the_text_without_controls(page):
    page.emulate_media(media="print")
    assert page.is_hidden("#controls")
    assert _style(page, "#f0-n0", "float") == "none"
