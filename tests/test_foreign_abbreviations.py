"""Abbreviations of other languages run on before a lower-case word or a number
(``33 895 тыс. тонн``), and end a sentence before a capital as English ones do."""

from __future__ import annotations

import pytest

from citecheck.api import analyse
from citecheck.parser.abbreviations import runs_on_before


@pytest.mark.parametrize(
    ("word", "following", "runs_on"),
    [
        ("тыс", " тонн воды", True),
        ("млн", " рублей", True),
        ("руб", " 90,7 % торговли", False),  # an amount, then a sentence opening with a number
        ("рис", " 3", True),
        ("тыс", " Москва", False),
        ("bzw", " rund", True),
        ("Nr", " 5", True),
        ("aprox", " un millón", True),
        ("pág", " 12", True),
        ("approx", " élan", True),  # a lower-case letter outside ASCII
        ("тонн", " воды", False),  # not an abbreviation
    ],
)
def test_runs_on_before(word: str, following: str, runs_on: bool) -> None:
    assert runs_on_before(word, following) is runs_on


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Выбросы составили 33 895 тыс. тонн в 2011 году. Это много.", 2),
        ("Станция выдаёт 160 тыс. м³ воды. Это много.", 2),
        ("Der Umsatz stieg auf 4,2 Mio. bzw. ein Drittel mehr. Das ist viel.", 2),
        ("Выбросы составили 900 тыс. Москва выбросила меньше.", 2),
        ("Оборот достиг 650 млрд руб. 90,7 % торговли приходится на сети.", 2),
    ],
)
def test_sentences_are_not_cut_at_foreign_abbreviations(text: str, sentences: int) -> None:
    doc, _ = analyse(text + "\n", fmt="text")
    assert len(doc.sentences) == sentences, [text[s.start : s.end] for s in doc.sentences]
