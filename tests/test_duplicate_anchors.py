"""One page cited at two anchors under two titles is two locators of one document, a note
that fix leaves alone; the same anchor, or none, is still a duplicate
(fixtures/kinds/duplicates-anchors)."""

from __future__ import annotations

from citecheck.api import check_text, fix_text
from citecheck.checker.works import anchors, fragment
from citecheck.model import BlockKind, Reference

_GUIDE = "https://docs.example.org/admin/cluster-guide"

ANCHORS = f"""# Upgrading the cluster

Nodes are drained one at a time before the new version is installed [1]. The control
plane is upgraded before any worker node [2].

## Sources

1. [Installing the cluster tools]({_GUIDE}#install)
2. [Upgrading the control plane]({_GUIDE}#upgrade)
"""


def _ref(title: str, url: str) -> Reference:
    return Reference(
        key="1", text=title, start=0, end=len(title), kind=BlockKind.ITEM, title=title, url=url
    )


def _dups(text: str) -> list[tuple[int, str, str]]:
    report = check_text(text, path="a.md")
    return [(f.line, f.severity, f.message) for f in report.findings if f.code == "CC007"]


def test_fragment() -> None:
    assert fragment(f"{_GUIDE}#upgrade%20notes") == "upgrade notes"
    assert fragment(_GUIDE) == fragment(None) == ""


def test_anchors_need_two_fragments_and_two_titles() -> None:
    a = _ref("Installing", f"{_GUIDE}#install")
    assert anchors(_ref("Upgrading", f"{_GUIDE}#upgrade"), a) == ("upgrade", "install")
    assert anchors(_ref("Installing.", f"{_GUIDE}#upgrade"), a) is None  # one title
    assert anchors(_ref("Upgrading", f"{_GUIDE}#install"), a) is None  # one anchor
    assert anchors(_ref("Upgrading", _GUIDE), a) is None  # no anchor
    # share buttons' tracking hashes, not anchors
    b = _ref("Upgrading", f"{_GUIDE}#.68hdx6qc1")
    assert anchors(b, _ref("Installing", f"{_GUIDE}#.wykex6pkr")) is None
    assert anchors(b, a) is None


def test_two_anchors_are_a_note_and_fix_keeps_both() -> None:
    ((line, severity, message),) = _dups(ANCHORS)
    assert (line, severity) == (9, "info")
    assert "#upgrade" in message and "#install" in message
    report = check_text(ANCHORS, path="a.md")
    assert all(f.fix is None for f in report.findings)
    assert fix_text(ANCHORS, path="a.md").text == ANCHORS


def test_the_same_anchor_twice_is_a_duplicate() -> None:
    text = ANCHORS.replace("#upgrade", "#install")
    ((line, severity, _),) = _dups(text)
    assert (line, severity) == (9, "warning")


def test_no_anchor_is_a_duplicate() -> None:
    text = ANCHORS.replace("#upgrade", "")
    ((line, severity, _),) = _dups(text)
    assert (line, severity) == (9, "warning")
