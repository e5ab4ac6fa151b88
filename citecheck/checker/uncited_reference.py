"""Reference that no marker cites.

What it does
    Reports an entry of the reference list, a footnote definition or a link definition that
    no marker in the body points to. A second definition of a number, label or footnote is
    reported by duplicate-reference instead: its markers cite the first. The entries of a
    reading list (a section named Further reading, Suggested reading and the like, or a
    list headed as references and bibliography at once, ``REFERENCES and BIBLIOGRAPHY`` of
    RFC 1035, whose bibliography part is uncited by design) are meant to be uncited and are
    not reported, nor are those of a list that closes a section of
    its own (a report's ``### Sources`` under each ``##`` section, with no markers): the
    section it closes cites them. Nor is an entry that a misnamed author-year callout
    means (``(Van and Salomon, 1997)`` for "Van der Laan, E., Salomon, M., 1997"):
    ``dangling-citation`` reports the callout and names the entry. A list of three entries
    or more in a text with no inline citation at all (a review that closes with a numbered
    list it never calls) is reported once, at the list's heading, not once per entry (and
    ``fix`` leaves it). An entry that ends by
    naming a footnote (``… 2025年10月30日.[^22]``) describes that note's source: the
    note answers for it. Nor is an entry of an unnumbered list in a document that cites
    only by footnotes or endnotes (the notes and bibliography layout): the notes name the
    entries in a short form of their own ("Vgl. Lippert (2019)", "ebd."), not by a key.
    Nor is an entry that a called note names again (the same address, or the same
    authors, year and title: a Word paper's footnote and its numbered ``Quellenverzeichnis``
    entry): the note cites it. Nor is a link definition whose destination is a picture
    (``[mvc]: images/mvc.png``): it is what an image shows, not a source.

Why is this bad?
    A source nobody cites is either padding or the trace of a claim that lost its marker.

Example
    ```text
    The museum reopened after two years of repairs. [1]

    References:
    1. Art Weekly: Museum reopens
    2. Art Weekly: Repairs delayed again
    ```

Use instead
    ```text
    The museum reopened after two years of repairs. [1][2]

    References:
    1. Art Weekly: Museum reopens
    2. Art Weekly: Repairs delayed again
    ```

Fix
    Unsafe: ``citecheck fix --unsafe`` removes the entry (its whole lines); a list numbered
    1…n or by position is renumbered to close the gap, markers with it. Unsafe because the
    entry may be the trace of a claim that lost its marker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from citecheck.checker.base import Context, Violation, describe_reference, first_line_end
from citecheck.checker.shortnotes import named, short_noted
from citecheck.model import BlockKind, Document, MarkerKind, Reference
from citecheck.text.recache import lazy
from citecheck.text.vocab import READING_HEADING

# A list that is a bibliography as well as references ("References and Bibliography",
# "Bibliography and References"): works consulted are listed beside works cited.
_BIBLIOGRAPHY_TOO = lazy(r"\band\s+bibliography\b|\bbibliography\s+and\s+references?\b", re.I)

CODE = "CC003"
NAME = "uncited-reference"
SEVERITY = "warning"
ENABLED = True


def check(ctx: Context) -> Iterator[Violation]:
    """Yield each keyed reference that nothing cites."""
    sections = ctx.doc.sections
    reading = {
        i
        for i, s in enumerate(sections)
        if s.covers or READING_HEADING.search(s.title) or _BIBLIOGRAPHY_TOO.search(s.title)
    }
    # An entry a misnamed callout meant (``(Van and Salomon, 1997)`` for "Van der Laan,
    # E., Salomon, M., 1997") is reported once, by dangling-citation, which names it.
    meant = {
        id(link.suggestion)
        for link in ctx.res.links
        if link.reference is None
        and link.suggestion is not None
        and link.marker.kind is MarkerKind.AUTHOR_YEAR
    }
    notes = {r.key for r in ctx.doc.references if r.key and r.key.startswith("^")}
    by_notes = _cited_by_notes(ctx.doc)
    noted = short_noted(ctx.doc)  # "Blair 2015, p. 24" in a note cites Blair's 2015 entry
    uncited: list[Reference] = []
    for ref in ctx.doc.references:
        if ref.key is None or id(ref) in ctx.res.shadowed or ref.section in reading:
            continue
        if by_notes and ref.kind not in _NOTES:
            continue
        if id(ref) in meant or _describes_note(ref, notes) or named(ref, noted) or _picture(ref):
            continue
        if id(ref) in ctx.listed_by_notes:  # a note names it: the note cites it
            continue
        if _prefix_only(ref):
            continue
        if ctx.res.citations(ref):
            continue
        uncited.append(ref)
    if (once := _uncalled_list(ctx, uncited)) is not None:
        yield once
        return
    for ref in uncited:
        end = first_line_end(ctx.doc.text, ref.start, ref.end)
        yield Violation(ref.start, end, f"{describe_reference(ref)} is never cited")


_NOTES = (BlockKind.FOOTNOTE, BlockKind.LINKDEF)


def _cited_by_notes(doc: Document) -> bool:
    """Whether the document cites only by notes and lists its sources unnumbered (the notes
    and bibliography layout: Chicago notes-bibliography, a German thesis's footnotes and
    ``Quellenverzeichnis``). The notes name the entries in a short form of their own
    ("Vgl. Lippert, Jan (2019)", "ebd."), not by a key, so an entry no marker reaches may
    still be cited: the list is not judged."""
    if doc.explicit_numbers or not any(r.kind is BlockKind.FOOTNOTE for r in doc.references):
        return False
    spans = sorted((r.start, r.end) for r in doc.references if r.kind is BlockKind.FOOTNOTE)
    starts = [s for s, _ in spans]
    listed = [r.start for r in doc.references if r.kind not in _NOTES]
    if listed and bisect_right(starts, max(listed)) != bisect_right(starts, min(listed)):
        return False  # notes among the entries: one list, its cited entries read as notes
    for m in doc.markers:
        i = bisect_right(starts, m.start) - 1
        in_note = i >= 0 and m.start < spans[i][1]
        if m.kind is not MarkerKind.FOOTNOTE and not in_note:
            return False  # the body cites the list itself
    return True


_UNCALLED = 3


def _uncalled_list(ctx: Context, uncited: list[Reference]) -> Violation | None:
    """One finding, at the list's heading, for a list of at least three entries that a
    text with no inline citation at all never calls (a review that closes with a numbered
    ``參考文獻`` and cites none of it): the list is read, and what is wrong is said once,
    not once per entry. None when the text has a marker, or the entries sit in no one
    section."""
    if ctx.doc.markers or len(uncited) < _UNCALLED:
        return None
    listed = [r for r in ctx.doc.references if r.key is not None]
    where = {r.section for r in uncited}
    if len(uncited) != len(listed) or len(where) != 1 or (k := where.pop()) is None:
        return None
    section = ctx.doc.sections[k]
    end = ctx.doc.text.find("\n", section.start)
    end = section.end if end < 0 or end > section.end else end
    return Violation(
        section.start,
        end,
        f"none of the {len(uncited)} entries of {section.title!r} is cited: the text has no "
        "inline citation (no number, footnote or author-year callout) that calls them",
    )


# A link definition whose destination is a picture (``[mvc]: images/mvc.png``): what an
# image ``![…][mvc]`` shows, not a source; left over when the image was dropped.
_PICTURE = lazy(
    r"\]:\s*(?:<[^<>\n]+\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?)>|\S+\.(?:png|jpe?g|gif|svg|webp"
    r"|bmp|tiff?))(?:\s+[\"'(][^\n]*)?\s*$",
    re.I,
)


def _picture(ref: Reference) -> bool:
    """Whether a link definition names a picture file (see ``_PICTURE``)."""
    return ref.kind is BlockKind.LINKDEF and bool(_PICTURE.search(ref.text))


# A note that is only a prefix: one to three words and a colon (``[^note]: Note:``,
# ``[^issue]: Open issue:``, the prefixes a kramdown-rfc draft defines for its comments).
_PREFIX_ONLY = lazy(r"^\W{0,3}\w+(?:[ \t]+\w+){0,2}[ \t]*:\W{0,3}$")


def _prefix_only(ref: Reference) -> bool:
    """Whether a footnote definition holds nothing but a prefix (see ``_PREFIX_ONLY``): no
    source to cite, so nothing that goes uncited."""
    return ref.kind is BlockKind.FOOTNOTE and bool(_PREFIX_ONLY.match(ref.text.strip()))


_NOTE_TAIL = lazy(r"\[(\^[^\[\]\s]{1,40})\]\W*$")


def _describes_note(ref: Reference, notes: set[str]) -> bool:
    """Whether a list entry ends by naming a footnote (``国家能源局. 2025年第四季度新闻发布会.
    2025年10月30日.[^22]``, a Perplexity export's bibliography above its notes): the entry
    describes that note's source, which the note's own markers cite or not."""
    m = _NOTE_TAIL.search(ref.text) if ref.section is not None else None
    return m is not None and m.group(1) in notes
