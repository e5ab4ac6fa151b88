"""Author-year callouts as PDF, XML and editor conversions leave them, and in other languages.

A callout wraps over line ends (``(Mnih\\net al., 2015)``), its surname hyphenated over one
(``(Kirk-\\nley et al., 2018)``); ``et al.`` is spelt ``et. al.`` or in the text's language
(``u. a.``, ``y col.``, ``et coll.``); ABNT writes surnames in capitals and separates the
authors of one work by ``;``; an organisation is cited by its initials. A callout whose
entry is in the list's text but could not be split from it is neither dangling nor
malformed. None of it reads years in prose, ``(2020)`` alone or a figure label.
"""

from __future__ import annotations

import pytest

from citecheck.api import analyse, check_text
from citecheck.model import BlockKind, MarkerKind, Reference
from citecheck.parser.authoryear import UNREAD_ENTRY, AuthorYearIndex
from citecheck.parser.calloutforms import unbroken
from citecheck.parser.entrymatch import short_names

ENTRIES = """References

Casas, N. (2017). Deep deterministic policy gradient for urban traffic light control. arXiv.
Dupont, P., Martin, L., & Bernard, C. (2014). Régulation du trafic. Revue du Transport, 3, 5-9.
García, J., López, M., & Pérez, A. (2015). Control de tráfico. Revista de Ingeniería, 4, 10-19.
Kirkley, A., Barbosa, H., & Ghoshal, G. (2018). Street networks. Nature Communications, 9, 2501.
Mnih, V., Kavukcuoglu, K., & Silver, D. (2015). Human-level control. Nature, 518, 529-533.
Müller, T., Schmidt, H., & Weber, K. (2016). Verkehrssteuerung. Zeitschrift für Verkehr, 2, 7-8.
van der Pol, E., & Oliehoek, F. A. (2016). Coordinated learners. NIPS Workshop.
World Health Organization. (2020). Global status report on road safety. WHO.
"""


def _cited(body: str, fmt: str = "text") -> dict[str, tuple[str, ...]]:
    """Each author-year marker's text (blanks collapsed) and the keys it cites."""
    lead = "Signal control has been studied for decades, by many means and with many results"
    doc, _ = analyse(f"Introduction\n\n{lead}\n{body}\n\n{ENTRIES}", fmt=fmt)
    return {
        " ".join(m.raw.split()): m.keys for m in doc.markers if m.kind is MarkerKind.AUTHOR_YEAR
    }


@pytest.mark.parametrize(
    ("body", "raw", "key"),
    [
        ("Policies were learnt end to end (Mnih\net al., 2015).", "Mnih et al., 2015", "5"),
        (
            "Learners that share rewards coordinate a district (van der\nPol & Oliehoek, 2016).",
            "van der Pol & Oliehoek, 2016",
            "7",
        ),
        ("Junctions were ranked (Kirk-\nley et al., 2018).", "Kirk- ley et al., 2018", "4"),
        ("Junctions were ranked (Kirkley et al.,\n12\n2018).", "Kirkley et al., 12 2018", "4"),
        ("Gradients were used (Casas et. al., 2017).", "Casas et. al., 2017", "1"),
        ("Gradients were used (Casas etal.,2017).", "Casas etal.,2017", "1"),
        ("Die Steuerung wirkt (Müller u. a., 2016).", "Müller u. a., 2016", "6"),
        ("El control funciona (García y col., 2015).", "García y col., 2015", "3"),
        ("La régulation marche (Dupont et coll., 2014).", "Dupont et coll., 2014", "2"),
        ("Roads kill many people (WHO, 2020).", "WHO, 2020", "8"),
        (
            "Die Steuerung wirkt: Müller und Schmidt (2016) zeigen es.",
            "Müller und Schmidt (2016)",
            "6",
        ),
    ],
)
def test_callouts_are_read_as_conversions_and_languages_write_them(
    body: str, raw: str, key: str
) -> None:
    assert _cited(body) == {raw: (key,)}


