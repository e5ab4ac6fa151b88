"""Which Markdown texts with footnotes are a writer's essay or post (read as a ``book``):
those whose writer speaks as "I" in several sentences, in English or another language."""

from __future__ import annotations

import pytest

from citecheck.api import analyse
from citecheck.parser.essays import noted_essay
from citecheck.parser.profile import detect

NOTE = "\n\n[^1]: Visscher, P. K. (1982). Foraging strategy of honeybee colonies. Ecology, 63.\n"


def _doc(body: str, path: str = "post.md"):  # type: ignore[no-untyped-def]
    doc, _ = analyse(body + NOTE, path=path)
    return doc


@pytest.mark.parametrize(
    "body",
    [
        "I kept my hives on the hill.[^1] Then I moved them. My neighbour helped me. "
        "The orchard is sheltered. The wall is old.",
        "Daß es eine Pflicht sei, wird, meines Erachtens, niemand leugnen.[^1] Ich halte "
        "dafür, dass es so ist. Mir scheint es klar. Die Schrift sagt es oft.",
    ],
    ids=["english", "german"],
)
def test_first_person_posts_with_footnotes_read_as_books(body: str) -> None:
    doc = _doc(body)
    assert noted_essay(doc)
    assert detect(doc) == "book"


@pytest.mark.parametrize(
    ("body", "path"),
    [
        # No first person: an answer engine's or a reporter's text with footnotes.
        ("Bees forage far.[^1] Orchards help them. The wall is old. Honey is stored.", "a.md"),
        # An answer engine's offers to "you" ("If you want, I can also…").
        (
            "Washington is the most populous.[^1] If you want, I can add Idaho. If you like,"
            " I can compare them. I can also chart it if you want. Oregon is larger.",
            "a.md",
        ),
        # "I" only twice.
        ("I kept hives.[^1] I moved them. The orchard is sheltered. The wall is old.", "a.md"),
        # A roman numeral or a letter "I" is no writer.
        ("Part I covers hives.[^1] Part II covers honey. Type I colonies. Type I again.", "a.md"),
        # Not Markdown footnotes: plain text with a numbered list.
        (
            "I kept hives.[1] I moved them. My neighbour helped me.\n\n"
            "References\n\n1. Visscher, P. K. (1982). Foraging strategy. Ecology, 63.",
            "a.txt",
        ),
    ],
    ids=["no-first-person", "offers-to-you", "too-few", "roman-numeral", "plain-list"],
)
def test_other_texts_are_not_essays(body: str, path: str) -> None:
    doc, _ = analyse(body + ("" if path.endswith(".txt") else NOTE), path=path)
    assert not noted_essay(doc)
