"""Which sentences of a paper or a spec need a citation: those that lean on others' work.

In a research paper or a specification most sentences describe the document's own work
("we propose", "this document specifies") or define it, and need no source. A sentence
needs one when it carries a signal that it reports what others found or hold:

- **attribution** (strong): "studies show", "research suggests", "it has been reported",
  "it is well known", "according to", "previous work", "prior studies", "in the literature",
  "many methods have been proposed", "et al.";
- **a named prior work** (weak): "was introduced by", "proposed in", "defined in RFC 2396",
  an author and year ("Smith (2019)"), a standard by number ("RFC 3339", "ISO 8601");
- **a superlative about the field** (weak): "state-of-the-art", "the most widely used",
  "widely adopted", "commonly used", "de facto";
- **a figure attributed to others** (weak): a percentage or a count in millions next to a
  reporting word ("estimated", "reported", "surveyed").

A weak signal does not count in a sentence about the document's own work ("we", "our",
"this paper", "this document", "Table 2"). A strong one does ("unlike previous work, we…").
The question is the citation-worthiness task (Sugiyama et al., 2010; Bonab et al., "Citation
Worthiness of Sentences in Scientific Reports", SIGIR 2018); these cues are a hand-written,
conservative stand-in for their classifiers: they miss uncited claims with no cue rather
than report the document's own text.

In a spec, normative text is never a claim that needs a source: a sentence with a BCP 14
key word (MUST, SHOULD, MAY… in capitals), an ABNF rule or a definition ("URI: a compact
sequence…", "… is defined as …"). Nor is a sentence that names the document it speaks of
by number ("RFC 2045 does not include…": the name is the citation, RFC 7322 section 4.8)
unless it claims a superlative.
"""

from __future__ import annotations

import re

from citecheck.model import Sentence
from citecheck.parser import foreigncues
from citecheck.text.recache import lazy

