"""Section headings typed as numbered body paragraphs in a Word file with no heading styles.

A Word file written by a converter that lost the template (bookdown's or Pandoc's output
opened and saved without its reference document, a text pasted into a blank document)
keeps its section numbers in the text but no heading style or outline level: "1.1.1
Introduction", "1.1.2 Data Skills as a core part of the Biologist's training". Read as
paragraphs, these titles become claims, and the document shows no structure (no
Introduction, no reference heading) to the readers after it.

When no paragraph of the body is a heading by its style, a paragraph that opens with a
section number of the decimal system (ISO 2145: numbers joined by full stops, none after
the last, "1", "2.3", "1.1.4") and a capital, holds at most :data:`MOST_WORDS` words and
ends in no full stop is the heading of that depth, provided :data:`LEAST_HEADINGS` such
paragraphs are there, one of them with a dotted number: a document's outline, not one
paragraph that happens to open with a figure.
"""

from __future__ import annotations

from citecheck.reader.docx_roles import Line
from citecheck.text.recache import lazy

MOST_WORDS = 20
LEAST_HEADINGS = 3
_NUMBERED = lazy(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\s+[A-Z\u00c0-\u024f\u0400-\u042f]")


def typed_headings(lines: list[Line]) -> None:
    """Retag, in place, the numbered titles of a body with no heading (see the module)."""
    if any(x.tag.startswith("H") for x in lines):
        return
    found: list[tuple[Line, int]] = []
    for x in lines:
        if x.tag != "P" or x.label:
            continue
        m = _NUMBERED.match(x.text)
        if m is None or len(x.text.split()) > MOST_WORDS or x.text.rstrip().endswith("."):
            continue
        found.append((x, m.group(1).count(".") + 1))
    if len(found) < LEAST_HEADINGS or all(depth == 1 for _, depth in found):
        return
    for x, depth in found:
        x.tag = f"H{min(depth, 9)}"
