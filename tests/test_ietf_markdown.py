"""Internet-Drafts in Markdown: kramdown-rfc's front-matter references and ``{{…}}``
citations, mmark's ``[@…]`` citations and ``<reference>`` elements (reader/ietfmd.py,
parser/draftrefs.py), on the fixtures of fixtures/kinds/ietf-markdown and small drafts
built here."""

from __future__ import annotations

from pathlib import Path

from citecheck.api import analyse, check_text
from citecheck.model import BlockKind

KIND = Path(__file__).parents[1] / "fixtures" / "kinds" / "ietf-markdown"


def _read(name: str) -> tuple[str, str]:
    path = KIND / name
    return path.read_text("utf-8"), str(path)


def test_front_matter_entries_are_the_reference_list() -> None:
    text, path = _read("kramdown-rfc.md")
    doc, _ = analyse(text, path=path)
    refs = {r.key: r for r in doc.references}
    assert list(refs)[:6] == ["TLS", "RFC7252", "ZSTD", "RFC2119", "QUICStudy", "Unused"]
    assert refs["TLS"].url == "https://www.rfc-editor.org/info/rfc8446"
    assert refs["ZSTD"].url == "https://www.rfc-editor.org/info/rfc8878"  # "=: RFC8878"
    assert refs["QUICStudy"].title == "Does the QUIC handshake require compression to be fast?"
    assert refs["QUICStudy"].url == "https://example.org/quic-handshake-study"
    # Declared where cited: ``{{?RFC7924}}``, ``{{!PROBLEM=RFC9457}}``.
    assert refs["PROBLEM"].url == "https://www.rfc-editor.org/info/rfc9457"
    assert "RFC7924" in refs
    assert all(r.kind is BlockKind.LINKDEF for r in doc.references)


def test_curly_citations_are_markers_and_cross_references_are_not() -> None:
    text, path = _read("kramdown-rfc.md")
    doc, res = analyse(text, path=path)
    raws = [(m.raw, m.keys) for m in doc.markers]
    assert ("{{TLS}}", ("TLS",)) in raws
    assert ("{{-coap}}", ("RFC7252",)) in raws  # an alias: ``RFC7252: coap``
    assert ("{{Section 3 of ZSTD}}", ("ZSTD",)) in raws
    assert ("{{PROBLEM, Section 3}}", ("PROBLEM",)) in raws
    assert ("{{?RFC7924}}", ("RFC7924",)) in raws
    assert not any("encoding" in raw for raw, _ in raws)  # ``{{encoding}}``: a section
    cited = {r.key for r in doc.references if res.citations(r)}
    assert "RFC2119" in cited  # by the BCP 14 boilerplate
    assert "Unused" not in cited


def test_front_matter_is_no_prose() -> None:
    """kramdown-rfc's front matter ends at ``--- abstract``, which CommonMark does not
    know: none of its lines is a sentence."""
    text, path = _read("kramdown-rfc.md")
    doc, _ = analyse(text, path=path)
    end = text.index("--- abstract")
    assert all(s.start >= end for s in doc.sentences)


def test_findings_of_a_kramdown_draft() -> None:
    text, path = _read("kramdown-rfc.md")
    report = check_text(text, path=path)
    assert [(f.line, f.rule) for f in report.findings] == [(28, "uncited-reference")]


def test_mmark_citations_and_reference_elements() -> None:
    text, path = _read("mmark.md")
    doc, res = analyse(text, path=path)
    refs = {r.key: r for r in doc.references}
    assert set(refs) == {"RFC6241", "RFC8040", "RFC7950", "RFC5607", "YANG-SEC", "OLD-NOTES"}
    assert refs["YANG-SEC"].title == "YANG Security Guidelines"
    assert refs["YANG-SEC"].url == "https://example.org/yang-security-guidelines"
    groups = {}
    for m in doc.markers:
        groups.setdefault(m.group, []).extend(m.keys)
    assert ["RFC8040", "RFC7950"] in groups.values()  # ``[@!RFC8040; @!RFC7950]``
    assert [r.key for r in doc.references if not res.citations(r)] == ["OLD-NOTES"]
    assert not any("title" in s.text for s in doc.sentences)  # the TOML title block


def test_templates_and_pandoc_keys_are_left_alone() -> None:
    """``{{ page.title }}`` in a page without a draft's front matter, and Pandoc's
    ``[@smith2020]`` without mmark's blocks, are not read as a draft's citations."""
    text = "---\ntitle: Post\nlayout: post\n---\n\nHello {{ page.title }} and {{RFC8446}}.\n"
    doc, _ = analyse(text, path="post.md")
    assert doc.references == [] and doc.markers == []
    text = "Norms matter [@smith2020].\n"
    doc, _ = analyse(text, path="notes.md")
    assert doc.references == []


def test_aliases_on_lines_of_their_own_and_prefix_notes() -> None:
    """``STD90:`` then ``-: json`` and ``=: RFC8259`` is cited as ``{{-json}}``; a CBOR tag
    range ``\\[1668546817, 1668612095\\]`` is no citation; ``[^note]: Note:`` is a prefix,
    not an uncited source; the never-cited RFC8792 is still reported."""
    text, path = _read("kramdown-aliases.md")
    doc, res = analyse(text, path=path)
    cited = {r.key: len(res.citations(r)) for r in doc.references}
    assert cited["STD90"] == 1 and cited["STD94"] == 1 and cited["RFC8792"] == 0
    assert not any(k.isdigit() for m in doc.markers for k in m.keys)
    found = [(f.line, f.rule) for f in check_text(text, path=path).findings]
    assert found == [(23, "uncited-reference")]
