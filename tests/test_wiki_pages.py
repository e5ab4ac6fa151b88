"""Wiki pages: lists of a person's works, reference lists under any heading, and where
possible-miscitation is asked (articles only)."""

from __future__ import annotations

import pytest

from citecheck.api import analyse, check_text
from citecheck.config.settings import Settings
from citecheck.parser.works import works_title

_WIKI = '<meta name="generator" content="MediaWiki 1.43">'


def codes(text: str, path: str, **settings: object) -> list[tuple[int, str]]:
    """(line, code) of each finding, with default settings or those given."""
    report = check_text(text, path=path, settings=Settings(**settings))  # type: ignore[arg-type]
    return [(f.line, f.code) for f in report.findings]


@pytest.mark.parametrize(
    "title",
    [
        "Works",
        "## Selected bibliography",
        "Selected bibliography {#selected_bibliography}",
        "Selected works",
        "Publications",
        "Discography",
        "Filmography",
        "Patents",
        "Books",
        "Werke (Auswahl)",
        "Œuvres",
        "Obras",
        "Сочинения",
        "作品",
        "3. Publications",
    ],
)
def test_headings_that_list_works(title: str) -> None:
    assert works_title(title)


@pytest.mark.parametrize(
    "title",
    ["Early works of the company", "Career", "References", "Awards", "How the works began"],
)
def test_headings_that_do_not_list_works(title: str) -> None:
    assert not works_title(title)


_MARKDOWN = """# Ada Lindqvist

Ada Lindqvist led the compiler group at the Uppsala laboratory from 1975 to 1990.[^1]

## Works

### Books

- Structured Programming in Practice. Stockholm: Norstedts, 1979.

#### 1984

- Is Recursion Expensive? Journal of Programming Practice 4(2): 66-69 (1984).

Her later papers were translated into German and Japanese.

## Career

- She joined the board of the Swedish Computing Society in 1992.

[^1]: Nordic Computing Review: Profile of Ada Lindqvist, 2001
"""


def test_items_under_a_works_heading_and_its_subheadings_are_no_claims() -> None:
    found = codes(_MARKDOWN, "a.md")
    # The paragraph of the works section and the item under the next heading still are.
    assert found == [(15, "CC001"), (19, "CC001")]


def test_works_heading_in_html_reads_the_same() -> None:
    page = (
        f"<html><head>{_WIKI}</head><body><p>Ada Lindqvist led the compiler group at the"
        ' laboratory from 1975 to 1990.<sup class="reference"><a href="#cite_note-1">[1]'
        "</a></sup></p>\n<h2>Selected works</h2>\n<h3>Books</h3>\n<ul><li>Structured"
        " Programming in Practice. Stockholm: Norstedts, 1979.</li>\n<li>Compilers for Small"
        " Machines. Addison-Wesley, 1986.</li></ul>\n<h2>Career</h2>\n<ul><li>She joined the"
        " board of the Swedish Computing Society in 1992.</li></ul>\n<h2>References</h2>\n"
        '<ol class="references"><li id="cite_note-1"><a href="#cite_ref-1">^</a>'
        " Nordic Computing Review: Profile of Ada Lindqvist, 2001</li></ol></body></html>"
    )
    assert codes(page, "a.html") == [(7, "CC001")]


def _reflist_page(heading: str) -> str:
    return (
        f"<html><head>{_WIKI}</head><body>\n<p>The river drains a large basin in three"
        ' countries.<sup class="reference"><a href="#cite_note-1">[1]</a></sup> Its delta'
        " is a protected wetland of international importance."
        '<sup class="reference"><a href="#cite_note-2">[2]</a></sup></p>\n'
        f"{heading}\n"
        '<div class="reflist"><ol class="references">\n'
        '<li id="cite_note-1"><a href="#cite_ref-1">^</a> <span class="reference-text">'
        "Smith, J. (2001). <i>Rivers of the Caucasus</i>. Tbilisi Press.</span></li>\n"
        '<li id="cite_note-2"><a href="#cite_ref-2">^</a> <span class="reference-text">'
        '"Wetlands list". Ramsar Convention. 2019.</span></li>\n</ol></div></body></html>'
    )


@pytest.mark.parametrize(
    "heading",
    [
        "<h2>脚注</h2>",
        "<h2>Примечания</h2>",
        '<h2><span class="mw-headline">სქოლიო</span></h2>',  # a name no pattern knows
        "",  # no heading at all
    ],
)
def test_wiki_reference_list_under_any_heading(heading: str) -> None:
    page = _reflist_page(heading)
    assert codes(page, "a.html") == []
    doc, _ = analyse(page, path="a.html")
    assert [(r.key, r.year) for r in doc.references] == [("1", 2001), ("2", 2019)]


def test_a_plain_list_under_an_unknown_heading_stays_body() -> None:
    page = (
        "<html><body><p>The river drains a large basin in three countries.</p>"
        "<h2>სქოლიო</h2><ol><li>The delta is a protected wetland of international"
        " importance.</li></ol></body></html>"
    )
    doc, _ = analyse(page, path="a.html")
    assert doc.sections == [] and doc.references == []


_MISCITED = """Rail operator fined over timetable chaos

The company has also been ordered to pay compensation to season ticket holders who were \
affected by the cancellations. [1]

A new fleet of electric trains, delayed by two years, will enter service on the coastal \
route in the spring. [2]

References:
1. Rail Gazette: Season ticket holders to get compensation for cancellations
2. Rail Gazette: Regulator fines Western Lines over May timetable collapse
3. Rail Gazette: Delayed electric trains to enter service on coastal route
"""


@pytest.mark.parametrize(
    ("profile", "hinted"), [("article", True), ("paper", False), ("spec", False)]
)
def test_possible_miscitation_is_asked_of_articles_only(profile: str, hinted: bool) -> None:
    found = codes(_MISCITED, "a.txt", profile=profile)
    assert ((5, "CC010") in found) is hinted


def test_possible_miscitation_needs_a_title_that_reads_clearly_like_the_claim() -> None:
    # The other title shares the claim's words (score 0.62, the cited one's 0): not enough.
    text = (
        "Ferry news\n\nThe harbour ferry to the island was cancelled on Friday after the"
        " storm. [1]\n\nReferences:\n1. Coast Daily: Council approves budget for new school"
        " buildings\n2. Coast Daily: Island ferry cancelled as winter storm closes harbour"
        " roads\n"
    )
    assert "CC010" not in [c for _, c in codes(text, "a.txt")]


@pytest.mark.parametrize(
    "title",
    [
        "External links",
        "Weblinks",
        "Siehe auch",
        "Liens externes",
        "Enlaces externos",
        "Collegamenti esterni",
        "Externí odkazy",
        "См. также",
        "وصلات خارجية",
        "外部链接",
        "関連項目",
    ],
)
def test_a_wikis_link_sections_in_any_language_hold_no_claims(title: str) -> None:
    page = (
        "<html><body><p>The oak is a natural monument.<sup><a href='#cite_note-1'>[1]</a>"
        f"</sup></p><h2>{title}</h2><ul><li><a href='https://example.org/oaks'>Oak "
        "register</a> A database of every protected tree in the state, with maps.</li></ul>"
        "<h2>References</h2><ol class='references'><li id='cite_note-1'>Writer, A. (2001)."
        " Oaks. Example Press.</li></ol></body></html>"
    )
    assert codes(page, "page.html") == []
    assert codes(page.replace(title, "History"), "page.html") == [(1, "CC001")]
