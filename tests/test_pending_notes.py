"""Notes that ask for their own source are placeholders (``[^2]: Link needed.``)."""

from __future__ import annotations

from citecheck.api import check_text


def _placeholders(text: str, fmt: str = "markdown") -> list[str]:
    report = check_text(text, fmt=fmt)
    return [f.message for f in report.findings if f.code == "CC005"]


def test_a_note_that_asks_for_its_source_is_a_placeholder() -> None:
    text = "Sales doubled [^1] and then fell [^2].\n\n[^1]: Link needed.\n[^2]: TODO: find it.\n"
    found = _placeholders(text)
    assert len(found) == 2
    assert "Link needed" in found[0]


def test_a_bracketed_placeholder_in_a_note_is_reported_once() -> None:
    text = "Sales doubled [^1].\n\n[^1]: Festival Office report [citation needed].\n"
    assert len(_placeholders(text)) == 1


def test_a_note_that_points_elsewhere_or_is_a_source_is_not() -> None:
    text = (
        "Sales doubled [^1] and fell [^2].\n\n"
        "[^1]: Please see the appendix for the sources used.\n"
        "[^2]: Festival Office, First-week sales report, 2021.\n"
    )
    assert _placeholders(text) == []


def test_a_note_placeholder_does_not_make_an_essay_of_asides_cite() -> None:
    """A note asking for its source marks the claim that calls it; it does not turn the
    uncited-claim rule on for an essay whose other notes are asides."""
    text = (
        "I think the river was busier then [^1]. The mills ground grain for the valley.\n\n"
        "[^1]: Link needed.\n"
    )
    report = check_text(text, fmt="markdown")
    assert [f.code for f in report.findings] == ["CC005"]


def test_a_note_no_call_reaches_asks_nothing() -> None:
    text = "The mills ground grain `for the valley[^1]`.\n\n[^1]: Link needed.\n"
    assert _placeholders(text) == []
