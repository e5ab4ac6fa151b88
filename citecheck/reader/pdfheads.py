"""What PDF text extraction does to a paper's headings and author-year entries.

Headings in small capitals or letter-spaced come apart (``R EFERENCES``, ``R`` then
``EFERENCES``, ``II. S YSTEM M ODEL``, ``R E F E R E N C E S``; see
:mod:`citecheck.text.smallcaps`); an unnumbered author-year entry (AAAI, ACL, APA) is
broken across lines anywhere, so a line of it may look like a heading or end a sentence.
Used by the plain-text reader (:mod:`citecheck.reader.text`).
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy
from citecheck.text.smallcaps import split_capital, uncapped

# A numbered heading once its small capitals are joined: "II. SYSTEM MODEL", "3. RESULTS".
_NUMBERED = lazy(r"\s*(?:[IVXLC]{1,6}|\d{1,2})\.\s+[A-Z]")
# The head of an unnumbered author-year entry: a surname (two words at most, particles
# lower-case), a comma and initials ("Alemi, A. A.;", "De Gregorio, D.", "Leimk ¨uhler, T.").
_NAME_HEAD = lazy(
    r"[ \t]*(?:(?:van|von|de|der|den|da|di|du|la|le)[ \t]+)*[A-Z][^\s,;.()]{1,30}"
    r"(?:[ \t]+[^\s,;.()]{1,30})?,[ \t]+[A-Z](?:\.|[a-z]*[A-Z]?\.)"
)
# The line above still lists names ("…; and" / "Fischer," / "Fei-"): the next name is one.
_NAME_RUNS_ON = lazy(r"(?:\band|&|[,;\-–])$")
# What ends a list that runs on line after line: "2 Methods", "Appendix A", "NOTES"; not
# a year that opens an author-year entry's second line ("2019. MVTec AD…", _YEAR_LINE).
HEADING_LIKE = lazy(r"^(?:\d+(?:\.\d+)*\.?\s+[A-Z]|Appendix\b|[A-Z][A-Z ]{3,}$)")
_YEAR_LINE = lazy(r"[ \t]*(?:1[6-9]|20)\d\d[a-z]?\.[ \t]")


def caps_heading(
    text: str, lines: list[tuple[int, int]], i: int, reference: re.Pattern[str]
) -> tuple[str, int] | None:
    """The heading a mangled line ``i`` of ``text`` opens, as ``(title, last line)``, or None.

    ``R EFERENCES`` or ``R E F E R E N C E S`` alone on its line, or the capital there and
    the rest on the next line (``R`` / ``EFERENCES``, ``V. C`` / ``ONCLUSION``). A heading
    that is not ``reference`` (the pattern of a list's heading) must carry its number, so
    that a symbol alone on its line above a word in capitals is no heading.
    """
    s, e = lines[i]
    line = text[s:e]
    if (joined := uncapped(line)) != line and (reference.match(joined) or _NUMBERED.match(joined)):
        return joined, i
    if i + 1 >= len(lines):
        return None
    whole = split_capital(line, text[lines[i + 1][0] : lines[i + 1][1]])
    if whole is None or not (reference.match(whole) or _NUMBERED.match(whole)):
        return None
    return whole, i + 1


def name_head(text: str, at: int = 0) -> bool:
    """Whether ``text`` at ``at`` opens an author-year entry: a surname, a comma, initials."""
    return bool(_NAME_HEAD.match(text, at))


def entry_goes_on(text: str, above: tuple[int, int], line: str) -> bool:
    """Whether ``line`` goes on the unnumbered author-year entry whose last line is
    ``above`` (offsets into ``text``): yes unless it opens with a name and initials where
    the line above ends no list of names ("and", ",", ";", a hyphen), or is a heading that
    is numbered or in capitals."""
    prev = text[above[0] : above[1]].rstrip()
    stripped = line.strip()
    if _NAME_HEAD.match(stripped) and not _NAME_RUNS_ON.search(prev):
        return False
    return not HEADING_LIKE.match(stripped) or bool(_YEAR_LINE.match(line))


_LEAST_LINES = 30  # an unbroken text: this many lines with text or more …
_BLANKS_PER_LINE = 0.05  # … and at most one blank line in twenty of them


def unbroken_text(text: str) -> bool:
    """Whether a text named Markdown is a PDF's text saved as ``.md``: thirty lines or more,
    hardly a blank line between them (Markdown parts its paragraphs with blank lines, so the
    whole paper would read as one paragraph), and no sign of Markdown (see
    :func:`citecheck.reader.sniff.sniff`)."""
    if "<!--" in text or "|---" in text or "| ---" in text:
        return False  # HTML comments or a pipe table: Markdown's, whatever else it holds
    lines = text.count("\n") + 1
    blanks = len(_BLANK_LINE.findall(text))
    if lines - blanks < _LEAST_LINES or blanks > (lines - blanks) * _BLANKS_PER_LINE:
        return False
    from citecheck.reader.sniff import sniff

    return sniff(text) == "text"


_BLANK_LINE = lazy(r"^[ \t\r\f]*$", re.M)


# The opening of an author's biography, set after the reference list of an IEEE journal
# paper: "Helin Yang (Member, IEEE) r eceived the B.S. …", "Wenna Lai is currently a …".
_BIOGRAPHY = lazy(
    r"^[ \t]*(?:[A-Z][\w'’-]*\.?[ \t]){1,3}[A-Z][\w'’-]+(?:[ \t]\([^()\n]{2,40}\))?,?[ \t]"
    r"(?:r ?eceived[ \t](?:the|a|an|her|his)\b"
    r"|is[ \t](?:currently[ \t]|now[ \t])?(?:a|an|the|with)\b)"
)


def biography(line: str) -> bool:
    """Whether ``line`` opens an author's biography (``Jun Zhao (Member, IEEE) received
    the …``): after a reference list, the paper's apparatus, neither entries nor claims."""
    return bool(_BIOGRAPHY.match(line))


# A publisher's cover page that cites the paper itself: "To cite this article: Ming Xu, …
# (2019): Network-wide …, Journal of …, DOI: 10.1080/…" (Taylor & Francis), "Please cite
# this article as: …" (Elsevier), "How to cite this article: …" (Wiley).
_SELF_CITATION = lazy(
    r"[ \t]*(?:to\s+cite\s+this\s+(?:article|paper)|(?:please\s+)?cite\s+this\s+(?:article|paper)"
    r"(?:\s+\(in\s+press\))?(?:\s+as)?|how\s+to\s+cite\s+this\s+(?:article|paper))\s*:",
    re.I,
)
_CITATION_END = lazy(r"\b(?:doi\b|10\.\d{4,9}/|https?://)", re.I)
_LONGEST_SELF_CITATION = 6  # lines


def self_citation(text: str, lines: list[tuple[int, int]], i: int) -> int:
    """How many lines from line ``i`` on the publisher's citation of the paper itself
    takes (``To cite this article: …``, to its DOI or link, six lines at most), or 0 when
    line ``i`` opens none. Apparatus: no callout of the paper, no claim."""
    if not _SELF_CITATION.match(text, lines[i][0], lines[i][1]):
        return 0
    for n, (s, e) in enumerate(lines[i : i + _LONGEST_SELF_CITATION], 1):
        if not text[s:e].strip():
            return n - 1
        if _CITATION_END.search(text, s, e):
            return n
    return 1
