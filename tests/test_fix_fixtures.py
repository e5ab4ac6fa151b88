"""Each case under fixtures/fix/: ``before`` fixed gives ``after``, and ``after`` stays.

A case is a folder holding ``before.txt`` (or ``.md``), the text ``citecheck fix`` must
make of it as ``after.txt``, and optionally ``before.options.toml`` (settings, e.g. a
selection). A folder whose name ends in ``-unsafe`` is fixed with ``--unsafe``. The
``.expected`` files beside them are checked by test_fixtures.py like any other fixture:
they show which findings the fix repairs.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from citecheck.api import fix_text
from citecheck.config.settings import Settings

CASES = sorted(
    p.parent for p in (Path(__file__).parents[1] / "fixtures" / "fix").glob("*/before.*")
)


def _case(folder: Path) -> tuple[Path, Path, Settings, bool]:
    before = next(p for p in folder.glob("before.*") if p.suffix in (".txt", ".md"))
    options = folder / "before.options.toml"
    table = tomllib.loads(options.read_text("utf-8")) if options.exists() else {}
    return (
        before,
        before.with_name("after" + before.suffix),
        Settings.model_validate(table),
        (folder.name.endswith("-unsafe")),
    )


@pytest.mark.parametrize("folder", CASES, ids=[c.name for c in CASES])
def test_fix_gives_after(folder: Path) -> None:
    before, after, settings, unsafe = _case(folder)
    result = fix_text(before.read_text("utf-8"), path=str(before), settings=settings, unsafe=unsafe)
    assert result.text == after.read_text("utf-8")
    assert result.changed


@pytest.mark.parametrize("folder", CASES, ids=[c.name for c in CASES])
def test_after_is_left_alone(folder: Path) -> None:
    _, after, settings, unsafe = _case(folder)
    again = fix_text(after.read_text("utf-8"), path=str(after), settings=settings, unsafe=unsafe)
    assert not again.changed
    assert again.text == after.read_text("utf-8")


def test_there_are_cases() -> None:
    assert len(CASES) >= 10
