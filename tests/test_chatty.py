"""Sentences typed as chat (parser/chatty.py): the ``..`` habit makes those sentences talk;
one ``..`` in a document, or an ellipsis, does not."""

from __future__ import annotations

from citecheck.api import analyse
from citecheck.parser.chatty import HABIT, typed_habit


def _claims(text: str) -> list[str]:
    doc, _ = analyse(text, path="chat.md")
    return [s.text for s in doc.sentences if s.claim]


def test_the_habit_needs_several_endings() -> None:
    assert HABIT == 3
    assert typed_habit("one.. two.. three..")
    assert not typed_habit("one.. two... three…")
    assert not typed_habit("the values 1..10 and 2..20 and 3..30")


def test_typed_prompt_lines_are_talk() -> None:
    text = (
        "# hi..\n\nAs a harbour historian i want the story of the quay..\n\n"
        "Lets make a timeline from the files (and the rest).. Then a chapter for the guide..\n\n"
        "The quay was opened in 1913 and rebuilt after the storm of 1953.\n"
    )
    assert _claims(text) == ["The quay was opened in 1913 and rebuilt after the storm of 1953."]


def test_one_typo_keeps_its_claim() -> None:
    text = (
        "# Quay\n\nThe quay was opened in 1913 and rebuilt after the storm of 1953. "
        "No dates were engraved on its foundation stone..\n"
    )
    assert _claims(text) == [
        "The quay was opened in 1913 and rebuilt after the storm of 1953.",
        "No dates were engraved on its foundation stone..",
    ]
