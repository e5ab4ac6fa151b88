"""Citation marker styles read in every format: a wiki's note groups and bundled
references, answer-engine citation links, markers in table cells, and brackets of code
(array sizes) that are not citations; each kind on a small document built here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from citecheck.api import analyse, check_text
from citecheck.model import Document

KINDS = Path(__file__).parents[1] / "fixtures" / "kinds"


def parsed(text: str, path: str) -> Document:
    doc, _ = analyse(text, path=path)
    return doc


def rules(text: str, path: str) -> list[str]:
    return [f"{f.line}:{f.column} {f.rule}" for f in check_text(text, path=path).findings]


def keys(text: str, path: str) -> list[tuple[str, ...]]:
    return [m.keys for m in parsed(text, path).markers]


# A wiki's note groups and bundled references (HTML as Wikipedia and readability write it)

WIKI = """<html><body>
<p>New Zealand has three official languages, English the most widely spoken.<sup
id="cite_ref-2"><a href="#cite_note-2">[n 1]</a></sup> Its population passed five
million in 2020.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup></p>
<p>The company partnered with a direct air capture firm for carbon storage.<sup
id="cite_ref-MC_3-0" class="reference"><a href="#cite_note-MC-3">[list 1]</a></sup></p>
<p>Ethnicity figures add to more than the whole population.<sup id="cite_ref-4"><a
href="#cite_note-eth-4">[lower-alpha 1]</a></sup></p>
<h2>Notes</h2>
<ol>
<li id="cite_note-2"><span><b><a href="#cite_ref-2">^</a></b></span> <span>English is
a de facto official language due to its widespread use.</span></li>
<li id="cite_note-eth-4"><span><b><a href="#cite_ref-4">^</a></b></span> <span>People
could choose more than one ethnic group in the census.</span></li>
</ol>
<h2>References</h2>
<ol class="references">
<li id="cite_note-1"><a href="#cite_ref-1">^</a> <cite>"Population passes five
million". Stats NZ. 2020.</cite></li>
<li id="cite_note-5"><a href="#cite_ref-5">^</a> <cite>"Climeworks deal". Reuters.
2022.</cite></li>
<li id="cite_note-6"><a href="#cite_ref-6">^</a> <cite>"Carbfix storage". BBC News.
2022.</cite></li>
</ol>
<dl><dt>Bundled references</dt></dl>
<ol class="references">
<li id="cite_note-MC-3"><span class="mw-cite-backlink"><b><a
href="#cite_ref-MC_3-0">^</a></b></span> <span class="reference-text"><sup
id="cite_ref-5" class="reference"><a href="#cite_note-5">[2]</a></sup><sup id="cite_ref-6"
class="reference"><a href="#cite_note-6">[3]</a></sup></span></li>
</ol>
</body></html>
"""


def test_wiki_note_groups_cite_their_notes() -> None:
    assert keys(WIKI, "page.html") == [("^n 1",), ("1",), ("2", "3"), ("^lower-alpha 1",)]


def test_bundled_reference_cites_what_it_bundles_and_is_no_entry() -> None:
    found = rules(WIKI, "page.html")
    assert not [r for r in found if "not-a-reference" in r or "uncited-reference" in r]
    assert not [r for r in found if "dangling" in r]


def test_note_group_marker_of_a_missing_note_dangles() -> None:
    page = WIKI.replace('<li id="cite_note-eth-4">', '<li id="cite_note-other">')
    assert ("lower-alpha 1",) in keys(page, "page.html")  # read as the page shows it
    assert "7:60 dangling-citation" in rules(page, "page.html")


def test_primary_source_marker_is_not_reference_one() -> None:
    text = (KINDS / "note-groups" / "primary-sources.txt").read_text("utf-8")
    doc = parsed(text, "a.txt")
    assert [m.keys for m in doc.markers][:2] == [("‡ 1",), ("‡ 2",)]
    found = rules(text, "a.txt")
    assert "15:1 uncited-reference" in found  # [1] is cited by no [‡ 1]
    assert "3:81 dangling-citation" in found


def test_note_group_markers_in_markdown_and_text() -> None:
    md = (KINDS / "note-groups" / "note-groups.md").read_text("utf-8")
    assert ("n 1",) in keys(md, "a.md") and ("lower-alpha 1",) in keys(md, "a.md")
    text = "The anthem is sung only on regal occasions [note 1].\n\nNotes\n\n[note 1] A note.\n"
    assert ("note 1",) in keys(text, "a.txt")


# Answer-engine citation links


PILLS = """<html><body><main>
<p>CADR measures how much filtered air the purifier delivers to a room. A higher CADR means
faster removal of dust and pollen.<span data-testid="webpage-citation-pill"><a
href="https://www.epa.gov/iaq/guide-air-cleaners?utm_source=chatgpt.com" target="_blank"
rel="noopener"><span><span><img></span><span>US EPA</span></span><span>+1</span></a></span></p>
<p>A true HEPA filter captures at least 99.97% of particles of 0.3 microns in size.<span
data-testid="webpage-citation-pill"><a href="https://www.epa.gov/iaq/what-hepa-filter?utm_source=chatgpt.com"
>US EPA</a></span></p>
<p>Ozone generators make indoor air quality worse for everyone in the room.</p>
<p>The guide also covers portable units for single rooms in detail.<span
data-testid="webpage-citation-pill"><a href="https://www.epa.gov/iaq/guide-air-cleaners?utm_source=chatgpt.com"
>US EPA</a></span></p>
</main></body></html>
"""


def test_chatgpt_pills_cite_the_distinct_linked_sources() -> None:
    doc = parsed(PILLS, "chat.html")
    assert [m.keys for m in doc.markers] == [("1",), ("2",), ("1",)]
    assert [r.url for r in doc.references] == [
        "https://www.epa.gov/iaq/guide-air-cleaners",
        "https://www.epa.gov/iaq/what-hepa-filter",
    ]
    # The export cites sources, so its uncited claim is found.
    assert rules(PILLS, "chat.html") == ["9:4 uncited-claim"]


def test_chatgpt_links_in_markdown_cite_their_sources() -> None:
    text = (KINDS / "engine-citation-links" / "pills.md").read_text("utf-8")
    assert keys(text, "a.md") == [("1",), ("2",), ("3",), ("1",)]
    plain = (KINDS / "engine-citation-links" / "plain-links.md").read_text("utf-8")
    assert keys(plain, "a.md") == []  # ordinary links do not cite
    listed = (KINDS / "engine-citation-links" / "pills-listed.md").read_text("utf-8")
    assert keys(listed, "a.md") == [("1",), ("2",)]  # the listed source with that URL


def test_chatgpt_links_in_plain_text_are_not_guessed() -> None:
    text = "Filters need changing (https://www.epa.gov/iaq?utm_source=chatgpt.com) often.\n"
    assert keys(text, "a.txt") == []


# Markers in table cells


def test_markers_in_table_cells_are_shown_where_they_stand() -> None:
    path = KINDS / "table-markers" / "table-cells.md"
    out = subprocess.run(
        [sys.executable, "-m", "citecheck", "parse", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    shown = [
        (s["line"], m["raw"], s["claim"])
        for s in json.loads(out.stdout)["sentences"]
        for m in s["markers"]
    ]
    assert shown == [(3, "[4]", True), (7, "[1]", False), (8, "[2,3]", False), (9, "[5]", False)]


def test_markers_in_html_table_cells() -> None:
    page = (
        "<p>Corn yields rose sharply in the south over the last decade [3].</p>"
        "<table><tr><th>Crop</th><th>Source</th></tr><tr><td>Corn</td><td>[1]</td></tr>"
        "<tr><td>Soy</td><td>[2, 3]</td></tr></table>"
        "<h2>References</h2><ol><li>Smith, J. (2020). Corn yields. Crops.</li>"
        "<li>Lee, K. (2019). Soybean yields. Agronomy.</li><li>Ng, P. (2018). Soy. Field.</li></ol>"
    )
    assert keys(page, "t.html") == [("3",), ("1",), ("2", "3")]
    assert rules(page, "t.html") == []


# Brackets of code are not citations


def test_array_sizes_of_a_presentation_language_are_not_citations() -> None:
    text = (KINDS / "code-indexes" / "presentation-language.txt").read_text("utf-8")
    assert keys(text, "rfc.txt") == [("RFC2246",), ("TLS1.1",), ("RFC4086",), ("46",)]


def test_array_sizes_in_markdown_and_html_prose() -> None:
    md = (
        "# Random\n\nThe field is declared as `opaque random[46];` in the spec, and as\n"
        "uint8 client_random[32]; in the older draft [1].\n\n## References\n\n"
        "1. Dierks, T. (2008). The TLS Protocol Version 1.2. RFC 5246.\n"
    )
    assert keys(md, "a.md") == [("1",)]
    page = "<p>uint8 CipherSuite[2]; selects the suite, as the draft says [1].</p>" + (
        "<h2>References</h2><ol><li>Dierks, T. (2008). The TLS Protocol. RFC 5246.</li></ol>"
    )
    assert keys(page, "a.html") == [("1",)]


def test_a_citation_glued_to_a_word_is_still_one() -> None:
    text = (
        "Infection rates fell by a third over the year[1]. Staff reported shortages[2], "
        "and the audit[1][2] agreed.\n\nReferences\n\n[1] Ward audit, 2023.\n"
        "[2] Staff survey, 2024.\n"
    )
    assert keys(text, "a.txt") == [("1",), ("2",), ("1",), ("2",)]


# Annotated labels


def test_label_with_an_annotation_inside_its_brackets() -> None:
    text = (KINDS / "annotated-labels" / "annotated.txt").read_text("utf-8")
    assert keys(text, "a.txt") == [("RFC2616",), ("RFC6819",)]
    assert rules(text, "a.txt") == []


def test_shape_label_glued_to_cjk_text_is_a_citation() -> None:
    text = "授权服务器必须验证客户端的身份参见[OAUTH-SEC]的安全考虑和威胁模型的说明。\n"
    assert keys(text, "a.txt") == [("OAUTH-SEC",)]
    assert keys("The value remain[S]ed unchanged in every case we saw.\n", "a.txt") == []


# Citation keys of Pandoc and LaTeX


def test_pandoc_keys_cite_the_entries_they_name() -> None:
    text = (KINDS / "citation-keys" / "pandoc.md").read_text("utf-8")
    doc = parsed(text, "a.md")
    assert [(m.raw, m.keys) for m in doc.markers] == [
        ("@vaswani2017", ("1",)),
        ("@kaplan2020", ("@kaplan2020",)),
        ("@brown2020", ("2",)),
        ("devlin2019", ("3",)),
        ("@fedus2021attention", ("4",)),
    ]
    # The in-text key is a word of its sentence, not the end of the one before.
    assert [s.text[:10] for s in doc.sentences if s.markers][1] == "@brown2020"
    assert [f.rule for f in check_text(text, path="a.md").findings if f.severity == "error"] == [
        "dangling-citation"
    ]


def test_pandoc_keys_without_a_matching_list_are_left_alone() -> None:
    text = (KINDS / "citation-keys" / "unmatched.md").read_text("utf-8")
    assert keys(text, "a.md") == []
    assert "citation-needed" not in rules(text, "a.md")
    assert "malformed-citation" not in rules(text, "a.md")


# Callouts in Word: a citation manager's fields with free text, and no reference list


def _docx(tmp_path: Path, paragraphs: list[str], refs: list[str]) -> Path:
    import docx

    d = docx.Document()
    d.add_heading("Makers", 1)
    for text in paragraphs:
        d.add_paragraph(text)
    if refs:
        d.add_heading("References", 1)
        for text in refs:
            d.add_paragraph(text)
    path = tmp_path / "paper.docx"
    d.save(str(path))
    return path


REFS = [
    "Hadwen-Bennett, A., Sentance, S., & Morrison, C. (2018). Making programming accessible "
    "to learners with visual impairments. ACM Transactions on Computing Education.",
    "Seo, J. (2019). Is the maker movement inclusive of anyone? TechTrends, 63, 514–520.",
]


def test_field_results_with_prefix_and_suffix_in_word(tmp_path: Path) -> None:
    from citecheck.api import check_file

    path = _docx(
        tmp_path,
        [
            "Blind learners face barriers in programming classes "
            "(prefix Hadwen-Bennett et al., 2018, p. 123 suffix).",
            "Shared workshops exclude blind makers in three ways (see Seo, 2019, for a review).",
        ],
        REFS,
    )
    report = check_file(str(path))
    assert [f.rule for f in report.findings if f.severity != "info"] == []
    assert report.stats.cited_references == 2


def test_callouts_in_word_with_no_reference_list(tmp_path: Path) -> None:
    from citecheck.api import check_file

    path = _docx(
        tmp_path,
        [
            "Language agents plan with tools and memory in open environments "
            "(Yao et al., 2022; Xi et al., 2023; Wang et al., 2023b).",
            "The weather in March 2020 was mild for most of the region (Table 2020).",
        ],
        [],
    )
    report = check_file(str(path))
    found = [f.rule for f in report.findings]
    # One finding for the missing list; claims wait for it (uncited-claim is quiet).
    assert found == ["missing-reference-section"]
    assert report.stats.markers == 3  # "(Table 2020)" is no callout


def test_callouts_with_no_list_in_markdown_and_text() -> None:
    text = (KINDS / "framed-callouts" / "no-list.txt").read_text("utf-8")
    assert keys(text, "a.txt") == [
        ("Yao et al., 2022",),
        ("Xi et al., 2023",),
        ("Wang et al., 2023b",),
        ("Shinn et al., 2023",),
    ]
    # Prose in brackets is no callout, list or not.
    assert keys("The storm hit in (March 2020) and again (Smith 2020).\n", "a.md") == []


def test_raw_bibtex_keys_in_brackets() -> None:
    text = (KINDS / "citation-keys" / "raw-keys.md").read_text("utf-8")
    assert keys(text, "a.md") == [
        ("olah2017feature",),
        ("2019ApJ...887..251W",),
        ("Doorenbos+2024",),
        ("superposition",),
    ]
    assert rules(text, "a.md") == ["3:88 missing-reference-section", "5:1 uncited-claim"]
    listed = (KINDS / "citation-keys" / "raw-keys-listed.md").read_text("utf-8")
    assert keys(listed, "a.md") == [("1",), ("makhzani2014ksparse",), ("2",)]


def test_forbidden_lines_and_cross_references_are_not_keys() -> None:
    text = "The lines [O III], [N2] and [S II] trace the gas, see [fig:bpt] and [sec:data].\n"
    for path in ("a.txt", "a.md"):
        assert keys(text, path) == []


def test_chatgpt_pills_are_read_by_their_markup_too() -> None:
    page = PILLS.replace("?utm_source=chatgpt.com", "")
    assert [m.keys for m in parsed(page, "chat.html").markers] == [("1",), ("2",), ("1",)]
    plain = page.replace('data-testid="webpage-citation-pill"', 'class="link"')
    assert [m.keys for m in parsed(plain, "chat.html").markers] == []  # ordinary links


def _chip(site: str, page: str) -> str:
    """A citation chip as a deep-research report's saved page writes it."""
    return (
        '<span class="ms-1 inline-flex max-w-full items-center"><a href="https://'
        f'{site}/{page}#:~:text=quays" target="_blank" rel="noopener" class="flex rounded-xl">'
        f'<span class="truncate">{site}</span></a></span>'
    )


