"""The title a reference entry lists, in each style web pages are cited in."""

from __future__ import annotations

import pytest

from citecheck.api import analyse
from citecheck.parser.entrytitles import names_site

TITLE = "Harbour bridge reopens after two-year repair"
URL = "https://www.heraldsun.com.au/news/harbour-bridge-reopens/story-1227261886014"


def listed(entry: str) -> str | None:
    """The title of ``entry`` read as the only item of a reference list."""
    item = entry if entry.startswith("[") else f"1. {entry}"
    doc, _ = analyse(f"The bridge reopened on Monday [1].\n\n## References\n\n{item}\n", fmt="md")
    assert len(doc.references) == 1
    return doc.references[0].title


@pytest.mark.parametrize(
    "entry",
    [
        f"Herald Sun. {TITLE}. {URL}",  # Outlet. Title. URL: the outlet is the URL's host
        f"{TITLE}. Herald Sun. {URL}",
        f"{TITLE} | Herald Sun {URL}",
        f"{TITLE} - Herald Sun {URL}",
        f'"{TITLE}," Herald Sun, May 4, 2024. {URL}',
        f"Herald Sun: {TITLE} {URL}",
        f"Lind, A. (2024, May 4). {TITLE}. Herald Sun. {URL}",  # APA
        f"Lind, A., & Moe, C. (2024). {TITLE}. Herald Sun. {URL}",
        f"{TITLE}. (2024, May 4). Herald Sun. {URL}",  # APA without an author
        f'Lind, Ana. "{TITLE}." Herald Sun, 4 May 2024, {URL}.',  # MLA
        f'Lind, Ana. "{TITLE}." Herald Sun, May 4, 2024. {URL}.',  # Chicago
        f'[1] A. Lind, "{TITLE}," Herald Sun, May 4, 2024. [Online]. Available: {URL}',  # IEEE
        f"Lind A. {TITLE}. Herald Sun [Internet]. 2024 May 4 [cited 2024 Jun 1]. "
        f"Available from: {URL}",  # Vancouver
        f"Lind A, Moe C. {TITLE}. Herald Sun [Internet]. 2024 [cited 2024 Jun 1].",
        f"[{TITLE}]({URL}) - Herald Sun",
        f"Lind, A. (2024) '{TITLE}', Herald Sun, 4 May. Available at: {URL} "
        "(Accessed: 1 June 2024).",  # Harvard
        f"Herald Sun (2024) '{TITLE}', 4 May. Available at: {URL} (Accessed: 1 June 2024).",
        f'Lind, Ana (May 4, 2024). "{TITLE}". Herald Sun. Retrieved June 1, 2024.',  # cite web
    ],
)
def test_each_style_gives_the_title(entry: str) -> None:
    assert listed(entry) == TITLE


def test_a_known_outlet_is_the_outlet_whatever_the_url() -> None:
    assert listed(f"Reuters. {TITLE}. https://example.org/a/b") == TITLE
    assert listed(f"{TITLE} - BBC News https://example.org/a/b") == TITLE


def test_apa_without_an_author_keeps_a_title_with_a_comma() -> None:
    url = "http://nypost.com/2014/12/18/amazon-macmillan-make-peace-over-book-pricing/"
    entry = f"Amazon, Macmillan make peace over book pricing. (2014, December 18). NY Post. {url}"
    assert listed(entry) == "Amazon, Macmillan make peace over book pricing"
    url = "http://www.cntraveler.com/galleries/2014-12-08/marrakech-morocco-best-shopping-guide"
    entry = f"The Best Shopping in Marrakech. (2014, December 8). Condé Nast Traveler. {url}"
    assert listed(entry) == "The Best Shopping in Marrakech"


def test_a_first_segment_that_is_a_domain_is_the_outlet() -> None:
    assert listed("ebb.org. On Recent Controversial Events.") == "On Recent Controversial Events"


def test_a_quoted_word_inside_a_title_is_not_the_title() -> None:
    entry = 'Kirchoff, C. (2015, February 24). On behalf of "Literally". Medium. https://medium.com/@c/x'
    assert listed(entry) == 'On behalf of "Literally"'


def test_a_title_that_ends_in_a_year_keeps_it() -> None:
    url = "https://intranet.example.com/docs/travel-policy-2025.pdf"
    assert listed(f"Travel Policy 2025. {url}") == "Travel Policy 2025"


def test_an_unknown_prefix_stays_in_the_title_when_it_may_be_the_titles_own() -> None:
    # "The Open Journalism Project" is no outlet: the title keeps it, with the site cut.
    url = "https://medium.com/@pippinlee/the-open-journalism-project-fb39f4f701bb"
    got = listed(f"The Open Journalism Project: Better Student Journalism | Medium {url}")
    assert got == "The Open Journalism Project: Better Student Journalism"


def test_scholarly_entries_keep_their_reading() -> None:
    entry = (
        "Nilsen, A., & Moe, C. (2021). Modelling ferry demand on the northern fjords. "
        "Journal of Coastal Transport, 12(3), 45-60. https://doi.org/10.5555/jct.2021.12"
    )
    assert listed(entry) == "Modelling ferry demand on the northern fjords"


@pytest.mark.parametrize(
    ("part", "url", "named"),
    [
        ("Herald Sun", "https://www.heraldsun.com.au/news/x", True),
        ("Voodoo Engineering", "https://medium.com/voodoo-engineering/node-js-d6e62af173e2", True),
        ("CNN Money", "http://money.cnn.com/2016/02/01/news/economy/x.html", True),
        ("Reuters", None, True),
        (
            "An Illusionist in Skyrim: Part 1",
            "https://www.pcgamer.com/an-illusionist-in-skyrim/",
            False,
        ),
        ("A Brief History of Neon Signage", "https://www.citylab.com/design/2019/04/x/", False),
    ],
)
def test_names_site(part: str, url: str | None, named: bool) -> None:
    assert names_site(part, url) is named
