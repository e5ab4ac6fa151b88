"""GROBID's footnotes in TEI: ``<ref type="foot">`` callouts and ``<note place="foot">``.

GROBID keeps a paper's footnotes apart from its references (the TEI encoding of its
results, "Footnotes"): the callout in the text is ``<ref type="foot" target="#foot_0">3
</ref>``, the superscript number as the PDF printed it, and the note is
``<note place="foot" n="3" xml:id="foot_0">https://potassco.org/</note>`` after the body.
A note names a source (a URL, a work) or explains, and may itself cite the paper's
references (``see <ref type="bibr" target="#b40">[41]</ref>``). Both were left blank,
so the claims a footnote supports read as uncited and the citations inside notes were
lost. :mod:`citecheck.reader.tei` writes a callout as the marker ``[^3]`` and reads a note
as a footnote keyed ``^3``, as a Markdown footnote is; the key is the note's ``n`` (its
number in the PDF), or its ``xml:id`` when it has none, found through the callout's
target.
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

_NOTE = lazy(r"<(?:\w+:)?note\b([^<>]*)>")
_ATTR = lazy(r"""([\w:]+)\s*=\s*["']([^"']*)["']""")


def foot_keys(source: str) -> dict[str, str]:
    """The key of each footnote of a TEI text by its ``xml:id``: its ``n`` (``"3"``), or the
    id itself when it has none. Empty when the text has no ``<note place="foot">``."""
    out: dict[str, str] = {}
    if 'place="foot"' not in source and "place='foot'" not in source:
        return out
    for m in _NOTE.finditer(source):
        attrs = dict(_ATTR.findall(m.group(1)))
        ident = attrs.get("xml:id", "")
        if attrs.get("place") == "foot" and ident:
            out[ident] = note_key(attrs)
    return out


def note_key(attrs: dict[str, str]) -> str:
    """A footnote's key from its attributes: ``n`` when it is a short label, else its id."""
    n = attrs.get("n", "").strip()
    return n if re.fullmatch(r"\w{1,6}", n) else attrs.get("xml:id", "").strip() or "note"


def is_footnote(name: str, attrs: dict[str, str]) -> bool:
    """Whether an element (local name and attributes) is a footnote: ``<note place="foot">``."""
    return name == "note" and attrs.get("place") == "foot"
