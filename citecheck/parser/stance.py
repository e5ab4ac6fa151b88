"""Sentences in which a report states its own stance, not a fact: no claims.

Research reports and answer exports (a deep-research report, a manifesto, a policy brief)
mix the facts they cite with what the writer proposes, recommends and concludes. These
state nothing a reader could ask the source of:

- the writers as the subject of a stance or a plan (``We propose criteria …``, ``We argue
  that …``, ``In short, we invert Chomsky's stance …``, ``We should formalize …``);
- the report itself as the subject (``This manifesto aims to …``, ``Our manifesto embraces
  pragmatics …``, ``The rest of the report elaborates …``, ``The cognitive pillar
  recommends …``);
- a recommendation in the imperative, alone or after the bold label of a list item
  (``**Model Probing:** Systematically analyze existing LLMs.``, ``Curate tasks that …``);
- a recommendation with ``should`` or ``ought to`` (``Future models should explore data
  vetting.``), advice to whoever reads (``Novice aspirants must immediately focus on …``,
  ``… is highly recommended``), unless it reports who recommends it (``The WHO says
  adults should …``, ``… is recommended by the WHO``);
- an inference from the sentence before (``If humans learn such a language, that suggests
  the needed bias.``, ``This calls for research …``);
- the same in Chinese: ``本报告将从…``, ``建议采用混合策略…``, ``…是明智的。``.

The judging rules of the project's real-document sets count these as no claims
(``benchmarks/realdocs/judged-*.md``: "explanation, advice, predictions and rhetoric are
not claims"; "self-reference … is not a claim").
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

# A short lead-in before the subject: "In short, ", "Overall, ", "Thus, ", "**Label:** ".
_LEAD = (
    r"^[\"“*_\s]*(?:[A-Z][\w'’ &/-]{0,40}:[*_]*\s+)?"
    # "(1) Hybrid models – allow a mix …": a numbered principle, its name, a dash.
    r"(?:\(\d{1,2}\)\s*(?:[^–—:.]{1,40}\s[–—-]\s+)?)?"
    r"(?:(?:in|for|at|on)\s+[^,.;:]{1,30},\s+)?"
    r"(?:(?:in\s+short|in\s+sum|overall|thus|hence|therefore|instead|in\s+essence|first|second"
    r"|third|finally|together|here|below|above),?\s+)?"
)
_WE_VERBS = (
    r"propose|argue|contend|question|outline|address|endorse|recommend|suggest|chart"
    r"|conclude|aim|advocate|believe|consider|view|predict|invert|say|call|urge|envision"
    r"|sketch|identify|examine|explore|review|survey|tabulate|summari[sz]e|discuss|describe"
    r"|present|offer|highlight|emphasi[sz]e|take|draw|treat|focus|define|distinguish|close"
    r"|begin|end|turn|hold|maintain|posit|favou?r|expect|anticipate|caution|stress"
    r"|note|adopt|reject|defend|frame|ask|seek|hope|must|should|would|can|could|may"
    r"|might|do\s+not|don['’]t"
)
_WE = lazy(
    rf"{_LEAD}we\s+(?:\*\*not\*\*\s+|not\s+|also\s+|therefore\s+|further\s+)?(?:{_WE_VERBS})\b",
    re.I,
)
# "LLMs are disembodied; hence we predict …": a stance that closes the sentence.
_WE_LATE = lazy(
    r"[,;]\s+(?:but|and|so|hence|thus|therefore)\s+we\s+(?:view|predict|argue|propose"
    r"|believe|consider|suggest|recommend|contend|conclude)\b",
    re.I,
)
_DOC_NOUNS = (
    r"report|manifesto|brief|memo|whitepaper|white\s+paper|paper|essay|guide|proposal"
    r"|analysis|document|study|framework|agenda|roadmap|pillar|section|chapter|article"
)
_SELF = lazy(
    rf"{_LEAD}(?:(?:this|our)\s+(?:[\w-]+\s+)?(?:{_DOC_NOUNS})"
    r"|(?:each|every)\s+(?:section|chapter|pillar)"
    rf"|the\s+(?:rest|remainder)\s+of\s+(?:the|this)\s+(?:{_DOC_NOUNS})"
    rf"|the\s+(?:manifesto|[\w-]+\s+pillar|methodology|research\s+agenda|(?:\w+\s+)?framework))"
    r"(?:['’]s)?\s+(?:\w+\s+)?(?:aims?|argues?|advocates?|encourages?|calls?|recommends?"
    r"|proposes?|demands?|embraces?|elaborates?|suggests?|urges?|seeks?|takes?|does|is|will"
    r"|focus(?:es)?|uses?|adopts?|holds?|treats?|rests?|concludes?|outlines?|begins?|ends?"
    r"|emphasi[sz]es?|stresses?|envisions?|includes?|offers?|presents?|cites?|core)\b"
    # "This report delineates …", "Our guide integrates …": a document that can only be this
    # one, whatever it does (unlike "This study found …", often a study just cited).
    r"|^[\"“*_\s]*(?:this|our)\s+(?:[\w-]+\s+)?(?:report|manifesto|brief|memo|whitepaper"
    r"|guide|document|essay|section|chapter)\s+(?!of\b|from\b|by\b|on\b|in\b)[a-z]+(?:s|es|ed)\b"
    # "The following resources are selected …": the document's own list, introduced.
    r"|^[\"“*_\s]*the\s+following\s+(?:[\w-]+\s+){0,3}?(?:is|are|was|were|has|have)\b",
    re.I,
)
# Verbs a recommendation opens with, in the imperative; "study", "plan", "design" and other
# words that open declarative sentences as nouns only before a determiner.
_ORDERS = (
    r"curate|develop|build|create|formali[sz]e|evaluate|publish|defend|revise|embrace"
    r"|integrate|pursue|adopt|combine|derive|incorporate|examine|explore|establish"
    r"|investigate|quantify|assess|encourage|foster|promote|adapt|strengthen|engage"
    r"|collaborate|bring|treat|allow|define|identify|improve|apply|expand|provide|reframe"
    r"|systematically\s+\w+|move\s+beyond|bridge|invest|prefer|measure|align|standardi[sz]e"
    r"|consolidate|diversify|mitigate|introduce|require|mandate|fund|support|publish|share"
    r"|clarify|document|benchmark|probe|train|study|plan|design|fit|track|collect|focus"
    r"|reduce|increase|adjust|map|extend|refine|replace|retain|reject|resist|favou?r|use"
    r"|ensure|update|avoid|prioriti[sz]e|leverage|implement|consider|compare"
    # A strategy proposed to the user: "Double down on short-form video", "Launch a BTS
    # page", "Suggest 2-step checkouts", "Experiment with AR features".
    r"|enhance|double\s+down|experiment\s+with|suggest|launch|highlight|optimi[sz]e"
    r"|automate|personali[sz]e|tailor|incentivi[sz]e|gamify|amplify|repurpose|showcase"
    r"|revamp|rethink|partner\s+with|collaborate\s+with|test|add|try|start|offer|run"
)
_DETERMINERS = (
    r"the|a|an|your|our|their|its|this|these|those|each|every|all|any|new|more|clear"
    r"|existing|shared|specific|explicit|realistic"
)
_AMBIGUOUS = frozenset(
    {
        *("support", "share", "document", "benchmark", "probe", "train", "study", "plan"),
        *("design", "fit", "track", "collect", "focus", "reduce", "increase", "map"),
        *("measure", "fund", "bridge", "test", "add", "try", "start", "offer", "run"),
    }
)
_ORDER = lazy(
    rf"{_LEAD}(?:(?:for\s+(?:instance|example)|e\.g\.),?\s+)?(?P<verb>{_ORDERS})\b"
    rf"(?P<det>\s+(?:{_DETERMINERS})\b)?(?![-'’]\w)",
    re.I,
)
# A recommendation to those who act: "Future models should explore …", "Linguists, AI
# researchers … should jointly construct …", "policies for workforce transition should be …".
_SHOULD = lazy(
    r"^[\"“*_\s]*(?:[A-Z][\w'’ &/-]{0,40}:[*_]*\s+)?(?:future|new|next)\b[^.;:]{0,60}?"
    r"\b(?:should|ought\s+to)\b"
    r"|\b(?:policies|policymakers|policy\s+makers|governments|regulators|developers|researchers"
    r"|linguists|scientists|practitioners|stakeholders|organi[sz]ations|companies|teams"
    r"|institutions|funders|educators)\b[^.;:]{0,80}?\b(?:should|ought\s+to)\b",
    re.I,
)
# Advice to whoever reads, as its subject: "Novice aspirants must immediately focus on …",
# "one should prioritize …" (not "Future initiatives must prioritize …", a claim of need).
_ADVISED = lazy(
    rf"{_LEAD}(?:(?:when|if|before|after|while)\b[^.;]{{0,160}}?,\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:you|one|aspirants?|candidates?|students?|beginners?"
    r"|novices?|learners?|readers?|users?)\s+(?:must|should)\s+(?:\w+ly\s+)?(?:focus|prioriti[sz]e"
    r"|start|begin|practi[cs]e|aim|try|avoid|remember|make\s+sure)\b",
    re.I,
)
# "*Environmental Science* is highly recommended (short syllabus …)".
_RECOMMENDED = lazy(
    r"\b(?:is|are)\s+(?:highly\s+|strongly\s+)?recommended\b(?!\s+(?:by|for\s+(?:all|adults"
    r"|children|patients|people)))",
    re.I,
)
_SAID = lazy(r"\b(?:says?|said|states?|stated|according|guidelines?|guidance)\b", re.I)
# Who recommends it, reported: "The WHO says adults should …" is a claim about the WHO.
_REPORTED = lazy(
    r"\b(?:says?|said|states?|stated|recommends?|recommended|advises?|advised|according"
    r"|guidelines?|guidance|requires?|required|laws?|regulations?|rules?|shows?|showed|shown"
    r"|finds?|found|reports?|reported|warns?|warned)\b",
    re.I,
)
_INFERENCE = lazy(
    rf"{_LEAD}(?:if\b[^.;]{{1,160}},\s*(?:then\s+)?)?(?:this|that|these|which|it)\s+"
    r"(?:(?:\w+\s+){0,2}?)(?:calls?\s+for|points?\s+to|pinpoints?|informs?|reminds?\s+us"
    r"|supports?\s+the\s+(?:idea|view|notion|case))\b"
    # "If humans learn such a language, that suggests the needed bias."
    r"|^[\"“*_\s]*(?:for\s+(?:instance|example),?\s+)?if\b[^.;]{1,160},\s*(?:then\s+)?"
    r"(?:this|that)\s+(?:suggests?|implies|means)\b",
    re.I,
)


# The same in Chinese: the report as subject (本报告…, 本文…), a recommendation (建议采用…,
# 我们认为…), a judgement of what is wise (…是明智的).
_CJK = lazy(
    r"^[\"“*_\s>]*(?:本(?:报告|文|篇|分析|节|章)|(?:我们|笔者)?(?:建议|推荐)|(?:我们|笔者)认为)"
    r"|是明智的"
)


def own_stance(sentence: str) -> bool:
    """Whether a sentence states the report's own stance (see the module): a proposal or
    conclusion of "we", the report as its subject, a recommendation in the imperative or
    with "should", or an inference from what was just said. ``sentence`` is one sentence
    of the masked text, spaces collapsed."""
    if _WE.match(sentence) or _SELF.match(sentence) or _INFERENCE.match(sentence):
        return True
    if not sentence.isascii() and _CJK.search(sentence):
        return True
    if " we " in sentence and _WE_LATE.search(sentence):
        return True
    if (m := _ORDER.match(sentence)) and (
        m.group("verb").casefold() not in _AMBIGUOUS or m.group("det")
    ):
        return True
    if _RECOMMENDED.search(sentence) and not _SAID.search(sentence):
        return True
    return bool(_SHOULD.search(sentence) or _ADVISED.match(sentence)) and not _REPORTED.search(
        sentence
    )


# "It covers the confirmed schedule, …" after "This report provides …": the report again.
_IT_DOES = lazy(
    r"^[\"“*_\s]*it\s+(?:also\s+)?(?:covers|examines|explores|presents|describes|outlines"
    r"|discusses|analy[sz]es|reviews|summari[sz]es|provides|offers|includes|focuses|compiles"
    r"|synthesi[sz]es|details|addresses|highlights|maps|walks|traces|sets\s+out)\b",
    re.I,
)


def continues_itself(before: str, sentence: str) -> bool:
    """Whether ``sentence`` goes on describing the report that ``before`` (the sentence just
    before it, in the same paragraph) made its subject: ``This report provides a framework
    … It covers the schedule, …``. Both are masked text, spaces collapsed."""
    return bool(_IT_DOES.match(sentence)) and bool(_SELF.match(before))
