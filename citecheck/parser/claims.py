"""What is not a claim, though it reads like a sentence.

A claim states something a reader could ask the source of. These do not:

- the turns of the user in an exported chat (``**You said**`` up to the assistant's turn);
- requests and imperatives addressed to the reader (``Check the noise rating…``,
  ``Please explain…``, ``Before buying, check:``);
- an assistant's offers and sign-offs in the first person (``I can narrow the list down…``,
  ``Let me know…``, ``Hope this helps``), and a turn of a conversation in which the writer
  speaks to "you" of themselves or of what "you" are doing (``I'm going to send you…``,
  ``You are not just asking…``);
- figure and table captions (``Figure 2: …``, ``Table 4 Results on …``) and the text of
  table cells;
- formula lines (``TEDS(a, b) = 1 − d(a, b) (3)``);
- pointers to the document's own figures and tables and a change log's account of edits
  to the document itself (see :mod:`citecheck.parser.selfreference`);
- a wiki's hatnotes about the page itself (``This article is about the bird.``,
  ``"Duckling" redirects here.``);
- a fragment of a sentence whose formula was dropped (MathML a reader does not read, a
  blanked ``$…$``): it opens with a comma or a lower-case joining word (``, then is
  positive definite.``, ``where denotes the inner product.``), leaves a gap before its
  punctuation (``vectors , where``), or stops on a joining word (``… is denoted as``);
- a statement followed by its proof (``Proof: …``), and the proof: the document's own
  argument;
- the abstract of a paper or a spec (a section headed Abstract, or a paragraph opening
  ``**Abstract** …``, ``Abstract—…``): it summarises the document, and style guides for
  papers and RFCs (RFC 7322, section 4.3) keep citations out of it; and a wiki's External
  links and See also sections, which list pages (their titles are read in
  :mod:`citecheck.parser.backmatter`).
"""

from __future__ import annotations

import re

from citecheck.model import Block, BlockKind
from citecheck.text.recache import lazy

# A speaker's label on a line of its own (bold, heading or plain), as chat exports write it:
# ``**You said**``, ``## Assistant``, ``ChatGPT said:``; a transcript may number the turns
# (``## Prompt 1:``, ``**User 2**``).
_NAMES = r"you|user|human|me|prompt|chatgpt|assistant|claude|gemini|copilot|perplexity|bard|ai"
_SPEAKER = lazy(
    rf"^[#*_\s]*(?P<who>{_NAMES})(?:\s+#?\d{{1,3}})?(?P<said>\s+(?:said|asked|wrote))?[*_\s]*"
    r"(?P<colon>:)?[*_\s]*$",
    re.I,
)
# ``User: Which purifier…``: a label that opens the turn's first paragraph.
_SPEAKER_PREFIX = lazy(rf"^[*_]*(?P<who>{_NAMES})(?:\s+said)?[*_]*:[*_]*\s", re.I)
_USERS = frozenset({"you", "user", "human", "me", "prompt"})

