"""The language server's incremental check equals a fresh one.

The server keeps, per open document, what the parser and the rules computed for each
paragraph and entry (:mod:`citecheck.parser.memo`). These tests edit real article texts at
random (a marker, a reference entry, a heading, a paragraph inserted, deleted or moved)
and check every version twice: as the server does, reusing what the versions before it
kept, and afresh with :func:`citecheck.api.check_text`. The two reports must be equal,
finding by finding (fix marks and messages included) and in every statistic.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citecheck.api import analyse, check_text
from citecheck.parser.memo import Memo, using
from citecheck.report import FileReport

ROOT = Path(__file__).parents[1]
KINDS = ROOT / "fixtures/kinds"
BASES = {
    "numbered": None,  # the latency benchmark's article, filled in below
    "author-year": (KINDS / "author-year/apa-parenthetical.md").read_text("utf-8"),
    "bracketed": (KINDS / "author-year/bracketed.md").read_text("utf-8"),
    "notes": (KINDS / "notes-and-bibliography/notes-then-bibliography.md").read_text("utf-8"),
    "glued": (KINDS / "glued-entries/numbered.md").read_text("utf-8"),
    "glued-words": (KINDS / "superscripts/glued-words-md.md").read_text("utf-8"),
    "typed": (KINDS / "chat-typing/typed.md").read_text("utf-8"),
    "sup-tags": (KINDS / "superscripts/sup-tags.md").read_text("utf-8"),
}
MARKERS = [" [1]", " [2]", " [3]", " [7]", " [99]", " (Walker, 2017)", " (Ng, 2021)", "[^1]"]
MARKERS += ["4.", "<sup>2</sup>", "..", " Lind (1999)"]  # glued, raised, typed, narrative
ENTRIES = [
    "1. Port Gazette: Council approves harbour plan",
    "7. Smith, J. (2019). A study of harbours. Journal of Ports, 4(2), 1-9.",
    "Walker, M. P. (2017). Why we sleep. Scribner.",
    "Ng, A. (2021). No effect at all. Sleep, 3, 4-5. https://doi.org/10.1000/xyz",
    "[^1]: A note that says where this came from.",
]
PARAGRAPHS = [
    "The council approved a new harbour plan on Monday after a long debate. [1]",
    "Critics said the cost had doubled since the first estimate was published.",
    "Ports across the region reported record traffic in the last quarter (Ng, 2021).",
    "It was a plan.",
    "## References",
    "## Notes",
]
HEADINGS = ["## Background", "# A new title", "### Method", "## Works Cited"]


def _base(name: str) -> str:
    if name == "numbered":
        from benchscripts import load

        return str(load("lsp_latency").markdown(4_000))
    text = BASES[name]
    assert text is not None
    return text


def _edit(text: str, draw: st.DrawFn) -> str:
    """One random edit of a text's paragraphs (blocks split at blank lines)."""
    parts = text.split("\n\n")
    at = draw(st.integers(0, len(parts) - 1))
    kind = draw(
        st.sampled_from(
            [
                "marker+",
                "marker-",
                "entry+",
                "entry-",
                "heading+",
                "heading-",
                "para+",
                "para-",
                "move",
                "word",
            ]
        )
    )
    if kind == "marker+":
        part = parts[at]
        cut = draw(st.integers(0, len(part)))
        parts[at] = part[:cut] + draw(st.sampled_from(MARKERS)) + part[cut:]
    elif kind == "marker-":
        for m in MARKERS:
            if m.strip() in parts[at]:
                parts[at] = parts[at].replace(m.strip(), "", 1)
                break
    elif kind in ("entry+", "entry-"):
        lines = parts[at].split("\n")
        where = draw(st.integers(0, len(lines)))
        if kind == "entry+":
            lines.insert(where, draw(st.sampled_from(ENTRIES)))
        elif len(lines) > 1:
            del lines[min(where, len(lines) - 1)]
        parts[at] = "\n".join(lines)
    elif kind == "heading+":
        parts.insert(at, draw(st.sampled_from(HEADINGS)))
    elif kind == "heading-":
        heads = [i for i, p in enumerate(parts) if p.startswith("#")]
        if heads:
            del parts[draw(st.sampled_from(heads))]
    elif kind == "para+":
        parts.insert(at, draw(st.sampled_from(PARAGRAPHS)))
    elif kind == "para-" and len(parts) > 1:
        del parts[at]
    elif kind == "move" and len(parts) > 1:
        moved = parts.pop(at)
        parts.insert(draw(st.integers(0, len(parts))), moved)
    elif kind == "word":
        part = parts[at]
        cut = draw(st.integers(0, len(part)))
        parts[at] = part[:cut] + draw(st.sampled_from(["new ", "x", ". ", "\n", ""])) + part[cut:]
    return "\n\n".join(parts)


