"""The grammatical mood of a sentence: an instruction, a plan or a conclusion is no claim.

Check-worthiness (Hassan et al., "ClaimBuster", KDD 2017; the CLEF CheckThat! lab's
check-worthiness task) separates a sentence that asserts a verifiable fact about the world
(past or present tense, named entities, figures, attributions) from one that does not:
an instruction, a question, a plan, a prescription or a hypothesis. An answer engine's
export or a research report written to a brief holds many of the latter: the steps of a
setup, the design it proposes, what the system "will" or "should" do, its own
assumptions, and its conclusion. Their proper names (the products the design uses) make
them look checkable to :func:`citecheck.parser.claimgate.checkable`; their mood says
they state nothing a source could confirm.

Four English cues, read outside quotations, per sentence:

- **imperative** (:func:`imperative`): the sentence opens, after a run-in label
  (``**Setup:**``), a leading adverb ("Optionally", "Then", "Always") or a leading
  adverbial phrase closed by a comma ("In the backup container, run…", "For example,
  prompt…"), with the base form of an instruction verb ("install", "connect", "run",
  "send") followed by its object, not by a verb of its own ("Test results show…");
- **prescriptive** (:func:`prescriptive`): its verb phrase is a prescription, a plan or a
  hypothesis: "should", "must", "shall", "will", "would", "could", "might", "ought to",
  "needs to" (not "can": what a tool can do is a fact about it);
- **own conclusion** (:func:`concluding`): it opens with the writer's summing up ("In
  summary", "In short", "Overall,", "To conclude", "Net:", "Bottom line", or a
  "Conclusion" heading an export ran into its paragraph), or it is a
  run-in item whose label names a part of a plan or a specification ("Assumption:",
  "Definition:", "Purpose:", "Goal:", "Priority:", "Scope:", "Recommendation:",
  "Next steps:"; 假设, 目标, 优先级, 功能清单 in Chinese);
- **own artefact** (:func:`designed`): its subject is a definite or demonstrative
  description of what the writer designs or proposes ("The system centers on…", "This
  choice keeps…", "The product is kept small on purpose"), with no figure in it.

:mod:`citecheck.parser.claims` already drops, in every document, an instruction opened
by a verb that rarely opens a statement ("Check the noise rating…"); the cue here reads
more verbs, and after a label or a leading phrase, so it is read only where the document
speaks in its own voice. An instruction speaks to the reader as "you" does, and counts
toward that voice. :mod:`citecheck.parser.claimgate` lets a prescription and the writer's
own artefact go only there too
(a news story's "the mayor will resign" is reported), and the summing up and a plan's
labelled item in every register it reads. These are
hand-written cues measured on judged findings, not a parser: they miss instructions in
other languages and prescriptions without a modal verb. The summing up, a plan's labels and
the prescriptions of Spanish, French, German, Portuguese, Japanese and Chinese answers are
read by :mod:`citecheck.parser.foreignmood`.
"""

from __future__ import annotations

import re

from citecheck.parser import foreignmood
from citecheck.text.recache import lazy