# "Studies show", "evidence suggests": others' findings in general, or, in a paper's
# Results, the paper's own tally of what it reviewed ("Thirty-one studies reported…").
_GENERIC = (
    r"\b(?:studies|research|researchers|experts|surveys|evidence|scholars)"
    r"(?:\s+(?:of|on|in|by|from|with)(?:\s+[\w-]+){1,3}?)?\s+(?:have\s+|has\s+)?(?:show|shows|showed|shown|suggest|suggests|suggested|indicate"
    r"|indicates|indicated|find|finds|found|demonstrate|demonstrates|demonstrated|reveal"
    r"|reveals|revealed|confirm|confirms|confirmed|report|reports|reported)\b"
)
# Others' work named as such: what a paper's Results section too must cite.
_PRIOR = (
    r"\bit\s+(?:has|had)\s+(?:been|also\s+been)\s+(?:widely\s+)?(?:reported|shown|demonstrated"
    r"|argued|suggested|observed|found|noted|established|documented|proposed|claimed)\b"
    r"|(?<!before )(?<!until )(?<!once )(?<!unless )(?<!when )(?<!if )"
    r"\bit\s+is\s+(?:well[- ]|widely\s+|generally\s+|commonly\s+)?(?:known|established"
    r"|accepted|documented|believed|reported|acknowledged)\b"
    r"(?!\s+(?:which|whether|what|how|if|when|where|who|yet)\b)"
    r"|\baccording\s+to\s+(?:(?:the|a|an)\s+)?(?:(?-i:[A-Z])|(?:\w+\s+){0,2}(?:study|studies|report|reports|survey"
    r"|surveys|research|researchers|experts|data|estimates|statistics|analysts|sources|officials"
    r"|census|literature)\b)"
    r"|\b(?:previous|prior|earlier|recent|existing|past|related|seminal|pioneering)\s+"
    r"(?:work|works|studies|study|research|approaches|methods|efforts|publications|papers"
    r"|literature|attempts|systems|models|findings|reports|surveys)\b"
    r"|\bin\s+the\s+(?:literature|prior\s+art)\b"
    # "lots of technologies have been recently presented", "many methods have been proposed"
    r"|\b(?:many|several|some|numerous|various|lots\s+of|a\s+(?:number|variety)\s+of)\s+(?:[\w-]+\s+){0,3}"
    r"(?:have|had)\s+(?:\w+\s+)?been\s+(?:\w+\s+)?(?:proposed|presented|developed|introduced"
    r"|reported|investigated|studied|designed)\b"
    r"|\bet\s+al\b"
)
_STRONG = lazy(_GENERIC + "|" + _PRIOR, re.I)
_PRIOR_WORK = lazy(_PRIOR, re.I)
_NAMED_WORK = lazy(
    r"\b(?:was|were|been|is|are)\s+(?:first\s+|originally\s+|recently\s+)?(?:introduced|proposed"
    r"|presented|developed|described|published|released|reported|defined|specified)\s+(?:by\s+"
    r"[A-Z]|in\s+(?:RFC|ISO|IEEE|[A-Z][a-z]+\s+(?:et\s+al|and\s+[A-Z]|\(\d{4})))"
    r"|\b[A-Z][a-z]+(?:\s+(?:and|&)\s+[A-Z][a-z]+)?\s+\((?:19|20)\d{2}[a-z]?\)"
    r"|\b(?:RFC|BCP|STD|ISO|IEC|IEEE)\s?\d{2,5}\b"
)
# A standard named by its series and number, as a spec cites one in its prose.
_SPEC_NAMED = lazy(r"\b(?:RFC|BCP|STD|FYI)\s?\d{1,5}\b")
_SUPERLATIVE = lazy(
    r"\bstate[- ]of[- ]the[- ]art\b"
    r"|\bthe\s+(?:most|least)\s+(?:widely|commonly|frequently|popular|successful"
    r"|prominent|influential|used|studied|cited|accurate|effective|important)\b"
    r"|\b(?:widely|commonly|broadly|extensively|frequently)\s+(?:used|adopted|deployed"
    r"|accepted|studied|known|recognized|recognised|cited|regarded)\b"
    r"|\bde\s+facto\b|\bbest[- ]performing\b|\bthe\s+first\s+to\b"
    # "the largest producer in the world": a rank in the world, not among the models at hand
    r"|\bthe\s+(?:largest|biggest|leading|dominant|predominant|prevailing)\b"
    r"(?=(?:\s+[\w-]+){0,4}?\s+(?:(?:in|of)\s+the\s+(?:world|country|nation|industry|market"
    r"|field|region|united\s+states|us|uk|eu)\b|worldwide\b|globally\b|ever\b"
    r"|of\s+all\s+time\b|in\s+history\b))",
    re.I,
)
# In a spec, a superlative about its own protocol ("the most important method in SIP is
# INVITE", "this status code is commonly used when…", "the most effective defense is…",
# "if the server is the first to resume") is the writers' own description; only one about
# the world's practice ("the most widely used format on the Internet", "widely deployed",
# "de facto", "the largest … in the world") asks for a source.
_WORLD_SUPERLATIVE = lazy(
    r"\bstate[- ]of[- ]the[- ]art\b|\bde\s+facto\b"
    r"|\bwidely\s+(?:used|adopted|deployed|accepted|supported|implemented)\b"
    r"|\b(?:commonly|broadly|extensively)\s+(?:adopted|deployed|accepted)\b"
    r"|\bthe\s+(?:largest|biggest|leading|dominant|predominant|prevailing)\b",
    re.I,
)
_FIGURE = lazy(
    r"(?<![\d,.])\d[\d,.]*\s?(?:%|percent\b|per\s+cent\b|million\b|billion\b|trillion\b)", re.I
)
# "kills millions of people per year": a count of people is a statistic, written in words.
_COUNTED = lazy(
    r"\b(?:millions|billions|thousands|hundreds\s+of\s+thousands)\s+of\s+(?:people|persons"
    r"|deaths|lives|patients|cases|users|children|adults|women|men|workers|infections)\b",
    re.I,
)
_REPORTING = lazy(
    r"\b(?:estimated|estimates|reported|reports|surveyed|survey|census|statistics|polls?"
    r"|according|found|finds)\b"
    # "was estimated from the excretions": how the writers computed it, a method
    r"(?!\s+(?:from|using|by|with|via|through|assuming|based)\b)",
    re.I,
)
_OWN_WORK = lazy(
    r"\b(?:we|our|ours|us|ourselves)\b"
    r"|\bth(?:is|ese)\s+(?:paper|work|article|study|document|specification|memo|section|draft"
    r"|internet-draft|chapter"
    r"|report|thesis|proposal|appendix|rfc|profile|extension|protocol|dataset|model|method"
    r"|approach|framework)\b"
    r"|\b(?:the\s+present|the\s+current)\s+(?:paper|work|study|document|specification)\b"
    r"|\b(?:the|this|these)\s+proposed\b"
    # "This shows that…", "These results suggest…": a conclusion drawn from what precedes
    r"|^\W*(?:this|these|our)(?:\s+(?:results?|findings?|experiments?|evaluations?|analys[ie]s"
    r"|observations?|data))?\s+(?:shows?|demonstrates?|suggests?|indicates?|confirms?|proves?"
    r"|implies|imply)\b"
    r"|\bby\s+a\s+(?:[\w-]+\s+){0,2}margin\b",
    re.I,
)
# What a prior-work phrase is the object of in a sentence about the writers' own work: a
# comparison ("outperforms previous methods", "improves over prior work") or an overview
# ("we give an overview of the related literature") or the gap it fills ("addresses gaps in
# the existing literature"), not a claim about that work.
_COMPARED = lazy(
    r"\b(?:outperform\w*|beats?|over|than|against|surpass\w*|overview\s+of|reviews?|survey\s+of"
    r"|summari[sz]e\w*|gaps?\s+in|compared?\s+(?:with|to)|comparison\s+(?:with|to))"
    r"\s+(?:(?:the|all|many|most|several|other|a|an|these|those)\s+)*$",
    re.I,
)
# Pointers into the document itself: its sections, figures, tables and appendices.
_OWN_CONTENT = lazy(
    r"\b(?:Fig(?:ure)?|Tab(?:le)?|Eq(?:uation)?|Sec(?:tion)?|Appendix|Annex|Algorithm)\.?\s*"
    r"\(?(?:\d|[A-Z]\b|[IVXL]+\b)"
    r"|(?i:\bthe\s+(?:following|next|previous|preceding)\s+(?:is|are|section|sections|appendix|chapter"
    r"|figure|table|example|paragraph)\b)"
)
# The IETF's and publishers' notices: copyright, licence, intellectual property, BCP 78/79.
_BOILERPLATE = lazy(
    r"^\W*Copyright\b|\bAll\s+Rights\s+Reserved\b|\bBCP\s+7[89]\b|\bIETF\s+Trust\b"
    r"|\bInternet\s+Society\b|\bIETF's\s+procedures\b|\bintellectual\s+property\b",
    re.I,
)
_NORMATIVE = lazy(r"\b(?:MUST|REQUIRED|SHALL|SHOULD|RECOMMENDED|MAY|OPTIONAL)\b(?!-)")
_ABNF = lazy(r"^\s*[A-Za-z][\w-]*\s+=/?\s|\s=/\s|%x[0-9A-Fa-f]{2}|\*\(\s?\S")
_DEFINITION = lazy(
    r"^\s*[\"“]?\w[\w \"”/().-]{0,40}[\"”]?\s*:\s+\S"
    r"|\b(?:is|are)\s+(?:hereby\s+)?defined\s+(?:as|to\s+be)\b|\brefers\s+to\b"
    r"|^\s*(?:An?|The)\s+[\"“]?[\w-]+(?:\s+[\w-]+){0,3}[\"”]?\s+(?:means|denotes|stands\s+for)\b"
)

