"""Citation forms read by key or glued to a word: jekyll-scholar's Liquid tags, a LaTeX
``thebibliography`` block kept raw in Markdown, and a numbered callout glued to the word
before it and followed by ``;``; each on the fixtures under fixtures/kinds/."""

from __future__ import annotations

from pathlib import Path

from citecheck.api import analyse, check_text
from citecheck.parser.citekeys import liquid_cites

KINDS = Path(__file__).parents[1] / "fixtures" / "kinds"


def _read(kind: str, name: str) -> str:
    return (KINDS / kind / name).read_text("utf-8")


# jekyll-scholar


def test_liquid_cite_tags_cite_the_entries_their_keys_name() -> None:
    text = _read("jekyll-scholar", "listed.md")
    doc, _ = analyse(text, path="post.md")
    assert [(m.raw, m.keys) for m in doc.markers] == [
        ("vaswani2017attention", ("1",)),
        ("kaplan2020scaling", ("2",)),
        ("hoffmann2022training", ("3",)),
        ("carlini2019", ("carlini2019",)),
    ]
    # The option's value (``-l 4``) is no key; the unknown key dangles.
    rules = [f.rule for f in check_text(text, path="post.md").findings]
    assert rules == ["dangling-citation", "uncited-reference"]


def test_liquid_cite_tags_of_a_bib_file_are_reported_once_as_unread() -> None:
    text = _read("jekyll-scholar", "bibfile.md")
    found = check_text(text, path="post.md").findings
    assert [(f.rule, f.severity, f.line) for f in found] == [("unread-citations", "info", 8)]
    assert "4 jekyll-scholar citations" in found[0].message


def test_a_post_without_liquid_tags_is_not_reported_for_them() -> None:
    text = "Heat waves grew longer over the last decade.\n\n{% include figure.html %}\n"
    assert [f.rule for f in check_text(text, path="post.md").findings] == []


# A LaTeX bibliography kept raw in Markdown


def test_pandoc_keys_resolve_to_a_raw_thebibliography_in_markdown() -> None:
    text = _read("latex-bibliography", "pandoc-raw.md")
    doc, _ = analyse(text, path="paper.md")
    assert doc.fmt == "markdown"
    assert [r.key for r in doc.references] == [
        "cormen2009",
        "sitarski1996",
        "goodrich1999",
        "bille2017",
        "brodnik1999",
        "knuth1997",
    ]
    listed = {r.key for r in doc.references}
    assert [m.raw for m in doc.markers if m.keys[0] not in listed] == ["@tarjan1985"]
    assert len(doc.markers) == 6
    assert doc.text == text  # the findings point at the file as written


# A callout glued to a word, then a semicolon


def test_glued_callout_before_a_semicolon_is_read_in_markdown_and_text() -> None:
    for name, path in (("semicolon.md", "a.md"), ("semicolon-text.txt", "a.txt")):
        doc, _ = analyse(_read("glued-numbers", name), path=path)
        assert [m.keys for m in doc.markers] == [("2",), ("3", "4"), ("1",), ("5",)], name


def test_declarations_and_indexes_stay_code() -> None:
    text = (
        "struct {\n    opaque random[46];\n    uint8 cookie[32]; opaque session_id;\n} R;\n\n"
        "The loop first reads buf[4]; then the node.\n\n"
        "References\n\n1. A. Author. A title. 2019.\n2. B. Author. Another. 2018.\n"
        "4. C. Author. More. 2017.\n32. D. Author. Last. 2016.\n46. E. Author. Y. 2015.\n"
    )
    doc, _ = analyse(text, path="a.txt")
    assert doc.markers == []


def test_liquid_tag_spellings() -> None:
    text = (
        'Reviews {% cite "lindsey2025molt" %}, {%- cite Rinehart%} and {% cite a1 b2 -l 4 %};'
        " not {% include fig.html %} nor {% bibliography --cited %}.\n"
    )
    spans = liquid_cites(text)
    assert [text[s:e] for s, e in spans] == [
        '{% cite "lindsey2025molt" %}',
        "{%- cite Rinehart%}",
        "{% cite a1 b2 -l 4 %}",
    ]
