"""The fixer's parts: edits, list items, marker rewriting, and fixes that must not be made."""

from __future__ import annotations

import pytest

from citecheck import check_text
from citecheck.api import fix_text
from citecheck.config.settings import Settings
from citecheck.fixer.edits import Edit, OverlapError, apply
from citecheck.fixer.lists import removal

ALL = Settings(select=("ALL",))


def test_edits_apply_once_in_order():
    text = "abc def ghi"
    edits = [Edit(8, "ghi", "G"), Edit(0, "abc", ""), Edit(4, "", "+")]
    assert apply(text, edits) == " +def G"


@pytest.mark.parametrize(
    "edits",
    [
        [Edit(0, "abc", "x"), Edit(2, "c d", "y")],
        [Edit(3, "", "x"), Edit(3, " ", "y")],
    ],
)
def test_overlapping_edits_are_refused(edits):
    with pytest.raises(OverlapError):
        apply("abc def", edits)


def test_an_edit_planned_on_another_text_is_refused():
    with pytest.raises(ValueError, match="expects"):
        apply("abc", [Edit(0, "xyz", "")])


@pytest.mark.parametrize(
    ("text", "item", "after"),
    [
        ("a\n1. x\n2. y\n", "1. x", "a\n2. y\n"),
        ("a\n1. x\n2. y", "2. y", "a\n1. x"),
        ("a\r\n1. x\r\n2. y\r\n", "1. x", "a\r\n2. y\r\n"),
        ("a\n\n1. x\n\n2. y\n\n3. z\n", "2. y", "a\n\n1. x\n\n3. z\n"),
        ("a\n- x\n  more\n- y\n", "- x\n  more", "a\n- y\n"),
    ],
)
def test_an_item_goes_with_its_lines(text, item, after):
    start = text.index(item)
    edit = removal(text, start, start + len(item), "CC003")
    assert edit is not None and apply(text, [edit]) == after


def test_an_item_sharing_its_line_is_not_removed():
    text = "| [1] Soybean | 0.186 |\n"
    assert removal(text, 2, 12, "CC003") is None


def fixed(text: str, fmt: str = "text", unsafe: bool = False, settings: Settings = ALL) -> str:
    return fix_text(text, fmt=fmt, settings=settings, unsafe=unsafe).text


REFS = "\n\nReferences:\n[1] A News: One\n[2] B News: Two\n[3] C News: Three\n[4] D News: Four\n"


@pytest.mark.parametrize(
    ("body", "after"),
    [
        (
            "Ferries resume in May after the break. [2]–[4] More sailings start soon now. [1]",
            "Ferries resume in May after the break. [1]–[3] More sailings start soon now. [4]",
        ),
        (
            "Ferries resume in May after the break. [Source 3] More sailings start soon now. [1]",
            "Ferries resume in May after the break. [Source 1] More sailings start soon now. [2]",
        ),
        (
            "Ferries resume in May after the break. [3, 1–2] More sailings start soon now. [4]",
            "Ferries resume in May after the break. [1, 2–3] More sailings start soon now. [4]",
        ),
    ],
)
def test_renumbering_keeps_the_spelling_of_markers(body, after):
    assert fixed(body + REFS).startswith(after)


def test_answer_engine_markers_are_renumbered():
    text = (
        "Ferries resume in May after the break.【2†source】 Sailings start soon.【1†source】" + REFS
    )
    assert fixed(text).startswith(
        "Ferries resume in May after the break.【1†source】 Sailings start soon.【2†source】"
    )


def test_a_number_a_dangling_marker_uses_is_not_reassigned():
    # [3] points nowhere: renumbering by first citation would make it cite a source.
    text = "Ferries resume in May after the break. [4][3] Sailings start soon again. [1]\n\n"
    text += "References:\n[1] A News: One\n[2] B News: Two\n[4] D News: Four\n"
    assert fixed(text) == text
    codes = [f.code for f in check_text(text, settings=ALL).findings]
    assert "CC012" in codes and "CC002" in codes


def test_a_key_defined_for_two_sources_is_left_to_a_person():
    text = "Ferries resume in May after the break. [1][2]\n\nReferences:\n"
    text += "[1] A News: One\n[2] B News: Two\n[2] C News: Something else entirely\n"
    assert fixed(text) == text
    (finding,) = [f for f in check_text(text).findings if f.code == "CC007"]
    assert finding.fix is None


