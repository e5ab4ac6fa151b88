"""A wiki page's file, category and interlanguage links (reader/wikilinklines.py): hidden
in wikitext in every edition's namespace names, and blank lines of a page's source read as
plain text."""

from __future__ import annotations

from citecheck.reader.wikilinklines import HIDDEN_NAMESPACE, blank_link_lines


def test_localised_namespaces_are_hidden() -> None:
    for target in ("Catégorie:Danse", "Bestand:x.jpg|thumb|A caption.", "קובץ:x.jpg", "de:Gavotte"):
        assert HIDDEN_NAMESPACE.match(target), target
    for target in ("Groningen (stad)|Groningen", "Gavotte", ":Gavotte"):
        assert not HIDDEN_NAMESPACE.match(target), target


def test_link_lines_become_spaces() -> None:
    text = "Text.\n\n[[Catégorie:Danse|*]]\n[[de:Gavotte]] [[en:Gavotte]]\n"
    out = blank_link_lines(text)
    assert len(out) == len(text)
    assert out.splitlines()[2:] == [" " * 21, " " * 29]


def test_a_line_with_other_words_stays() -> None:
    text = "See [[Catégorie:Danse]] for more.\n[[Menuet]]\n[[de:Gavotte]] and more\n"
    assert blank_link_lines(text) == text


def test_a_category_box_at_the_end_is_blank() -> None:
    body = "Categories: a word at the start of the text stays.\n" + "Line.\n" * 20
    text = body + "Categorie: Universiteit in Nederland\n"
    out = blank_link_lines(text)
    assert out.startswith("Categories: a word")
    assert out.endswith(" " * len("Categorie: Universiteit in Nederland") + "\n")
