"""How a document cites: an article that cites now and then is asked for citations only
where it leans on others' work (parser/habit.py, uncited-claim)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from citecheck.api import check_file
from citecheck.cli.formats.json import schema
from citecheck.parser import parse
from citecheck.parser.citeworthy import attributed
from citecheck.parser.habit import MIN_PARAGRAPHS, citing_habit

KIND = Path(__file__).parents[1] / "fixtures" / "kinds" / "sparse-citing"
ESSAY = KIND / "essay.md"
DENSE = KIND / "dense.md"
STIGLITZ = "Joseph Stiglitz suggests that"


def _paragraphs(path: Path) -> tuple[list[str], list[str]]:
    """The essay's body paragraphs (each joined to one line, its note calls as ``[^n]``)
    and its notes."""
    body, notes = [], []
    for chunk in path.read_text("utf-8").split("\n\n"):
        if chunk.startswith("#"):
            continue
        if chunk.startswith("[^"):
            notes.extend(re.sub(r"^\[\^\d+\]: ", "", n) for n in chunk.strip().splitlines())
        else:
            body.append(" ".join(chunk.split()))
    return body, notes


def _uncited(report) -> list[str]:
    return [f.text for f in report.findings if f.code == "CC001"]


def test_an_essay_that_cites_now_and_then_reads_as_sparse():
    doc = parse(ESSAY.read_text("utf-8"), "markdown", str(ESSAY))
    habit = citing_habit(doc, "article")
    assert (habit.paragraphs, habit.cited, habit.sparse) == (10, 2, True)
    assert habit.share == pytest.approx(0.2)
    wanted = {doc.sentences[k].block for k, s in enumerate(doc.sentences) if STIGLITZ in s.text}
    assert habit.wanted == wanted
    # Under another profile the habit is not read: a paper asks by its own cues.
    assert not citing_habit(doc, "paper").sparse


def test_an_encyclopedia_article_reads_as_dense_and_keeps_every_uncited_claim():
    report = check_file(str(DENSE))
    assert report.citing is not None
    assert (report.citing.habit, report.citing.cited_paragraphs) == ("dense", 8)
    assert [t.split()[:4] for t in _uncited(report)] == [
        ["The", "bridge", "was", "painted"],
        ["The", "county", "plans", "to"],
    ]


def test_a_sparse_essay_reports_only_the_paragraph_that_leans_on_a_named_view():
    report = check_file(str(ESSAY))
    texts = _uncited(report)
    assert len(texts) == 2 and texts[0].startswith(STIGLITZ)
    assert texts[1].startswith("Without them nobody invests")
    assert report.citing is not None and report.citing.habit == "sparse"
    # Coverage counts the claims the habit asks to cite: the two cited, the two reported.
    assert (report.stats.claims, report.stats.covered_claims) == (4, 2)


def test_a_short_text_shows_no_habit_and_is_checked_claim_by_claim(tmp_path):
    body, notes = _paragraphs(ESSAY)
    short = [p for p in body if STIGLITZ not in p and "[^" not in p][: MIN_PARAGRAPHS - 2]
    short.append(next(p for p in body if "[^1]" in p))
    path = tmp_path / "short.md"
    path.write_text("\n\n".join([*short, f"[^1]: {notes[0]}"]) + "\n", "utf-8")
    report = check_file(str(path))
    assert report.citing is not None and report.citing.habit == "dense"
    assert len(_uncited(report)) >= MIN_PARAGRAPHS - 2


def test_numbered_callouts_into_a_list_of_sources_cite_claim_by_claim():
    """The same essay citing [1] and [2] from a References list: the habit of an
    encyclopedia or a report, where an unmarked paragraph is a gap."""
    report = check_file(str(KIND / "numbered.md"))
    assert report.citing is not None
    assert (report.citing.habit, report.citing.cited_paragraphs) == ("dense", 2)
    assert len(_uncited(report)) == 16


def test_a_word_essay_with_footnotes_cites_sparsely_as_its_markdown_does(tmp_path):
    import docx
    from test_docx_input import note_ref, notes_part

    body, notes = _paragraphs(ESSAY)
    document = docx.Document()
    document.add_heading("Why do some countries grow faster than others?", 1)
    for paragraph in body:
        text, _, call = paragraph.partition("[^")
        p = document.add_paragraph(text)
        if call:
            note_ref(p, "footnote", int(call.rstrip("]")))
    notes_part(document, "footnote", dict(enumerate(notes, 1)))
    path = tmp_path / "essay.docx"
    document.save(str(path))
    report = check_file(str(path))
    assert report.citing is not None and report.citing.habit == "sparse"
    texts = _uncited(report)
    assert len(texts) == 2 and texts[0].startswith(STIGLITZ)


def _html(body: list[str], notes: list[str], generator: str = "") -> str:
    meta = f'<meta name="generator" content="{generator}">' if generator else ""
    paras = "".join(
        "<p>"
        + re.sub(r"\[\^(\d+)\]", r'<sup id="fnref\1"><a href="#fn\1">\1</a></sup>', p)
        + "</p>"
        for p in body
    )
    items = "".join(
        f'<li id="fn{k}">{n} <a href="#fnref{k}">↩</a></li>' for k, n in enumerate(notes, 1)
    )
    return (
        f"<!DOCTYPE html><html><head><title>Growth</title>{meta}</head><body>"
        f"<h1>Why do some countries grow faster?</h1>{paras}"
        f'<section class="footnotes"><ol>{items}</ol></section></body></html>'
    )


def test_an_html_essay_cites_sparsely_but_a_wiki_page_never_does(tmp_path):
    body, notes = _paragraphs(ESSAY)
    essay = tmp_path / "essay.html"
    essay.write_text(_html(body, notes), "utf-8")
    report = check_file(str(essay))
    assert report.citing is not None and report.citing.habit == "sparse"
    assert _uncited(report)[0].startswith(STIGLITZ)
    # A wiki asks a source of every claim a reader may challenge, whatever the page's share.
    wiki = tmp_path / "wiki.html"
    wiki.write_text(_html(body, notes, "MediaWiki 1.43.0"), "utf-8")
    report = check_file(str(wiki))
    assert report.citing is not None and report.citing.habit == "dense"
    assert len(_uncited(report)) > 10


def test_the_habit_shows_in_the_json_report_and_the_summary_line():
    from typer.testing import CliRunner

    from citecheck.cli.app import app

    result = CliRunner().invoke(app, ["check", str(ESSAY), "--format", "json"])
    data = json.loads(result.stdout)
    jsonschema.validate(data, json.loads(schema()))
    assert data["files"][0]["citing"] == {
        "habit": "sparse",
        "claim_paragraphs": 10,
        "cited_paragraphs": 2,
    }
    text = CliRunner().invoke(app, ["check", str(ESSAY)]).stdout
    assert text.splitlines()[-1].endswith("cites sparsely (2 of 10 claim paragraphs)")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Indeed, Joseph Stiglitz suggests that property rights come first.", True),
        ("Indeed, Malthus conceived of humans as reproductive machines.", True),
        ("Joseph Schumpeter's paradigm of growth rests on the prospect of profit.", True),
        ("The neoclassical theory was pioneered by Robert Solow and Trevor Swan.", True),
        ("One explanation is the *missing institutions theory*, which suggests it.", True),
        ("This suggests that output falls as the population grows.", False),
        ("It holds that every worker adds less than the one before.", False),
        ("Malthus saw output as related to land and labour.", False),
        ("The model suggests that saving more raises income.", False),
    ],
)
def test_a_named_persons_or_a_theorys_view_is_attributed(sentence, expected):
    assert attributed(sentence) is expected


def test_the_rule_documentation_example_of_an_essay():
    from test_rule_docs import sections

    from citecheck import check_text
    from citecheck.checker import uncited_claim

    body = sections(uncited_claim.__doc__ or "")["In an essay that cites now and then"]
    fence = re.search(r"^```markdown\n(.*?)^```\s*$", body, re.M | re.S)
    assert fence is not None
    text = fence.group(1)
    report = check_text(text, path="essay.md")
    assert report.citing is not None and report.citing.habit == "sparse"
    assert [f.text for f in report.findings] == [
        "Joseph Stiglitz suggests that property rights are the foundations of a market economy."
    ]


def test_notes_in_an_encyclopedias_templates_cite_densely(tmp_path):
    """A copy of a wiki's page without its generator: notes that say when a page was
    retrieved are the encyclopedia's, and its unmarked paragraphs are gaps."""
    text = ESSAY.read_text("utf-8")
    text = text.replace("Journal of Economic History.", "Retrieved 3 May 2019.")
    text = text.replace("Crown.", "Archived from the original on 4 June 2020.")
    path = tmp_path / "copied-wiki-page.md"
    path.write_text(text, "utf-8")
    report = check_file(str(path))
    assert report.citing is not None and report.citing.habit == "dense"
    assert len(_uncited(report)) == 16
