"""The forms of an author-year callout: names, years, locators, and what is not a name.

Patterns that ``parser.authoryear`` reads callouts with (``(Smith, 2020)``, ``(Smith &
Lee 2019a, b)``, ``Smith et al. (2020)``, ``(Smith 12)``), and the helpers that tell a
callout's names apart from words of prose. ``et al.`` is read in the spellings found in
print and in conversions (``et. al.``, ``etal.``) and in other languages (``u. a.``,
``y col.``, ``et coll.``, ``e col.``, ``ve ark.``, ``i in.``, ``и др.``, ``m.fl.``).
"""

from __future__ import annotations

import re

from citecheck.parser.authors import PARTICLE_START, PARTICLES
from citecheck.text.recache import lazy

# A surname: optional particles, then a capitalised word (hyphens and apostrophes inside).
_SURNAME = rf"(?:(?i:{PARTICLES})(?:\s+|[-’']))*[^\W\d_][\w’'-]*"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)[a-z]?|n\.\s?d\.(?:-[a-z])?|(?i:forthcoming|in\s+press)"
# Years of one callout: "2019, 2020", and letters after the first ("1945a,b").
_YEARS = rf"(?:{_YEAR})(?:\s*,\s*(?:{_YEAR}|[a-z](?![\w.])))*"
# An organisation or a name of several words: "World Health Organization", "Harbour Trust".
# A group author's last word may be lower case: "Posit team", "the PyMC developers".
_GROUP = r"(?:\s+(?:team|group|consortium|collaboration|project|developers|contributors))?"
_FIRST = rf"{_SURNAME}(?:\s+(?:(?:of|for|the|on)\s+)?[A-Z][\w’'-]*){{0,5}}{_GROUP}"
# APA tells apart two works of the same first author and year by as many names as it takes
# before "et al.": "Wickham, Hester, et al., 2024" (group ``also``). Two authors are joined
# by "&" or "and", or by the word of the text's language (group ``conj``): "Souza e Lima
# (2021)", "Müller und Weber (2016)", "García y López (2015)".
# "et al." as printed and as conversions spell it ("et. al.", "etal."), and in German,
# Spanish, French and Italian, Portuguese, Turkish, Polish, Russian, Swedish and Dutch.
_ET_AL = (
    r"(?:(?i:et\.?\s*al)\.?|u\.\s?a\.|y\s+cols?\.|et\s+coll?\.|e\s+coll?s?\.|ve\s+ark\."
    r"|i\s+in\.|и\s+др\.|m\.\s?fl\.|e\.\s?a\.)"
)
_NAMES = (
    rf"(?P<first>{_FIRST})"
    rf"(?P<rest>\s+{_ET_AL}|(?:\s*,\s*(?P<also>{_SURNAME})){{1,2}},?\s+{_ET_AL}"
    rf"|(?:\s*,\s*{_SURNAME}(?:\s+[A-Z][\w’'-]+)?)*,?\s+(?P<conj>&|and|und|y|e|et|en|och|og|ve)\s+(?P<second>{_SURNAME}(?:\s+[A-Z][\w’'-]+){{0,3}})(?:\s+(?:Jr|Sr)\.?)?)?"
)
# Between names and year: a comma (full-width ``，`` in Chinese text, often with no space
# after it) or a space.
_SEP = r"(?:(?P<sep>\s*[,，])\s*|\s+)"
# A locator: the page, section or figure cited, after the year. German citation practice
# writes the page as ``S.`` (Seite), a column ``Sp.``, a chapter ``Kap.``, a paragraph
# ``Abs.``, a margin number ``Rn.``/``Rz.``, the page and the next ``f.``, and those after
# it ``ff.`` (DIN 1505-2; the Zitierleitfäden of German universities): ``(Müller 2019,
# S. 48 f.)``; several in a row, ``S. 31 Kap. 4.2``. The Harvard style of the German
# social sciences parts year and page by a colon: ``(Weber 2001: 61)``.
_PAGE = r"[\divxlc]+(?:\.\d+)*(?:\s*[-–]\s*[\divxlc]+)?(?:\s?ff?\.|\s?ff?(?=\W|$))?"
_PLACE = (
    r"(?i:p|pp|para|paras|ch|chap|chapter|sec|section|fig|figure|table|appendix|eq|n"
    rf"|s|sp|kap|abs|rn|rz)\.?\s*{_PAGE}"
)
_LOCATOR = (
    rf"(?:,?\s*{_PLACE}(?:(?:\s*[,&]\s*|\s+){_PLACE}){{0,3}}"
    rf"|,\s*\d{{1,4}}(?:\s*[-–]\s*\d{{1,4}})?|\s*:\s*{_PAGE})"
)
PIECE = lazy(
    # "(BADS, Acerbi and Ma, 2017)": a method's acronym, then its callout.
    rf"^(?:[A-Z][A-Z0-9-]{{1,11}}s?,\s+(?=[A-Z][a-z]))?"
    rf"(?:(?i:see\s+also|see|e\.g\.|i\.e\.|cf\.|compare|also|as\s+in|adapted\s+from|based\s+on"
    rf"|from|via|after|(?:image|figure|data|photo)\s+(?:source|credit)s?:)\s*,?\s+)?"
    rf"{_NAMES}{_SEP}(?P<years>{_YEARS})"
    rf"{_LOCATOR}?(?:\s*,\s*for\s+[\w\s]{{1,40}})?\s*$",
)
# A citation manager's field with free text around the callout (Zotero, Mendeley: "prefix"
# and "suffix"): ``(prefix Seo, 2019, pp. 10–20 suffix)``, ``(reviewed in Smith, 2020, and
# elsewhere)``. Read only when the callout names an entry.
_CALLOUT = rf"{_NAMES}{_SEP}(?P<years>{_YEARS}){_LOCATOR}?"
_SUFFIX = r",?\s+[a-z][^()]{0,80}"
FRAMED = (
    lazy(rf"^(?:[a-z][\w’'.-]*,?\s+){{1,6}}{_CALLOUT}(?:{_SUFFIX})?\s*$"),
    lazy(rf"^{_CALLOUT}{_SUFFIX}$"),
)
# A callout closing a parenthetical aside: "(as there are gender differences in
# perception, see McCreary, 2002)", "(e.g., for the Laplace approximation, MacKay, 1998)",
# "(e.g., from MAP optimizations as in Li et al., 2024)". Read only when the callout names
# an entry. The marker is the callout; ``at`` is where it opens.
CLOSING = lazy(
    rf"^[^()]{{3,200}}?\s(?P<at>)(?:(?i:see\s+also|see|e\.g\.|cf\.|as\s+in)\s*,?\s+)?"
    rf"(?=[^\W\d_a-zß-ÿ]|(?i:{PARTICLES})[\s’'-])"
    rf"{_CALLOUT}\s*$"
)
MLA = lazy(
    rf"^{_NAMES}\s+(?P<pages>\d{{1,4}}(?:\s*[-–]\s*\d{{1,4}})?)\s*$",
)
# A parenthetical callout, or one in square brackets (``[Raffel et al., 2019]``, as some
# LaTeX styles print it) that is not a link's text (``[…](url)``), or in the full-width
# parentheses of Chinese and Japanese text (``（黄雪茹，2025）``). A parenthetical callout may
# run over line ends (text wrapped by an editor or a PDF's lines: ``(Mnih\net al., 2015)``),
# not over a blank line; a long group of them is one (``(Abdulhai, Pringle, & Karakoulas, 2003;
# … Walraven, Spaan, & Bakker, 2016)``, ten works over seven lines).
PAREN = lazy(r"\(([^()]{4,1200})\)|\[([^\[\]\n]{4,400})\](?![(\[])|（([^（）()\n]{3,400})）")
# A Chinese callout's "et al.": ``李秀等`` (the name and 等, no space).
DENG = "等"
# A comma may part "et al." or a second name from the year: "Borrell et al., (1997)",
# "Oh & Cho, (2025)" (a habit of writers of Spanish), never one name alone ("Lima, (2020)").
NARRATIVE = lazy(
    rf"(?<![\w’'-]){_NAMES}(?:['’]s?)?(?(rest),?)\s+(?:\((?P<pyears>{_YEARS})"
    rf"{_LOCATOR}?\)|\[(?P<byears>{_YEAR})\])",
)
# "1945a,b": the letters after the first year name years of their own.
LETTERS = lazy(r"(\d{4})[a-z](?:\s*,\s*[a-z](?![\w.]))+")


