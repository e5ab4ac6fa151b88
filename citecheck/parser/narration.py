"""A sentence that goes on telling of the work cited just before it.

``…an experiment was conducted to demonstrate a class of attacks on proxies [TALKING].  The
general form of the attack was to establish a connection…`` (RFC 6455, section 10.3): the
second sentence describes the experiment the first one cites, by a definite phrase that
points back at it ("the attack", "this study", "their results"). It is attributed to that
citation, as a reader takes it; in paragraph scope it is covered by the keys of the
sentence before it, when that sentence carries its own marker and both stand in one
paragraph.
"""

from __future__ import annotations

import re
from itertools import pairwise

from citecheck.model import Document
from citecheck.text.recache import lazy

# A definite phrase that points back at a work: a determiner, at most four words, then a
# noun that names what a cited work did. Not "these findings" or "the results", which
# open the writer's own reading of the work ("These findings bolster the idea that…"), nor
# "the paper", which opens as often a new fact ("The first paper on … was published…").
_BACK = lazy(
    r"^[\"“(*_\s]*(?:the|this|that|these|those|their|its|such)\b"
    r"(?:\s+(?!(?:is|was|are|were|has|have|had|with|to|in|on|by|from|as|and|or|but|aligns?"
    r"|agrees?|suggests?|shows?|supports?)\b)[\w-]+){0,4}?\s+"
    r"(?:attacks?|experiments?|stud(?:y|ies)|trials?|measurements?|investigation"
    r"|demonstration)\b"
    # A noun followed by a determiner or a wh-word is a verb: "The field of fairness studies
    # how to…", "The team trials the…" state a fact, they do not point back at a work.
    r"(?!\s+(?:how|what|whether|why|when|where|which|who|whom|the|a|an|its|their|his|her|our"
    r"|these|those|this)\b)",
    re.I,
)


def narrations(doc: Document) -> None:
    """Cover, in place, each uncovered claim that points back at the work cited by the
    sentence right before it in the same block (see the module's docstring)."""
    for before, sentence in pairwise(doc.sentences):
        if sentence.covered_by or not sentence.claim or sentence.block != before.block:
            continue
        if not before.markers or not _BACK.match(sentence.text):
            continue
        keys = tuple(dict.fromkeys(k for m in before.markers for k in m.keys))
        if keys:
            sentence.covered_by = keys