def _same(kept: FileReport, fresh: FileReport) -> None:
    assert kept.findings == fresh.findings
    assert kept.stats == fresh.stats
    assert kept.profile == fresh.profile


@st.composite
def _versions(draw: st.DrawFn) -> tuple[str, list[str]]:
    name = draw(st.sampled_from(sorted(BASES)))
    text = _base(name)
    versions = []
    for _ in range(draw(st.integers(1, 6))):
        text = _edit(text, draw)
        versions.append(text)
    return name, versions


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_versions())
def test_random_edits_check_as_a_fresh_check(case: tuple[str, list[str]]) -> None:
    """Each version checked with what the versions before it kept equals a fresh check."""
    name, versions = case
    memo = Memo()
    for text in [_base(name), *versions]:
        with using(memo):
            kept = check_text(text, path="article.md", fmt="markdown")
        _same(kept, check_text(text, path="article.md", fmt="markdown"))


@pytest.mark.parametrize("name", sorted(BASES))
def test_the_parse_kept_equals_a_fresh_parse(name: str) -> None:
    """The document parsed with kept results (references, markers, sentences, claims)
    equals the one parsed afresh, after an edit that moves every later offset."""
    text = _base(name)
    memo = Memo()
    with using(memo):
        analyse(text, path="article.md", fmt="markdown")
    edited = "# A heading put first\n\n" + text
    with using(memo):
        doc, res = analyse(edited, path="article.md", fmt="markdown")
    fresh, fres = analyse(edited, path="article.md", fmt="markdown")
    assert doc.references == fresh.references
    assert doc.non_references == fresh.non_references
    assert doc.markers == fresh.markers
    assert doc.sentences == fresh.sentences
    assert [(link.key, link.reference) for link in res.links] == [
        (link.key, link.reference) for link in fres.links
    ]
    assert len(memo) > 0


FIXTURES = sorted(
    p
    for p in [*ROOT.glob("fixtures/kinds/*/*"), *ROOT.glob("fixtures/rules/*/*")]
    if p.suffix in (".md", ".txt", ".html")
)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(ROOT / "fixtures")))
def test_every_fixture_checks_as_a_fresh_check_after_edits(path: Path) -> None:
    """Every fixture, checked as the server checks it (a first version, then edits that
    move every offset, add a paragraph and take the first block out), equals a fresh
    check of each version."""
    text = path.read_text("utf-8")
    fmt = {".md": "markdown", ".txt": "text", ".html": "html"}[path.suffix]
    if fmt == "html":
        edits = [text, text.replace("<body>", "<body><p>A new opening paragraph.</p>", 1)]
    else:
        rest = text.partition("\n\n")[2]
        edits = [
            text,
            "A new opening line.\n\n" + text,
            rest or text,
            text.replace("\n\n", "\n\nCritics said the cost had doubled since then.\n\n", 1),
        ]
    memo = Memo()
    for version in edits:
        with using(memo):
            kept = check_text(version, path=path.name, fmt=fmt)
        _same(kept, check_text(version, path=path.name, fmt=fmt))


@pytest.mark.parametrize(
    "name", ["pdf-text/flattened-superscripts.txt", "pdf-text/flattened-superscripts-md.md"]
)
def test_a_document_wide_habit_that_an_edit_turns_off_is_seen_by_unchanged_blocks(
    name: str,
) -> None:
    """Glued callouts (``deaths1 and``) are read only while the document writes them often
    enough; taking out its paragraphs one after another drops the count below that, and
    the blocks left unchanged must lose their markers in the kept parse as in a fresh one."""
    path = KINDS / name
    fmt = "text" if path.suffix == ".txt" else "markdown"
    text = path.read_text("utf-8")
    body, head, refs = text.partition("REFERENCES\n")
    lines = [line for line in body.split("\n") if line]
    memo = Memo()
    counts = []
    for cut in range(len(lines) - 2):  # a paragraph a line, the last ones taken out in turn
        version = "\n\n".join(lines[: len(lines) - cut]) + "\n\n" + head + refs
        with using(memo):
            doc, _ = analyse(version, path=path.name, fmt=fmt)
            kept = check_text(version, path=path.name, fmt=fmt)
        fresh_doc, _ = analyse(version, path=path.name, fmt=fmt)
        assert doc.markers == fresh_doc.markers
        _same(kept, check_text(version, path=path.name, fmt=fmt))
        counts.append(len(fresh_doc.markers))
    assert counts[0] > 0 and len(set(counts)) > 2  # the edits changed what is read
