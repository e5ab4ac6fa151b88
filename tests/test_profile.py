"""The profile setting: what auto detects, what a paper or a spec needs cited, where it shows."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import pytest
from test_rule_docs import _FENCE, sections
from typer.testing import CliRunner

from citecheck import check_text
from citecheck.api import analyse, check_file
from citecheck.checker import uncited_claim
from citecheck.cli.app import app
from citecheck.cli.formats.json import schema
from citecheck.config.discovery import Loader
from citecheck.config.settings import Settings
from citecheck.model import BlockKind
from citecheck.model.errors import ConfigError
from citecheck.parser import parse
from citecheck.parser.citeworthy import citation_worthy
from citecheck.parser.claimgate import checkable, framing
from citecheck.parser.profile import detect, paper_sections, resolve

ROOT = Path(__file__).parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus"
MISSION = "fixtures/000_75297bddb94e8c7d.txt"
PAPER = ROOT / "fixtures" / "kinds" / "profile-paper" / "paper.md"
SPEC = ROOT / "fixtures" / "kinds" / "profile-spec" / "rfc.txt"


def profile_of(text: str, fmt: str = "markdown") -> str:
    return detect(parse(text, fmt))


RFC_HEAD = """\
Network Working Group                                          A. Writer
Request for Comments: 9999                                  Example Corp
Category: Standards Track                                     March 2027

Abstract

   This document defines a format.
"""

DRAFT_HEAD = """\
Internet-Draft                                                 A. Writer
Intended status: Informational                              Example Corp
Expires: 8 September 2027                                     March 2027
"""

BCP14 = """
   The key words "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT",
   "SHOULD", "SHOULD NOT", "RECOMMENDED", "MAY", and "OPTIONAL" in this
   document are to be interpreted as described in BCP 14.
