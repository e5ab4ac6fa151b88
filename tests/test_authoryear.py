"""Author-year citations (APA, Harvard, Chicago author-date, MLA) in every input format.

Callouts are matched to entries by surnames and year; one that matches nothing is a
dangling citation only when it cannot be prose; entries nobody cites are uncited.
"""

from __future__ import annotations

import io

import docx
import pytest

from citecheck.api import analyse, check_text
from citecheck.model import BlockKind, MarkerKind, Reference
from citecheck.parser.authors import authors_of, fold


def _ref(text: str) -> Reference:
    return Reference("1", 0, len(text), text, BlockKind.ITEM)


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("van der Berg", "berg"),
        ("Van Der Berg", "berg"),
        ("Berg", "berg"),
        ("al-Rashīd", "rashid"),
        ("Müller", "muller"),
        ("O’Neil", "oneil"),
        ("de Sousa", "sousa"),
        ("Harbour Trust", "harbourtrust"),
    ],
)
def test_surnames_fold_without_case_diacritics_or_particles(name: str, folded: str) -> None:
    assert fold(name) == folded


@pytest.mark.parametrize(
    ("entry", "surnames"),
    [
        # APA
        (
            "Bloom, N., Han, R., & Liang, J. (2024). Hybrid working. Nature, 630, 920–925.",
            ("bloom", "han", "liang"),
        ),
        # Harvard
        (
            "Ross, B. and Moe, C. (2005) Southern ports. Harbour Studies, 4, pp. 1-19.",
            ("ross", "moe"),
        ),
        # Chicago author-date: the first author inverted, the others not
        (
            "Mangen, Anne, and Don Kuiken. 2014. “Lost in an iPad.” Scientific Study 4: 150–77.",
            ("mangen", "kuiken"),
        ),
        # MLA
        ("Baron, Naomi S. Words Onscreen. Oxford University Press, 2015.", ("baron",)),
        # Vancouver
        ("Ortiz B, Chen C, Lee D. Dune loss. Coast Res. 2019;8:1-20.", ("ortiz", "chen", "lee")),
        # IEEE
        (
            "N. Bloom, R. Han, and J. Liang, “Hybrid working,” Nature, vol. 630, 2024.",
            ("bloom", "han", "liang"),
        ),
        # ACM
        (
            "Anna Lind, Ben Ross, and Carl Moe. 1999. A century of shipping. Coastline Press.",
            ("lind", "ross", "moe"),
        ),
        # particles and an organisation as author
        ("van der Waerden, B. L. (1950). A history of algebra. Noordhoff.", ("waerden",)),
        # NeurIPS/natbib full names with a middle initial: not Vancouver's "Ortiz B."
        (
            "Marc C. Kennedy and Anthony O'Hagan. Bayesian calibration of computer models. "
            "J. R. Stat. Soc. B, 63(3):425-464, 2001.",
            ("kennedy", "ohagan"),
        ),
        ("Richard P. Brent. Algorithms for Minimization. Prentice-Hall, 1973.", ("brent",)),
        (
            "Stefan T. Radev, Ulf K. Mertens, and Andreas Voss. BayesFlow. IEEE TNNLS, 2022.",
            ("radev", "mertens", "voss"),
        ),
        # one Vancouver author before a title
        ("Lee D. Dune loss on sandy coasts. Coast Res. 2019;8:1-20.", ("lee",)),
    ],
)
def test_authors_are_read_in_every_reference_style(entry: str, surnames: tuple[str, ...]) -> None:
    assert authors_of(_ref(entry)) == surnames


APA = """\
Employees who worked from home were as productive as office staff (Bloom et al., 2024). Quit \
rates fell by a third in the hybrid group (Bloom et al., 2024; Choudhury, 2022, p. 540). \
Emanuel and Harrington (2023) found that managers rated remote staff lower.

References

Bloom, N., Han, R., & Liang, J. (2024). Hybrid working improves retention. Nature, 630, 920.

Choudhury, P. (2022). Geographic flexibility. Strategic Management Journal, 43(3), 535–562.

Emanuel, N., & Harrington, E. (2023). Working remotely? Federal Reserve Bank Staff Reports.

Unused, A. (2019). A source nobody cites. Journal of Examples, 1(1), 1–2.
"""


def _markdown(text: str) -> str:
    return text.replace("\nReferences\n", "\n## References\n")


def _html(text: str) -> str:
    body, refs = text.split("\nReferences\n")
    items = "".join(f"<p>{p}</p>\n" for p in refs.strip().split("\n\n"))
    body = body.strip().replace("&", "&amp;")
    items = items.replace(" & ", " &amp; ")
    return f"<html><body><p>{body}</p>\n<h2>References</h2>\n{items}</body></html>"