def test_a_wrapped_group_in_hard_wrapped_markdown_cites_each_work() -> None:
    body = "Signals were learnt (Casas,\n2017; Mnih et al.,\n2015; Kirkley\net al., 2018)."
    assert sorted(k for keys in _cited(body, "markdown").values() for k in keys) == ["1", "4", "5"]


def test_a_blank_line_ends_a_parenthesis() -> None:
    body = "Signals were learnt (see the note\n\nCasas, 2017) today."
    assert _cited(body, "markdown") == {}


@pytest.mark.parametrize(
    "body",
    [
        "Traffic grew in 2015 and again in 2016 (2016).",
        "The junctions are drawn in (Figure\n2018) and (Table 3).",
        "The line from Paris et Lyon (2017) was closed.",
    ],
)
def test_years_in_prose_and_labels_are_not_callouts(body: str) -> None:
    assert _cited(body) == {}


def test_abnt_callouts_in_capitals_name_one_work_of_several_authors() -> None:
    text = (
        "Os semáforos reduziram as colisões (SILVA; SANTOS, 2019), também nas capitais "
        "(SOUZA et al., 2018), e o custo caiu (PEREIRA; COSTA, 2017), como prevê a "
        "simulação (MCMC; Souza et al., 2018).\n\n"
        "Referências\n\n"
        "SILVA, J.; SANTOS, M. Controle de tráfego urbano. Revista de Transportes, v. 3, "
        "p. 1-10, 2019.\n\n"
        "SOUZA, A.; LIMA, B.; COSTA, C.; ROCHA, D. Semáforos inteligentes. Revista de "
        "Trânsito, v. 2, p. 5-9, 2018.\n"
    )
    report = check_text(text, fmt="markdown")
    assert [f.message for f in report.findings] == [
        "(PEREIRA; COSTA, 2017) has no entry in Referências"
    ]
    assert report.stats.cited_references == 2


def test_words_hyphenated_and_number_lines_are_read_through() -> None:
    assert unbroken("Kirk-\nley et al., 2018") == (
        "Kirkley et al., 2018",
        [*range(4), *range(6, 22)],
    )
    clean, where = unbroken("El-\nTantawy, 2014")
    assert clean == "El-Tantawy, 2014" and where is not None and where[3] == 4
    assert unbroken("Lee,\n37\n2020")[0] == "Lee,\n2020"
    assert unbroken("Lee, 2020") == ("Lee, 2020", None)


@pytest.mark.parametrize(
    ("entry", "names"),
    [
        ("World Health Organization. (2020). Global report.", ("who",)),
        ("Centers for Disease Control and Prevention (CDC). (2019). Injuries.", ("cdcp", "cdc")),
        ("WORLD HEALTH ORGANIZATION. Global report. Geneva, 2020.", ("who",)),
        ("Smith, J., & Lee, K. (2020). Signals.", ()),
        ("J. Smith and K. Lee. 2020. Signals.", ()),
        ("Organización Internacional del Trabajo. (2025). Encuesta.", ("oit",)),
        (
            "Instituto Nacional de Estadística y Geografía (INEGI). (2021). Censo.",
            ("ineg", "inegi"),
        ),
        ("Bundesamt für Strahlenschutz. (2019). Bericht.", ("bs",)),
        ("Silva, J. de, & Lee, K. (2020). Signals.", ()),
    ],
)
def test_an_organisation_is_also_named_by_its_short_names(
    entry: str, names: tuple[str, ...]
) -> None:
    assert short_names(entry) == names


def _index(listing: str) -> AuthorYearIndex:
    entry = "Casas, N. (2017). Deep deterministic policy gradient. arXiv."
    index = AuthorYearIndex.of([Reference("1", 0, len(entry), entry, BlockKind.ITEM)])
    index.listing = listing
    return index


