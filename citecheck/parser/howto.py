"""Explanation that is no claim: how-to, worked and hypothetical examples, advice.

A page that teaches a technique (a wiki's solving strategies, a notation, a recipe for
building something) explains what a reader can do; a worked or hypothetical example
illustrates it. Neither states what exists or happened, so neither asks for a source,
while the page's statements of fact (history, publications, counts, definitions) do. The
cues are those of procedural and illustrative text (the "instructional" and "example"
discourse modes of Smith, *Modes of Discourse*, 2003):

- a hypothetical or worked example: a sentence opening ``Suppose``, ``Imagine``,
  ``Consider a…``, ``Assume``, ``For example, if…``, ``Here is a method…``, and the
  sentences after it in its paragraph (the example goes on: ``The page for an apple would
  contain…``);
- a step of a procedure: a condition, then what can or should be done
  (``If a pair is found in a row, those numbers can be cancelled out of that row.``);
- advice: ``It is important to…``, ``… can be helpful``, ``Great caution is required``;
- the reader's choice as an aside (``… or, if you prefer, …``);
- a pointer to another page (``Details … may be found on the page on …``, ``see the
  article on …``) or to the page's own picture (``The solution to the puzzle above.``), and
  a copied page's line of provenance (``Adapted from Wikipedia, the
  free encyclopedia, December 21, 2007.``).
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

_MONTH = r"January|February|March|April|May|June|July|August|September|October|November|December"
# Opens a hypothetical or worked example.
_EXAMPLE = lazy(
    r"^[\"“(*_\s]*(?:(?:for\s+(?:example|instance)|e\.\s?g\.)\s*,?\s+)?"
    r"(?:suppose|imagine|assume|let(?:['’]s|\s+us)\s+(?:say|suppose|assume|imagine|consider)"
    r"|consider\s+(?:an?|the|two|three|this|these|some)\b"
    r"|here\s+(?:is|are)\s+(?:an?|the|one|some|two)\b"
    r"|in\s+this\s+example\b)"
    r"|^[\"“(*_\s]*(?:for\s+(?:example|instance)|e\.\s?g\.)\s*,?\s+(?:if|when|suppose)\b",
    re.I,
)
# A condition, then what can, should or must be done: a step of a procedure (a passive
# main clause: something is done to the thing at hand).
_STEP = lazy(
    r"^[\"“(*_\s]*(?:(?:in\s+general|alternatively|otherwise|similarly|likewise)\s*,\s*)?"
    r"(?:if|when|whenever|once|unless)\b[^.;:!?]{3,240}?,\s*(?:then\s+)?[^.;:!?]{0,120}?"
    r"\b(?:can|may|must|should|need\s+to)\s+(?:then\s+|also\s+|now\s+|safely\s+|simply\s+)?"
    r"be\s+(?:\w+ed|tried|done|made|written|taken|struck|drawn|seen|shown|found|put|set|true"
    r"|false|correct|incorrect|wrong|right|possible|impossible)\b",
    re.I,
)
_ADVICE = lazy(
    r"\bit\s+is\s+(?:often\s+|usually\s+|generally\s+|very\s+|always\s+)?(?:important|helpful"
    r"|useful|advisable|wise|a\s+good\s+idea|good\s+practice|best)\s+to\s+\w+"
    r"|\b(?:can|may|might|could)\s+(?:also\s+)?be\s+(?:very\s+|quite\s+|particularly\s+)?"
    r"(?:helpful|useful)\s*(?:[.,;]|$|\bin\b|\bwhen\b|\bfor\b)"
    r"|\b(?:great\s+|some\s+|much\s+)?(?:caution|care|dexterity|patience|practice)\s+is\s+"
    r"(?:required|needed|advised|necessary)\b"
    r"|^\W*it\s+should\s+be\s+(?:easy|simple|possible|straightforward)\s+to\b"
    r"|\b(?:may|might|will)\s+need\s+to\s+be\s+\w+ed\b",
    re.I,
)
_SECOND_PERSON = lazy(r"\bif\s+you\s+(?:prefer|like|wish)\b", re.I)
_POINTER = lazy(
    r"\b(?:details|more(?:\s+information)?|further\s+(?:information|details)|an?\s+(?:full|fuller"
    r"|detailed|longer)\s+\w+)\s+(?:of|on|about|regarding)\b[^.;]{0,80}?\b(?:may|can|will)\s+be"
    r"\s+found\b"
    r"|\bsee\s+(?:the\s+)?(?:main\s+)?(?:article|page|entry)s?\s+(?:on|about|for)\b",
    re.I,
)
_PROVENANCE = lazy(
    rf"^[\"“(*_\s]*(?:(?:adapted|taken|excerpted|copied|reproduced|retrieved)\s+from|from)\s+"
    rf"wikipedia\b(?:,\s*the\s+free\s+encyclopedia)?[,.\s]*(?:(?:on\s+)?(?:{_MONTH})\s+\d{{1,2}}"
    rf"(?:,\s*\d{{4}})?|\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}})?\s*\.?\s*$",
    re.I,
)
# A short line that points at the page's own picture: "The solution to the puzzle above."
_HERE = lazy(r"\b(?:shown\s+)?(?:above|below|at\s+(?:right|left))\s*[.:]?\s*$", re.I)
_SHORT = 80  # characters of a caption-like pointer


def opens_example(sentence: str) -> bool:
    """Whether a sentence opens a hypothetical or worked example (``Imagine a wiki…``)."""
    return bool(_EXAMPLE.match(sentence))


def explains(sentence: str) -> bool:
    """Whether a sentence is explanation, not a claim: an example's opening, a step of a
    procedure, advice, the reader addressed as "you", a pointer to another page or a copied
    page's provenance line (see the module's docstring). ``sentence`` has its whitespace
    squeezed."""
    if opens_example(sentence) or _STEP.match(sentence) or _PROVENANCE.match(sentence):
        return True
    if _ADVICE.search(sentence) or _POINTER.search(sentence):
        return True
    if _SECOND_PERSON.search(sentence):
        return True
    return len(sentence) < _SHORT and bool(_HERE.search(sentence))
