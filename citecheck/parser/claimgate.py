"""Which uncited claims of an article are worth a source: the writer's framing is not.

An ``article`` asks every claim for a source (:func:`citecheck.parser.citeworthy.
citation_worthy`). An encyclopedia's page earns that: its sentences state what the world
is. A research report, an answer engine's export, a strategy or an essay also holds the
writer's own voice: advice to the reader, the report speaking of itself, and paragraphs
of explanation or rhetoric that name nothing a reader could look up. Those are no gaps.

Two cues, both linear and per sentence:

- **framing** (:func:`framing`): the sentence speaks to the reader ("your marks", "вы",
  "vous", "usted", "você"), gives impersonal advice ("it is important to…", "the key
  is…", "важно", "нужно", "следует", "il faut", "hay que"), or speaks of the writer or the
  document ("we", "our", "this report", "this strategy", "the table below"; in Spanish,
  French, German, Portuguese, Japanese and Chinese:
  :func:`citecheck.parser.foreignmood.self_talk`), outside a quotation;
- **checkable specifics** (:func:`checkable`): a figure or a date (any digit), a proper
  name (a capitalised word other than the sentence's first, after a run-in label such as
  ``**Focus:**``), a quotation, a superlative ("the first", "the largest"), or a cue of
  :mod:`citecheck.parser.citeworthy` (attribution, a named work, a figure attributed to
  others). A sentence in a script without letter case (Chinese, Japanese, Korean,
  Hebrew, Arabic, Thai) counts as checkable: there the cue is not read, and today's
  behaviour (ask every claim) is kept rather than guessed.

- **mood** (:mod:`citecheck.parser.mood`): the writer's summing up or an item of a plan
  under a label naming its part ("In summary, …", "Assumption: …"); an instruction
  ("Optionally install…"); a prescription, plan or hypothesis ("the panel will run…",
  "it must never…") or a description of the writer's own artefact ("The system centers
  on…") that leans on no one's work;
- **design items** (:mod:`citecheck.parser.designitems`): an item under a label naming a
  slot of the plan ("Physical host: …", "Backend engineer: …", "UX-02: …"; every sentence
  of a paragraph or list item such a label or a plan's label opens), a sentence
  about a part the plan designates ("Stage 1 is…", "Option A is…") or a bare noun
  phrase ("Tailscale client for admin VPN access."), with no attribution or superlative.

A document **speaks in its own voice** when at least :data:`VOICE_SHARE` of its claims,
and :data:`MIN_FRAMED` at least, are framing, instructions or its summing up (an
instruction speaks to the reader as "you" does). In such an article an uncited claim is
not asked for a source when it is framing, an instruction, a prescription, the
writer's summing up, or when it carries no checkable specifics (explanation, rhetoric, a
plan's step, an evaluation). Elsewhere (an encyclopedia's or a newspaper's register,
where the writer never speaks of themselves, a "we" is a quoted speaker's and "will" is
what others plan) only a sentence addressed to the reader or giving advice, and the
summing up or a plan's labelled item, is let go. A
wiki's page is left alone. The distinction is the citation-worthiness task of Bonab et
al. (SIGIR 2018) and Wright and Augenstein ("CiteWorth", Findings of ACL 2021): a claim
needs a citation when it states something checkable about the world; these cues are a
conservative, hand-written stand-in measured on judged findings (``benchmarks/claimset.py``).
"""

from __future__ import annotations

import re

from citecheck.model import Document
from citecheck.parser import citeworthy, designitems, foreignmood, mood
from citecheck.text.recache import lazy

VOICE_SHARE = 0.08
"""Share of framing claims from which an article speaks in its own voice."""
MIN_FRAMED = 3
"""Framing claims an article needs before it speaks in its own voice (a short news story
that quotes one "we" does not)."""

