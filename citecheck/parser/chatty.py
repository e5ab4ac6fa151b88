"""Sentences typed as chat: a writer who ends sentence after sentence with two full stops.

A prompt typed into a chat often ends its sentences with ``..`` (``Lets work on making a
"meta index" for the files..``); an exported conversation keeps those lines with no label
of whose turn they are. One ``..`` in a document is a typo at the end of a sentence that
may still be a claim (``…no dates were engraved..``); the habit, :data:`HABIT` such
endings or more, marks a typist talking, and their ``..`` sentences are talk, not claims.
An ellipsis (``...``, ``…``) is not such an ending.
"""

from __future__ import annotations

from itertools import islice

from citecheck.model import Document
from citecheck.parser.memo import current, pieces
from citecheck.text.recache import lazy

HABIT = 3
_TYPED = "typed endings"  # a memo's key for a stretch's count
# Two full stops after a word (or its closing bracket or quotation mark), then a space.
_TYPED_END = lazy(r"(?<![.])(?:[^\W_]|[)\]\"”’])\.\.(?![.])(?=[*_]*(?:\s|$))")


def typed_habit(masked: str) -> bool:
    """Whether a text (masked: code and markup blanked) ends :data:`HABIT` or more
    sentences in ``..``. Under a :mod:`~citecheck.parser.memo` the endings are counted
    stretch by stretch (:func:`~citecheck.parser.memo.pieces`: the pattern reads within a
    line), so an edit counts again only the paragraphs it changed."""
    if current() is None:
        return next(islice(_TYPED_END.finditer(masked), HABIT - 1, None), None) is not None
    return sum(pieces(_TYPED, masked, _typed_ends)) >= HABIT


def _typed_ends(part: str) -> int:
    """How many sentences of ``part`` end in ``..`` (up to :data:`HABIT`)."""
    return sum(1 for _ in islice(_TYPED_END.finditer(part), HABIT))


def drop_typed(doc: Document, masked: str) -> None:
    """Unmark as claims the sentences of ``doc`` without markers that end in ``..`` (or hold
    such an ending a segmenter did not split at), when the text shows the habit (see
    :func:`typed_habit`)."""
    if ".." not in masked or not typed_habit(masked):
        return
    for sentence in doc.sentences:
        if sentence.claim and not sentence.markers and _TYPED_END.search(sentence.text):
            sentence.claim = False
