"""A wiki's lettered notes, pasted as text or Markdown: ``[a]`` … ``[ac]`` in the prose.

Wikipedia keeps two lists under an article: the explanatory notes, lettered (``[a]``,
``[b]``, … ``[z]``, ``[aa]``; the ``{{efn}}`` group, MediaWiki's ``lower-alpha`` list
style), and the references, numbered. A page copied as text, or converted to Markdown,
keeps the letters in the prose but loses them in the list, which Markdown and a copied
``<ol>`` can only number: the notes come out as ``1.``, ``2.``, … beside the references'
own ``1.``, ``2.``. Read as they stand, each note would be a second definition of a
reference's number, and the prose's ``[a]`` would cite nothing.

When the prose holds lettered markers from ``[a]`` on (or, in capitals, from ``[A]``
on: the ``upper-alpha`` group) and a section titled as notes
(``Notes``, ``Explanatory notes``, ``Footnotes``) numbers its entries from 1 while another
list uses the same numbers, the notes section's entries are the lettered notes: entry
*n* takes the *n*-th letter key (1 → ``a``, 26 → ``z``, 27 → ``aa``), which the prose's
markers then cite. An HTML page needs none of this: its links name the note they cite
(:mod:`citecheck.reader.html_notes`).

A notes section opened by a label line (``Notes:``) that no letter claims, whose
numbered entries show no source (no address, authors or outlet) and one at least reads as
an aside (:func:`~citecheck.parser.sourcelike.is_note`), and whose every number another
list already holds, is a passage's own notes (an RFC's ``Notes:`` ``1)`` … ``3)``
under a media type's definition): its items go back to the body
instead of standing as second definitions of the references' numbers. So does one whose
items are bullets (no typed number or label, so nothing can cite them) that show no
source, one at least reading as an aside or all written as sentences: a kramdown-rfc
draft's ``Notes:`` under a selector's syntax, ``* An index is an integer in base 10.``.
"""

from __future__ import annotations

from citecheck.model import BlockKind, Document, Reference
from citecheck.parser.sourcelike import is_note
from citecheck.text.recache import lazy
from citecheck.text.vocab import NOTES_HEADING

# A lettered note marker as a wiki writes it: glued to the word or punctuation it follows.
_LETTER = lazy(r"(?<=[\w.,;:!?)\]\"”’'])\[([a-z]{1,2})\]")
# The same in capitals (the ``upper-alpha`` group, ``{{efn-ua}}``): ``[A]`` … ``[Z]``.
_UPPER = lazy(r"(?<=[\w.,;:!?)\]\"”’'])\[([A-Z]{1,2})\]")


def letter_key(n: int) -> str:
    """The letter a wiki gives its ``n``-th note (1 → ``a``, 26 → ``z``, 27 → ``aa``)."""
    if n <= 26:
        return chr(ord("a") + n - 1)
    return letter_key((n - 1) // 26) + chr(ord("a") + (n - 1) % 26)


def _letters(text: str, upper: bool = False) -> set[str]:
    return {m.group(1).lower() for m in (_UPPER if upper else _LETTER).finditer(text)}


def lettered_markers(masked: str) -> set[str]:
    """The letters of the lower-case lettered note markers of a masked text (``[a]`` glued
    to the word or punctuation it follows), in lower case."""
    return _letters(masked) if "[a]" in masked else set()


def letter_notes(doc: Document, masked: str) -> None:
    """Re-key, in place, a numbered notes section's entries as the lettered notes the
    prose cites (see the module's docstring). ``masked`` is the document's masked text."""
    upper = "[a]" not in masked
    if upper and "[A]" not in masked:
        return
    by_section: dict[int, list[Reference]] = {}
    for ref in doc.references:
        if ref.section is not None and ref.number is not None and ref.kind is not BlockKind.LINKDEF:
            by_section.setdefault(ref.section, []).append(ref)
    if len(by_section) < 2:
        return
    letters = _letters(masked, upper)
    if "a" not in letters:
        return
    for k, refs in by_section.items():
        if not NOTES_HEADING.search(doc.sections[k].title):
            continue
        numbers = [r.number for r in refs]
        if numbers != list(range(1, len(refs) + 1)):
            continue
        others = {r.number for j, rs in by_section.items() if j != k for r in rs}
        keys = [letter_key(n) for n in range(1, len(refs) + 1)]
        if 1 not in others or not letters <= set(keys):
            continue
        for ref, key in zip(refs, keys, strict=True):
            ref.key, ref.number = key.upper() if upper else key, None


def _run_in(text: str, start: int) -> bool:
    """Whether the section opens at a label line ending in a colon (``Notes:``), not at a
    heading of the document."""
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)].rstrip().endswith(":")


def _sourced(ref: Reference) -> bool:
    return bool(ref.url or ref.doi or ref.authors or ref.outlet)


def _sentence(ref: Reference) -> bool:
    """An item written as a sentence of six words or more, closed by its full stop."""
    text = ref.text.rstrip()
    return text.endswith((".", "!", "?")) and len(text.split()) >= _SENTENCE_WORDS


_SENTENCE_WORDS = 6


def passage_notes(doc: Document) -> None:
    """Give back to the body, in place, the notes sections that are a passage's own notes
    (see the module's docstring)."""
    by_section: dict[int, list[Reference]] = {}
    for ref in doc.references:
        if ref.section is not None and ref.kind is not BlockKind.LINKDEF:
            by_section.setdefault(ref.section, []).append(ref)
    dropped: set[int] = set()
    for k, refs in by_section.items():
        section = doc.sections[k]
        if not NOTES_HEADING.search(section.title) or not _run_in(doc.text, section.start):
            continue
        if any(_sourced(r) for r in refs):
            continue
        if all(r.number is None and r.key is None for r in refs):
            if any(is_note(r.text) for r in refs) or all(map(_sentence, refs)):
                dropped.add(k)  # bullets nothing can cite
            continue
        if len(by_section) < 2 or not all(r.number is not None for r in refs):
            continue
        if not any(is_note(r.text) for r in refs):
            continue
        taken = {
            r.number for j, rs in by_section.items() if j != k and j not in dropped for r in rs
        }
        if all(r.number in taken for r in refs):
            dropped.add(k)
    give_back(doc, dropped)


def give_back(doc: Document, sections: set[int]) -> None:
    """Sections (indexes into ``doc.sections``) that are no list after all: their entries
    are dropped and their blocks go back to the body, to be read as prose."""
    if not sections:
        return
    doc.references = [r for r in doc.references if r.section not in sections]
    for block in doc.blocks:
        if block.section in sections:
            block.section = None