# Verbs whose bare form opens an instruction to the reader ("open" only before "a", "the",
# "your": "Open an issue", not "Open access journals…"). Words that open declarative
# sentences as often as commands ("Research", "Report", "Study", "Note") are left out.
_IMPERATIVE_VERBS = (
    "add|aim|ask|avoid|be|buy|check|choose|clean|click|compare|confirm|consider|do|don't"
    "|download|enable|ensure|enter|explain|find|follow|get|give|go|keep|install|let|look|make"
    "|never|pick|please|press|put|read|remember|remove|replace|run|save|see|select|start"
    "|stay|stop|take|tap|tell|think|try|turn|use|visit|wait|wash|write|configure|optimize|recall"
    "|test|monitor|schedule|update|audit|streamline|implement|leverage|prioritize|prioritise"
    "|upgrade|disable|activate|refer|double-check"
    "|optimise|employ|offload|minimize|minimise|summarise|summarize|describe|translate|rewrite"
    "|analyse|analyze"
    # A study plan's steps: "Finish all compulsory subjects", "Memorize data from …".
    "|finish|attempt|join|dedicate|draw|memorize|memorise|solve|allocate|spend"
    # An implementation plan's steps: "Deploy the frontend on …", "Upload the file to …".
    "|deploy|initialize|initialise|upload|integrate|insert"
)
# Verbs that open a step only after the bold label of a plan's item ("**Goal:** Cover 80%
# of the syllabus."; "**Technique:** Practice weekly."): alone, "Cover crops…", "Practice
# varies…", "Review articles…" open statements as nouns.
_LABELLED_STEP = lazy(
    r"(?:cover|practi[cs]e|revise|review|master|learn|watch|read|plan|study)"
    r"(?=\s+(?:the|a|an|all|every|each|your|some|at\s+least|remaining|past|daily|weekly"
    r"|regularly|one|two|three|\d)\b|\s+\d)"
    r"|(?:focus\s+on|aim\s+(?:to|for))\b",
    re.I,
)
_IMPERATIVE = lazy(
    rf"^[\"“'‘(*_\s]*(?:(?:if|when|before|after|once|while|for|to)\b[^,.;:]{{0,120}},\s*)?"
    rf"(?:(?:always|also|just|then|first|now|finally|simply|so|regularly|periodically|never)\s+)?"
    rf"(?:{_IMPERATIVE_VERBS}|open(?=\s+(?:an?|the|your)\s)|set\s+up(?=\s+(?:an?|the|your)\s))"
    r"\b(?!\s+of\b)(?![-'’]\w)",
    re.I,
)
_OFFER = lazy(
    r"^[\"“(*_\s]*(?:(?:if|when)\b[^.;]{0,160},\s*)?(?:"
    r"I(?:['’]d| would| can| could| will|['’]ll| am happy to|['’]m happy to| am glad to"
    r"|['’]m glad to| could also| can also)\s+(?:be happy to\s+|gladly\s+)?"
    r"(?:help|narrow|provide|give|look|find|share|draft|write|create|put|summari[sz]e|expand"
    r"|dig|check|search|compare|list|suggest|recommend|walk|explain|tailor|prepare|make|go"
    r"|break|turn|convert|add|update|refine|adjust|send|show|outline|pull|also|happily)\b"
    r"|let me\b|feel free\b|hope (?:this|that) helps\b|would you like\b|do you want\b"
    r"|want me to\b|shall I\b|should I\b|happy to help\b|just let me know\b)",
    re.I,
)
_HATNOTE = lazy(
    r"^[\"“*_\s]*(?:this\s+(?:article|page|section|entry)\s+is\s+about\b"
    r"|(?:in\s+)?this\s+(?:report|article|analysis|document|guide|post|answer|response|summary"
    r"|overview|section|review|piece|essay|page|brief|memo)\s*,?\s+(?:we\s+|i\s+)?(?:provides?"
    r"|examines?|explores?|covers?|presents?|describes?|outlines?|discuss(?:es)?|analy[sz]es?"
    r"|reviews?|summari[sz]es?|will|aims?|looks?|focus(?:es)?|offers?|compiles?|breaks?)\b"
    r"|[\"“][^\"”]{1,80}[\"”]\s+(?:redirects|leads)\s+here\b"
    r"|not\s+to\s+be\s+confused\s+with\b)",
    re.I,
)
_CAPTION = lazy(
    r"^[*_\s]*\[?(?:figure|fig\.?|figs\.?|table|tab\.?|chart|flowchart|graph|plate|exhibit"
    r"|listing|algorithm|scheme|diagram|map|photo|image|illustration|box|supplementary\s+(?:figure"
    r"|table))\s*(?:[A-Z]?\d+[A-Za-z]?(?:[.-]\d+)*|[IVX]+)\]?"
    r"(?:\s*[:.|—–-]|[*_]*\s+(?-i:[A-Z(]))",
    re.I,
)
# A turn of a conversation, not a statement about the world: the writer speaks of
# themselves to "you" (``I'm going to send you two more files``, ``I am ready to compare
# them whenever you send the rest``), or tells "you" what they are doing
# (``You are not just asking for…``).
_TURN = lazy(
    r"^[*_\s]*(?:I(?:['’]m|['’]ll|['’]ve|['’]d|\s+(?:am|will|have|was|would|shall|just))?\b"
    r"(?=[^.!?\n]{0,200}\b(?:you(?:r|rs)?|message|chat|conversation|paste|upload|attach)\b)"
    r"|you(?:['’]re|\s+are)\s+(?:not\s+)?(?:just\s+|only\s+)?(?:asking|looking|right|correct"
    r"|trying|wondering|interested)\b"
    r"|you(?:['’]ve)?\s+(?:asked|want|wanted|mentioned|said|wrote|shared|uploaded|sent|provided)\b)",
    re.I,
)
# The four at once: one match a sentence instead of four.
_ADDRESSED = lazy(
    "|".join(f"(?:{p.pattern})" for p in (_IMPERATIVE, _OFFER, _HATNOTE, _TURN)), re.I
)
# What opens a sentence before its first word, the quotation marks a hatnote opens with
# apart, and that word's ASCII letters (see addressed_to_reader).
_LEAD = lazy(r"(?:[\'‘(*_\s]|([\"“]))*([A-Za-z]*)")
_OPENERS = frozenset(
    {verb.split("'")[0] for verb in _IMPERATIVE_VERBS.split("|")}
    | {"if", "when", "before", "after", "once", "while", "for", "to"}
    | {"always", "also", "just", "then", "first", "now", "finally", "simply", "so"}
    | {"regularly", "periodically", "open", "set"}
    | {"i", "let", "feel", "hope", "would", "do", "want", "shall", "should", "happy"}
    | {"this", "not", "you", "in"}
)
# A bold or plain label before the sentence proper: "**Pro Tip:** ", "Best practice: ".
# The label may hold a figure in brackets: "**Body (80%):** Use short paragraphs."
_LABEL = lazy(r"^[*_\s]*[A-Z][\w'’ -]{0,30}(?:\s*\([^()]{1,12}\))?:[*_]*\s+(?=\S)")
_MATH = lazy(r"[=<>≤≥±×÷∑∏∫√∈∉∀∃→⇒≈≠∝∞^\\]")
_TOKEN = lazy(r"\S+")
_PROSE_WORD = lazy(r"^[(\"“]?[A-Za-z][a-z]+[)\"”,.;:]?$")
_TABLE_ROW = lazy(r"^\s*\|.*\|.*\|")