# The base form of verbs that open an instruction in a setup, a how-to or a plan.
_VERBS = (
    r"add|adjust|adopt|aim|allocate|allow|apply|assign|avoid|back\s+up|build|call|change"
    r"|check|choose|clean|click|clone|combine|compare|configure|confirm|connect|consider"
    r"|copy|create|define|delete|encode|deploy|design|disable|document|download|drop|edit|enable"
    r"|encrypt|ensure|establish|evaluate|expand|export|expose|extend|extract|fetch|find|fix|focus"
    r"|follow"
    r"|generate|give|go|grant|host|identify|implement|import|include|install|integrate"
    r"|invest|keep|launch|leverage|limit|link|list|load|locate|log|look|make|map|measure|migrate"
    r"|monitor|mount|move|navigate|note|open|opt|pair|pick|pin|place|plan|play|point|poll|prefer"
    r"|prepare|prioriti[sz]e|prompt|protect|provision|pull|push|put|query|read|rebuild|reduce|refactor"
    r"|refer|register|remember|remove|rename|replace|request|reserve|reset|restart|restore"
    r"|restrict|return|reuse|review|revert|rotate|run|save|scale|schedule|secure|select"
    r"|send|separate|set|set\s+up|share|ship|show|skip|specify|split|standardi[sz]e|start|stay"
    r"|stick|stop"
    r"|store|structure|submit|swap|switch|sync|tag|take|target|test|track|treat|try|turn"
    r"|type|uninstall|unlock|update|upgrade|upload|use|validate|verify|visit|wait|watch"
    r"|wrap|write"
)
# Common finite verbs that follow a noun-initial subject ("Test results show…").
_FINITE = (
    r"is|are|was|were|has|have|had|grew|rose|fell|show|shows|showed|comes|came|became"
    r"|remained|remains|increased|decreased|declined|includes|included|suggests|suggested"
    r"|indicates|indicated|reached|stands|stood|began|ended|lasted|took|made|won|lost"
)
# What may stand before the verb: a run-in label, emphasis, a list's residue.
_LEAD = r"^[\W_]*(?:[^\s:]{1,40}(?:[ \t]+[^\s:]{1,40}){0,4}:[*_]*[ \t]+)?[*_`\"“]*"
_ADVERB = (
    r"(?:(?:then|next|first|second|third|finally|optionally|always|never|also|simply|just|or|still"
    r"|now|instead|alternatively|additionally|afterwards|later|please|do\s+not|don['’]t)"
    r",?\s+)*"
)
# A leading adverbial phrase closed by a comma ("In an LXC container, ", "For example, ").
_PHRASE = (
    r"(?:(?:if|when|once|after|before|in|on|for|to|within|from|during|using|with|at|while"
    r"|as|where|via|by|under|optionally|otherwise)\b(?:[^,;:.()]|\([^()]{0,80}\)){0,80},\s+)?"
)
_IMPERATIVE = lazy(
    _LEAD + r"(?i:" + _PHRASE + _ADVERB + r")(?i:" + _VERBS + r")\b"
    # the verb is followed by its object, not by a verb of its own or a label's colon
    r"(?![*_]*:)(?!\s+(?i:is|are|was|were|has|have|had|of|'s|’s|that|which)\b)"
    r"(?!\s+(?i:and|or)\s+(?!(?i:" + _VERBS + r")\b))"
    # nor is it a noun-initial subject before its own finite verb ("Install base grew…")
    r"(?!(?:\s+[\w-]+){1,2}\s+(?i:" + _FINITE + r")\b)"
    r"(?=\s+\S)"
)
# A finite verb of being or having early in the sentence: "Host machines are…".
_FINITE_SOON = lazy(r"^\W*\w+(?:\W+\w+){0,4}?\W+(?:is|are|was|were|has|have|had)\b", re.I)