def _codes(report: object) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in report.findings)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("fmt", "text"),
    [("text", APA), ("markdown", _markdown(APA)), ("html", _html(APA))],
    ids=["text", "markdown", "html"],
)
def test_author_year_callouts_cite_their_entries(fmt: str, text: str) -> None:
    report = check_text(text, fmt=fmt)
    assert [rule for _, rule in _codes(report)] == ["uncited-reference"]
    assert report.stats.covered_claims == report.stats.claims == 3
    doc, res = analyse(text, fmt=fmt)
    cited = sorted(r.title or "" for r in doc.references if res.citations(r))
    assert len(cited) == 3 and not any("nobody" in t for t in cited)
    assert {m.kind for m in doc.markers} == {MarkerKind.AUTHOR_YEAR}


def test_author_year_callouts_in_a_word_document() -> None:
    document = docx.Document()
    for paragraph in _markdown(APA).split("\n\n"):
        if paragraph.startswith("## "):
            document.add_heading(paragraph[3:], level=2)
        else:
            document.add_paragraph(paragraph)
    data = io.BytesIO()
    document.save(data)
    from citecheck.reader.docx import docx_text

    text = docx_text(data.getvalue(), "apa.docx")
    report = check_text(text, fmt="docx", path="apa.docx")
    assert [f.rule for f in report.findings] == ["uncited-reference"]
    assert "source nobody cites" in report.findings[0].message


def test_a_callout_that_names_no_entry_is_dangling() -> None:
    text = APA.replace("Choudhury, 2022, p. 540", "Choudhury, 2021; Ng & Ortiz, 2020")
    report = check_text(text, fmt="text")
    dangling = [f.message for f in report.findings if f.rule == "dangling-citation"]
    assert dangling == [
        "(Choudhury, 2021) has no entry in References",
        "(Ng & Ortiz, 2020) has no entry in References",
    ]


def test_an_organisation_is_cited_by_its_whole_name() -> None:
    text = (
        "Fine particles shorten lives in every region (World Health Organization, 2021).\n\n"
        "References\n\n"
        "World Health Organization. (2021). Air quality guidelines. WHO Press.\n"
    )
    assert [f.rule for f in check_text(text, fmt="text").findings] == []


def test_letters_tell_works_of_one_year_apart() -> None:
    text = (
        "Costs fell after 1950 (Lind, 2011a), while traffic kept rising (Lind, 2011b).\n\n"
        "References\n\n"
        "Lind, A. (2011a). Dredging costs, 1900-2010. Maritime History, 12(2), 33-51.\n\n"
        "Lind, A. (2011b). Traffic at Port Elms, 1900-2010. Maritime History, 12(3), 14-29.\n"
    )
    doc, res = analyse(text, fmt="text")
    assert [m.keys for m in doc.markers] == [("1",), ("2",)]
    assert all(res.citations(r) for r in doc.references)


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministers met again in the spring (March 2020) and agreed on a text.",
        "The film Tenet (2020) was shown to delegates in the evening.",
        "Turnout in the capital (Paris 2024) was lower than in the regions.",
        "Revenue grew in every quarter of the year (Q3 2021) as expected.",
    ],
)
def test_dates_and_titles_in_brackets_are_not_callouts(sentence: str) -> None:
    text = (
        f"{sentence} Dunes were lost in one winter (Hansen et al., 2019).\n\n"
        "References\n\n"
        "Hansen, J., Ortiz, B., & Lee, C. (2019). Dune loss. Coastal Research, 8, 1–20.\n"
    )
    report = check_text(text, fmt="text")
    assert [f.rule for f in report.findings] == []
    doc, _ = analyse(text, fmt="text")
    assert [m.raw for m in doc.markers] == ["Hansen et al., 2019"]


def test_a_comma_before_the_year_parts_et_al_or_a_second_name_only() -> None:
    """Narrative callouts with a comma before the year ("Borrell et al., (1997)", "Oh &
    Cho, (2025)"); a single name before a comma ("in Lima, (2020)") is a place and a year."""
    text = (
        "Borrell et al., (1997) showed that flooding is not needed. Oh & Cho, (2025) found "
        "more filled grains. The trial ran in Lima, (2020) and in Cusco.\n\n"
        "References\n\n"
        "Borrell, A., Garside, A., & Fukai, S. (1997). Water use of rice. Field Crops, 52.\n\n"
        "Oh, S., & Cho, Y. (2025). Water management and grain quality. Agriculture, 15.\n\n"
        "Lima, P. (2020). Rice in Peru. Lima Press.\n"
    )
    doc, res = analyse(text, fmt="text")
    assert [m.raw for m in doc.markers] == ["Borrell et al., (1997)", "Oh & Cho, (2025)"]
    assert [bool(res.citations(r)) for r in doc.references] == [True, True, False]


