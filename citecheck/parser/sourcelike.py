"""Whether a reference-list item reads as a source: the classifier behind not-a-reference.

Some items are set aside by their shape alone: an empty item, a note to the editor
(``TODO: …``, ``Note to editor: …``, ``More sources to come``), an error line
(``[ERROR retrieving ref link]``, ``Dead link``), a category or topic line
(``Topics: water, drought``). The rest are weighed: evidence of a source (an address, a
quoted title, authors, a cited year, bibliographic words, an ``Outlet: Headline`` shape,
title case) against evidence of prose (first or second person, a sentence about the
article itself, finite verbs and clauses, lower-case running text). An item with no source
evidence that ends in a question is a question; one whose prose evidence reaches three and
outweighs its source evidence is commentary. Measured on ``tests/data/not_a_reference.toml``
by ``benchmarks/not_a_reference.py``.
"""

from __future__ import annotations

import re

from citecheck.model import Reference
from citecheck.parser.quotednotes import cites_first
from citecheck.text.needles import Guarded, lowered
from citecheck.text.outlets import find_outlet
from citecheck.text.recache import lazy

_URL = lazy(r"(?:https?|ftp)://")
_PROSE = lazy(r"\b(?:is|are|was|were|has|have|had|this|these|which|that|due to)\b", re.I)
_ASIDE = lazy(
    r"\b(?:i|we|you|it|there|while|but|because|although|though|also|not|would|could|should"
    r"|can|will|goes|went|seems|think|know)\b",
    re.I,
)
QUOTED = lazy(r"[\"“]([^\"“”]{3,300})[\"”]")
OUTLET_TITLE = lazy(r"^([A-Z][\w&.'’ -]{1,60}?):\s+(\S.{2,})$")
AUTHORS = lazy(r"^((?:[A-Z][\w'’-]+,\s+(?:[A-Z]\.\s*)+(?:,?\s*(?:and|&)\s*)?,?\s*)+)")
NAME_LIST = lazy(r"^(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3},\s+){2,}")
# Vancouver and IEEE authors: "Ortiz B, Chen C." or "A. Kowalski and J. Reyes,", or one
# author closed by a full stop as ACM and a thesis's list set them ("M. Horowitz. Title").
_INITIALS = lazy(
    r"^(?:[A-Z][\w'’-]+\s+[A-Z]{1,3}[,.]\s+)+"
    r"|^(?:[A-Z]\.\s*){1,3}[A-Z][\w'’-]+(?:,|\.\s+[A-Z]|\s+and\b|\s+et al)"
)
# Needles (see citecheck.text.needles): a year has a 1 or a 2; each bibliographic word below
# holds one of the needles listed beside it.
_YEAR = Guarded.of(r"\b(?:1[6-9]\d\d|20\d\d)\b", "1 2")
_YEAR_CITED = Guarded.of(
    r"\((?:1[6-9]\d\d|20\d\d)[a-z]?\b[^)]{0,20}\)|\(n\.d\.\)|[,.]\s*(?:1[6-9]\d\d|20\d\d)[a-z]?\.?\s*$"
    r"|\b(?:1[6-9]\d\d|20\d\d)\s*(?:[A-Z][a-z]{2}\s*)?;\s*\d"
    # Science style: "(Princeton University Press, 2015)." closes the entry
    r"|,\s*(?:1[6-9]\d\d|20\d\d)[a-z]?\)\.?\s*$"
    # ACL and natbib's plain styles: "George Lakoff. 1995. Metaphor, morality, …", the
    # year a sentence of its own after the authors
    r"|^.{2,200}?\.\s(?:1[6-9]\d\d|20\d\d)[a-z]?\.\s",
    "1 2 (n.d.)",
)
_BIBLIO = Guarded.of(
    r"\b(?:in proceedings|proceedings|proc\.|pages?\s+\d|pp?\.\s*\d|vol\.|volume|journal|conference"
    r"|arxiv|corr|isbn|issn|press|publish\w*|retrieved|accessed|archived|edition|edn|eds?\."
    r"|et al\.?|transactions|workshop|symposium|rfc\s?\d+|bcp\s?\d+|std\s?\d+|work in progress"
    r"|internet-draft|thesis|dissertation|report no|technical report|preprint|magazine"
    r"|newspaper|recommendation|personal communication|interview|manuscript|available at)\b",
    "proc page p. vol journal conference arxiv corr isbn issn press publish retrieved accessed"
    " archived edition edn ed. eds. et_al transactions workshop symposium rfc bcp std work_in"
    " internet-draft thesis dissertation report preprint magazine newspaper recommendation"
    " personal_communication interview manuscript available_at",
    re.I,
)
_CATEGORY = lazy(
    r"^(?:categor(?:y|ies)|tags?|tagged|topics?|keywords?|filed under|section|subjects?"
    r"|related(?: topics)?)\s*:",
    re.I,
)
ERROR_ITEM = "it is an error message, not a source"
EMPTY_ITEM = "it is empty"
"""The reason given for an entry that is a tool's error message (``[ERROR retrieving ref
link]``)."""

