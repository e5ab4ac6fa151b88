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

# Placeholders a writer leaves where a citation belongs, and the inline cleanup tags of
# Wikipedia (Template:Citation needed, Template:Inline cleanup tags) that say a source is
# missing, unreliable or does not back the text.
_PLACEHOLDERS = (
    r"citations?(?:\s+needed)?|needs?\s+(?:a\s+)?(?:citation|source)|sources?(?:\s+needed)?\??"
    r"|cite|cite\s+needed|ref(?:erence)?(?:\s+needed)?\??|references?\s+needed|tk|tktk"
    r"|citation\?|who\?|by\s+whom\?|according\s+to\s+whom\?|when\?|which\?|where\?"
    r"|(?:better|reliable|independent|third[- ]party|non[- ]primary|secondary|medical)"
    r"\s+source\s+needed|full\s+citation\s+needed|failed\s+verification"
    r"|verification\s+(?:needed|failed)|unreliable(?:\s+medical)?\s+source\??"
    r"|self[- ]published\s+source\??|(?:page|pages|page\s+range|year|date|quotation"
    r"|attribution|url|link)\s+needed|not\s+in\s+(?:citation|source)\s+given"
    r"|citation\s+not\s+found|irrelevant\s+citation|dubious(?:\s*[-–—]\s*discuss)?"
)
PLACEHOLDER = re.compile(rf"^\s*(?:{_PLACEHOLDERS})\s*$", re.IGNORECASE)
# ``{{citation needed|date=May 2024}}``: the template's name, before any parameter.
TEMPLATE_PLACEHOLDER = re.compile(rf"^(?:{_PLACEHOLDERS}|cn|fact|citation\s+needed\s+span)$", re.I)

TERMINAL = re.compile(r"(?:[.!?:;…]|\.\.\.)[\"'”’)\]»]*\s*$|\]\s*$")
