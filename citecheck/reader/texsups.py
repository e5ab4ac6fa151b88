"""Raised citation numbers a conversion wrote as TeX: ``infants$^{2,3}$``, ``et al. $ ^{12}
$ used``, ``correlation  $^{44-46}$ .``

MinerU and other PDF-to-Markdown converters that write formulas in TeX set a superscript
citation as a formula holding nothing but the raised numbers. The formula is blanked in
the masked copy (:mod:`.math`) and the citation with it; here the masked copy shows the
numbers as the raised digits they are (``¹``, ``⁴⁴-⁴⁶``), at the formula's start and
closed up, so that the parser reads them as it reads Unicode superscripts: only in a
document with a numbered list that holds every number, and only where a citation can stand
(see :mod:`citecheck.parser.superscripts`). Same length, offsets hold. A formula with
anything else in it (``$x^{2}$``, ``$10^{-13}$``) is left as it is, and so are the raised
numbers above the abstract or introduction (the authors' affiliations).
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

_TEX_SUP = lazy(
    r"(?<![$\\])\$[ \t]?\^[ \t]?\{[ \t]?(\d{1,3}(?:[ \t]?[,–-][ \t]?\d{1,3}){0,12})[ \t]?\}"
    r"[ \t]?\$(?![\d$])"
)
_RAISED = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹", " \t")
# The heading that ends a paper's title block: the raised numbers above it are the
# authors' affiliations, not citations.
_OPENING = lazy(
    r"^[ \t]{0,3}(?:#{1,6}[ \t]*|\*\*)(?:\d{1,2}\.?[ \t]*|[IVX]{1,3}\.[ \t]*)?"
    r"(?i:abstract|summary|introduction|background)\b",
    re.M,
)


def raise_tex_superscripts(text: str, masked: str) -> tuple[str, str]:
    """Each TeX formula of ``text`` that is only a raised number list (``$^{1,2}$``, ``$
    ^{12} $``): returns ``text`` with those formulas blanked (so that their dollar signs
    pair with no other, see :func:`.math.blank_math`) and ``masked`` with their numbers
    written as Unicode superscript digits where the formula starts, the rest blank. Same
    lengths."""
    if "^" not in text:
        return text, masked
    parts: list[str] = []
    plain: list[str] = []
    opening = _OPENING.search(text)
    pos = 0
    for m in _TEX_SUP.finditer(text, opening.start() if opening else 0):
        raised = m.group(1).translate(_RAISED)
        blank = " " * (m.end() - m.start())
        parts += (masked[pos : m.start()], raised + blank[len(raised) :])
        plain += (text[pos : m.start()], blank)
        pos = m.end()
    if not parts:
        return text, masked
    parts.append(masked[pos:])
    plain.append(text[pos:])
    return "".join(plain), "".join(parts)