_ERROR = Guarded.of(
    r"^\W*error\s*(?:[:\]]|\d{3}\b)|\berror\s+(?:retriev|load|fetch|resolv)|\b(?:dead|broken)\s+link\b"
    r"|\blink\s+(?:is\s+)?(?:broken|dead)\b|\bfailed\s+to\s+(?:retriev|load|fetch|resolv)"
    r"|\b(?:could|can)\s*not\s+(?:be\s+)?(?:retriev|load|fetch|resolv|found)"
    r"|\b(?:link|page|url|address)\b[^.]{0,20}\b(?:no longer|not|does not|doesn't)\s+"
    r"(?:works?|working|available|online|exists?|resolves?)\b"
    r"|\bretriev\w*\s+failed|\b404\b.{0,12}\bnot found\b"
    r"|\b(?:citation|reference|page)\s+not\s+found",
    "error link fail not page url address",
    re.I,
)
_EDITORIAL = lazy(
    r"^(?:(?:todo|fixme|xxx)\b|(?:tk|tbd|tbc|note to (?:the )?(?:editors?|desk|self)"
    r"|editor['’]?s note|notes? for (?:the )?editors?|placeholder)\s*[:–—-])",
    re.I,
)
# A list still to be filled in: ``[To be populated by the build script]``, "References
# go here", "Insert bibliography".
_TO_FILL = lazy(
    r"^\W*(?:to\s+be\s+(?:populated|added|inserted|filled(?:\s+in)?|completed|generated|compiled)"
    r"|(?:references|bibliography|citations|sources)\s+(?:go(?:es)?|will\s+go)\s+here"
    r"|insert\s+(?:the\s+)?(?:references|bibliography|citations|sources))\b",
    re.I,
)
# Labels of a remark that a notes section may hold, but a list of sources may not.
_REMARK = lazy(r"^(?:nb|n\.b\.|note|correction|clarification|disclaimer|update)\s*[:–—-]", re.I)
_REQUEST = lazy(
    r"^(?i:please|pls|need|needs|check|verify|confirm|add|find|replace|remove|double-check"
    r"|ask|chase|insert|fix|look up)\s+[a-z]",
)
_PENDING = Guarded.of(
    r"\b(?:sources?|links?|references?|citations?)\s+(?:to\s+(?:come|follow|be\s+added)|needed"
    r"|pending|missing|tbc|tbd|needs?|requires?)\b"
    r"|\bfact[- ]?check\w*\s+(?:pending|needed|required)\b",
    "source link reference citation fact",
    re.I,
)
_CREDIT = lazy(
    r"^(?:additional\s+)?(?:reporting|writing|editing|research|photos?|graphics|illustrations?)"
    r"(?:\s+and\s+\w+)?\s+by\s",
    re.I,
)
_QUESTION = lazy(r"\?[\"'”’)]*(?:\s|$)")
_ASKS = lazy(
    r"^(?:who|what|when|where|why|which|how|is|are|was|were|do|does|did|can|could|should"
    r"|has|have)\b[^?]*\?[\"'”’)]*$",
    re.I,
)


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# The audience: "we", "you", "I" and the like as whole words, the opening word, "readers".
_AUDIENCE_WORDS = _set("we our us you your my me I")
_OPENING = lazy(r"^(?:We|Our|You|My)\b")
_READERS = Guarded.of(r"\breaders\b", "readers", re.I)
_ANAPHORA = lazy(r"^(?:this|these|those|it|there|here|such)\b", re.I)
_SELF = Guarded.of(
    r"\b(?:this|these|both|our|other|the above|the following)\s+(?:sources?|references?|links?"
    r"|citations?|articles?|story|stories|piece|report|page|post|list|topic|coverage)\b"
    r"|\b(?:below|above)[.!]?$",
    "this these both our other following below above",
    re.I,
)
# Stock phrases of a newsroom's own voice, and negation: rare in the title of a source.
_VOICE_WORDS = _set("not never neither nor above below")
_VOICE = Guarded.of(
    r"\bno longer\b|n't\b|\bat the time of writing\b|\bat press time\b|\bfor comment\b",
    "no_longer n't of_writing press_time for_comment",
)
_VERBS = _set(
    "is are was were be been has have had will would could should can may might must does did"
    " remain remains seem seems appear appears say says said argue argues argued agree agrees"
    " follows shows suggests"
)
_CLAUSE = Guarded.of(
    r",\s+(?:which|who|whom|whose)\b|\b(?:whether|although|because|however|that)\b|\sbut\s",
    "wh although because however that but",
)
# A whole word: ``\bword\b`` matches a word of letters, digits and "_" just when it is one of
# these runs.
_RUN = lazy(r"\w+")