# A run-in label that opens a list item or a paragraph: "**Focus:** ", "Gaps:** ",
# "Mission: ", "AVOL Optimization:** " (up to five words before the colon).
_LABEL = lazy(r"^[\W_]*(?:[^\s:]{1,40}(?:[ \t]+[^\s:]{1,40}){0,4}:[*_]*[ \t]+)?")
# A capitalised word (Latin, Cyrillic, Greek) not glued to a word or an abbreviation.
_CAPITAL = lazy(r"(?<![\w'’.-])[A-ZÀ-ÖØ-ÞА-ЯЁΑ-Ω][\w'’&-]*")
_DIGIT = lazy(r"\d")
_QUOTED = lazy(r"[\"“«„][^\"”»“\n]{3,200}[\"”»“]")
# Scripts without letter case: their proper names are not told by a capital.
_CASELESS = lazy(r"[\u0590-\u06ff\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_SUPERLATIVE = lazy(
    r"\bthe\s+(?:first|only|oldest|earliest|last|largest|biggest|smallest|highest|lowest"
    r"|most|least|fastest|longest|best|worst)\b",
    re.I,
)
# The reader addressed: English in lower case ("Did You Know" is a name), or opening the
# sentence before a lower-case word, but not in a condition ("Merged cells cannot be drawn
# when you want to export…" states a fact), and the second person of Russian, French,
# Spanish and Portuguese.
_READER = lazy(
    r"(?<!\bwhen )(?<!\bif )(?<!\bas )(?<!\bonce )(?<!\bunless )(?<!\bwhenever )"
    r"\b(?:you|your|yours|yourself)\b|(?i:\b(?:вы|вас|вам|вами|ваш\w*|тебе|твой|твоя"
    r"|vous|votre|vos|usted|ustedes|você|vocês)\b)"
    # opening the sentence before a lower-case word ("Your server cannot…"; not the title
    # "Your Name")
    r"|^[\W_]*(?:You|Your|Yours)\s+(?=[a-z])"
)
# Impersonal advice: "it is important to", "the key is", "is king"; Russian "важно",
# "нужно", "следует", "должен"; German "sollte"; French "il faut"; Spanish "hay que".
_ADVICE = lazy(
    r"\bit\s+is\s+(?:important|essential|crucial|vital|advisable|recommended|wise)\s+to\b"
    r"|\bthe\s+key\s+is\b|\bis\s+king\b"
    r"|\b(?:важно|нужно|надо|следует|должн\w*|рекомендуется|можно)\b"
    r"|\bsollte\w*\b|\bil\s+faut\b|\bhay\s+que\b",
    re.I,
)
# The writer or the document itself: "we", "our", "us" in lower case (not "US Army"), a
# capitalised "We"/"Our" opening the sentence, "this report", "this strategy". "Our" of
# people at large ("revolutionized our understanding of…", "our planet") is not the writer.
_SELF = lazy(
    r"\b(?:we|ours|us|ourselves)\b|^[\W_]*We\b"
    r"|(?:\bour|^[\W_]*Our)\b(?!\s+(?:understanding|knowledge|lives|world|society|planet"
    r"|bodies|body|species|ancestors|brains?|health|environment|civili[sz]ation)\b)"
    r"|(?i:\bth(?:is|ese)\s+(?:report|analysis|article|guide|post|answer|response|strategy"
    r"|document|overview|plan|playbook|summary|essay|roadmap|brief|framework)\b)"
    # the document pointing at its own parts: "the table below", "the following figure"
    r"|(?i:\bthe\s+(?:table|figure|chart|list|diagram|matrix|section)s?\s+(?:below|above)\b"
    r"|\bthe\s+following\s+(?:table|figure|chart|list|diagram|matrix|sections?)\b)"
)


def checkable(text: str) -> bool:
    """Whether a sentence carries specifics a reader could check against a source: a digit,
    a proper name past its first word, a quotation, a superlative or a citation-worthy
    cue; in a script without letter case, always (the cue is not read there)."""
    if _CASELESS.search(text) or _DIGIT.search(text) or _QUOTED.search(text):
        return True
    label = _LABEL.match(text)
    body = text[label.end() :] if label else text
    if any(m.start() > 0 and m.group() != "I" for m in _CAPITAL.finditer(body)):
        return True
    return bool(
        _SUPERLATIVE.search(text)
        or citeworthy.strong_signal(text)
        or citeworthy.weak_signal(text, "paper")
        or citeworthy.attributed(text)
    )


