"""``citecheck fix --unsafe`` with every rule on the shared cases and corpus documents.

Each sentence keeps citing the same sources, the prose outside markers is unchanged, no
fixable finding is left and a second run changes nothing. Skipped when ../shared is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from unmarked import unmarked

from citecheck.api import analyse, fix_text
from citecheck.checker import Context
from citecheck.config.settings import Settings
from citecheck.fixer.meaning import meaning

SHARED = Path(__file__).parents[2] / "shared"
FILES = sorted(
    p
    for folder in ("cases", "corpus")
    for p in (SHARED / folder).glob("*")
    if p.suffix in (".md", ".txt") and p.name not in ("CASES.md", "SOURCES.md")
)
ALL = Settings(select=("ALL",))


def _cites(text: str, path: str) -> tuple[tuple[frozenset[str], ...], list[str]]:
    doc, res = analyse(text, path=path, settings=ALL)
    words = unmarked(text, doc)
    return meaning(Context(doc, res)).sentences, words


@pytest.mark.skipif(not FILES, reason="../shared is absent")
@pytest.mark.parametrize("path", FILES, ids=[p.name[:60] for p in FILES])
def test_fix_keeps_meaning_and_is_idempotent(path: Path) -> None:
    text = path.read_text("utf-8")
    result = fix_text(text, path=str(path), settings=ALL, unsafe=True)
    assert _cites(result.text, str(path)) == _cites(text, str(path))
    assert result.left["safe"] == result.left["unsafe"] == 0
    again = fix_text(result.text, path=str(path), settings=ALL, unsafe=True)
    assert not again.changed
