"""Reference entries read into fields, style by style, and the hard cases of names, years
and identifiers (:mod:`citecheck.parser.entryfields`, :mod:`citecheck.parser.names`)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from citecheck.cli.app import app
from citecheck.model import Name
from citecheck.parser.entryfields import STYLES, read_entry
from citecheck.parser.names import split_names


def surnames(text: str) -> list[str]:
    return [n.surname for n in read_entry(text).authors]


# One entry per style: (style, entry, expected fields). The works are real.
STYLE_CASES = [
    (
        "apa",
        "Vaswani, A., Shazeer, N., Parmar, N., & Uszkoreit, J. (2017). Attention is all you "
        "need. Advances in Neural Information Processing Systems, 30, 5998–6008.",
        {
            "year": "2017",
            "title": "Attention is all you need",
            "venue": "Advances in Neural Information Processing Systems",
            "volume": "30",
            "pages": "5998-6008",
        },
    ),
    (
        "harvard",
        "Bloom, N., Han, R. and Liang, J. (2024) How hybrid working from home works out. "
        "Nature, 630(8018), pp. 920–925.",
        {
            "year": "2024",
            "title": "How hybrid working from home works out",
            "venue": "Nature",
            "volume": "630",
            "issue": "8018",
            "pages": "920-925",
        },
    ),
    (
        "natbib",
        "Yoshua Bengio, Réjean Ducharme, and Pascal Vincent (2003) A neural probabilistic "
        "language model. Journal of Machine Learning Research, 3:1137–1155.",
        {"year": "2003", "title": "A neural probabilistic language model"},
    ),
    (
        "chicago-author-date",
        "Mangen, Anne, and Don Kuiken. 2014. “Lost in an iPad: Narrative Engagement on Paper "
        "and Tablet.” Scientific Study of Literature 4, no. 2: 150–77.",
        {
            "year": "2014",
            "title": "Lost in an iPad: Narrative Engagement on Paper and Tablet",
            "venue": "Scientific Study of Literature",
            "volume": "4",
            "issue": "2",
        },
    ),
    (
        "acm",
        "Anna Lind, Ben Ross, and Carl Moe. 1999. Reading on screens. Commun. ACM 42, 3 "
        "(1999), 45–67.",
        {
            "year": "1999",
            "title": "Reading on screens",
            "venue": "Commun. ACM",
            "volume": "42",
            "issue": "3",
            "pages": "45-67",
        },
    ),
    (
        "chicago-notes",
        "Kuhn, Thomas S. “Energy Conservation as an Example of Simultaneous Discovery.” Isis "
        "49, no. 2 (1958): 161–88.",
        {
            "year": "1958",
            "title": "Energy Conservation as an Example of Simultaneous Discovery",
            "venue": "Isis",
            "volume": "49",
            "issue": "2",
            "pages": "161-88",
        },
    ),
    (
        "mla",
        'Baron, Naomi S. "Reading in a Digital Age." Phi Delta Kappan, vol. 99, no. 2, '
        "2017, pp. 15-20.",
        {
            "year": "2017",
            "title": "Reading in a Digital Age",
            "venue": "Phi Delta Kappan",
            "volume": "99",
            "issue": "2",
            "pages": "15-20",
        },
    ),
    (
        "ieee",
        '[3] K. He, X. Zhang, S. Ren, and J. Sun, "Deep residual learning for image '
        'recognition," in Proc. IEEE Conf. Comput. Vis. Pattern Recognit., 2016, pp. 770–778.',
        {
            "year": "2016",
            "title": "Deep residual learning for image recognition",
            "venue": "Proc. IEEE Conf. Comput. Vis. Pattern Recognit",
            "pages": "770-778",
        },
    ),
    (
        "vancouver",
        "12. Altschul SF, Gish W, Miller W, Myers EW, Lipman DJ. Basic local alignment search "
        "tool. J Mol Biol. 1990;215(3):403-10.",
        {
            "year": "1990",
            "title": "Basic local alignment search tool",
            "venue": "J Mol Biol",
            "volume": "215",
            "issue": "3",
            "pages": "403-10",
        },
    ),
    (
        "nature",
        "4. Jumper, J. et al. Highly accurate protein structure prediction with AlphaFold. "
        "Nature 596, 583–589 (2021).",
        {
            "year": "2021",
            "title": "Highly accurate protein structure prediction with AlphaFold",
            "venue": "Nature",
            "volume": "596",
            "pages": "583-589",
        },
    ),
    (
        "bibtex-plain",
        "[7] Leslie Lamport. Time, clocks, and the ordering of events in a distributed "
        "system. Communications of the ACM, 21(7):558–565, 1978.",
        {
            "year": "1978",
            "title": "Time, clocks, and the ordering of events in a distributed system",
            "venue": "Communications of the ACM",
            "volume": "21",
            "issue": "7",
            "pages": "558-565",
        },
    ),
    (
        "bibtex-alpha",
        "[Lam78] Leslie Lamport. Time, clocks, and the ordering of events in a distributed "
        "system. Communications of the ACM, 21(7):558–565, 1978.",
        {"year": "1978", "volume": "21", "issue": "7", "pages": "558-565"},
    ),
]


@pytest.mark.parametrize(("style", "entry", "want"), STYLE_CASES, ids=[c[0] for c in STYLE_CASES])
def test_each_style_reads_into_fields(style: str, entry: str, want: dict[str, str]) -> None:
    fields = read_entry(entry)
    assert fields.style == style
    for name, value in want.items():
        assert getattr(fields, name) == value, name
    assert fields.authors


def test_every_style_named_has_a_case() -> None:
    assert {c[0] for c in STYLE_CASES} == set(STYLES)


def test_authors_in_order_with_given_names() -> None:
    assert read_entry(STYLE_CASES[0][1]).authors == (
        Name("Vaswani", "A."),
        Name("Shazeer", "N."),
        Name("Parmar", "N."),
        Name("Uszkoreit", "J."),
    )
    assert read_entry(STYLE_CASES[3][1]).authors == (Name("Mangen", "Anne"), Name("Kuiken", "Don"))
    assert read_entry(STYLE_CASES[8][1]).authors[:2] == (Name("Altschul", "SF"), Name("Gish", "W"))
    assert read_entry(STYLE_CASES[7][1]).authors[0] == Name("He", "K.")


@pytest.mark.parametrize(
    ("block", "want"),
    [
        ("van der Berg, A. B., & de Vries, C.", ["van der Berg", "de Vries"]),
        ("A. B. van der Berg and C. de Vries", ["van der Berg", "de Vries"]),
        ("al-Khwārizmī, M., & Ibn Sina, A.", ["al-Khwārizmī", "Ibn Sina"]),
        ("Müller, J., Ñúñez, P., & Øster, K.", ["Müller", "Ñúñez", "Øster"]),
        ("World Health Organization", ["World Health Organization"]),
        ("Smith JA, Jones B", ["Smith", "Jones"]),
        ("Wang X, Li Y, Zhang Z", ["Wang", "Li", "Zhang"]),
        ("王小明, 李华", ["王小明", "李华"]),
        ("LEE, C. H., VARSHNEY, A., AND JACOBS, D. W.", ["LEE", "VARSHNEY", "JACOBS"]),
        ("Paul E. Bierly III and Luiz M. Gadelha Jr.", ["Bierly", "Gadelha"]),
    ],
)
def test_hard_names(block: str, want: list[str]) -> None:
    assert [n.surname for n in split_names(block)[0]] == want


def test_et_al_ends_the_list_and_is_reported() -> None:
    names, et_al = split_names("Jumper, J., Evans, R., et al.")
    assert [n.surname for n in names] == ["Jumper", "Evans"]
    assert et_al
    fields = read_entry(
        "Jumper J, Evans R, Pritzel A, et al. Highly accurate protein "
        "structure prediction with AlphaFold. Nature. 2021;596:583-9."
    )
    assert fields.et_al and [n.surname for n in fields.authors] == ["Jumper", "Evans", "Pritzel"]
    assert fields.title == "Highly accurate protein structure prediction with AlphaFold"


def test_initials_without_dots_and_group_authors_in_entries() -> None:
    assert surnames("Ortiz B, Chen CD, Lee D. Title of the work. BMJ. 2020;369:m1.") == [
        "Ortiz",
        "Chen",
        "Lee",
    ]
    fields = read_entry(
        "World Health Organization. (2020). Coronavirus disease (COVID-19) pandemic. "
        "https://www.who.int/emergencies/diseases/novel-coronavirus-2019"
    )
    assert fields.authors == (Name("World Health Organization"),)
    assert fields.year == "2020"
    assert fields.url == "https://www.who.int/emergencies/diseases/novel-coronavirus-2019"


@pytest.mark.parametrize(
    ("entry", "year"),
    [
        ("Lind, A. (2011a). Dredging costs. Ports Journal, 4, 1-9.", "2011a"),
        ("Lind, A. (2011b). Dredging benefits. Ports Journal, 4, 10-19.", "2011b"),
        ("Ross, B. (in press). A forthcoming paper. Journal of Things.", "in press"),
        ("Moe, C. (n.d.). An undated page. Retrieved from https://example.org/page", "n.d."),
        ("Moe, C. (2019, March 4). A dated post. The Blog.", "2019"),
        ("Lind, Anna. 2020b. A later book. London: Routledge.", "2020b"),
    ],
)
def test_years_with_letters_and_words(entry: str, year: str) -> None:
    assert read_entry(entry).year == year


def test_identifiers() -> None:
    fields = read_entry(
        "Devlin, J., Chang, M.-W., Lee, K., & Toutanova, K. (2019). BERT: Pre-training of "
        "deep bidirectional transformers for language understanding. arXiv:1810.04805v2. "
        "https://doi.org/10.18653/v1/N19-1423"
    )
    assert fields.arxiv == "1810.04805v2"
    assert fields.doi == "10.18653/v1/N19-1423"
    assert fields.url is None  # a DOI address is the DOI, not a page of its own
    assert fields.title == (
        "BERT: Pre-training of deep bidirectional transformers for language understanding"
    )
    assert read_entry("Witten, E. String theory dynamics. arXiv:hep-th/9503124.").arxiv == (
        "hep-th/9503124"
    )
    assert read_entry("A. Author. Title. https://arxiv.org/abs/2101.00001").arxiv == "2101.00001"
    med = read_entry(
        "Smith J. A trial. Lancet. 2020;395(10223):497-506. PMID: 31986264; PMCID: PMC7159299."
    )
    assert (med.pmid, med.pmcid) == ("31986264", "PMC7159299")
    assert med.volume == "395" and med.issue == "10223" and med.pages == "497-506"
    book = read_entry(
        "Knuth, D. E. (1997). The art of computer programming. Addison-Wesley. "
        "ISBN 978-0-201-89683-1"
    )
    assert book.isbn == "9780201896831"
    assert book.venue == "Addison-Wesley"


@pytest.mark.parametrize(
    ("entry", "title", "venue"),
    [
        # titles OpenAlex records (openalexPro's cassettes), listed with nothing after them
        ("McClurg, A. (1992). Motif, the basics.", "Motif, the basics", None),
        (
            "Kelly, A. (2009). Biodiversity conservation, local government finance and "
            "differential rates.",
            "Biodiversity conservation, local government finance and differential rates",
            None,
        ),
        # a title with no full stop still ends at the comma before a venue
        (
            "Name, A. (2001). Title of it, Journal of Things, 12(3), 45-67",
            "Title of it",
            "Journal of Things",
        ),
        ("Name, A. (2001). Title of it, in press 2002", "Title of it", None),
    ],
)
def test_a_comma_ends_a_title_only_before_a_venue(entry: str, title: str, venue: str) -> None:
    fields = read_entry(entry)
    assert fields.title == title
    if venue:
        assert fields.venue == venue


def test_pdf_to_text_forms() -> None:
    fields = read_entry(
        "[12] O. Ambacher, B. Foutz, J. Smart, and M. Mur- phy, “Two-dimensional electron "
        "gases induced by spontaneous and piezoelectric polarization,” J. Appl. Phys., vol. "
        "87, pp. 334–344, 2000. doi :10 .1063/1.371866"
    )
    assert [n.surname for n in fields.authors] == ["Ambacher", "Foutz", "Smart", "Murphy"]
    assert fields.doi == "10.1063/1.371866"
    assert (fields.volume, fields.pages, fields.year) == ("87", "334-344", "2000")
    assert read_entry(
        "A. B. Name, Title of it, Phys. Rev. 1 (2001) 1. arXiv: 0905 . 4417"
    ).arxiv == ("0905.4417")
    assert read_entry("Name, A. (2000). Title. http ://cern.ch/garfield").url == (
        "http://cern.ch/garfield"
    )


def test_no_entry_shape_gives_empty_fields_not_an_error() -> None:
    for text in ("", "   ", "—", "(2020)", "“”", "10.1000/", "[1]", "et al."):
        fields = read_entry(text)
        assert fields.title is None or isinstance(fields.title, str)


def test_parse_json_shows_the_fields(tmp_path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(
        "# Paper\n\nHybrid work keeps staff [1].\n\n## References\n\n"
        "1. Bloom, N., Han, R., & Liang, J. (2024). How hybrid working from home works out. "
        "Nature, 630(8018), 920–925. https://doi.org/10.1038/s41586-024-07500-2\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["parse", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    fields = json.loads(result.stdout)["references"][0]["fields"]
    assert fields["style"] == "apa"
    assert fields["authors"][0] == {"surname": "Bloom", "given": "N."}
    assert [a["surname"] for a in fields["authors"]] == ["Bloom", "Han", "Liang"]
    assert fields["year"] == "2024"
    assert fields["title"] == "How hybrid working from home works out"
    assert (fields["venue"], fields["volume"], fields["issue"], fields["pages"]) == (
        "Nature",
        "630",
        "8018",
        "920-925",
    )
    assert fields["doi"] == "10.1038/s41586-024-07500-2"
    assert fields["arxiv"] is None and fields["et_al"] is False


@pytest.mark.parametrize(
    "unit", ["A. ", "Smith, J., ", "“a ", "http://…", "(1999 ", "Ab Cd, Ef G. ", "« ", "10.1/ "]
)
def test_long_runs_are_read_not_backtracked(unit: str) -> None:
    # Runs that made patterns backtrack exponentially ("A. " * 30 took minutes) or scan
    # quadratically; an entry is read to its first 1,500 characters.
    fields = read_entry(unit * 3000)
    assert fields.title is None or len(fields.title) <= 1500