CHIPS = f"""<html><body><main>
<p>The port authority has built three new quays since 2015. It claims that more cargo passes
through the harbour than in any decade before{_chip("portnews.example", "quays")}.</p>
<p>Critics call the plan “a harbour for nobody”{_chip("harbourwatch.example", "empty")}. The
authority answered that a fourth quay is planned for 2027.</p>
<p>Ferries to the islands run twice a day in summer.</p>
<p>The old lighthouse was rebuilt in 1990. {_chip("lights.example", "rebuilt")}</p>
</main></body></html>
"""


def test_site_chips_of_a_saved_report_cite_the_sentences_before_them() -> None:
    doc = parsed(CHIPS, "report.html")
    assert [m.keys for m in doc.markers] == [("1",), ("2",), ("3",)]
    assert doc.references[0].url.startswith("https://portnews.example/quays#:~:text=")
    # A chip covers its paragraph's sentences before it, as a marker does.
    assert rules(CHIPS, "report.html") == ["4:280 uncited-claim", "6:4 uncited-claim"]
    plain = CHIPS.replace("#:~:text=quays", "")  # a site's name linked to its page
    assert parsed(plain, "report.html").markers == []
    md = (KINDS / "engine-citation-links" / "chips.md").read_text("utf-8")
    assert keys(md, "a.md") == [("1",), ("2",)]


