"""The benchmark's article generator: deterministic for a seed, and articles citecheck reads."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

from citecheck.api import analyse, check_text

GENERATOR = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("citecheck_bench_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


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
