"""Mathematics in prose: ``$…$``, ``$$…$$``, ``\\(…\\)`` and ``\\[…\\]`` are never scanned.

Papers converted from PDF or LaTeX keep their formulas in TeX (a ``\\(…\\)`` or ``\\[…\\]``
holds an operator, so that Markdown's escaped ``\\[12\\]`` stays a marker): ``\\( s = [1 1]^T \\)``,
``$[-1, 1]$``, ``$$x \\in [0, 1]$$``. Brackets inside are intervals, vectors and indices,
not citations, so the masked copy blanks the formula. Inline ``$…$`` follows Pandoc's rule
(no blank after the opening ``$`` or before the closing one, no digit after it), so prices
(``$5 and $10``) are left alone.
"""

from __future__ import annotations

from citecheck.text.recache import lazy

_MATH = lazy(
    r"\$\$[^$]{1,4000}?\$\$"
    r"|(?<![\\$\w])\$(?=[^\s$])[^$\n]{0,400}?(?<=[^\s\\])\$(?![\d$])"
    r"|\\\((?=(?:(?!\\\))[\s\S]){0,2000}?(?:[=^_{}<>+|]|\\[A-Za-z]))(?s:.{1,2000}?)\\\)"
    r"|\\\[(?=(?:(?!\\\])[\s\S]){0,4000}?(?:[=^_{}<>+|]|\\[A-Za-z]))(?s:.{1,4000}?)\\\]"
)
_NOT_NEWLINE = lazy(r"[^\n]")


def blank_math(text: str, masked: str) -> str:
    """``masked`` with every formula of ``text`` blanked (line breaks kept, so offsets
    hold). The formulas are found in the text as written: Markdown's masked copy has
    already dropped the backslash of ``\\(``."""
    if "$" not in text and "\\" not in text:
        return masked
    parts: list[str] = []
    pos = 0
    for m in _MATH.finditer(text):
        parts.append(masked[pos : m.start()])
        parts.append(_NOT_NEWLINE.sub(" ", masked[m.start() : m.end()]))
        pos = m.end()
    if not parts:
        return masked
    parts.append(masked[pos:])
    return "".join(parts)
