"""Headings that PDF text extraction mangles: small capitals and letter spacing.

A PDF typesets a small-capitals heading as a capital in one font and the rest in another,
and extractors (pdftotext, PyMuPDF, pypdf) often set the two apart: ``R EFERENCES``,
``II. S YSTEM M ODEL``, or the capital on a line of its own above the rest (``R`` then
``EFERENCES``, ``V. C`` then ``ONCLUSION``). A heading set letter-spaced comes out as
``R E F E R E N C E S``, and a Chinese or Japanese one ``参 考 文 献``. :func:`uncapped`
gives such a heading back its words, so that it is matched as written by the author; a
line that is not such a heading is returned unchanged.
"""

from __future__ import annotations

from citecheck.text.recache import lazy

# An optional section number, then capitals with the spaces extraction left inside words.
_CAPS_LINE = lazy(r"^\s*((?:[IVXLC]{1,6}|\d{1,2}|[A-Z])\.\s+)?([A-Z][A-Z \-–]*)\s*$")
# A capital alone before the rest of its word ("S YSTEM"), not a word of one letter ("A").
_LONE_CAPITAL = lazy(r"\b([A-Z]) (?=[A-Z]{2,}\b)")
_SPACED = lazy(r"^(?:[A-Z] ){3,}[A-Z]$")
# The capital of a heading alone on its line, the rest of the word on the next one.
_CAPITAL_LINE = lazy(r"^\s*((?:[IVXLC]{1,6}|\d{1,2})\.\s+)?[A-Z]\s*$")
_REST_LINE = lazy(r"^\s*[A-Z]{2,}(?:[ \-–][A-Z]+)*\s*$")


# A CJK heading set with a space between its characters: "参 考 文 献", "致　谢".
_SPACED_CJK = lazy(
    r"^\s*(?:#{1,6}\s*)?([\u3040-\u30ff\u4e00-\u9fff]"
    r"(?:[ \t\u3000]{1,3}[\u3040-\u30ff\u4e00-\u9fff]){1,7})\s*$"
)
_CJK_GAP = lazy(r"[ \t\u3000]+")


def uncapped(line: str) -> str:
    """``line`` with the words of a small-capitals or letter-spaced heading joined again.

    ``"R EFERENCES"`` → ``"REFERENCES"``, ``"II. S YSTEM M ODEL"`` → ``"II. SYSTEM MODEL"``,
    ``"R E F E R E N C E S"`` → ``"REFERENCES"``, ``"参 考 文 献"`` → ``"参考文献"``; any
    other line (mixed case, prose) is returned as it is. Pure; no error raised.
    """
    if cjk := _SPACED_CJK.match(line):
        return _CJK_GAP.sub("", cjk.group(1))
    m = _CAPS_LINE.match(line)
    if m is None:
        return line
    number, words = m.group(1) or "", m.group(2).strip()
    if _SPACED.match(words):
        return number + words.replace(" ", "")
    joined = _LONE_CAPITAL.sub(r"\1", words)
    return line if joined == words else number + joined


def split_capital(line: str, following: str) -> str | None:
    """The heading a capital alone on ``line`` makes with the capitals on ``following``
    (``"R"`` + ``"EFERENCES"`` → ``"REFERENCES"``, ``"V. C"`` + ``"ONCLUSION"`` →
    ``"V. CONCLUSION"``), or None when the two lines are not one such heading."""
    if not (_CAPITAL_LINE.match(line) and _REST_LINE.match(following)):
        return None
    return line.strip() + following.strip()
