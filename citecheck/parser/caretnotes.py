"""A wiki page's text whose notes lists show the back-link caret: ``^ Lyall, Sarah (2017)…``.

A Wikipedia page copied as the text of the whole web page keeps its two lists under the
article, the explanatory notes (``Notes``) and then the references (``References``), each
entry opening with the ``^`` back-link the page shows (``^ a b c`` when a note is called
more than once), and neither with its label: the notes' letters (``[a]``, ``[b]``; the
``{{efn}}`` group) and the references' numbers are gone. Numbered in order as one list,
the notes take the first numbers and every reference is read some entries early: ``[5]``
in the prose resolves to the page's fourth reference, entries the page cites read as
never cited, and sentences as citing the wrong source.

:func:`caret_notes` reads such a page as the page shows it: when the prose holds
lettered markers (``[a]`` glued to a word), a section titled as notes whose entries
all open with the caret, and followed by another list of caret entries, is the lettered
notes (its *n*-th entry takes the *n*-th letter, which the prose's markers cite); in
a page whose lists are of caret entries, an entry without a caret (an infobox's "Notes"
field read under its label) is none of the lists' notes, and takes no number (a notes
section of such entries alone goes back to the body, where its callouts cite); and a caret
entry read as no source (a leading article taken for commentary) keeps its place in the
count, so that the entries after it keep their numbers.
"""

from __future__ import annotations

from citecheck.model import BlockKind, Document, NonReference, Reference
from citecheck.parser.letternotes import give_back, letter_key, lettered_markers
from citecheck.text.vocab import NOTES_HEADING

_MIN_CARETS = 3  # caret entries a page needs before an entry without one is told apart


def _caret(doc: Document, ref: Reference | NonReference) -> bool:
    return doc.text[ref.start : ref.start + 2].lstrip().startswith("^")


def caret_notes(doc: Document, masked: str) -> tuple[set[int], list[NonReference]]:
    """Re-key, in place, the lettered notes of a caret page (see the module's docstring).
    Returns the entries (by ``id``) that take no number, and the caret entries read as no
    source, in order: each holds its number in the page's list all the same, so the
    entries after it count it (the caller numbers it, as its ``key``). A section of
    entries none of which has a caret goes back to the body. ``masked`` is the document's
    masked text. Nothing changes, and both are empty, for any other document."""
    loose = [
        r
        for r in doc.references
        if r.key is None
        and r.number is None
        and r.kind not in (BlockKind.FOOTNOTE, BlockKind.LINKDEF)
        and r.section is not None
    ]
    carets = [r for r in loose if _caret(doc, r)]
    if len(carets) < _MIN_CARETS or 2 * len(carets) < len(loose):
        return set(), []
    bare = {r.section for r in loose} - {r.section for r in carets}
    give_back(
        doc, {k for k in bare if k is not None and NOTES_HEADING.search(doc.sections[k].title)}
    )
    by_section: dict[int, list[Reference]] = {}
    for ref in carets:
        assert ref.section is not None
        by_section.setdefault(ref.section, []).append(ref)
    letters = lettered_markers(masked)
    sections = sorted(by_section)
    if letters and "a" in letters and len(sections) >= 2:
        for k in sections[:-1]:
            refs = by_section[k]
            keys = [letter_key(n) for n in range(1, len(refs) + 1)]
            if NOTES_HEADING.search(doc.sections[k].title) and letters <= set(keys):
                for ref, key in zip(refs, keys, strict=True):
                    ref.key = key
                break
    sections = [k for k in sections if not any(r.key for r in by_section[k])]
    spans = [(doc.sections[k].start, doc.sections[k].end) for k in sections]
    gaps = sorted(
        (
            n
            for n in doc.non_references
            if _caret(doc, n) and any(s <= n.start < e for s, e in spans)
        ),
        key=lambda n: n.start,
    )
    return {id(r) for r in loose if not _caret(doc, r) and r.section in by_section}, gaps