_MODAL = lazy(
    r"\b(?:should|must|shall|will|would|could|might|ought\s+to|needs?\s+to"
    r"|won['’]t|shouldn['’]t|wouldn['’]t|couldn['’]t|mustn['’]t)\b"
    r"|\b(?:is|are)\s+(?:to\s+be|going\s+to|expected\s+to\s+(?:be\s+)?(?:built|used|deployed))\b",
    re.I,
)
_QUOTED = lazy(r"[\"“«„][^\"”»“\n]{3,200}[\"”»“]")
_SUMMING_UP = lazy(
    r"^[\W_]*(?:in\s+(?:summary|sum|short|essence|conclusion|brief|a\s+nutshell)"
    r"|overall|to\s+(?:summari[sz]e|sum\s+up|conclude|recap)|net|bottom\s+line|tl;?dr"
    r"|all\s+in\s+all|taken\s+together|in\s+other\s+words|conclusions?|summary)\b[*_]*[,:]"
    # a "Conclusion" heading run into its paragraph by an export: "Conclusion All sources…"
    r"|^[\W_]*(?-i:Conclusions?)[*_]*\s+(?=(?-i:All|The|This|These|In|Overall|Based|Given|Our"
    r"|We|It|Both|Each|There|Taken|Despite|While|Although|Ultimately|Because|Since|For|To|As"
    r"|With|An?)\b)",
    re.I,
)
# A run-in label naming a part of a plan or a specification (English, Chinese).
_PLAN_LABEL = lazy(
    r"^[\W_]*(?:(?:key|main|core|primary|secondary|initial|working|underlying|our|my|the)\s+)?"
    r"(?:assumptions?|definitions?|purpose|goals?|objectives?|priority|priorities|scope"
    r"|non-goals?|recommendations?|next\s+steps?|action\s+items?|deliverables?|milestones?"
    r"|requirements?|constraints?|input|inputs|output|outputs|owner|timeline|budget"
    r"|mitigation|rationale|verdict|decision|approach|strategy|plan|proposal|target"
    r"|success\s+criteria|acceptance\s+criteria|use\s+case|scenario|example|step\s+\d+"
    r"|phase\s+\d+|stage\s+\d+)[*_]*\s*[:：]"
    r"|^[\W_]*(?:假设|目标|优先级|功能清单|范围|建议|前提|定义|里程碑|需求)[*_]*\s*[:：]",
    re.I,
)


# The document's own artefact as the subject: "The system centers on…", "This choice
# keeps…", "The product is kept small on purpose" (a definite or demonstrative description of
# what the writer designs or proposes, not a named product of the world).
_OWN_ARTEFACT = lazy(
    r"^[\W_]*(?:The|This|These|Such\s+an?)\s+(?:[a-z][\w-]*\s+){0,2}"
    r"(?:system|platform|product|mvp|MVP|architecture|design|approach|setup|choice|solution"
    r"|concept|plan|strategy|agent|stack|pipeline|workflow)s?\b(?![\w-])"
)
_DIGIT = lazy(r"\d")


def _bare(text: str) -> str:
    return _QUOTED.sub(" ", text) if _QUOTED.search(text) else text


def imperative(text: str) -> bool:
    """Whether a sentence is an instruction: it opens (after a label, an adverb or a
    leading phrase closed by a comma) with the base form of an instruction verb followed
    by its object. ``text`` is one sentence; English only."""
    return bool(_IMPERATIVE.match(text)) and not _FINITE_SOON.match(text)


def prescriptive(text: str) -> bool:
    """Whether a sentence prescribes, plans or supposes: a modal verb of obligation,
    intention or hypothesis ("should", "must", "will", "would", "could", "might",
    "needs to"), outside a quotation. "Can" and "may" are not read."""
    bare = _bare(text)
    return bool(_MODAL.search(bare)) or foreignmood.prescriptive(bare)


def concluding(text: str) -> bool:
    """Whether a sentence is the writer's own summing up ("In summary, …", "Overall, …")
    or an item of a plan or a specification under a label that names its part
    ("Assumption: …", "Purpose: …", "优先级：…")."""
    return bool(_SUMMING_UP.match(text) or _PLAN_LABEL.match(text)) or foreignmood.concluding(text)


def plan_labelled(text: str) -> bool:
    """Whether a sentence opens with a run-in label naming a part of a plan or a
    specification ("Assumption:", "Next steps:", "Objetivo:", "目标："), the second half of
    :func:`concluding`."""
    return bool(_PLAN_LABEL.match(text)) or foreignmood.plan_labelled(text)


def designed(text: str) -> bool:
    """Whether a sentence describes the writer's own artefact: its subject is a definite or
    demonstrative description of a system, platform, product, design, approach, plan or
    agent ("The system centers on…", "This choice keeps…"), and it holds no figure."""
    return bool(_OWN_ARTEFACT.match(text)) and not _DIGIT.search(text)