"""


@pytest.mark.parametrize(
    ("text", "fmt", "profile"),
    [
        (RFC_HEAD, "text", "spec"),
        (DRAFT_HEAD, "text", "spec"),
        (
            "Internet-Draft        Drift reports\n\nA device reports drift.\n" + BCP14,
            "text",
            "spec",
        ),
        ("Internet-Draft        Drift reports\n\nA device reports drift.\n", "text", "article"),
        # An early RFC: its "RFC:  791" line and the pages' footers, or an "Updated by:" line.
        ("RFC:  791\n\n   INTERNET PROTOCOL\n\n" + "Text.\n\n      [Page 1]\n" * 2, "text", "spec"),
        ("Updated by: 1349, 2474\nRFC:  791\n\n   INTERNET PROTOCOL\n", "text", "spec"),
        ("RFC:  791\n\n   INTERNET PROTOCOL\n\nText.\n", "text", "article"),
        ("RFC 791 defines the protocol.\n\nText.\n\n[Page 1]\n\n[Page 2]\n", "text", "article"),
        ("## ABSTRACT\n\nText.\n\n## 1 INTRODUCTION\n\nText.\n", "markdown", "paper"),
        ("**Abstract**\n\nText.\n\n# I. Introduction\n\nText.\n", "markdown", "paper"),
        ("Abstract—We present a parser.\n\nI. INTRODUCTION\n\nText.\n", "text", "paper"),
        (
            "# Introduction\n\nWe ask why.\n\n# Related Work\n\nWe read.\n\n# 3.1 Methods\n\n"
            "Our method.\n\n# Conclusions\n\nD.\n",
            "markdown",
            "paper",
        ),
        (
            "# Introduction\n\nA.\n\n# Background\n\nB.\n\n# Methodology\n\nC.\n\n"
            "# Findings\n\nD.\n\n# Conclusion\n\nE.\n",
            "markdown",
            "article",
        ),
        ("# Introduction\n\nThe council met on Monday.\n", "markdown", "article"),
        ("Background\n\nText.\n\nResults\n\nText.\n\nDiscussion\n\nText.\n", "text", "article"),
        ("The Abstract expressionists exhibited in 1950. [1]\n", "text", "article"),
        # A converter's bold label with no punctuation after it, and bare title lines.
        ("**Abstract** The toxin is made.\n\n**Introduction**\n\nText.\n", "markdown", "paper"),
        ("Title\n\n**Abstract** A toxin.\n\nResults\n\nThe toxin.\n", "markdown", "paper"),
        # An IEEE journal's run-in abstract as OCR keeps it, and a thesis's chapter headings.
        ("ABSTRACT This review maps parsers.\n\nIl. METHODS\n\nText.\n", "markdown", "paper"),
        ("The ABSTRACT exhibition opened.\n\nII. METHODS\n\nText.\n", "markdown", "article"),
        ("chapter 1 : abstract\n\nText.\n\nchapter 5 : conclusion\n\nText.\n", "text", "paper"),
        ("Chapter 2 - Introduction\n\nA.\n\nChapter 3 - Methodology\n\nB.\n", "text", "article"),
    ],
)
def test_auto_detects_the_kind_of_document(text, fmt, profile):
    assert profile_of(text, fmt) == profile


def test_paper_sections_read_numbered_and_compound_headings():
    doc = parse("## 6. Future Work &amp; Conclusion\n\n## 2 RELATED WORK\n\nText.\n", "markdown")
    assert paper_sections(doc) == {"conclusion", "background"}


def test_a_word_thesis_with_chapter_headings_reads_as_a_paper(tmp_path):
    """A dissertation in Word whose chapter titles are plain bold paragraphs
    ("chapter 1 : abstract"), with a declaration and a contents list, is a paper: its own
    project and its explanation need no citation, a sentence reporting others' findings does."""
    import docx

    document = docx.Document()
    document.add_paragraph("DISSERTATION DECLARATION")
    document.add_paragraph("The copyright for this dissertation remains with me.")
    for title, body in [
        ("chapter 1 : abstract", "This project builds a mesh network for small games."),
        ("chapter 2 : introduction", "A client-server game keeps the world on one server [1]."),
        ("chapter 3 : theory, design, & methodology", "Each peer keeps a table of peers."),
        (
            "chapter 4 : testing & evaluation",
            "Studies have shown that most players leave a game whose latency passes 150 ms.",
        ),
        ("chapter 5 : conclusion", "The network meets the aims of the project."),
    ]:
        document.add_paragraph().add_run(title).bold = True
        document.add_paragraph(body)
    document.add_paragraph().add_run("chapter 6 : references").bold = True
    document.add_paragraph('[1] G. Armitage, "Networked games," Proc. NetGames, pp. 1-8, 2003.')
    path = tmp_path / "dissertation.docx"
    document.save(str(path))
    report = check_file(str(path))
    assert report.profile == "paper"
    assert [f.code for f in report.findings] == ["CC001"]
    assert report.findings[0].text.startswith("Studies have shown")


def test_an_explicit_profile_wins_over_detection():
    doc = parse(RFC_HEAD, "text")
    assert resolve("auto", doc) == "spec"
    assert resolve("article", doc) == "article"
    with pytest.raises(ValueError, match="unknown profile"):
        resolve("novel", doc)


@pytest.mark.parametrize(
    "sentence",
    [
        "Studies show that most readers never open a cited source.",
        "Studies of deployed devices show that clocks drift by seconds a day.",
        "It has been reported that neural taggers are more accurate on clean text.",
        "It is well known that tables are hard to parse.",
        "According to Reuters, the talks failed.",
        "According to a recent survey, most tables carry no tags.",
        "Previous work relied on hand-written rules.",
        "Unlike prior work, we train on synthetic tables only.",
        "Jones et al. trained a detector on synthetic pages.",
        "Smith (2019) released the first public benchmark.",
        "The format was introduced by Klyne and Newman in 2002.",
        "ISO 8601 states that the T may be omitted.",
        "Transformers are the state-of-the-art for table recognition.",
        "Conditional random fields are the most widely used approach.",
        "An estimated 40% of the tables were reported as broken.",
        "Also, it is known that some servers refuse the connection.",
        "China is the largest producer of rice in the world.",
        "Earlier studies have shown that readers skip footnotes.",
        "Unlike previous methods, our parser needs no training data.",
    ],
)
def test_citation_worthy_in_a_paper(sentence):
    assert citation_worthy(sentence, "paper")