def speaker(text: str, marked: bool) -> str | None:
    """Return ``user`` or ``assistant`` when a block is a chat speaker's label, alone on its
    line (``**You said**``) or opening the turn (``User: Which…``); otherwise ``None``.

    ``text`` is the block's text; ``marked`` says it is a heading or set in bold, which a
    bare label (``User``, with no "said" and no colon) needs to count.
    """
    m = _SPEAKER.match(text) if len(text) <= 40 else None
    if m is not None and not (marked or m.group("said") or m.group("colon")):
        m = None
    m = m or _SPEAKER_PREFIX.match(text)
    if m is None:
        return None
    return "user" if m.group("who").casefold() in _USERS else "assistant"


# A paragraph labelled as the writer's advice or opinion: "**Pro Tip:** …", "Opinion: …".
_ADVICE = lazy(
    r"^[*_\s]*(?:[A-Z][\w'’-]*\s+){0,2}(?:tips?|opinion|recommendations?|advice|suggestions?"
    r"|verdict|best\s+practices?)[*_\s]*:",
    re.I,
)


def advice(text: str) -> bool:
    """Whether a block opens with a label of advice or opinion (``**Pro Tip:** …``)."""
    return bool(_ADVICE.match(text))


def caption(text: str) -> bool:
    """Whether a block opens as a figure or table caption (``Table 4: …``)."""
    return bool(_CAPTION.match(text))


def table_row(text: str) -> bool:
    """Whether a block of plain text is a row of a pipe table."""
    return bool(_TABLE_ROW.match(text))


def addressed_to_reader(sentence: str) -> bool:
    """Whether a sentence is a request, an instruction, an offer or a hatnote rather than a
    claim: it speaks to the reader or about the page, not about the world."""
    if label := _LABEL.match(sentence):  # "**Pro Tip:** Always test…"
        sentence = sentence[label.end() :]
        if _LABELLED_STEP.match(sentence):
            return True
    lead = _LEAD.match(sentence)
    assert lead is not None  # every part of it may be empty
    after = sentence[lead.end() : lead.end() + 1]
    # Each form opens with one of a few words, or with a quotation (a hatnote). A first
    # word of ASCII letters outside them decides at once; anything else (a quotation mark,
    # a letter outside ASCII that may fold to one inside) goes to the match.
    if lead.group(2).lower() not in _OPENERS and after.isascii() and lead.group(1) is None:
        return False
    return bool(_ADDRESSED.match(sentence))