# A named person's or a theory's view, as an essay or a primer reports it ("Joseph Stiglitz
# suggests that…", "Schumpeter's paradigm…", "pioneered by Robert Solow", "the missing
# institutions theory, which suggests…"): read in a sparsely citing article (parser/habit.py).
_NAME = (
    r"(?-i:(?!(?:This|That|These|Those|It|He|She|They|We|I|You|One|Some|Many|Most|Our|Their"
    r"|His|Her|Its|The|A|An|Table|Figure|Section|Chapter|Appendix|Research|Evidence|Data"
    r"|Experience|History|Everyone|Nobody|Someone|Analysis|Theory|Science|Nature|Indeed"
    r"|However|Here|There|Which|What|Who|Each|Every|Both|Such|Another|Other)\b)"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})"
)
_ATTRIBUTED = lazy(
    rf"\b{_NAME}\s+(?:also\s+|famously\s+|once\s+|later\s+)?(?:suggests|suggested|argues|argued"
    r"|claims|claimed|believes|believed|holds|held|wrote|writes|contends|contended|maintains"
    r"|maintained|predicted|predicts|theori[sz]ed|posits|posited|conceived|asserted|asserts"
    r"|insisted|insists|observed|noted)\b"
    rf"|\b{_NAME}'s\s+(?:theory|paradigm|model|law|hypothesis|thesis|view|argument|account"
    r"|conjecture|principle|critique|definition)\b"
    r"|\b(?:theory|hypothesis|thesis|school\s+of\s+thought)[*_]*,?\s+(?:which\s+|that\s+)?(?:suggests"
    r"|holds|posits|argues|predicts|claims|maintains|contends)\b"
    r"|\b(?:pioneered|coined|founded|invented|discovered|formulated|devised|populari[sz]ed"
    r"|originated|first\s+(?:described|proposed|introduced|used))\s+by\s+(?-i:[A-Z])"
    # an idea traced to its origin: "goes back to Plato", "dates back to the Stoics"
    r"|\b(?:goes|go|went|dates?|dated|traces?|traced)\s+back\s+to\s+(?:the\s+)?(?-i:[A-Z])",
    re.I,
)


