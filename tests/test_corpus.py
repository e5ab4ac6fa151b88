"""Real documents from ../shared/corpus: checked without error, reference lists found.

The corpus is not part of the project; the module is skipped when it is absent.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from citecheck.api import check_file
from citecheck.config.settings import Settings
from citecheck.reader import decode

_BREAK = re.compile(r"\r\n|\r|\n")
CORPUS = Path(__file__).parents[1] / ".." / "shared" / "corpus"

if not CORPUS.is_dir():
    pytest.skip("../shared/corpus is absent", allow_module_level=True)

DOCUMENTS = sorted(
    p
    for p in CORPUS.iterdir()
    if p.is_file() and p.name != "SOURCES.md" and not p.name.startswith(".")
)


def test_corpus_is_not_empty():
    assert DOCUMENTS


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name[:60] for p in DOCUMENTS])
@pytest.mark.parametrize("scope", ["paragraph", "sentence"])
def test_document_is_checked_and_its_references_found(path, scope):
    report = check_file(str(path), Settings(select=("ALL",), scope=scope))
    assert report.stats.references > 0
    lengths = [len(line) for line in _BREAK.split(decode(path.read_bytes(), str(path)))]
    for f in report.findings:
        assert f.line <= len(lengths), f
        assert f.column <= lengths[f.line - 1] + 1, f