def test_a_callout_of_an_entry_the_list_holds_unread_is_no_dangling_one() -> None:
    listing = (
        "References\nCasas, N. (2017). Deep deterministic policy gradient. arXiv.\n"
        "Kirkley, A., Barbosa, H., & Ghoshal, G.\n(2018). Street networks. Nature, 9.\n"
        "X u ,M . ,W u ,J . (2018). Cascading failures. Physica A, 1.\n"
    )
    index = _index(listing)
    assert index.unread("Kirkley", "2018") and index.unread("Xu", "2018")
    assert not index.unread("Kirkley", "2017") and not index.unread("Nobody", "2018")
    text = (
        "Ranked (Kirkley et al., 2018), failing (Xu et al., 2018), counted (Nobody et al., 2018)."
    )
    markers = index.scan(text, 0, len(text))
    assert [(m.raw, m.keys, m.problem) for m in markers] == [
        ("Kirkley et al., 2018", (), UNREAD_ENTRY),
        ("Xu et al., 2018", (), UNREAD_ENTRY),
        ("Nobody et al., 2018", ("Nobody et al., 2018",), None),
    ]


def test_unread_entries_are_reported_neither_dangling_nor_malformed() -> None:
    # Two entries on one line, as a PDF's columns leave them: they read as one entry.
    text = (
        "Signals were learnt (Casas, 2017), junctions ranked (Kirkley et al., 2018), "
        "and surveys counted nothing (Nobody et al., 2012).\n\n"
        "References\n\n"
        "Casas, N. (2017). Deep deterministic policy gradient. arXiv. Kirkley, A., Barbosa, "
        "H., & Ghoshal, G. (2018). Street networks. Nature, 9.\n"
    )
    report = check_text(text, fmt="text")
    assert [(f.rule, f.message) for f in report.findings] == [
        ("dangling-citation", "(Nobody et al., 2012) has no entry in References")
    ]


def test_a_running_head_of_names_and_year_is_no_dangling_callout() -> None:
    text = (
        "Pairs are chosen by distance (Casas, 2017), as the survey of the field explains.\n\n"
        "Tadi and Witzany Financial Innovation (2025) 11:166 Page 3 of 38\n\n"
        "Jianping Wu, Ling Huang, Tian Wang & Dongmei Hu (2019): Signal control\n\n"
        "References\n\n"
        "Casas, N. (2017). Deep deterministic policy gradient. arXiv.\n"
    )
    assert [f.rule for f in check_text(text, fmt="text").findings] == []


def test_a_bare_callout_of_an_unread_entry_is_a_citation() -> None:
    listing = "References\nCasas, N. (2017). Deep deterministic policy gradient. arXiv.\n"
    index = _index(listing + "George Chen, Ann Lee (2019) Pairs. Quant Finance 1:1-2\n")
    text = "A method was used by Chen (2019), and by March (2019) it was known."
    assert [(m.raw, m.problem) for m in index.scan(text, 0, len(text))] == [
        ("Chen (2019)", UNREAD_ENTRY)
    ]


def test_entries_whose_names_a_conversion_garbled_are_found_by_their_opening() -> None:
    # GROBID's TEI turned into text: initials glued to the surname, a particle before it.
    text = (
        "Quality is assessed for bias (Higgins and Green, 2008), transparency is debated "
        "(Burton-Jones et al., 2021), and one guide is cited wrongly (Van and Salomon, 1997)."
        "\n\nReferences\n\n"
        "Higgins Jpt, Green S (2008) Cochrane Handbook for Systematic Reviews of Interventions.\n"
        "Boh Burton-Jones A, Oborn W F, E (2021) Editor's Comments: research transparency.\n"
        "Van der Laan, E., Salomon, M., 1997. Production planning and remanufacturing.\n"
    )
    report = check_text(text, fmt="text")
    assert [(f.rule, f.message.split(";")[0]) for f in report.findings] == [
        ("dangling-citation", "(Van and Salomon, 1997) has no entry in References")
    ]
