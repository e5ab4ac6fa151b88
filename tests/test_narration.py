"""A sentence that goes on telling of the work cited just before it is attributed to it."""

from __future__ import annotations

import pytest

from citecheck.api import analyse

_LIST = "\n\nReferences:\n1. Port Authority: Winter delays at the harbour, 2019\n"


def covered(
    second: str, first: str = "The port authority ran a ten-year study of delays. [1]"
) -> tuple[str, ...]:
    doc, _ = analyse(f"Harbour\n\n{first} {second}{_LIST}", path="a.txt")
    return next(s.covered_by for s in doc.sentences if s.text.startswith(second[:20]))


@pytest.mark.parametrize(
    "second",
    [
        "The study found that storms caused two thirds of all cancellations.",
        "Their experiments showed that the delays doubled in January.",
        "The general form of the attack was to flood the booking system.",
    ],
)
def test_a_sentence_pointing_back_at_the_cited_work_is_covered(second: str) -> None:
    assert covered(second) == ("1",)


@pytest.mark.parametrize(
    "second",
    [
        "These findings suggest the harbour needs a second breakwater.",
        "The first paper on the breakwater was published in 1990.",
        "This aligns with other studies of ports in the north.",
        "Storms caused two thirds of all cancellations in the study.",
    ],
)
def test_a_new_statement_after_a_cited_one_is_not(second: str) -> None:
    assert covered(second) == ()


def test_only_right_after_a_sentence_with_its_own_marker() -> None:
    first = "The port authority ran a ten-year study of delays."
    assert covered("The study found that storms caused most cancellations.", first) == ()