@pytest.mark.parametrize(
    "sentence",
    [
        "We propose a parser that reads reference lists in one pass.",
        "In this paper we describe our model and its evaluation.",
        "Our model achieves the best-performing score on both benchmarks.",
        "This document specifies a shorter form of the format.",
        "Table 2 lists the hyper-parameters of every experiment.",
        "All significant changes from RFC 2396 are noted in Appendix D.",
        "The decoder predicts one structure token per cell.",
        "The mAP drops to 70% when the class labels are merged.",
        "The columns are merged according to their overlap.",
        "Copyright (C) The Internet Society (2005).",
        "The following is an attempt to write a grammar for ISO 8601.",
        # the writers' own results, comparisons and methods
        "This shows that counting can approach the state of the art with simpler labels.",
        "Our evaluation shows that the proposed network outperforms previous methods.",
        "The proposed approach improves over the state-of-the-art with a large margin.",
        "We give a categorized overview of the related literature.",
        "The amount of manure was estimated from excretions, assuming 8% ash.",
        "The counter is compared to the Largest Acknowledged field of the frame.",
        "A challenge is improving the training stability for the largest models.",
        "The version was unclear before it is known which version the server uses.",
        # a pointer to a section numbered in Roman numerals, as IEEE papers number them
        "Section VIII discusses the main thematic areas identified in the literature.",
        # the gap the writers' own study fills
        "By addressing gaps in the existing literature, this study contributes to the field.",
    ],
)
def test_not_citation_worthy_in_a_paper(sentence):
    assert not citation_worthy(sentence, "paper")


def test_an_abstract_is_not_a_claim_in_any_profile():
    """An abstract summarises its document; RFC 7322 and journals keep citations out."""
    rfc = RFC_HEAD + "   TLS is widely used to protect data exchanged over HTTP.\n\n1.  Intro\n\n"
    rfc += "   TLS is widely used to protect mail exchanged over SMTP.\n"
    for text, fmt in (
        (rfc, "text"),
        (
            "**Abstract** TLS is widely used to protect data.\n\n## Intro\n\nTLS is widely "
            "used to protect mail.\n",
            "markdown",
        ),
        (
            "## Abstract\n\nTLS is widely used to protect data.\n\n## Intro\n\nTLS is widely "
            "used to protect mail.\n",
            "markdown",
        ),
    ):
        claims = [s.text for s in parse(text, fmt).sentences if s.claim]
        assert claims == [next(c for c in claims if "mail" in c)], (fmt, claims)


@pytest.mark.parametrize(
    "sentence",
    [
        "A sender MUST write the year as defined in RFC 3339.",
        "Timestamp: a date and a time of day, as ISO 8601 defines it.",
        "The drift of a device is defined as the rate at which it gains time, per RFC 5905.",
        'short-time = full-date "T" partial-time ; as in RFC 3339',
    ],
)
def test_normative_text_is_skipped_in_a_spec_only(sentence):
    assert not citation_worthy(sentence, "spec")
    assert citation_worthy(sentence, "article")


def test_every_claim_is_worthy_in_an_article():
    assert citation_worthy("We propose a parser.", "article")


def test_the_rule_documentation_example_of_a_paper():
    body = sections(uncited_claim.__doc__ or "")["In a paper"]
    text = textwrap.dedent(_FENCE.findall(body)[0])
    report = check_text(text, path="paper.md")
    assert report.profile == "paper"
    assert [f.text for f in report.findings] == [
        "Studies show that most readers never open a cited source."
    ]
    assert check_text(text, path="paper.md", settings=Settings(profile="article")).findings


