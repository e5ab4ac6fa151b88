"""Numbers after a fix: link definitions ``[n]: url`` are renumbered like list items, the
numbers are contiguous again after a merge, a group that nothing changes keeps its order
and spacing, and no sentence ends up citing another work."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.api import analyse, fix_text
from citecheck.checker import Context
from citecheck.config.settings import Settings
from citecheck.fixer.meaning import meaning

ALL = Settings(select=("ALL",))
FIXTURES = Path(__file__).parents[1] / "fixtures"
MINE = sorted(
    p
    for pattern in ("kinds/duplicates-*/*", "fix/duplicate-reference-*/before.*", "fix/ref*/b*")
    for p in FIXTURES.glob(pattern)
    if p.suffix in (".md", ".txt")
)


def _cites(text: str, path: str) -> tuple[frozenset[str], ...]:
    doc, res = analyse(text, path=path, settings=ALL)
    return meaning(Context(doc, res)).sentences


@pytest.mark.parametrize("path", MINE, ids=[f"{p.parent.name}/{p.name}" for p in MINE])
def test_no_sentence_cites_another_work_after_fix(path: Path) -> None:
    text = path.read_text("utf-8")
    result = fix_text(text, path=str(path), settings=ALL, unsafe=True)
    assert _cites(result.text, str(path)) == _cites(text, str(path))
    assert result.left["safe"] == 0  # nothing announced as fixable is left unfixed
    assert not fix_text(result.text, path=str(path), settings=ALL, unsafe=True).changed


DEFINITIONS = """\
# Harbour

The ledger shows it [2]. The survey relies on it [1][3].
The quay opened in 1913 ([Courier][3]).

[1]: https://coastline.example.com/lind-1999 "A century of shipping"
[2]: https://harbour.example.org/report-1912.pdf "Annual report 1912"
[3]: https://courier.example.net/1913/quay "New quay opened"
"""


def test_link_definitions_are_put_in_order_of_first_citation() -> None:
    fixed = fix_text(DEFINITIONS, path="a.md", settings=ALL).text
    assert "The ledger shows it [1]. The survey relies on it [2][3]." in fixed
    assert fixed.index("[1]: https://harbour") < fixed.index("[2]: https://coastline")
    assert "([Courier][3])" in fixed


def test_numbers_close_up_after_a_merge_in_definitions_and_lists() -> None:
    text = DEFINITIONS.replace(
        "coastline.example.com/lind-1999", "harbour.example.org/report-1912.pdf"
    )
    fixed = fix_text(text, path="a.md").text
    assert "[3]" not in fixed
    assert "The ledger shows it [1]. The survey relies on it [1][2]." in fixed
    assert fixed.count("]: https://") == 2


def test_a_group_nothing_changes_keeps_its_order_and_spacing() -> None:
    text = (
        "Harbour\n\nFirst claim about the tolls here [3, 1]. Second claim about tolls [1,2].\n"
        "Third claim about the tolls [2].\n\nReferences:\n"
        "1. Courier: Tolls. https://courier.example.net/tolls\n"
        "2. Post: Quay. https://post.example.net/quay\n"
        "3. Post: Quay again. https://post.example.net/quay\n"
    )
    fixed = fix_text(text, path="a.txt").text
    assert "First claim about the tolls here [2, 1]." in fixed  # order as written
    assert "Second claim about tolls [1,2]." in fixed  # nothing changes: spacing as written
    assert "Third claim about the tolls [2]." in fixed