_JOINING = (
    r"for|where|so|and|or|of|then|with|which|that|as|to|in|by|if|but|since|when|while"
    r"|hence|thus|the|a|an|be|denoted|called|given|equals?|from|on|at|than"
)
_FRAGMENT_START = lazy(rf"^(?:[,;:.)\]]|(?:{_JOINING})\s)")
# "vectors , where": a gap before punctuation; "if is row full-rank": a gap after a joining word.
_FRAGMENT_GAP = lazy(
    r"\w\s[,.;:](?:\s|$)|\b(?:if|then|where|when|of|by|with)\s+(?:is|are|denotes)\b"
)
# A joining word or a comma at the end: the sentence stops where its formula was.
_FRAGMENT_END = lazy(rf"(?:\b(?:{_JOINING}|is|are)|[,:;])[\"'”’)\]*_]*\s*$")
PROOF = lazy(r"^[*_\s]*Proof\b[*_]*\s*[.:—–]")


def fragment(sentence: str) -> bool:
    """Whether a sentence is what is left of one whose formula was dropped (see above)."""
    return bool(
        _FRAGMENT_START.match(sentence)
        or _FRAGMENT_GAP.search(sentence)
        or _FRAGMENT_END.search(sentence)
    )


def proved(blocks: list[Block], masked: str) -> set[int]:
    """Indexes of the blocks that are a proof (``Proof: …``) or the statement right above
    one: a document's own argument, not a claim to source."""
    found: set[int] = set()
    for i, block in enumerate(blocks):
        if block.kind is BlockKind.HEADING:
            continue
        head = masked[block.content_start : min(block.end, block.content_start + 40)]
        if PROOF.match(head):
            found.add(i)
            if i and blocks[i - 1].kind is not BlockKind.HEADING:
                found.add(i - 1)
    return found


# The writer speaking of themselves ("I suggest…", "I think…", a chat's "i've given you"), or
# telling the reader what they can do ("If you need X, you can…", "By default you can…"):
# a manual's or a conversation's talk, not a statement about the world.
_FIRST_PERSON = lazy(
    r"\b(?:I|i)(?:['’](?:m|ve|d|ll)\b|\s+(?:think|suspect|recommend|suggest|use|used|have|will"
    r"|would|am|was|believe|assume|hope|guess|feel|prefer|want|like|love|need|created|wrote"
    r"|tried|can|could|do|did|personally|just|really|also)\b)"
)
_READER_CAN = lazy(
    r"^\W*(?:[\w’'-]+[ \t]+){0,4}?(?:[\w’'-]+,[ \t]+|[^,.;]{0,120},[ \t]+)?you[ \t]+"
    r"(?:can|could|need|must|should|may|might|will|have[ \t]+to|want|wish|usually|just)\b",
    re.I,
)
# Chat talk anywhere in a sentence: the user's request or upload spoken of
# ("the index you want", "your own documents", "the files in our chat"), or what the user
# is doing ("You are architecting…").
_CHAT = lazy(
    r"(?<!\bwhen\s)(?<!\bif\s)(?<!\bas\s)"
    r"\byou(?:['’]ve)?\s+(?:want|wanted|asked\s+for|requested|uploaded|shared|gave|have\s+given"
    r"|sent|attached)\b"
    r"|\byour\s+(?:own\s+)?(?:documents?|files?|uploads?|prompts?|questions?|requests?|message)\b"
    r"|\b(?:this|our|the)\s+(?:chat|conversation|thread)\b"
    r"|\byou(?:['’]re|\s+are)\s+(?:not\s+)?(?:just\s+)?[a-z]+ing\b",
    re.I,
)
_QUOTES = frozenset('"“”«»')


def conversational(sentence: str) -> bool:
    """Whether a sentence is the writer's or a chat's talk: the first person singular, the
    reader as the subject of what can be done, or a chat's talk of the user's request and
    files (outside a quotation)."""
    if _QUOTES.intersection(sentence):
        return False
    return bool(
        _FIRST_PERSON.search(sentence) or _READER_CAN.match(sentence) or _CHAT.search(sentence)
    )


def formula(sentence: str) -> bool:
    """Whether a sentence is mostly mathematics: a formula line with few prose words."""
    if not _MATH.search(sentence):
        return False
    tokens = _TOKEN.findall(sentence)
    words = sum(1 for t in tokens if _PROSE_WORD.match(t))
    return 2 * words < len(tokens)