def _source_evidence(text: str, low: str | None, words: list[str], ref: Reference) -> int:
    score = 2 if QUOTED.search(text) else 0
    score += 2 if AUTHORS.match(text) or NAME_LIST.match(text) or _INITIALS.match(text) else 0
    score += 3 if _YEAR_CITED.search(text, low) else 1 if _YEAR.search(text, low) else 0
    score += 1 if _BIBLIO.search(text, low) else 0
    if (m := OUTLET_TITLE.match(text)) and not m.group(2).rstrip().endswith("."):
        # "Outlet: Headline": a short name, and a headline that ends without a full stop
        score += 3 if len(m.group(1).split()) <= 6 else 1
    long = [w for w in words[1:] if len(w) >= 4 and w[0].isalpha()]
    if long and 2 * sum(w[0].isupper() for w in long) >= len(long):
        score += 1  # Title Case
    if len(words) <= 12 and not text.endswith((".", "?", "!")):
        score += 1  # a label or headline, not a sentence
    if ref.outlet and find_outlet(text):
        score += 1
    return score


def _audience(text: str, low: str | None, tokens: set[str]) -> int:
    if not tokens.isdisjoint(_AUDIENCE_WORDS) or _OPENING.match(text):
        return 2
    return 2 if _READERS.search(text, low) else 0


def _verbs(text: str, low: str | None, tokens: set[str]) -> int:
    return min(2, len(tokens & _VERBS))


def _self(text: str, low: str | None, tokens: set[str]) -> int:
    return 2 if _SELF.search(text, low) else 0


def _clause(text: str, low: str | None, tokens: set[str]) -> int:
    return 1 if _CLAUSE.search(text, low) else 0


def _voice(text: str, low: str | None, tokens: set[str]) -> int:
    return 1 if not tokens.isdisjoint(_VOICE_WORDS) or _VOICE.search(text, low) else 0


# The costlier tests of prose, each with the most it adds.
_PROSE_TESTS = ((2, _audience), (2, _verbs), (2, _self), (1, _clause), (1, _voice))


def _prose_reaches(text: str, low: str | None, words: list[str], need: int) -> bool:
    """Whether the evidence of prose in a text reaches ``need``.

    The evidence: lower-case running text (up to 2), length (1), an opening anaphora (2),
    the audience (2), distinct finite verbs (up to 2), a sentence about the list itself
    (2), a clause (1), the newsroom's voice (1). The cheap tests run first, and the others
    only while they can still decide.
    """
    n = len(words)
    score = 1 if n > 25 else 0
    if text.endswith(".") and n >= 8 and sum(w[0].islower() for w in words) >= 0.6 * n:
        score += 2 if n >= 12 else 1  # running text
    score += 2 if _ANAPHORA.match(text) else 0
    left = sum(most for most, _ in _PROSE_TESTS)
    tokens: set[str] | None = None
    for most, test in _PROSE_TESTS:
        if score >= need or score + left < need:
            break
        tokens = set(_RUN.findall(text)) if tokens is None else tokens
        score += test(text, low, tokens)
        left -= most
    return score >= need


