"""Items of a design or a specification: a slot of the plan filled in, or a bare noun phrase.

An answer engine's export that plans a system, a product or an audit for its reader lists
the design as items: ``**Physical host:** Proxmox VE on a Mac Mini``, ``Backend engineer:
schema services, APIs, exports``, ``Estimations: Low (0-1d): copy fixes``, ``LAND-03:
Broken social proof logos``, ``Crafty Controller (or AMP) panel.``, ``Tailscale client for
admin VPN access.`` They name products and figures, so they look checkable, but they state
no fact about the world: they fill in the writer's plan. Three cues, English, per sentence:

- **a slot of the plan** (:func:`slotted`): a run-in label whose last word names a part a
  plan, an audit or a staffing table fills in (a role: "engineer", "lead", "admin"; a
  resource: "host", "resources"; an "optional" part; the audit's "issue", "fix",
  "prompt", "estimate", "metrics", "risk", "pain", "open questions", "limitations"), with
  no product name in the
  label (a capital inside a word or a digit: "WireGuard:", "TCPShield:", which describe
  a product of the world and stay claims; an acronym such as "QA" is a word); or a
  requirement or backlog identifier as the label (``UX-02:``, ``REQ-001:``: ISO/IEC/IEEE
  29148 gives each requirement of a specification a unique identifier, and an audit's
  findings are numbered the same way);
- **a designation of the plan's own parts** (:func:`designated`): "Stage 1 (output-only):
  …", "Stage 1 is public-company data", "L4 (the skills library) is the moat", "Option A is
  usually the right bet": the plan names its stages, options and layers and then speaks
  of them, as a specification defines its terms; "Phase 3 trials showed…" (a designation
  before a noun) is not read;
- **a fragment** (:func:`fragment`): a sentence with no run-in label and no predicate: no
  auxiliary or modal verb, no word in ``-ed``, no common irregular past ("bought", "grew"),
  no lower-case word in ``-s`` that could be a verb of the present ("runs", "provides";
  plural nouns count too, which keeps the cue on the safe side), and no word after a
  plural that could be its verb ("libraries support", "LLMs route"). A noun phrase alone
  asserts nothing a source could confirm (a claim is a proposition: Hassan et al.,
  "ClaimBuster", KDD 2017, ask for a source of a sentence that states a fact), while a
  labelled one ("WireGuard: a VPN requiring port forwarding") predicates of its label and
  stays a claim. A sentence holding a function word of German, French, Spanish,
  Portuguese, Italian or Dutch ("der", "und", "los", "não") is not read: its verbs are not
  English ones.

:mod:`citecheck.parser.claimgate` lets both go only where the article speaks in its own
voice, and not when they lean on others' work (an attribution, a named work). All patterns
are linear: bounded labels, a single scan of words.
"""

from __future__ import annotations

from citecheck.text.recache import lazy


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A run-in label of up to five words before a colon ("Physical host:**", "Codex Prompt:").
_LABEL = lazy(r"^[\W_]*((?:[^\s:]{1,40}[ \t]+){0,4}[^\s:]{1,40}?)[*_]*[ \t]*[:：][*_]*(?:\s|$)")
# The part of a plan, an audit or a staffing table a label names (its last word).
_SLOTS = _words(
    """
    host hosts resources engineer engineers lead leads admin admins administrator designer
    designers manager owner owners team staffing hire hires persona personas audience
    issue issues fix fixes problem problems prompt prompts estimate estimates estimation
    estimations effort metric metrics kpi kpis risk risks pain pains point points qa
    questions limitations caveats deliverable deliverables universe coverage trigger
    status severity tier tiers need needs filters positioning optional
    """
)
# A requirement or backlog identifier as the label: "UX-02:", "REQ-001:", "LOGIN-01:".
_ITEM_ID = lazy(r"^[\W_]*[A-Z][A-Z0-9]{1,11}(?:-[A-Z0-9]{1,11}){0,2}-\d{1,4}[a-z]?[*_]*\s*[:：]")
# A designation of a part of the plan, then a label's colon or a verb of being or a modal.
_DESIGNATION = lazy(
    r"^[\W_]*(?:(?i:stage|phase|step|tier|layer|option|track|wave|milestone|sprint)"
    r"\s+(?:\d{1,2}|[A-D])|L\d(?:\s*[–-]\s*L?\d)?)(?:\s*\([^()]{0,80}\))?[*_]*\s*"
    r"(?:[:：]|(?i:is|are|will|would|should|must|may|can|remains?|becomes?)\b)"
)
_PRODUCT = lazy(r"[a-z][A-Z]|[A-Z]{2}[a-z]|\d")
_WORD = lazy(r"[A-Za-z][A-Za-z'’-]*")
_AUX = _words(
    """
    is are was were be been being am has have had having do does did can could will would
    shall should may might must isn't aren't wasn't weren't hasn't haven't hadn't doesn't
    don't didn't can't couldn't won't wouldn't shouldn't mustn't
    bought sold grew won lost made took began became came went got gave held kept led left
    met paid ran said saw sent spent stood told thought wrote rose fell built brought found
    chose drove knew meant overtook sank shut split spread struck swept taught threw
    """
)
# Words in -s that are not verbs of the present.
_NOT_VERB_S = _words(
    """
    this its as us thus always perhaps across less unless plus whereas various his hers
    ours yours theirs besides towards afterwards sometimes nevertheless
    """
)