def test_numbers_in_a_sources_column_cite_the_numbered_list() -> None:
    text = (KINDS / "table-sources" / "report-md.md").read_text("utf-8")
    cells = [m.keys for m in parsed(text, "a.md").markers if m.start > text.index("| Route")]
    assert cells == [("1",), ("1", "3")]  # 7 is no entry of the list: not read
    ranked = text.replace("Source(s)", "Rank")  # numbers in any other column are data
    assert [m for m in parsed(ranked, "a.md").markers if m.start > text.index("| Route")] == []


# Perplexity's ``[web: n]`` (and ``[file: n]``, ``[image: n]``): the source's kind, then its
# number in the closing list; glued to the word before and in pairs, as the engine writes them.

WEB = """The harbour authority began dredging the main channel in March[web: 1][web: 3].
Shipping lines have already added larger vessels to the route[file: 2][image: 3].

Sources

1. Port Weekly: Dredging starts in the main channel, 2024.
2. City Desk: Two-year plan for the harbour, 2024.
3. Ships Today: Larger vessels on the harbour route, 2024.
"""


def test_web_markers_cite_their_entries_in_text_and_markdown() -> None:
    for path in ("answer.txt", "answer.md"):
        assert keys(WEB, path) == [("1",), ("3",), ("2",), ("3",)], path
        assert rules(WEB, path) == [], path


def test_web_marker_without_an_entry_dangles() -> None:
    text = WEB.replace("[web: 3].", "[web: 7].")
    assert rules(text, "answer.md") == ["1:71 dangling-citation"]


def test_named_indexes_stay_unread() -> None:
    # A chain of brackets after a word holding a name is still an index, not a citation.
    text = "The loop reads row[web][0] and then table[i][2] for each source.\n"
    assert keys(text, "notes.md") == []