def spell_letters(m: re.Match[str]) -> str:
    """``1945a,b`` spelt out: ``1945a, 1945b``."""
    year = m.group(1)
    return ", ".join(year + letter for letter in re.findall(r"[a-z]", m.group()[4:]))


# The comma after a year that the next work's name follows: "Nixon 1995, Howarth and…",
# or "and" between two callouts: "(Dou et al., 2019 and Chang et al., 2017)".
YEAR_COMMA = lazy(r"(\d{4}[a-z]?)(?:,|\s+and)\s+(?=[^\W\d_])")
POSSESSIVE = lazy(r"['’]s?$")
ONE_YEAR = lazy(_YEAR, re.I)
# Words that open a capitalised "Name 2020" and are not authors.
_NOT_NAME_WORDS = """january february march april may june july august september october
    november december
    jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn fall winter since
    until in on at by from before after during of the a an and or version ver v release
    fiscal fy q1 q2 q3 q4 table figure fig section sec chapter ch eq equation appendix page
    pp p vol volume no number issue part step phase year years circa ca about around early
    late mid end see also eg ie cf compare as"""
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())


def joined(m: re.Match[str]) -> bool:
    """Whether a callout of two authors joins them by ``&`` or ``and``: a word of another
    language (``e``, ``y``, ``et``) joins place names and nouns as often, so such a callout
    is a citation only when it names an entry."""
    return m.group("conj") in ("&", "and")