def test_coverage_counts_only_the_claims_a_profile_asks_to_cite():
    paper = check_file(str(PAPER))
    article = check_file(str(PAPER), Settings(profile="article"))
    uncited = sum(f.rule == "uncited-claim" for f in paper.findings)
    assert paper.stats.claims - paper.stats.covered_claims == uncited
    assert paper.stats.covered_claims == article.stats.covered_claims
    assert paper.stats.claims < article.stats.claims


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_text_output_names_the_profile_unless_article(monkeypatch):
    monkeypatch.chdir(ROOT)
    one = run("check", "--no-color", str(SPEC)).stdout.splitlines()
    assert one[-1].endswith(", read as a spec")
    forced = run("check", "--no-color", "--profile", "article", str(SPEC)).stdout.splitlines()
    assert "read as" not in forced[-1]
    many = run("check", "--no-color", str(SPEC), str(PAPER), MISSION).stdout.splitlines()
    assert any(line.startswith(f"{SPEC}: ") and line.endswith("read as a spec") for line in many)
    assert any(line.startswith(f"{PAPER}: ") and line.endswith("read as a paper") for line in many)
    assert any(line.startswith(f"{MISSION}: ") and "read as" not in line for line in many)
    assert "read as" not in many[-1]


def test_json_output_carries_the_profile_of_each_file(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("check", "--format", "json", str(SPEC), str(PAPER), MISSION)
    data = json.loads(result.stdout)
    jsonschema.validate(data, json.loads(schema()))
    assert [f["profile"] for f in data["files"]] == ["spec", "paper", "article"]


def test_the_schema_requires_the_profile():
    file_report = json.loads(schema())["$defs"]["FileReport"]
    assert "profile" in file_report["required"]
    assert file_report["properties"]["profile"]["enum"] == ["article", "paper", "spec", "book"]


def test_profile_is_a_validated_setting(tmp_path):
    config = tmp_path / "citecheck.toml"
    config.write_text('profile = "paper"\n', "utf-8")
    effective = Loader(str(config)).effective(str(tmp_path))
    assert effective.settings.profile == "paper"
    assert effective.sources["profile"].endswith("citecheck.toml")
    config.write_text('profile = "papr"\n', "utf-8")
    with pytest.raises(ConfigError, match="bad value for 'profile'"):
        Loader(str(config)).effective(str(tmp_path))
    result = run("check", "--profile", "novel", str(SPEC))
    assert result.exit_code == 2
    assert "--profile" in result.stderr
    config.unlink()
    shown = run("config", str(tmp_path), "--profile", "spec").stdout
    assert 'profile            = "spec"  # command line' in shown


PAPERS_AND_SPECS = (
    "docling-project__docling__tests__data__groundtruth__docling_v2__2206.01062.md",
    "docling-project__docling__tests__data__pdf__groundtruth__2203.01017v2.md",
    "excitement-engineer__graphql-iso-date__rfc3339.txt",
    "ietf-tools__idnits__tests__fixtures__draft-ietf-idr-rt-derived-community-00.txt",
    "schrepfler__uri4s__rfc3986.txt",
)
DOCUMENTS = (
    sorted(p.name for p in CORPUS.iterdir() if p.is_file() and p.name != "SOURCES.md")
    if CORPUS.is_dir()
    else []
)


def _uncited(path: Path, profile: str) -> tuple[str, dict[tuple[int, int], str]]:
    report = check_file(str(path), Settings(profile=profile))
    found = {(f.line, f.column): f.text for f in report.findings if f.rule == "uncited-claim"}
    return report.profile, found


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.parametrize("name", DOCUMENTS, ids=[n[:60] for n in DOCUMENTS])
def test_corpus_papers_and_specs_drop_80_percent_and_the_rest_only_by_the_gate(name):
    """A paper or a spec drops most claims; an article read by ``auto`` keeps every one
    ``--profile article`` reports but those its claim gate lets go (parser/claimgate.py):
    the writer's framing, or, in a text that speaks in its own voice, no specifics."""
    path = CORPUS / name
    profile, after = _uncited(path, "auto")
    _, before = _uncited(path, "article")
    if name in PAPERS_AND_SPECS:
        assert profile == ("paper" if name.endswith(".md") else "spec")
        assert len(after) <= len(before) // 5, (before, after)
    else:
        assert profile == "article"
        assert after.items() <= before.items()
        gone = [before[k] for k in before.keys() - after.keys()]
        assert all(framing(t) or not checkable(t) for t in gone), gone


def _listed(entries: list[str]) -> str:
    body = "Reasoning models got better at math word problems this year [1].\n\n## References\n\n"
    return body + "\n".join(f"{n}. {e}" for n, e in enumerate(entries, 1)) + "\n"


SCHOLARLY = [
    "Jason Wei, et al. Chain of thought prompting. NeurIPS 2022.",
    "Alex Graves. Adaptive computation time. arXiv preprint arXiv:1603.08983 (2016).",
    "K. Cobbe et al. Training verifiers. arXiv:2110.14168, 2021.",
    "T. Lanham et al. Measuring faithfulness. arXiv:2307.13702, 2023.",
    "D. Hendrycks et al. Measuring math. Proceedings of NeurIPS, 2021.",
    "S. Yao et al. Tree of thoughts. Advances in NeurIPS, vol. 36, 2023.",
    "N. Shinn et al. Reflexion. Journal of AI Research, 2023.",
    "X. Wang et al. Self-consistency. ICLR 2023. doi:10.48550/arXiv.2203.11171",
]
NEWS = [f"Reuters: Story number {n} about the ferry, https://reuters.com/{n}" for n in range(8)]


def test_a_scholarly_reference_list_makes_a_paper_and_news_sources_do_not():
    assert profile_of(_listed(SCHOLARLY), "markdown") == "paper"
    assert profile_of(_listed(SCHOLARLY[:7]), "markdown") == "article"  # too short to say
    mixed = SCHOLARLY[:5] + NEWS[:3]
    assert profile_of(_listed(mixed), "markdown") == "article"
    assert profile_of(_listed(NEWS), "markdown") == "article"


def _scholarly_page(generator: str) -> str:
    entries = "".join(
        f'<li id="cite_note-{n}">A. Writer et al. Work {n}. Journal of Methods, vol. {n}, '
        f"pp. 1-9, doi:10.1000/{n}.</li>"
        for n in range(1, 10)
    )
    cites = " ".join(
        f'Claim {n} holds.<sup><a href="#cite_note-{n}">[{n}]</a></sup>' for n in range(1, 10)
    )
    return (
        f'<html><head><meta name="generator" content="{generator}"></head><body>'
        f'<p>{cites}</p><h2>References</h2><ol class="references">{entries}</ol></body></html>'
    )


def test_a_wiki_page_is_an_article_whatever_its_list_cites() -> None:
    # The same page without MediaWiki's generator tag reads as a paper by its scholarly list.
    assert detect(parse(_scholarly_page("Hugo 0.120"), "html")) == "paper"
    assert detect(parse(_scholarly_page("MediaWiki 1.35.0-wmf.5"), "html")) == "article"


def test_a_parsoid_page_is_a_wiki_page_without_a_generator_tag() -> None:
    # Parsoid's HTML (REST API, mobile HTML, Kiwix) names no generator; its mw: metadata does.
    page = _scholarly_page("Hugo 0.120").replace(
        "<head>", '<head><meta property="mw:pageNamespace" content="0">', 1
    )
    assert "mw:pageNamespace" in page
    assert detect(parse(page, "html")) == "article"


GUTENBERG_HTML = """<!DOCTYPE html>
<html><head><title>Harbour Lights</title><style>body {{ margin: 5% }}</style></head>
<body>
<pre>
The Project Gutenberg EBook of Harbour Lights, by M. Keeper

*** START OF THIS PROJECT GUTENBERG EBOOK HARBOUR LIGHTS ***
</pre>
<table><tr><td><a href="#CHAPTER_I">THE OLD LIGHT</a></td><td><a href="#Page_1">1</a></td>
</tr></table>
<p><span class="pagenum"><a name="Page_1" id="Page_1">[1]</a><br />
<a name="Page_2" id="Page_2">[2]</a></span></p>
<h2><a name="CHAPTER_I" id="CHAPTER_I"></a>CHAPTER I</h2>
<p><span class="pagenum"><a name="Page_3" id="Page_3">[Pg 3]</a></span>The old light stood
on the point for a hundred years before the new tower was built.<a name="FNanchor_1_1"
id="FNanchor_1_1"></a><a href="#Footnote_1_1" class="fnanchor">[1]</a>
Its keepers lived in the cottage below the rock and climbed the stair twice each night.</p>
<p>The fishermen trusted the light more than their charts on the darkest
nights.<a name="FNanchor_2_2" id="FNanchor_2_2"></a><a href="#Footnote_2_2"
class="fnanchor">[2]</a></p>
<p>{extra}</p>
<div class="footnotes"><h3>FOOTNOTES:</h3>
<div class="footnote"><p><a name="Footnote_1_1" id="Footnote_1_1"></a><a
href="#FNanchor_1_1"><span class="label">[1]</span></a> Keeper's Journal of the Point
Light, 1851, p. 3.</p>
<p><a href="lights-1.mid">To hear this signal (MIDI), click here</a></p></div>
<div class="footnote"><p><a name="Footnote_2_2" id="Footnote_2_2"></a><a
href="#FNanchor_2_2"><span class="label">[2]</span></a> Harbour Board Minutes, 1870.</p>
</div></div>
<pre>
*** END OF THIS PROJECT GUTENBERG EBOOK HARBOUR LIGHTS ***
</pre>
</body></html>
"""


def test_a_gutenberg_html_book_reads_as_a_book_and_its_narration_needs_no_marker():
    plain = GUTENBERG_HTML.format(extra="The keepers painted the tower white each spring.")
    report = check_text(plain, path="lights.html")
    assert report.profile == "book"
    assert report.findings == []
    # As an article the same page has claims no marker covers.
    article = check_text(plain, path="lights.html", settings=Settings(profile="article"))
    assert article.profile == "article"
    assert [f.text for f in article.findings] == [
        "Its keepers lived in the cottage below the rock and climbed the stair twice each night.",
        "The keepers painted the tower white each spring.",
    ]
    leaning = GUTENBERG_HTML.format(extra="Scholars have shown that the lamp was lit in 1762.")
    assert [f.rule for f in check_text(leaning, path="lights.html").findings] == ["uncited-claim"]


def _chapters(titles: list[str], words: int) -> str:
    para = "The keepers climbed the stair each night and trimmed the wicks of the lamp. "
    body = (para * (words // 14)).strip()
    return "\n\n".join(f"{title}\n\n{body}" for title in titles) + "\n"


def test_a_long_work_with_chapter_headings_is_a_book_and_a_short_one_is_not():
    long_book = _chapters(["CHAPTER I.", "CHAPTER II.", "CHAPTER III."], 7000)
    assert len(long_book) >= 100_000
    assert profile_of(long_book, "text") == "book"
    assert profile_of(_chapters(["## Chapter 1", "## Chapter 2", "## Chapter 3"], 7000)) == "book"
    # Two chapters, or three in a short text, do not make a book.
    assert profile_of(_chapters(["CHAPTER I.", "CHAPTER II."], 9000), "text") == "article"
    assert profile_of(_chapters(["CHAPTER I.", "CHAPTER II.", "CHAPTER III."], 300), "text") == (
        "article"
    )
    # A sentence that opens with "Chapter 3" is no heading.
    prose = _chapters(["Intro"], 20000).replace(
        "The keepers", "Chapter 3 of the report describes how the keepers", 3
    )
    assert profile_of(prose, "text") == "article"


def test_book_is_a_profile_setting():
    assert resolve("book", parse("Some text.", "text")) == "book"
    assert citation_worthy("The keepers painted the tower white.", "book") is False
    assert citation_worthy("Studies show the keepers painted it white.", "book") is True


def test_a_gutenberg_html_books_notes_are_read_once_and_its_pages_are_no_notes():
    doc, res = analyse(GUTENBERG_HTML.format(extra="The keepers painted it."), path="l.html")
    notes = [(r.kind, r.text.split()[-1]) for r in doc.references]
    assert notes == [(BlockKind.FOOTNOTE, "3."), (BlockKind.FOOTNOTE, "1870.")]
    assert sorted(m.raw for m in doc.markers) == ["[^1]", "[^2]"]  # the calls, not labels
    assert all(res.citations(r) for r in doc.references)
    assert "[Pg 3]" not in " ".join(s.text for s in doc.sentences)


STATISTICS = [
    "Good, I.J. (1953). The population frequencies of species. Biometrika, 40, 237–264.",
    "Chao, A. and Jost, L. (2012). Coverage-based rarefaction. Ecology 93, 2533–2547.",
    "Mena, R.H. and Ruggiero, M. (2016). Dynamic density estimation. Bernoulli 22, 901–926.",
    "Pitman, J. and Yor, M. (1997). The two-parameter distribution. Ann. Probab. 25(2):855–900.",
    "Mao, C.X. (2004). Prediction of a new class. J. Amer. Statist. Assoc. 99, 1108–1118.",
    "Carnap, R. (1950). Logical Foundations of Probability. University of Chicago Press.",
    "MacEachern, S.N. (2000). Dependent Dirichlet processes. Technical Report, Ohio State.",
    "Muller, P. et al. (2015). Bayesian Nonparametric Data Analysis. Springer, New York.",
]
# A programme's sessions, dated and timed: numbers and ranges, but no volume and pages.
SESSIONS = [f"Session {n}: opening talk, 14 May, 10:00–11:30, room {n}" for n in range(1, 9)]


def test_a_journals_volume_and_pages_make_a_scholarly_entry_without_naming_a_journal():
    # A statistics paper cut after its first sections keeps only its list to show it is one.
    assert profile_of(_listed(STATISTICS), "markdown") == "paper"
    assert profile_of(_listed(SESSIONS), "markdown") == "article"
    assert profile_of(_listed(STATISTICS[:5] + SESSIONS[:3]), "markdown") == "article"


_TCC = """## Introdução

Até meados da década de 1980, a historiografia não incluía as questões raciais (NASCIMENTO, 2016).

Buscamos fundamentar este projeto em referenciais teóricos (TELLES, 2017).

## Capítulo 1 - O que é o Pós-abolição?

O fim do regime escravista marca o início de um novo período na sociedade brasileira.

## Capítulo 2 – Entre o pós-abolição e a História Digital

Utilizaremos um conjunto de 183 artigos em formato PDF.

### Considerações finais

Concluímos que os estudos recentes indicam um campo de fala das margens.

### Referências Bibliográficas

NASCIMENTO, A. Trabalhadores negros e o paradigma da ausência. Revista Brasileira, 2016.

TELLES, H. Um passo atrás. Revista de História, 2017.
"""


def test_a_markdown_thesis_in_chapters_reads_as_a_paper() -> None:
    # A Brazilian TCC: Introdução, numbered chapters, Considerações finais, a list.
    doc, _ = analyse(_TCC, fmt="markdown")
    assert detect(doc) == "paper"
    # the writer's own narration of history and method asks nothing in a paper
    assert [f.code for f in check_text(_TCC, fmt="markdown").findings] == []
    # without its numbered chapters it is an article, as before
    plain = _TCC.replace("Capítulo 1 - ", "").replace("Capítulo 2 – ", "")
    doc, _ = analyse(plain, fmt="markdown")
    assert detect(doc) == "article"
