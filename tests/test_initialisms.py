"""Cuts a segmenter makes inside a dotted initialism (text/initialisms.py)."""

from __future__ import annotations

from citecheck.api import analyse
from citecheck.text.initialisms import cut_inside


def test_a_cut_between_two_letters_runs_on() -> None:
    assert cut_inside("by moving non-U.", "S. profits through Ireland.")
    assert not cut_inside("by moving non-U. ", "S. profits")  # a blank: a real end
    assert not cut_inside("It ends here.", "S. Jones said so.")  # a word, not a letter


def test_an_adjectival_initialism_before_a_body_runs_on() -> None:
    assert cut_inside("reported that the U.S.", " National Security Agency read it.")
    assert cut_inside("the U.K.\n", "Supreme Court ruled.")
    assert not cut_inside("He moved to the U.S.", " He later opened an office.")
    assert not cut_inside("a ZU.S.", " National")  # no initialism of its own


def _sentences(text: str) -> list[str]:
    doc, _ = analyse(text, fmt="text")
    return [" ".join(text[s.start : s.end].split()) for s in doc.sentences]


def test_a_wrapped_line_after_an_initialism_joins_its_paragraph() -> None:
    text = "A paper reported that the U.S.\nNational Security Agency read the mail.\n"
    assert _sentences(text) == [
        "A paper reported that the U.S. National Security Agency read the mail."
    ]
    text = "Its founder moved to the U.S.\nHe later opened an office in Boston.\n"
    assert len(_sentences(text)) == 2


def test_non_us_is_one_word() -> None:
    text = "It moved non-U.S. profits through Ireland. Its non-U.S. tax rate fell to 2 per cent.\n"
    assert len(_sentences(text)) == 2


def test_a_catalogue_appendix_number_stays_in_its_item() -> None:
    text = "The suite was copied twice.\n\nMenuet in G major (Notebook II/1), BWV Anh. 114\n"
    assert _sentences(text)[-1] == "Menuet in G major (Notebook II/1), BWV Anh. 114"