def _label(text: str) -> str | None:
    match = _LABEL.match(text)
    return match.group(1) if match else None


def slotted(text: str) -> bool:
    """Whether a sentence is an item under a label naming a slot of the writer's plan (a
    role, a resource, the audit's issue, fix or estimate) or under a requirement or backlog
    identifier ("UX-02:"). ``text`` is one sentence; English labels only."""
    if _ITEM_ID.match(text):
        return True
    label = _label(text)
    if label is None or _PRODUCT.search(label):
        return False
    words = _WORD.findall(label)
    return bool(words) and words[-1].lower() in _SLOTS


def designated(text: str) -> bool:
    """Whether a sentence opens with a designation the plan gives its own parts ("Stage 1",
    "Phase 2", "Option A", "Tier 3", "L0–L2"), as a label or as the subject of a verb of
    being or a modal ("Stage 1 is public-company data", "Option A is usually the right
    bet"). A designation before a noun ("Stage 4 cancer", "Phase 3 trials") names a thing
    of the world and is not read. ``text`` is one sentence."""
    return bool(_DESIGNATION.match(text))


def fragment(text: str) -> bool:
    """Whether a sentence is a bare noun phrase: no run-in label, no subject pronoun and no
    word that could be its verb (an auxiliary or modal, a word in ``-ed``, a common
    irregular past, a lower-case word in ``-s`` standing where a verb may stand). Acronyms
    and words with an inner capital ("APIs") are not read. ``text`` is one sentence;
    English only."""
    if _label(text) is not None:
        return False
    words = list(_WORD.finditer(text))
    if any(m.group().lower() in _FOREIGN for m in words):
        return False
    if len(words) < 2:
        return False
    previous = ""
    for match in words:
        word = match.group()
        low = word.lower()
        if _plural_then_verb(low, text[match.end() : match.end() + 120]):
            return False
        if any(c.isupper() for c in word[1:]):
            previous = low
            continue
        if low in _AUX or low in _PRONOUNS or (len(low) > 3 and low.endswith("ed")):
            return False
        if _verb_s(low, previous, text[match.end() : match.end() + 12]):
            return False
        previous = low
    return True


def _verb_s(low: str, previous: str, after: str) -> bool:
    """Whether a lower-case word may be a verb of the present in ``-s``: not a word in
    ``-ss``, ``-us`` or ``-is``, not a function word, and neither after a determiner, a
    preposition or a conjunction (where a noun stands: "for recommendations") nor before
    the sentence's end, a list's separator or a conjunction ("emails + notifications")."""
    if not low.endswith("s") or low.endswith(("ss", "us", "is")) or low in _NOT_VERB_S:
        return False
    if previous in _BEFORE_NOUN or previous.isdigit():
        return False
    return not _AFTER_NOUN.match(after)


# Function words of German, French, Spanish, Portuguese, Italian and Dutch: the verb of
# such a sentence is not read here.
_FOREIGN = _words(
    """
    der die das den dem des und ist sind ein eine einer nicht mit von zu auf für
    le la les du et est une pour dans avec sur
    el los las del y es un una para por con que
    os da do dos das em um uma não com
    il lo gli della di che per
    het een en van op voor niet
    """
)


def _plural_then_verb(low: str, after: str) -> bool:
    """Whether a word in ``-s`` (a plural noun, "APIs" too) is followed by a lower-case word
    that may be the verb of a plural subject ("libraries support …", "LLMs route …", past a
    bracket: "libraries (e.g. …) support"): a word that is neither a preposition, a
    conjunction nor a determiner."""
    if not low.endswith("s") or low.endswith(("ss", "us", "is")) or low in _NOT_VERB_S:
        return False
    following = _NEXT_WORD.match(after)
    return following is not None and following.group(1) not in _AFTER_PLURAL


_NEXT_WORD = lazy(r"[*_`”\"]*(?:\s*\([^()]{0,80}\))?\s+([a-z][a-z'’-]*)\b")
_AFTER_PLURAL = _words(
    """
    for with of in on to by from via per and or as at like such into over under across
    without within vs versus between including including e.g. i.e. the a an and but than
    only alone too first instead
    """
)
_PRONOUNS = _words("it he she they i we you this that which who there")
_BEFORE_NOUN = _words(
    """
    the a an of for with to in on by from via per and or its their our your his her all
    some many few several no any each more most these those other both between into
    across over under without within plus vs versus
    """
)
# After a plural noun: the end, a list's separator, a bracket or a conjunction.
_AFTER_NOUN = lazy(r"\s*(?:$|[.,;:+/&()\[\]|—–-]|(?:and|or|vs)\b)")