def strong_signal(text: str) -> bool:
    """Whether a sentence attributes something to others ("studies show", "prior work"),
    in English or another language of :mod:`citecheck.parser.foreigncues`."""
    return bool(_STRONG.search(text)) or foreigncues.strong_signal(text)


def _leans_on_others(text: str) -> bool:
    """A strong signal in a sentence about the writers' own work that is more than the
    object of a comparison or an overview (see ``_COMPARED``). Read in English only: in
    another language the earlier work a thesis sets its own against ("welche verwandten
    Ansätze … von dem Ansatz der vorliegenden Arbeit unterscheiden") is its outline."""
    for m in _STRONG.finditer(text):
        if not _COMPARED.search(text, max(0, m.start() - 60), m.start()):
            return True
    return False


def attributed(text: str) -> bool:
    """Whether a sentence gives a named person's or a theory's view ("Joseph Stiglitz
    suggests that…", "Schumpeter's paradigm", "pioneered by Robert Solow", "goes back to
    Plato"): what an essay
    leans on when it cites now and then (see :mod:`citecheck.parser.habit`)."""
    return bool(_ATTRIBUTED.search(text))


def own_work(text: str) -> bool:
    """Whether a sentence describes the document's own work or points into it (in English
    or another language of :mod:`citecheck.parser.foreigncues`)."""
    return bool(_OWN_WORK.search(text)) or foreigncues.own_work(text)


def weak_signal(text: str, profile: str = "paper") -> bool:
    """Whether a sentence names a prior work, claims a superlative, cites a figure or
    counts people in words ("kills millions of people per year").

    In a spec (``profile`` ``spec``) a document named by its number (``RFC 2045 does not
    include…``) is how the spec cites it: naming it asks for no more; and a superlative is
    the writers' own description of their protocol unless it is about the world's practice
    (``_WORLD_SUPERLATIVE``).
    """
    if _SUPERLATIVE.search(text) and (profile != "spec" or _WORLD_SUPERLATIVE.search(text)):
        return True
    if profile == "spec" and _SPEC_NAMED.search(text):
        return False
    if _NAMED_WORK.search(text):
        return True
    if _COUNTED.search(text) or foreigncues.weak_signal(text):
        return True
    return bool(_FIGURE.search(text) and _REPORTING.search(text))


def normative(text: str) -> bool:
    """Whether a sentence of a spec is normative: a BCP 14 key word, ABNF or a definition."""
    return bool(_NORMATIVE.search(text) or _ABNF.search(text) or _DEFINITION.search(text))


def citation_worthy(text: str, profile: str, results: bool = False) -> bool:
    """Whether a claim needs a citation under a profile (``article``: every claim does).

    ``text`` is the sentence with its whitespace squeezed; ``profile`` is ``article``,
    ``paper`` or ``spec``. ``results`` says the sentence stands in a paper's Results
    section, which reports the paper's own findings: its tallies and superlatives ("the
    most commonly trapped species", "Forty-two studies reported…" in a review) are data,
    and only a sentence that names others' work ("et al.", "previous studies", "it has
    been reported") needs a source there.
    """
    if profile == "article":
        return True
    if results and profile != "spec":
        return bool(_PRIOR_WORK.search(text) or _NAMED_WORK.search(text))
    if profile == "spec" and normative(text):
        return False
    if _BOILERPLATE.search(text) or _OWN_CONTENT.search(text):
        return False
    if own_work(text):
        return _leans_on_others(text)
    return strong_signal(text) or weak_signal(text, profile)


def needs_citation(sentence: Sentence, profile: str) -> bool:
    """Whether a claim counts under a profile: cited, flagged, or citation-worthy.

    A claim that already cites, or carries a placeholder or a marker that cannot be read,
    counts under every profile; the others only when :func:`citation_worthy`.
    """
    if not sentence.claim:
        return False
    if sentence.covered_by or sentence.placeholder or sentence.markers:
        return True
    return citation_worthy(sentence.text, profile, sentence.results)
