"""Lists of entries in a Word body, told from the paragraphs around them.

A plain paragraph, or an item of a list, that only names a reference section
("References", a thesis's "Bibliografia" set as the last item of its appendix's numbered
list) is that section's heading when entries follow it: items of Word's numbered list, or
paragraphs whose labels are typed ("[1] – Wil M. P. van der Aalst: Process Mining…").
Word's numbered bibliography (IEEE) whose table was converted to text stands as pairs of
paragraphs, the label alone ("[1]") then the entry: each pair is one list item labelled
``[1]``, as the table's row is read (see :mod:`.docx_tables`). A PDF converted to Word
breaks an entry over paragraphs (its address, its year on lines of their own) and repeats
the list's heading at the top of its next page: the pieces are joined, the repeat dropped.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from citecheck.text.recache import lazy
from citecheck.text.vocab import REFERENCE_HEADING

if TYPE_CHECKING:
    from citecheck.reader.docx_roles import Line

# How many numbered items must follow a bare "References" paragraph to make it a heading,
# among how many lines (an entry's address may stand on a line of its own).
_BARE_ITEMS = 2
_BARE_LOOK = 4
# An entry's label typed at the head of its paragraph ("[1] – Wil M. P. van der Aalst…"),
# and a paragraph that is only a label ("[12]").
_TYPED_LABEL = lazy(r"^\[\d{1,4}\][^\S\n]*[^\s\d]")
_LABEL_ONLY = lazy(r"^\[\d{1,4}\]$")


def label_pairs(lines: list[Line]) -> None:
    """Join each pair of a label-only paragraph ("[1]") and the entry after it into one
    list item labelled ``[1]`` (see the module docstring), where two pairs or more stand
    in a row."""
    pairs = [_pair(lines, i) for i in range(len(lines))]
    out: list[Line] = []
    skip = False
    for i, x in enumerate(lines):
        if skip:
            skip = False
            continue
        if pairs[i] and ((i >= 2 and pairs[i - 2]) or (i + 2 < len(lines) and pairs[i + 2])):
            entry = lines[i + 1]
            out.append(replace(entry, tag="L", label=x.text, bib=entry.bib or x.bib))
            skip = True
            continue
        out.append(x)
    lines[:] = out


def _pair(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` is a paragraph holding only a label and the next an entry."""
    if i + 1 >= len(lines) or lines[i].tag != "P" or not _LABEL_ONLY.match(lines[i].text):
        return False
    entry = lines[i + 1]
    return entry.tag == "P" and len(entry.text.split()) >= 2


def bare_reference_headings(lines: list[Line]) -> None:
    """A plain paragraph, or an item of a list, that is only a reference section's name
    ("References", "Bibliografia") and is followed by entries (numbered list items, or
    paragraphs that open with a typed label, "[1] – …"; an entry's address may stand
    on a line of its own between them) is that section's heading: a writer who numbers
    the entries with Word's own list or by hand but types the title in the body style or
    as the last item of a list. It takes the level of the document's top headings (1 when
    it has none), so it runs to the next of them."""
    levels = [int(x.tag[1]) for x in lines if x.tag.startswith("H")]
    top = min(levels, default=1)
    for i, x in enumerate(lines):
        if x.tag not in ("P", "L") or not REFERENCE_HEADING.match(x.text):
            continue
        after = lines[i + 1 : i + 1 + _BARE_LOOK]
        entries = sum(1 for y in after if _entry(y))
        if after and _entry(after[0]) and entries >= _BARE_ITEMS:
            x.tag, x.label = f"H{top}", ""


def entry_label(text: str) -> bool:
    """Whether a paragraph's text opens with an entry's typed label ("[2] – Wireshark…")."""
    return bool(_TYPED_LABEL.match(text.lstrip()))


# The rest of an entry on a paragraph of its own: its address, its year ("2019.").
_ENTRY_REST = lazy(r"^(?:(?:https?://|www\.)\S+(?:\s+\S+){0,2}|\S+(?:\s+\S+)?)$")


def list_continuations(lines: list[Line]) -> None:
    """Under a reference heading, join to a numbered entry the paragraphs after it that
    only carry the rest of it (its address, its year: a PDF converted to Word breaks an
    entry so), and drop the heading repeated above the rest of the list (the running head
    of the list's next page, "BIBLIOGRAFIA" between entries [11] and [12])."""
    out: list[Line] = []
    under = ""  # the reference heading open, "" when none is
    for x in lines:
        last = out[-1] if out else None
        if x.tag.startswith("H"):
            named = REFERENCE_HEADING.match(x.text) is not None
            if named and under and under == x.text.casefold() and last and _entry(last):
                continue  # the list's heading again, between two of its entries
            under = x.text.casefold() if named else ""
        elif under and last is not None and last.tag == "L" and last.label and _rest(x):
            last.text = f"{last.text} {x.text}"
            continue
        out.append(x)
    lines[:] = out


def _rest(line: Line) -> bool:
    """A paragraph that only carries the rest of an entry: an address or a year."""
    return line.tag == "P" and not line.label and bool(_ENTRY_REST.match(line.text))


def _entry(line: Line) -> bool:
    """A numbered list item, or a paragraph or item that opens with a typed label and that
    Word does not mark as its bibliography (a run it marks is read by its mark)."""
    if line.tag == "L" and line.label:
        return True
    return line.tag in ("P", "L") and not line.bib and bool(_TYPED_LABEL.match(line.text))
