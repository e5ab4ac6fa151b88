"""Suppression comments: next block and whole file, codes and names, unused ones reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.api import analyse, check_text
from citecheck.checker import suppressions as suppress
from citecheck.config.settings import Settings

ARTICLE = (Path(__file__).parents[1] / "fixtures" / "000_75297bddb94e8c7d.txt").read_text("utf-8")


def found(text: str, path: str = "a.md", **settings: object) -> list[tuple[int, str]]:
    report = check_text(text, path=path, settings=Settings.model_validate(settings))
    return [(f.line, f.code) for f in report.findings]


def messages(text: str, path: str = "a.md") -> list[str]:
    return [f.message for f in check_text(text, path=path).findings]


MARKDOWN = """\
# Harbour

The harbour will close for repairs next spring, the port said.

The ferry service will move to the north pier during the works. [1]

## References

- City Herald: Harbour to close for repairs
- Categories: Harbour, Transport
"""


def test_markdown_article_without_suppressions():
    assert found(MARKDOWN) == [(3, "CC001"), (10, "CC008")]


@pytest.mark.parametrize("rule", ["uncited-claim", "CC001", "cc001", "Uncited-Claim"])
def test_ignore_applies_to_the_next_paragraph_by_code_or_name(rule):
    text = MARKDOWN.replace(
        "The harbour will",
        f"<!-- citecheck: ignore {rule} -- the port's notice -->\nThe harbour will",
    )
    assert found(text) == [(11, "CC008")]


def test_ignore_applies_to_a_list_item():
    text = MARKDOWN.replace(
        "- Categories",
        "<!-- citecheck: ignore not-a-reference -- kept for the archive -->\n- Categories",
    )
    assert found(text) == [(3, "CC001")]


def test_ignore_reaches_only_the_next_block():
    both_uncited = MARKDOWN.replace(" [1]", "").replace("- City", "- [1] City")
    assert [x for x in found(both_uncited) if x[1] == "CC001"] == [(3, "CC001"), (5, "CC001")]
    text = both_uncited.replace("The harbour", "<!-- citecheck: ignore CC001 -->\nThe harbour")
    assert [x for x in found(text) if x[1] in ("CC001", "CC100")] == [(6, "CC001")]


def test_disable_file_applies_everywhere():
    text = "<!-- citecheck: disable-file uncited-claim,CC008 -->\n" + MARKDOWN
    assert found(text) == []
    assert check_text(text, path="a.md").stats.suppressed == 2


def test_a_suppression_in_code_is_an_example_not_a_directive():
    text = MARKDOWN + "\n```markdown\n<!-- citecheck: disable-file uncited-claim -->\n```\n"
    assert found(text) == [(3, "CC001"), (10, "CC008")]
    indented = MARKDOWN + "\nExample:\n\n    <!-- citecheck: disable-file uncited-claim -->\n"
    assert (3, "CC001") in found(indented)


def test_unused_suppressions_are_info_findings():
    text = MARKDOWN.replace(
        "The ferry", "<!-- citecheck: ignore uncited-claim -- cited below -->\nThe ferry"
    )
    report = check_text(text, path="a.md")
    unused = [f for f in report.findings if f.code == "CC100"]
    assert [(f.line, f.column, f.severity, f.rule) for f in unused] == [
        (5, 1, "info", "unused-suppression")
    ]
    assert unused[0].message == (
        "unused suppression of uncited-claim (CC001): no such finding in the next block; remove it"
    )


def test_used_and_unused_rules_of_one_suppression():
    text = MARKDOWN.replace(
        "The harbour will", "<!-- citecheck: ignore CC001,CC002 -->\nThe harbour will"
    )
    result = check_text(text, path="a.md").findings
    assert [(f.line, f.code) for f in result] == [(3, "CC100"), (11, "CC008")]
    assert "dangling-citation (CC002)" in result[0].message
    assert "uncited-claim" not in result[0].message


def test_unknown_rules_malformed_and_misplaced_suppressions_are_reported():
    text = MARKDOWN.replace(
        "The harbour will",
        "<!-- citecheck: ignore uncited-claims -->\n"
        "<!-- citecheck: skip CC001 -->\n"
        "The harbour will",
    ).replace(" [1]", " [1] <!-- citecheck: ignore CC001 -->")
    assert messages(text) == [
        "suppression names unknown rule 'uncited-claims'; did you mean 'uncited-claim'?",
        "malformed suppression; write <!-- citecheck: ignore RULE[,RULE] -- reason --> "
        "or <!-- citecheck: disable-file RULE -->",
        "claim has no citation (no marker in this paragraph covers it)",
        "a suppression must stand on a line of its own, before its block",
        "reference-list item is not a source: it is a category line, not a source",
    ]


def test_suppressions_of_rules_that_did_not_run_are_not_reported():
    text = "<!-- citecheck: disable-file reference-order -->\n" + MARKDOWN
    assert found(text) == [(4, "CC001"), (11, "CC008")]
    assert (1, "CC100") in found(text, select=["ALL"])
    assert (1, "CC100") not in found(text, select=["ALL"], ignore=["CC012"])


def test_unused_suppression_is_a_rule_like_the_others():
    text = MARKDOWN.replace("The ferry", "<!-- citecheck: ignore CC001 -->\nThe ferry")
    assert (5, "CC100") in found(text)
    assert (5, "CC100") not in found(text, ignore=["unused-suppression"])
    report = check_text(
        text,
        path="a.md",
        settings=Settings(severity={"CC100": "warning"}, select=("CC100", "CC001")),
    )
    assert [(f.line, f.code, f.severity) for f in report.findings] == [
        (3, "CC001", "warning"),
        (5, "CC100", "warning"),
    ]
    # a suppression of a rule that did not run is not called unused
    assert found(text, select=["CC100"]) == []
    silenced = "<!-- citecheck: disable-file unused-suppression -->\n" + text
    assert (6, "CC100") not in found(silenced)


def test_plain_text_directive_line_is_not_prose():
    lines = ARTICLE.splitlines(keepends=True)
    text = "".join(
        [lines[0], "<!-- citecheck: ignore uncited-claim -- wire copy -->\n", *lines[1:]]
    )
    doc, _ = analyse(text, path="a.txt")
    assert not any("citecheck" in s.text for s in doc.sentences)
    assert [(f.line, f.code) for f in check_text(text, path="a.txt").findings] == [
        (7, "CC010"),
        (16, "CC008"),
        (17, "CC008"),
    ]


def test_plain_text_directive_ends_the_paragraph_before_it():
    text = (
        "The harbour will close for repairs next spring and stay closed until the autumn, "
        "the port authority said in a notice to shipping companies and residents\n"
        "<!-- citecheck: ignore CC001 -->\n"
        "the ferry service will move to the north pier during the works. [1]\n\n"
        "References:\n1. City Herald: Harbour to close for repairs\n"
    )
    doc, _ = analyse(text, path="a.txt")
    assert [s.text[:13] for s in doc.sentences if not s.heading] == [
        "The harbour w",
        "the ferry ser",
    ]
    merged, _ = analyse(text.replace("<!-- citecheck: ignore CC001 -->\n", ""), path="a.txt")
    assert len([s for s in merged.sentences if not s.heading]) == 1
    assert found(text, path="a.txt") == [(2, "CC100")]


def test_plain_text_reference_item_suppressed():
    lines = ARTICLE.splitlines(keepends=True)
    text = "".join([*lines[:14], "<!-- citecheck: ignore CC008 -->\n", *lines[14:]])
    assert [(f.line, f.code) for f in check_text(text, path="a.txt").findings] == [
        (2, "CC001"),
        (6, "CC010"),
        (17, "CC008"),
    ]


def test_the_index_answers_as_a_scan_of_every_directive():
    text = (
        "<!-- citecheck: disable-file CC008 -->\n"
        "<!-- citecheck: ignore CC001 -->\n"
        "<!-- citecheck: ignore CC001,CC002 -->\n"
        "<!-- citecheck: ignore nonsense -->\n"
        "The harbour will close for repairs next spring, the port said. [7]\n\n"
        "<!-- citecheck: ignore CC002 -->\n\n"
        "- The ferry will move. [1]\n"
        "<!-- citecheck: ignore CC008 -->\n"
        "- The works take a year.\n\n"
        "<!-- citecheck: ignore CC001 --> not on a line of its own\n\n"
        "<!-- citecheck: ignore CC001 -->\n"
    )
    for path in ("a.md", "a.txt"):
        doc, _ = analyse(text, path=path)
        directives, scanned = suppress.find(doc), suppress.find(doc)
        assert len(directives) == 8
        cover = suppress.Cover(directives)
        for code in ("CC001", "CC002", "CC008", "CC100"):
            for offset in range(len(text) + 1):
                hits = [d for d in scanned if d.covers(code, offset)]
                for d in hits:
                    d.used.add(code)
                assert cover.hit(code, offset) is bool(hits), (path, code, offset)
        assert [d.used for d in directives] == [d.used for d in scanned]