def test_a_numbered_list_takes_no_unmatched_callout_for_a_citation() -> None:
    text = (
        "Storm surges removed a fifth of the dunes [1], as (Ng, 2020) had warned.\n\n"
        "References\n\n"
        "1. Hansen, J., Ortiz, B., & Lee, C. (2019). Dune loss. Coastal Research, 8, 1–20.\n"
    )
    assert [f.rule for f in check_text(text, fmt="text").findings] == []


PAPER_ENTRIES = """\
Audet, C. and Dennis Jr, J. E. (2006). Mesh adaptive direct search. SIAM J. Optim., 17(1).
Acerbi, L. and Ma, W. J. (2017). Practical Bayesian optimization for model fitting. NeurIPS.
Haldane, J. (1945a). On a method of estimating frequencies. Biometrika, 33(3):222-225.
Haldane, J. (1945b). A labour-saving method of sampling. Nature, 155(3924):49.
Ash, R. B. and Doleans-Dade, C. A. (2000). Probability and measure theory. Academic Press.
Arel-Bundock, V., Greifer, N., & Heiss, A. (in press). How to interpret models. J. Stat. Softw.
Haesevoets, T., Reinders Folmer, C., Bostyn, D. H., & Van Hiel, A. (2018). Behavioural
consistency within the prisoner's dilemma game. European Journal of Personality, 32(4).
United States, & Central Intelligence Agency. (2016). The CIA World Factbook 2017. Washington.
"""


@pytest.mark.parametrize(
    ("sentence", "cited"),
    [
        ("Mesh search converges under mild conditions (Audet and Dennis Jr, 2006).", "Audet"),
        ("The optimizer was used (BADS, Acerbi and Ma, 2017).", "Acerbi"),
        ("The estimates are biased, as shown by Haldane (1945a,b).", "Haldane"),
        ("The central limit theorem holds (Ash et al., 2000, Chapter 7.3).", "Ash"),
        ("Contrasts were computed in R (Arel-Bundock et al., In press).", "Arel-Bundock"),
        (
            "Behaviour in games is consistent "
            "(Haesevoets, Reinders Folmer, Bostyn, & Van Hiel, 2018).",
            "Haesevoets",
        ),
        ("However, Audet and Dennis Jr (2006) proved convergence.", "Audet"),
        ("Boys outnumber girls (United States & Central Intelligence Agency, 2016).", "United"),
    ],
)
def test_paper_callout_variants_cite_their_entries(sentence: str, cited: str) -> None:
    # One entry a paragraph, as Word writes them.
    entries = PAPER_ENTRIES.replace(".\n", ".\n\n")
    text = f"{sentence}\n\nReferences\n\n{entries}"
    doc = analyse(text, fmt="text")[0]
    assert doc.markers, sentence
    keys = {k for m in doc.markers for k in m.keys}
    refs = [r for r in doc.references if r.key in keys or str(r.number) in keys]
    assert refs and all(r.text.startswith(cited) for r in refs), (keys, sentence)
    dangling = [f for f in check_text(text, fmt="text").findings if f.rule == "dangling-citation"]
    assert dangling == []


_TITLED = """Roads

{body}

References

"Length of Public Roads by Region for 2015." 2016. Federal Statistics Service.

Lind, Anna. 1999. A Century of Winter Roads. Port Elms: Coastline Press.

Strategy for the Development of the Northern Territories until 2030. n.d. Decree.
"""


def _titled_keys(body: str) -> list[tuple[str, ...]]:
    from citecheck.parser import parse

    doc = parse(_TITLED.format(body=body), "text")
    return [m.keys for m in doc.markers]


def test_title_year_callouts_name_entries_without_authors():
    assert _titled_keys('The network grew ("Length of Public Roads by Region" 2016).') == [("1",)]
    # shortened, with an ellipsis, and undated
    assert _titled_keys("Roads stay open (Strategy for the Development …, n.d.).") == [("3",)]
    # beside an author-year callout in one group
    keys = _titled_keys('It grew ("Length of Public Roads" 2016; Lind 1999).')
    assert sorted(keys) == [("1",), ("2",)]


def test_title_year_callouts_need_two_words_and_the_entry_year():
    assert _titled_keys('The network grew ("Length" 2016).') == []
    assert _titled_keys('The network grew ("Length of Public Roads" 2017).') == []
    assert _titled_keys("Roads stay open (Strategy for the Development, 2019).") == []
