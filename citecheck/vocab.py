"""Shared vocabulary: the words and shapes that several stages recognise."""

from __future__ import annotations

import re

REFERENCE_WORDS = (
    "references",
    "reference",
    "sources",
    "source",
    "notes",
    "citations",
    "bibliography",
    "works cited",
    "footnotes",
    "endnotes",
    "literature cited",
    "further reading",
)

_NUMBERING = r"(?:(?:\d+|[A-Z])(?:\.\d+)*\.?\s+)?"
_QUALIFIER = r"(?:(?:normative|informative|selected|cited|external|other|general)\s+)?"


def reference_heading(extra: tuple[str, ...] = ()) -> re.Pattern[str]:
    """Compile the pattern of a heading that opens a reference section."""
    words = "|".join(re.escape(w) for w in (*REFERENCE_WORDS, *extra))
    # No two whitespace runs touch: adjacent ``\s*`` would backtrack quadratically.
    return re.compile(
        rf"^\s*(?:#{{1,6}}\s*)?{_NUMBERING}{_QUALIFIER}(?:{words})(?:\s*:)?(?:\s*#+)?\s*$",
        re.IGNORECASE,
    )


REFERENCE_HEADING = reference_heading()

PLACEHOLDER = re.compile(
    r"^\s*(?:citation(?:s)?(?: needed)?|needs? (?:a )?(?:citation|source)|source(?: needed)?\??"
    r"|cite|cite needed|ref(?:erence)?(?: needed)?\??|reference needed|tk|tktk|source\?"
    r"|citation\?|who\?|by whom\?|according to whom\?)\s*$",
    re.IGNORECASE,
)

TERMINAL = re.compile(r"(?:[.!?:;…]|\.\.\.)[\"'”’)\]»]*\s*$|\]\s*$")
