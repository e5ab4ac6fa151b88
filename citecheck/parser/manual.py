"""What a manual says of its own software, which is no claim to source.

A manual, README or vignette tells its reader how to use the tool it documents; its
sentences state what the tool does, not facts about the world that want a source. Marks
of that talk, each read on the sentence's own text (code spans kept):

- a sentence whose subject is a function written as code, opening the sentence
  (```apa_print()` will help you…``, ```r_refs()` creates a BibTeX file…``): the
  documentation of that function;
- code named in a sentence that speaks of the reader's own work (```papaja` supplies
  R-functions that facilitate reporting results of your analyses``);
- a tool of the document's code as the subject of what it will or can do (``The function
  will format…``, ``the addin can directly access…``);
- the reader as the one who acts with the tool, anywhere in a main clause (``…, so you can
  create PDF documents``, ``as anywhere in R Markdown documents you can use…``,
  ``…as you usually would``); "you" after a subordinator (``when you want to…``,
  ``unless you set…``) is left alone, since the clause it opens is a condition of a
  statement that may still need a source;
- a rule for the code a reader writes (``Inline math must be enclosed in `$`…``,
  ``chunk names cannot include `_```);
- how the tool is worked, through code it names (``…can be activated by setting the
  `linenumbers` argument``);
- a pointer elsewhere for more (``For other options see…``, ``For details, refer to…``);
- the writers' wishes as a group (``we would like…``, ``we welcome…``).
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

# A code span naming a call (`f()`, `pkg::f()`, `obj$f()`) as the sentence's first words.
_CALL_SUBJECT = lazy(r"^[*_\s\"“(]*(`+)[A-Za-z_.][\w.:$]*\([^`]*\)\1")
_READER_ACTS = lazy(
    r"\byou\s+(?:(?:can|could|may|might)\s+(?:also\s+|then\s+|now\s+|simply\s+|easily\s+"
    r"|still\s+|just\s+)?(?!be\b|not\b|get\b)[a-z]+|usually\s+would|would\s+usually)\b",
    re.I,
)
# A condition, time or cause before "you" in its clause: "when you want to…".
_SUBORDINATE = lazy(
    r"\b(?:if|when|whenever|unless|because|once|where|while|until|before|after)\b[^,;:]*$", re.I
)
_POINTER = lazy(
    r"^[*_\s\"“(]*for\s+(?:more|further|other|additional|the\s+full|a\s+full|details|more"
    r"|an?\s+overview|examples?|instructions)\b[^,.;:]{0,60}?,?\s+(?:see|refer\s+to|consult"
    r"|check)\b",
    re.I,
)
_WE_WISH = lazy(
    r"\bwe(?:['’]d|\s+would)\s+(?:like|love)\b|\bwe\s+(?:welcome|appreciate|encourage\s+you)\b",
    re.I,
)
_BY_CODE = lazy(
    r"\b(?:by|when|after|before)\s+(?:setting|passing|adding|using|calling|changing|enabling"
    r"|disabling|specifying|running)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}`",
    re.I,
)
_CODE_RULE = lazy(
    r"\b(?:must|should|cannot|can['’]?not|can['’]t|needs?\s+to|ha(?:s|ve)\s+to)\s+(?:not\s+)?"
    r"(?:be\s+)?[a-z]+\s+(?:(?:in|with|by|as|to|into|from|within)\s+)?`",
    re.I,
)
_YOUR = lazy(r"\byour\b", re.I)
_TOOL_DOES = lazy(
    r"^[*_\s\"“(]*(?:(?:moreover|also|then|now|however|furthermore|finally),?\s+)?(?:the|this)"
    r"\s+(?:function|package|add-?in|command|template|option|argument|plugin|extension)"
    r"\s+(?:will|can|should|must|may)\b",
    re.I,
)
_QUOTES = frozenset('"“”«»')


def own_software(sentence: str) -> bool:
    """Whether a sentence (its text, with code spans in backticks) documents the writer's
    own software rather than claiming something: see the module's list. A sentence with a
    quotation in it is left alone."""
    if _CALL_SUBJECT.match(sentence):
        return True
    if _QUOTES.intersection(sentence):
        return False
    if _POINTER.match(sentence) or _WE_WISH.search(sentence) or _BY_CODE.search(sentence):
        return True
    if _TOOL_DOES.match(sentence) or _CODE_RULE.search(sentence):
        return True
    if "`" in sentence and _YOUR.search(sentence):
        return True
    for m in _READER_ACTS.finditer(sentence):
        if not _SUBORDINATE.search(sentence, 0, m.start()):
            return True
    return False
