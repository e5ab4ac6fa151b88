"""Many verify processes at once on one cache: no native crash, the same results every time.

trafilatura over lxml crashes the interpreter when two threads extract at once
(adbar/trafilatura#840); before the extraction workers, about one verify run in eight of
twenty fetched pages ended in SIGSEGV or "double free or corruption". Here 50
``python -m citecheck verify`` processes, 8 at a time, each fetch and read the same 20
pages from a threaded server on 127.0.0.1 into one shared cache folder: every process must
end normally (exit 0 or 1, no signal, nothing native on stderr) and report the same claims
with the same verdicts and scores. Half the runs refetch everything (``--max-age 0``), so
extraction, not only the cache, is exercised concurrently; the others read what the first
wrote, so the cache's concurrent writes and reads are checked too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pageserver import serving

RUNS = 50
AT_ONCE = 8
SOURCES = 20
_NATIVE = ("double free", "corruption", "Segmentation", "Fatal Python error", "Traceback")
_TOPICS = [
    ("harbour", "dredging", "container berths"),
    ("railway", "signalling", "night trains"),
    ("library", "archive", "reading rooms"),
    ("reservoir", "pumping station", "water rates"),
    ("hospital", "emergency ward", "waiting times"),
]


def page(n: int) -> str:
    """A news page as sites serve it: header, navigation, an article, a sidebar, scripts."""
    place, work, topic = _TOPICS[n % len(_TOPICS)]
    paragraphs = [
        f"<p>The council of district {n} approved the {work} plan for the {place} on Tuesday, "
        f"after {120 + n} residents wrote in about the {topic}.</p>",
        f"<p>Officials said the {place} would need {n + 3} million euros over {n % 7 + 2} "
        f"years, and that the {topic} would be reviewed every spring.</p>",
    ]
    for k in range(30):
        paragraphs.append(
            f"<p>In section {k} of the report, engineers describe the {work} at the {place} "
            f"of district {n}, the <a href='/n/{k}'>survey</a> of {k * 13 + n} sites, and "
            f"the <em>costs</em> of the {topic} in plain terms.</p>"
        )
    links = "".join(f"<li><a href='/s/{k}'>Section {k}</a></li>" for k in range(40))
    comments = "".join(
        f"<div class='comment'><p>Reader {k} wrote about the {place}.</p></div>" for k in range(8)
    )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>District {n} approves {work} plan | The Daily Post</title>"
        f"<meta property='og:title' content='District {n} approves {work} plan'>"
        "<script>window.dataLayer=[{'page':'article'}];</script>"
        "<style>body{font-family:serif}.nav li{display:inline}</style></head><body>"
        f"<header><nav class='nav'><ul>{links}</ul></nav></header>"
        f"<main><article><h1>District {n} approves {work} plan</h1>"
        f"<p class='byline'>By A. Writer, 3 March 2024</p>{''.join(paragraphs)}</article>"
        f"<aside><h2>Most read</h2><ul>{links}</ul></aside>"
        f"<section class='comments'>{comments}</section></main>"
        "<footer><p>© The Daily Post</p></footer>"
        "<script src='/static/app.js' async></script></body></html>"
    )


def article(urls: list[str], first: int = 0) -> str:
    """An article citing each page once (``urls`` of pages ``first``, ``first`` + 1 …),
    with a claim each page supports."""
    claims, refs = [], []
    for n, url in enumerate(urls, first):
        place, work, _ = _TOPICS[n % len(_TOPICS)]
        claims.append(
            f"District {n} approved the {work} plan for the {place} after "
            f"{120 + n} residents wrote in [{n + 1 - first}]."
        )
        refs.append(f"{n + 1 - first}. The Daily Post. District {n} approves {work} plan. {url}")
    return (
        "# Council round-up\n\n" + "\n\n".join(claims) + "\n\n## References\n\n" + "\n".join(refs)
    )


def _run(root: Path, n: int, env: dict[str, str]) -> tuple[int, str, str]:
    out = root / f"report-{n}.json"
    cmd = [sys.executable, "-m", "citecheck", "verify", str(root / "article.md")]
    cmd += ["--allow-private", "--cache-dir", str(root / "cache"), "--format", "json"]
    cmd += ["--output-file", str(out)]
    if n % 2:
        cmd += ["--max-age", "0"]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600, check=False)
    return done.returncode, done.stderr, out.read_text(encoding="utf-8") if out.exists() else ""


def _claims(report: str) -> list[tuple[str, str, float, list[str]]]:
    data = json.loads(report)
    (file,) = data["files"]
    codes = sorted(f"{f['code']}:{f['line']}" for f in file["findings"])
    return [(c["text"], c["verdict"], c["score"], codes) for c in file["claims"]]


def test_fifty_verify_processes_on_one_cache_never_crash(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONFAULTHANDLER": "1"}
    with serving(("127.0.0.1",)) as site:
        urls = []
        for n in range(SOURCES):
            site.page(f"/news/{n}", page(n))
            urls.append(site.url(f"/news/{n}"))
        (tmp_path / "article.md").write_text(article(urls), encoding="utf-8")
        with ThreadPoolExecutor(AT_ONCE) as pool:
            runs = list(pool.map(lambda n: _run(tmp_path, n, env), range(RUNS)))
    crashed = [(n, code, err[-300:]) for n, (code, err, _) in enumerate(runs) if code not in (0, 1)]
    assert crashed == []
    native = [
        (n, err[-300:]) for n, (_, err, _) in enumerate(runs) if any(w in err for w in _NATIVE)
    ]
    assert native == []
    results = [_claims(report) for _, _, report in runs]
    assert len(results[0]) == SOURCES
    assert all(verdict == "supported" for _, verdict, _, _ in results[0])
    differing = [n for n, got in enumerate(results) if got != results[0]]
    detail = [
        (n, [c for c in results[n] if c not in results[0]], runs[n][1][-500:]) for n in differing
    ]
    assert differing == [], detail


@pytest.mark.parametrize("n", [0, 7])
def test_the_stress_pages_read_as_articles(n: int) -> None:
    from citecheck.sources.extract import extract

    got = extract(page(n).encode(), "text/html")
    assert got.title == f"District {n} approves {_TOPICS[n % len(_TOPICS)][1]} plan"
    assert f"after {120 + n} residents wrote in" in got.text
    assert "Most read" not in got.text and "Section 39" not in got.text
