"""The benchmark's article generator: deterministic for a seed, and articles citecheck reads."""

from __future__ import annotations

import random
from pathlib import Path
from types import ModuleType

import pytest
from benchscripts import load

from citecheck.api import analyse, check_text


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    return load("generate")


def test_same_seed_same_corpus(generate: ModuleType, tmp_path: Path) -> None:
    for kind in ("text", "markdown"):
        first = generate.write_corpus(tmp_path / "a" / kind, 12, kind, 7)
        again = generate.write_corpus(tmp_path / "b" / kind, 12, kind, 7)
        assert first == again and first.files == 12
        files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.*"))
        assert all(
            (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files
        )
    other = generate.text_article(random.Random("text:8"))
    assert other != generate.text_article(random.Random("text:7"))


def test_text_articles_read_like_the_mission_article(generate: ModuleType) -> None:
    rng = random.Random(3)
    for _ in range(10):
        article = generate.text_article(rng)
        assert 2000 <= len(article.encode()) <= 4000
        doc, _ = analyse(article, path="a.txt")
        assert doc.sections and doc.references and doc.markers
        assert any(s.claim for s in doc.sentences)
        assert not doc.sentences[0].claim  # the headline


def test_markdown_articles_cite_footnotes_definitions_or_a_list(generate: ModuleType) -> None:
    rng = random.Random(4)
    kinds = set()
    for _ in range(12):
        article = generate.markdown_article(rng)
        report = check_text(article, path="a.md")
        doc, _ = analyse(article, path="a.md")
        assert report.format == "markdown" and doc.references and doc.markers
        kinds.update(m.kind.value for m in doc.markers)
    assert {"footnote", "numeric"} <= kinds


def test_big_document_has_one_reference_list(generate: ModuleType) -> None:
    text = generate.big_text(random.Random(5), 30_000)
    assert 30_000 <= len(text) < 40_000
    doc, _ = analyse(text, path="big.txt")
    assert len(doc.sections) == 1 and len(doc.references) > 10


def _load(name: str) -> ModuleType:
    return load(name)


def test_the_table_judges_each_figure_against_its_target() -> None:
    rows = _load("benchrows")
    run = {"wall": 2.0, "cpu": 2.0, "rss_mb": 150.0, "code": 1}
    results = {
        "cold_start": {
            "runs": 15,
            "citecheck_s": 0.12,
            "bare_import_s": 0.1,
            "ratio": 1.2,
            "cpu_ratio": 1.25,
            "bare_import_rss_mb": 26.0,
        },
        "text_1": {**run, "mb_s": 6.0, "articles_s": 5000.0, "mb_cpu_s": 6.0},
        "text_2": {"skipped": "--jobs not available"},
        "markdown_1": {**run, "mb_s": 6.0},
        "peer": {
            "parse": {**run, "wall": 10.0, "cpu": 10.0, "findings": 3},
            "only": {**run, "wall": 1.0, "cpu": 1.0, "findings": 0},
        },
        "doc_small": run,
        "doc_large": {**run, "wall": 30.0, "cpu": 30.0, "rss_mb": 250.0},
        "verification": {
            "wice": {"claims": 349, "overlap": {"rate": 1500.0}},
            "scale": {
                "claims": 24,
                "sizes": {
                    "100": {"cpu_s": 0.03, "per_claim_ms": 1.25},
                    "1000": {"cpu_s": 0.1, "per_claim_ms": 4.2},
                    "10000": {"cpu_s": 1.3, "per_claim_ms": 54.2},
                },
                "wice": {"claims": 349, "verify_per_s": 60.0, "verifier_per_s": 120.0},
            },
        },
    }
    corpus = {
        "text": {"files": 1000, "bytes": 12_000_000},
        "markdown": {"files": 10, "bytes": 12_000_000},
        "doc_small_bytes": 2_000_000,
        "doc_large_bytes": 20_000_000,
    }
    table = rows.rows(results, corpus)
    assert [r["met"] for r in table] == [
        "yes",  # cold start 1.2× the bare import
        "yes",  # 6 MB per CPU-second
        "n/a",  # --jobs 2 was skipped
        "no",  # Markdown 5× as fast as the peer, against 6×
        "",  # the peer that parses nothing, for reference
        "no",  # the 20 MB document took 1.5× ten times the 2 MB time
        "yes",  # 150 MB over the batch
        "no",  # 250 MB for the 20 MB document
        "yes",  # 60 claims per CPU-second
        "no",  # 1.3× linear growth
    ]
    text = rows.table(table)
    assert "| plain text, 1,000 articles, 12.0 MB, 1 process |" in text
    assert "1.20× target" in text and "5.00× as fast" in text
