"""Wikipedia pages and RFC text: explanation is no claim, notes resolve, ABNF is no citation.

The cases are the kinds met in real pages (holdout5 of benchmarks/realdocs): a wiki's
solving strategies and worked examples, its lettered and grouped notes pasted as text or
Markdown or saved as HTML, a Word-saved page's linked access dates, and RFC 2616's ABNF
and appendix notes.
"""

from __future__ import annotations

import pytest

from citecheck import check_text
from citecheck.config.settings import Settings
from citecheck.parser import parse
from citecheck.parser.howto import explains, opens_example
from citecheck.parser.letternotes import letter_key
from citecheck.parser.nonmarkers import in_abnf


def _codes(text: str, fmt: str) -> list[tuple[int, str]]:
    report = check_text(text, fmt=fmt, settings=Settings())
    return [(f.line, f.code) for f in report.findings]


@pytest.mark.parametrize(
    "sentence",
    [
        "Suppose a run of two cells must sum to three.",
        "Imagine a semantic wiki devoted to food.",
        "For instance, if precisely two cells within a scope contain the same two candidates, "
        "they can be removed elsewhere.",
        "If a pair is found in a row, those numbers can be cancelled out of that row.",
        "In general, if a numeral prevents completion, then the numeral can be eliminated.",
        "When those cells lie within the same row, they can be used for elimination.",
        "It is important to perform this process systematically.",
        "Using two colours, or mixing pencil and pen marks can be helpful.",
        "Great caution is required, however, as a mistake spoils the grid.",
        "Details of computer solutions may be found on the page on the Algorithmics of Sudoku.",
        "Adapted from Wikipedia, the free encyclopedia, December 21, 2007.",
        "It should be easy to examine and fix, e.g. to identify problems in parsing.",
        "Thus different views may need to be provided for different types of users.",
        "Alternatively, if both candidates imply one result, then that result must be true.",
        "The solution to the Sudoku puzzle above.",
        "Every number has a position which can be deduced from the rules or if you prefer "
        "from the definition.",
    ],
)
def test_explanation_is_no_claim(sentence: str) -> None:
    assert explains(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # statements of what exists or happened stay claims
        "Sudoku is a logic-based number placement puzzle.",
        "It became an international hit in 2005.",
        "Dell regularly publishes 16×16 Number Place Challenger puzzles.",
        "If untreated, the infection can cause blindness.",
        "When the war ended, the troops could return home.",
        "Over 47,000 examples of Sudokus with 17 givens resulting in a unique solution are known.",
        "The size rule lets you increase adoption more while the value rule lets you raise price.",
        "It is necessary to hold a licence to fish in England.",
        "For example, the drug may cause liver damage in older patients.",
        # an estimate in an illustration is still a claim (holdout2, a judged true finding)
        "For instance, a month's supply of the extract might cost twice as much as capsules.",
        "The museum above the harbour was opened in 1911 and is still run by the town council.",
        '"If you build it, he will come" is a line from the film.',
    ],
)
def test_statements_of_fact_stay_claims(sentence: str) -> None:
    assert not explains(sentence)


def test_an_example_runs_to_the_end_of_its_paragraph() -> None:
    text = (
        "# Semantic wiki\n\n"
        "Semantic wikis were first proposed in 2004.\n\n"
        "Imagine a semantic wiki devoted to food. The page for an apple would contain "
        "machine-readable data. The most basic kind of data would be that an apple is a fruit.\n"
    )
    doc = parse(text, "markdown")
    claims = [s.text for s in doc.sentences if s.claim]
    assert claims == ["Semantic wikis were first proposed in 2004."]
    assert opens_example("Imagine a semantic wiki devoted to food.")


@pytest.mark.parametrize(("n", "key"), [(1, "a"), (2, "b"), (26, "z"), (27, "aa"), (29, "ac")])
def test_letter_keys(n: int, key: str) -> None:
    assert letter_key(n) == key


PASTED = """# Byzantine Empire

The empire continued the Roman Empire in the East.[a] Its capital was Constantinople.[1]

The inhabitants called themselves Romaioi,[b] and the Ottomans called them Rum.[2]

## Notes

1. ^ "Romania" was a popular name of the empire, used mainly unofficially.
2. ^ The term does not refer to modern Romania, which took its name much later.

## References

1. ^ Kazhdan, Alexander; Epstein, Ann (1985). Change in Byzantine Culture. UC Press.
2. ^ Treadgold, Warren (1997). A History of the Byzantine State. Stanford University Press.
"""


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_pasted_lettered_notes_resolve_to_their_list(fmt: str) -> None:
    text = PASTED if fmt == "markdown" else PASTED.replace("# ", "")
    doc = parse(text, fmt)
    keys = sorted(r.key or "" for r in doc.references)
    assert keys == ["1", "2", "a", "b"]
    cited = {k for m in doc.markers for k in m.keys}
    assert {"a", "b", "1", "2"} <= cited
    assert _codes(text, fmt) == []  # no second definitions, nothing dangling or uncited