def test_a_named_link_to_a_copy_keeps_the_copy():
    # The link cites the copy by its address: removing the copy would leave it citing nothing.
    text = (
        "# Rents\n\nRents rose by a fifth in two years ([survey](https://b.example.com/r)).\n"
        "Tenants in the north saw the steepest rises [1].\n\n## Sources\n\n"
        "1. Metro News: Rents rise by a fifth. https://a.example.com/r\n"
        "2. Metro News: Rents rise by a fifth. https://b.example.com/r\n"
    )
    assert "CC007" in [f.code for f in check_text(text, fmt="markdown").findings]
    assert fixed(text, "markdown") == text


def test_a_range_repeating_a_key_is_split():
    text = "Ferries resume in May after the break. [2][1-3]" + REFS
    assert fixed(text, settings=Settings()).startswith(
        "Ferries resume in May after the break. [2][1, 3]"
    )


def test_crlf_stays_crlf():
    text = ("Ferries resume in May after the break. [1][1]" + REFS).replace("\n", "\r\n")
    out = fixed(text, unsafe=True)
    assert "\n" not in out.replace("\r\n", "")
    assert out.startswith("Ferries resume in May after the break. [1]\r\n")


def test_suppressed_findings_are_not_fixed():
    text = (
        "<!-- citecheck: ignore duplicate-citation -->\n"
        "Ferries resume in May after the break. [1][1]\n\n"
        "## References\n\n1. A News: One\n"
    )
    assert fixed(text, "markdown") == text


def test_reference_order_is_fixed_only_when_selected():
    text = "Ferries resume in May after the break. [2] Sailings start soon. [1]" + REFS
    assert fixed(text, settings=Settings()) == text
    assert fixed(text).startswith(
        "Ferries resume in May after the break. [1] Sailings start soon. [2]"
    )


def test_a_near_identical_title_at_another_address_is_kept():
    text = (
        "Rents rose by a fifth in two years, the survey found. [1][2]\n\nReferences:\n"
        "1. Metro News: Rents rise by a fifth. https://a.example.com/rents\n"
        "2. Metro News: Rents rise by a fifth! https://b.example.com/other\n"
    )
    assert "CC007" in [f.code for f in check_text(text).findings]
    assert fixed(text) == text


def test_a_near_identical_title_without_an_address_goes():
    text = (
        "Rents rose by a fifth in two years, the survey found. [1][2]\n\nReferences:\n"
        "1. Metro News: Rents rise by a fifth\n"
        "2. Metro News: Rents rise by a fifth.\n"
    )
    assert fixed(text) == text.replace("[1][2]", "[1]").replace(
        "2. Metro News: Rents rise by a fifth.\n", ""
    )


def test_a_rule_whose_fix_would_change_meaning_is_left_out(monkeypatch):
    from citecheck import fixer
    from citecheck.fixer.meaning import Meaning

    real = fixer.meaning

    def strict(ctx, removed=frozenset(), added=None):
        found = real(ctx, removed, added)
        if "Budget Office" not in ctx.doc.text:  # as if removing the entry changed a citation
            return Meaning((), found.sources, found.others)
        return found

    monkeypatch.setattr(fixer, "meaning", strict)
    text = (
        "The bridge reopened to traffic on Friday after repairs. [1][1]\n\nReferences:\n"
        "1. Harbour News: Bridge reopens\n2. City Budget Office: Repair costs\n"
    )
    result = fix_text(text, unsafe=True)
    assert result.text == text.replace("[1][1]", "[1]")
    assert dict(result.fixed) == {"CC011": 1}


def test_a_label_marker_of_a_copy_points_at_the_first_copy():
    text = (
        "Keys must be compared in constant time [JWT-BCP]. Tokens expire quickly [JOSE].\n\n"
        "References:\n"
        "[JWT-BCP]  Sheffer, Y., JSON Web Token Best Current Practices. https://www.rfc-editor.org/rfc/rfc8725\n"
        "[JOSE]     Sheffer, Y., JSON Web Token Best Current Practices. https://www.rfc-editor.org/rfc/rfc8725\n"
    )
    out = fixed(text, settings=Settings())
    assert out.startswith(
        "Keys must be compared in constant time [JWT-BCP]. Tokens expire quickly [JWT-BCP]."
    )
    assert "[JOSE]" not in out
