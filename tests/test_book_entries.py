"""A line ending in a book's ISBN is a catalogue entry (text/bookentries.py): it ends its
paragraph in plain text, and holds no claims."""

from __future__ import annotations

from citecheck.api import analyse
from citecheck.text.bookentries import book_entry, ends_in_isbn


def test_isbn_endings() -> None:
    assert ends_in_isbn("Hilversum, Verloren, 2014. ISBN 978-90-8704-466-4")
    assert ends_in_isbn("Groningen, 2009. ISBN 9789077922576.")
    assert ends_in_isbn("Groningen, 1989. ISBN 90-367-0162-7")
    assert ends_in_isbn("London, 2001. ISBN-10: 0-19-852663-X")
    assert ends_in_isbn("Groningen, 1978. Geen ISBN")
    assert not ends_in_isbn("The ISBN 978-90-8704-466-4 was assigned in 2014.")
    assert not ends_in_isbn("It sold 9789077922576 copies")  # a number, no ISBN


def test_an_entry_is_one_short_line() -> None:
    line = "Klaas van Berkel: The North. Hilversum, Verloren, 2014. ISBN 978-90-8704-466-4"
    assert book_entry(line)
    assert not book_entry(line.replace(". Hilversum", ".\nHilversum"))
    assert not book_entry("x " * 300 + line)


def test_entry_lines_are_no_claims() -> None:
    entries = (
        "Helen Morris: The Customs House. Four centuries of trade on the quay. "
        "Eastwick, Quay Press, 1998. ISBN 978-0-19-852663-6\n"
        "Peter Dale: Ship Models. Models and paintings of the whole fleet. "
        "London, Maritime Books, 2004. ISBN 0-19-852663-6\n"
    )
    text = "The museum opened in 1912 in the old customs house.\n\n" + entries
    doc, _ = analyse(text, fmt="text")
    claims = [" ".join(doc.text[s.start : s.end].split()) for s in doc.sentences if s.claim]
    assert claims == ["The museum opened in 1912 in the old customs house."]
