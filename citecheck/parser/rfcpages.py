"""An RFC's reference list as a Markdown conversion leaves it: page furniture between its
entries, and the next section's heading as a plain paragraph.

A converter that turned the headings of an RFC's first pages into Markdown headings may
leave the rest in its plain-text pages: the page footer (``Fielding & Reschke   Standards
Track   [Page 74]``) and running head (``RFC 7230   HTTP/1.1 Message Syntax and Routing
June 2014``) stand as paragraphs between the entries of "11.1.  Normative References",
and "Appendix A.  HTTP Version History" is a paragraph too. The list goes on across the
furniture (it is no entry), and ends at the next RFC-numbered heading when the list's own
heading is RFC-numbered ("11.2.  Informative References").
"""

from __future__ import annotations

from citecheck.model import Block, BlockKind
from citecheck.reader.textlines import is_chrome
from citecheck.text.recache import lazy

# An RFC's section heading: its number ("11.2.", "A.1.", "Appendix B.") and two spaces.
_NUMBERED = r"(?:Appendix[ \t]+[A-Z]|[A-Z]|\d{1,2})(?:\.\d{1,2})*\.[ \t]{2}"
_RFC_TITLE = lazy(_NUMBERED + r"\S")
_RFC_HEADING = lazy(r"[ \t]*" + _NUMBERED + r"[A-Z][^\n]{0,70}")


def furniture(block: Block, raw: str) -> bool:
    """Whether a paragraph is only an RFC's page furniture: its page footer (``[Page 74]``)
    or running head (``RFC 7230   Title   June 2014``), one line each."""
    if block.kind is not BlockKind.PARAGRAPH:
        return False
    lines = [line for line in raw[block.start : block.end].split("\n") if line.strip()]
    return bool(lines) and len(lines) <= 2 and all(is_chrome(line) for line in lines)


def next_heading(title: str, block: Block, raw: str) -> bool:
    """Whether a one-line paragraph is the RFC heading after a list headed ``title``: both
    numbered as an RFC numbers its sections (``11.2.  Informative References``, then
    ``Appendix A.  HTTP Version History``)."""
    if block.kind is not BlockKind.PARAGRAPH or not _RFC_TITLE.match(title):
        return False
    return bool(_RFC_HEADING.fullmatch(raw, block.start, block.end))
