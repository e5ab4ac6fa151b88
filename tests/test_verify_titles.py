"""Title mismatch (CC202) through ``citecheck verify``, pages served on 127.0.0.1.

Each page names itself in several places and the extractor's choice is not always the
headline: the rule passes when any of the page's titles is close to the listed one, in
whatever style the entry is written, and reports a title that names another work.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from test_page_titles import _pdf

# The extractor takes this page's first heading inside the article (a section heading) for
# its title; the headline is in <title>, og:title and the JSON-LD.
HEADLINE = "Harbour bridge reopens after two-year repair"
PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{HEADLINE} | Port Gazette</title>
<meta property="og:site_name" content="Port Gazette">
<meta property="og:title" content="{HEADLINE}">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{HEADLINE}"}}</script>
</head><body>
<nav><a href="/">Home</a></nav>
<article>
<h2>What changes for commuters</h2>
<p>The harbour bridge reopened to traffic on Monday after a two-year repair that cost 41
million euros, the port authority said. Buses return to the bridge in June.</p>
<p>The ferry keeps its summer timetable until the end of August, the operator said.</p>
</article></body></html>
"""
OTHER = PAGE.replace(HEADLINE, "Ferry operator cuts winter timetable")
REPORT = [
    (9, "Harbour Board - Annual Report Series"),
    (20, "Toll revenue and traffic"),
    (20, "on the harbour bridge, 2023"),
    (11, "The bridge carried 12,400 vehicles a day in 2023, up from 11,100 in 2022."),
]

ARTICLE = """# Harbour news

The harbour bridge reopened to traffic on Monday after a two-year repair [1].
It reopened after a repair that cost 41 million euros, the port authority said [2].
Buses return to the bridge in June, the port authority said [3].
The port authority said that the bridge reopened on Monday [4].
The repair of the bridge took two years, the port authority said [5].
The bridge carried 12,400 vehicles a day in 2023 [6].
The bridge reopened to traffic on Monday, the port authority said [7].
The bridge carried 12,400 vehicles a day in 2023, up from 11,100 [8].

## References

1. Port Gazette. Harbour bridge reopens after two-year repair. {page}
2. Harbour bridge reopens after two-year repair | Port Gazette {page}
3. Lind, A. (2024, May 4). Harbour bridge reopens after two-year repair. Port Gazette. {page}
4. Lind, Ana. "Harbour bridge reopens after two-year repair." Port Gazette, 4 May 2024, {page}.
5. Lind A. Harbour bridge reopens after two-year repair. Port Gazette [Internet]. 2024 May 4
   [cited 2024 Jun 1]. Available from: {page}
6. Harbour Board. Toll revenue and traffic on the harbour bridge, 2023. {pdf}
7. Port Gazette. Ferry operator cuts winter timetable. {page}
8. Harbour Board. Toll revenue and traffic on the harbour bridge, 2022. {pdf}
"""


def _verify(article: Path, cwd: Path) -> dict:
    result = subprocess.run(
        [
            *(sys.executable, "-m", "citecheck", "verify", str(article), "--allow-private"),
            *("--format", "json", "--cache-dir", str(cwd / "cache")),
        ],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_cc202_only_when_no_title_of_the_page_is_close(tmp_path: Path) -> None:
    from pageserver import serving

    with serving() as site:
        site.page("/bridge", PAGE)
        site.page("/ferry", OTHER)
        site.page("/report.pdf", _pdf(REPORT, None), headers={"Content-Type": "application/pdf"})
        article = tmp_path / "harbour.md"
        article.write_text(
            ARTICLE.format(page=site.url("/bridge"), pdf=site.url("/report.pdf")), "utf-8"
        )
        report = _verify(article, tmp_path)
    findings = report["files"][0]["findings"]
    mismatched = {f["line"] for f in findings if f["rule"] == "title-mismatch"}
    # Entries 1-6 name the page's headline (the page's extractor title is a section
    # heading, the PDF has no metadata title); 7 gives another story's headline and 8 the
    # report of another year.
    line = {text[:2]: i for i, text in enumerate(ARTICLE.splitlines(), 1)}
    assert mismatched == {line["7."], line["8."]}
    message = next(
        f["message"] for f in findings if f["line"] == line["7."] and f["rule"] == "title-mismatch"
    )
    assert "Harbour bridge reopens" in message or "What changes" in message


def test_the_cache_keeps_the_titles(tmp_path: Path) -> None:
    """A second run reads the page from the cache and decides the same."""
    from pageserver import serving

    with serving() as site:
        site.page("/bridge", PAGE)
        article = tmp_path / "harbour.md"
        article.write_text(
            "The bridge reopened on Monday after a two-year repair [1].\n\n## References\n\n"
            f"1. Port Gazette. {HEADLINE}. {site.url('/bridge')}\n",
            "utf-8",
        )
        first = _verify(article, tmp_path)
        hits = site.hits("/bridge")
        second = _verify(article, tmp_path)
        assert site.hits("/bridge") == hits  # the second run fetched nothing
    for report in (first, second):
        rules = {f["rule"] for f in report["files"][0]["findings"]}
        assert "title-mismatch" not in rules