def test_pasted_notes_without_letters_stay_numbered() -> None:
    """With no lettered marker in the prose, the two lists keep their numbers (and clash):
    a notes section under a heading of its own is a list, not a passage's notes."""
    text = PASTED.replace("[a]", "").replace("[b]", "")
    assert [code for _, code in _codes(text, "markdown")] == ["CC007", "CC007"]


GROUPS = """<html><body><h1>Byzantine Empire</h1>
<p>The empire was known as Romania,<sup class="reference"><a href="#cite_note-3">[n 1]</a></sup>
and its capital was Constantinople.<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p>
<h2>Annotations</h2>
<ol class="references"><li id="cite_note-3"><span class="reference-text">"Romania" was a popular
name of the empire used mainly unofficially, which meant "land of the Romans".<sup
class="reference"><a href="#cite_note-2">[2]</a></sup> The term does not refer to modern
Romania.</span></li></ol>
<h2>Notes</h2>
<ol class="references">
<li id="cite_note-1"><span class="reference-text">Sudoku FAQ. <a href="http://www.example.org/faq">FAQ
page</a>. Retrieved on <a href="http://en.wikipedia.org/wiki/2006">2006</a>-<a
href="http://en.wikipedia.org/wiki/October_6">10-06</a>.</span></li>
<li id="cite_note-2"><span class="reference-text">Puzzles. <a href="http://www.example.net/p">Puzzle
list</a>. Retrieved on <a href="http://en.wikipedia.org/wiki/2006">2006</a>-<a
href="http://en.wikipedia.org/wiki/October_6">10-06</a>.</span></li>
</ol></body></html>
"""


def test_a_grouped_note_of_commentary_resolves_in_html() -> None:
    doc = parse(GROUPS, "html")
    note = [r for r in doc.references if r.key == "n 1"]
    assert len(note) == 1 and note[0].text.startswith('"Romania"')
    assert not any(n.label == "n 1" for n in doc.non_references)
    # the note cites entry 2 itself: no entry is left uncited, nothing dangles
    assert _codes(GROUPS, "html") == []


def test_linked_access_dates_are_no_entry_urls() -> None:
    doc = parse(GROUPS, "html")
    urls = [r.url for r in doc.references if r.key in ("1", "2")]
    assert len(urls) == 2
    assert not any(u and "wikipedia.org/wiki/October_6" in u for u in urls)
    assert "CC007" not in [code for _, code in _codes(GROUPS, "html")]


RFC = """Network Working Group                                          J. Smith
Request for Comments: 9999                                      Example
Category: Standards Track                                     June 1999

1 Basic Rules

   A recipient MAY replace any linear white space with a single SP [1].

       LWS            = [CRLF] 1*( SP | HT )
       header         = field-name ":" [ field-value ]
                        [CRLF]

   RFC 2045 does not include any concept equivalent to this coding.

2 Media Types

   The multipart type carries several ranges of one entity [2].

      Notes:

      1) Additional CRLFs may precede the first boundary string in the
         entity.

      2) Although RFC 2046 [2] permits the boundary string to be
         quoted, some existing implementations handle it incorrectly.

3 References

   [1] Freed, N. and N. Borenstein, "Multipurpose Internet Mail
       Extensions (MIME) Part One", RFC 2045, November 1996.

   [2] Freed, N. and N. Borenstein, "Multipurpose Internet Mail
       Extensions (MIME) Part Two", RFC 2046, November 1996.
"""


def test_abnf_brackets_are_optional_elements() -> None:
    at = RFC.index("[CRLF] 1*")
    assert in_abnf(RFC, at)
    assert in_abnf(RFC, RFC.index("[CRLF]\n"))  # on the rule's continuation line
    assert not in_abnf(RFC, RFC.index("[1].\n"))
    assert not any(m.raw == "[CRLF]" for m in parse(RFC, "text").markers)


def test_a_passages_numbered_notes_are_no_entries() -> None:
    doc = parse(RFC, "text")
    assert sorted(r.number or 0 for r in doc.references) == [1, 2]
    assert all("CRLFs" not in r.text for r in doc.references)
    assert _codes(RFC, "text") == []