def has_et_al(m: re.Match[str]) -> bool:
    """Whether a callout's names end in ``et al.`` (in any of its spellings)."""
    return bool(m.group("rest")) and m.group("second") is None


def cjk(char: str) -> bool:
    """Whether a character is a CJK ideograph (a Chinese or Japanese name has no case)."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def not_name(word: str) -> bool:
    if not word[:1].isupper() and not PARTICLE_START.match(word) and not cjk(word[:1]):
        return True
    return word.casefold().strip(".") in _NOT_NAMES


def callout_name(m: re.Match[str], first: str) -> str:
    second = m.group("second")
    if has_et_al(m):
        return f"{first} et al."
    return f"{first} & {second}" if second else first


# A line end inside a callout that a PDF's lines or an editor's wrapping put there: a word
# hyphenated over it (``Kirk-\nley``, ``El-\nTantawy``), or a line of its own that holds
# only a page or line number (``2020;\n37\nLee``, the numbers of a review copy).
_BREAK = lazy(r"-\n[ \t]*(?=[^\W\d_])|\n[ \t]*\d{1,4}[ \t]*(?=\n)")
# An author of an ABNT callout, in capitals: "SILVA", "VAN DER BERG", "SÃO JOSÉ".
CAPITALS = lazy(r"[^\W\d_a-zß-ÿ][^\W\d_a-zß-ÿ'’-]+(?:\s+[^\W\d_a-zß-ÿ][^\W\d_a-zß-ÿ'’-]*){0,3}")
BLANK_LINE = lazy(r"\n[ \t]*\n")


def unbroken(body: str) -> tuple[str, list[int] | None]:
    """``body`` with its words joined over hyphenated line ends and number-only lines
    dropped, and where each character of the result stands in ``body`` (None when nothing
    was changed). A hyphen before a capital stays (``El-Tantawy``); before a small letter
    it was the line's (``Kirkley``)."""
    if "\n" not in body:
        return body, None
    out: list[str] = []
    where: list[int] = []
    at = 0
    for m in _BREAK.finditer(body):
        out.append(body[at : m.start()])
        where.extend(range(at, m.start()))
        if m.group()[0] == "-" and not body[m.end()].islower():
            out.append("-")
            where.append(m.start())
        at = m.end()
    if at == 0:
        return body, None
    out.append(body[at:])
    where.extend(range(at, len(body)))
    return "".join(out), where
