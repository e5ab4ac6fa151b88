"""German author-year practice: ``S.`` locators, ``ebd.`` back references and callouts of
entries with no year (``(vgl. Okafor et al.)``, ``(vgl. Portal c)``), in Markdown,
plain text and Word."""

from __future__ import annotations

import io

import docx
import pytest

from citecheck.api import analyse, check_text
from citecheck.model import BlockKind, MarkerKind, Reference
from citecheck.parser.backrefs import BACK_REFERENCE, Previous, back_references
from citecheck.parser.undated import UndatedIndex

LIST = """

## Literaturverzeichnis

Portal b: Documentation. Online verfügbar unter https://portal.example.org/docs/.

Portal c: Installing the Portal. Online verfügbar unter https://portal.example.org/i/.

Brenner, Lukas (2022): Datenpipelines in der Praxis. Berlin: Springer.

Krüger, Anna; Lenz, Paul (2019): Planung verteilter Abläufe. München: Hanser.

Okafor, Ada; Lindqvist, Per; Sato, Ken: Scheduling Pipelines. Online.
"""


def _cited(sentence: str, fmt: str = "markdown") -> list[tuple[str, tuple[str, ...]]]:
    doc, _ = analyse("# Einleitung\n\n" + sentence + LIST, fmt=fmt)
    return [(m.raw, m.keys) for m in doc.markers]


@pytest.mark.parametrize(
    "callout",
    [
        "(Brenner 2022, S. 257)",
        "(vgl. Brenner 2022, S. 48 f.)",
        "(vgl. Brenner 2022, S. 48f.)",
        "(Brenner 2022, S. 94ff.)",
        "(Brenner 2022: 257)",
        "(vgl. Brenner, 2022, S. 31 Abs. 4.2 & S. 36 Abs. 1)",
        "(vgl. Brenner 2022, S. 31 Kap. 4.2)",
        "(Brenner 2022, Sp. 12)",
        "(Brenner 2022, Rn. 4)",
    ],
)
def test_german_locators_are_read(callout: str) -> None:
    got = _cited(f"Die Planung von Aufträgen ist zentral für den Betrieb {callout}.")
    assert got == [(callout[1:-1], ("3",))]


def test_a_two_author_callout_with_a_colon_page() -> None:
    got = _cited("Der Planer speichert jeden Zustand (vgl. Krüger und Lenz 2019: 41).")
    assert got == [("vgl. Krüger und Lenz 2019: 41", ("4",))]


def test_ebd_cites_the_callout_before_it_across_paragraphs() -> None:
    text = (
        "Der Planer speichert jeden Zustand (Brenner 2022, S. 3). Er startet Aufgaben "
        "(vgl. ebd.).\n\nDer Planer ist verteilt (ebd., S. 5). Dasselbe gilt für Abläufe "
        "(Krüger und Lenz 2019). Und weiter (ibid., p. 7). Und noch (vgl. ebd.: 9)."
    )
    assert _cited(text) == [
        ("Brenner 2022, S. 3", ("3",)),
        ("vgl. ebd.", ("3",)),
        ("ebd., S. 5", ("3",)),
        ("Krüger und Lenz 2019", ("4",)),
        ("ibid., p. 7", ("4",)),
        ("vgl. ebd.: 9", ("4",)),
    ]


def test_ebd_with_no_callout_before_it_or_with_prose_is_no_marker() -> None:
    text = "Das ist bekannt (vgl. ebd.). Es gilt (Brenner 2022). Es bleibt (ebd. und die Autorin)."
    assert _cited(text) == [("Brenner 2022", ("3",))]


def test_back_references_carry_their_problem_until_resolved() -> None:
    text = "Zuerst (ebd., S. 4) und dann (ibidem)."
    found = back_references(text, 0, len(text))
    assert [(m.raw, m.problem) for m in found] == [
        ("ebd., S. 4", BACK_REFERENCE),
        ("ibidem", BACK_REFERENCE),
    ]
    previous = Previous()
    assert previous.resolve(list(found)) == []  # nothing cited before them
    previous.keys = ("7",)
    assert [m.keys for m in previous.resolve(found)] == [("7",), ("7",)]
    assert all(m.problem is None for m in found)


@pytest.mark.parametrize(
    ("callout", "key"),
    [
        ("(vgl. Okafor et al.)", "5"),
        ("(Okafor u. a., S. 3)", "5"),
        ("(vgl. Portal c)", "2"),
        ("(siehe Portal b, S. 2)", "1"),
    ],
)
def test_callouts_of_entries_with_no_year(callout: str, key: str) -> None:
    got = _cited(f"Der Webserver verwaltet Benutzer und Rollen {callout}.")
    assert got == [(callout[1:-1], (key,))]


@pytest.mark.parametrize(
    "words",
    ["(vgl. Okafor)", "(Okafor und Lindqvist)", "(Portal)", "(Portal d)"],
)
def test_undated_callouts_must_fit_the_entry(words: str) -> None:
    assert _cited(f"Der Webserver verwaltet Benutzer und Rollen {words}.") == []


def _ref(key: str, text: str) -> Reference:
    return Reference(key, 0, len(text), text, BlockKind.ITEM)


def test_the_undated_index_skips_dated_entries_and_shared_labels() -> None:
    index = UndatedIndex.of(
        [
            _ref("1", "Portal a: Overview. Online."),
            _ref("2", "Portal a: Another overview. Online."),
            _ref("3", "Brenner, Lukas (2022): Datenpipelines in der Praxis. Springer."),
            _ref("4", "Lee, Ann / Ng, Bo: Notes on Planning. Online."),
            _ref("5", "This entry opens with a sentence. Then: a colon."),
        ]
    )
    assert index.find("Portal a") is None  # two entries share the label
    assert index.find("Brenner") is None  # it has a year: the callout reader's
    found = index.find("Lee und Ng")
    assert found is not None and found.key == "4"
    assert index.find("This entry opens with a sentence") is None


def test_german_callouts_in_plain_text() -> None:
    text = "Der Planer ist verteilt (vgl. Brenner 2022, S. 5). Er ist schnell (vgl. ebd.)."
    assert _cited(text.replace("## ", ""), fmt="text") == [
        ("vgl. Brenner 2022, S. 5", ("3",)),
        ("vgl. ebd.", ("3",)),
    ]


def test_german_callouts_in_a_word_document() -> None:
    document = docx.Document()
    document.add_heading("Einleitung", level=1)
    document.add_paragraph(
        "Der Planer speichert jeden Zustand (vgl. Brenner 2022, S. 48 f.). Er startet die "
        "nächste Aufgabe (vgl. ebd.). Der Webserver verwaltet Rollen (vgl. Okafor et al.)."
        " Die Installation gelingt über ein Abbild (vgl. Portal c). Die Dokumentation nennt "
        "jede Einstellung (vgl. Portal b). Der Planer ist verteilt (Krüger und Lenz 2019: 4)."
    )
    document.add_heading("Literaturverzeichnis", level=1)
    for paragraph in LIST.split("\n\n")[2:]:
        document.add_paragraph(paragraph.strip())
    data = io.BytesIO()
    document.save(data)
    from citecheck.reader.docx import docx_text

    text = docx_text(data.getvalue(), "hausarbeit.docx")
    report = check_text(text, fmt="docx", path="hausarbeit.docx")
    assert report.findings == []
    doc, _ = analyse(text, fmt="docx")
    assert all(m.kind is MarkerKind.AUTHOR_YEAR for m in doc.markers)
    assert sorted({k for m in doc.markers for k in m.keys}) == ["1", "2", "3", "4", "5"]