def not_a_source(text: str, ref: Reference, notes: bool = False) -> str | None:
    """Return why an item does not read as a source, or None when it does.

    ``text`` is the item as one cleaned line, ``ref`` what was parsed from it (URL, DOI,
    outlet). In a notes section (``notes``) prose is expected: only empty items, notes to
    the editor, errors and category lines are set aside.
    """
    if not text.strip(" .-–—"):
        return EMPTY_ITEM
    if _EDITORIAL.match(text) or _TO_FILL.match(text):
        return "it is a note to the editor, not a source"
    if ref.url or ref.doi or cites_first(text):  # a citation, then perhaps its quotation
        return None
    low = lowered(text)
    if _ERROR.search(text, low):
        return ERROR_ITEM
    if _CATEGORY.match(text):
        return "it is a category line, not a source"
    if _REQUEST.match(text) or _PENDING.search(text, low):
        return "it is a note to the editor, not a source"
    if _CREDIT.match(text):
        return "it is a credit line, not a source"
    if notes:
        return None
    if _REMARK.match(text):
        return "it is a note to the editor, not a source"
    words = text.split()
    source = _source_evidence(text, low, words, ref)
    if (source == 0 and _QUESTION.search(text)) or (source <= 1 and _ASKS.match(text)):
        return "it is a question, not a source"
    # Commentary: prose evidence of three that outweighs the source evidence, or two and
    # no source evidence at all.
    if _prose_reaches(text, low, words, 2 if source == 0 else max(3, source + 1)):
        return "it reads as commentary, not a source"
    if len(words) > 40 and source <= 1:
        return "it reads as prose, not a source"
    return None


# The same evidence in the other languages whose notes sections are named (Anmerkungen,
# Notas, Notes): finite verbs, negation, pronouns and clause words, written lower-case
# inside a sentence. One may stand in a title ("Was ist Aufklärung?"); two distinct ones
# are a sentence.
_FOREIGN_ASIDE = lazy(
    r"(?<!\w)(?:"
    r"é|são|foi|era|eram|tinha|tem|têm|está|estão|há|pode|não|porque|também|você|eu|meu|isso"
    r"|minha|isto|quando|nós|ele|ela|mas"  # Portuguese
    r"|es|son|fue|había|tiene|hay|puede|pero|también|esto|cuando|nosotros|usted"  # Spanish
    r"|ist|sind|war|waren|wird|wurde|kann|hat|haben|hatte"  # German
    r"|nicht|dass|weil|aber|auch|ich|wir"
    r"|est|sont|était|peut|pas|parce|mais|aussi|nous|cela|elle"  # French
    r"|è|sono|può|perché|anche|questo"  # Italian
    r")(?!\w)"
)
_FOREIGN_WORDS = 2


def is_note(text: str) -> bool:
    """A footnote written as prose (an aside), not as a bare source: over twelve words
    with a finite verb, a pronoun or a clause word, in English or (two distinct ones) in
    German, French, Spanish, Portuguese or Italian."""
    if _URL.match(text) or QUOTED.match(text) or AUTHORS.match(text):
        return False
    if len(text.split()) <= 12:
        return False
    if _PROSE.search(text) or _ASIDE.search(text):
        return True
    return len(set(_FOREIGN_ASIDE.findall(text))) >= _FOREIGN_WORDS


def pending_source(text: str) -> tuple[int, int] | None:
    """The span in ``text`` (a note's text as written) of words saying its source is still
    to be found ("Link needed.", "(citation needed)", "sources to come", "TODO: …"), or
    None: such a note stands where a source will, and holds none."""
    if m := _EDITORIAL.match(text):
        return m.span()
    m = _PENDING.search(text, lowered(text))
    return m.span() if m else None
