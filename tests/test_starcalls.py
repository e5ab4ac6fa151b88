"""Starred-letter note calls of a digitised book (``square miles. *a Its surface``) and
the lettered notes they call (``a`` alone on a line, ``[ Darby's View…]`` on the next)."""

from __future__ import annotations

from citecheck.api import analyse
from citecheck.model import BlockKind
from citecheck.parser.starcalls import HABIT, brace_calls, brace_habit, star_calls, star_habit

CHAPTER = (
    "The valley holds 1,341,649 square miles. *a Its surface is six times that of\n"
    "France, and one river drains it. *b The first mills stood there in 1841.*c\n\n"
    'a\n[ Darby\'s "View of the United States."]\n\n\n'
    'b\n[ Warden\'s "Description of the United States," vol. i.]\n\n\n'
    "c\n[ Parish Records, 1880, p. 7.] [Footnote d: County Mill Rolls,\n1870.]\n\n"
)


def test_lettered_notes_are_read_with_their_letters() -> None:
    doc, _ = analyse(CHAPTER, fmt="text")
    notes = [(r.key, r.text) for r in doc.references if r.kind is BlockKind.FOOTNOTE]
    assert [k for k, _ in notes] == ["a", "b", "c", "d"]
    assert notes[0][1].startswith("Darby")
    assert notes[3][1].startswith("County Mill Rolls")


def test_starred_letters_call_the_notes_of_their_chapter() -> None:
    doc, res = analyse(CHAPTER * 2, fmt="text")
    calls = [m for m in doc.markers if m.raw.startswith("*")]
    assert [m.raw for m in calls] == ["*a", "*b", "*c"] * 2
    # Each chapter's "*a" cites the note "a" after it, not the first chapter's.
    first, second = (m for m in calls if m.raw == "*a")
    cited = {
        id(m): link.reference for link in res.links for m in (first, second) if link.marker is m
    }
    one, two = cited[id(first)], cited[id(second)]
    assert one is not None and two is not None
    assert one.start < second.start < two.start


def test_a_starred_letter_is_a_call_only_where_the_text_keeps_that_habit() -> None:
    letters = frozenset({"a", "b"})
    once = "A wildcard *a matches.\n"
    assert not star_habit(once, letters)
    assert star_habit("x *a y *b z *a\n", letters) == (HABIT <= 3)
    assert not star_habit("x *a y *b z *a\n", frozenset())
    # A starred letter glued inside a word or not listed is not a call.
    assert star_calls("foo*a bar *z baz *b", 0, 19, letters)[0].raw == "*b"


def test_a_letter_alone_without_a_bracketed_note_after_it_is_prose() -> None:
    for text in ("Options follow.\n\na\n\nThe second part.\n", "A list.\n\nx\n\n[ apart]\n"):
        doc, _ = analyse(text, fmt="text")
        assert not [r for r in doc.references if r.kind is BlockKind.FOOTNOTE]


def test_braced_numbers_call_a_books_numbered_notes_and_nothing_else() -> None:
    numbers = frozenset({"1", "2", "3"})
    text = "family.{1} Its wheel{2} and mills,{3} but \\frac{1}{2}, {0} and a_{1} are not."
    assert brace_habit(text, numbers)
    assert [m.raw for m in brace_calls(text, 0, len(text), numbers)] == ["{1}", "{2}", "{3}"]
    assert not brace_habit("a {1} b {2} c {3}", numbers)  # standing apart: set braces