def framing(text: str) -> bool:
    """Whether a sentence is the writer's framing rather than a claim about the world: it
    speaks to the reader, gives impersonal advice, or speaks of the writer or the
    document, outside a quotation."""
    bare = _QUOTED.sub(" ", text) if _QUOTED.search(text) else text
    return bool(
        _READER.search(bare)
        or _ADVICE.search(bare)
        or _SELF.search(bare)
        or foreignmood.self_talk(bare)
    )


def addressed(text: str) -> bool:
    """Whether a sentence speaks to the reader or gives impersonal advice, outside a
    quotation: framing in any register (the writer's "we" is framing only where the
    document speaks in its own voice; in a news story "We will build the bridge" is the
    quoted mayor's)."""
    bare = _QUOTED.sub(" ", text) if _QUOTED.search(text) else text
    return bool(_READER.search(bare) or _ADVICE.search(bare))


def unasked(doc: Document) -> frozenset[int]:
    """Start offsets of the claims of an article its gate does not ask for a source (see
    the module's docstring): claims addressed to the reader and the writer's summing up
    (:func:`citecheck.parser.mood.concluding`); in a document that speaks in its own
    voice, also the writer's talk of itself, instructions, prescriptions that lean on no
    one's work, and the claims that are not :func:`checkable`. A wiki's page gives none."""
    if doc.wiki:
        return frozenset()
    claims = [s for s in doc.sentences if s.claim and not s.heading]
    if not claims:
        return frozenset()
    framed = {s.start for s in claims if framing(s.text)}
    concluded = {s.start for s in claims if mood.concluding(s.text)}
    instructed = {s.start for s in claims if mood.imperative(s.text)}
    if len(framed | concluded | instructed) < max(MIN_FRAMED, VOICE_SHARE * len(claims)):
        addressing = {s.start for s in claims if s.start in framed and addressed(s.text)}
        return frozenset(addressing | concluded)
    slots = _slot_blocks(doc)
    planned = {
        s.start
        for s in claims
        if mood.imperative(s.text)
        or ((mood.prescriptive(s.text) or mood.designed(s.text)) and not _leans(s.text))
        or (
            (_itemised(s.text) or s.block in slots)
            and not _leans(s.text)
            and not _SUPERLATIVE.search(s.text)
        )
    }
    unchecked = {s.start for s in claims if not checkable(s.text)}
    return frozenset(framed | concluded | planned | unchecked)


def _slot_blocks(doc: Document) -> frozenset[int]:
    """Blocks (paragraphs, list items) that open with a label naming a slot or a part of
    the writer's plan ("Estimations: Low (0-1d): copy fixes. Medium (1-3d): …", "Sellable
    layers: L3 is the wedge. L4 is the moat…"): the label governs the whole item, so its
    later sentences fill the same slot."""
    firsts: dict[int, str] = {}
    for sentence in doc.sentences:
        if not sentence.heading:
            firsts.setdefault(sentence.block, sentence.text)
    return frozenset(
        block
        for block, text in firsts.items()
        if designitems.slotted(text) or mood.plan_labelled(text)
    )


def _itemised(text: str) -> bool:
    """Whether a sentence is an item of the writer's design: a slot of the plan filled in
    or a bare noun phrase (:mod:`citecheck.parser.designitems`)."""
    return designitems.slotted(text) or designitems.designated(text) or designitems.fragment(text)


def _leans(text: str) -> bool:
    """Whether a sentence carries a cue that it reports others' work or the world's
    ranking (an attribution, a named work, a superlative about the field), or reports
    what a named body or person says ("The EPA emphasizes that filters must be
    replaced…": the prescription is theirs, and a claim about them)."""
    return (
        citeworthy.strong_signal(text)
        or citeworthy.weak_signal(text, "paper")
        or bool(_REPORTED.search(text))
    )


# A named subject and a verb of saying before "that" or a colon.
_REPORTED = lazy(
    r"\b[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}\s+(?:emphasi[sz]es|emphasi[sz]ed|recommends?"
    r"|recommended|advises|advised|warns|warned|says|said|states|stated|notes|noted|reports"
    r"|reported|argues|argued|stresses|stressed|explains|explained|finds|found|concludes"
    r"|concluded|requires|required|mandates|mandated)(?:\s+that\b|\s*:)"
)
