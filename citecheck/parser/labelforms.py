"""The forms a label is compared and written in: case and punctuation ignored
(``[RFC 2119]`` is ``[RFC2119]``), a note group's mark kept (``[‡ 1]`` is not reference
1), and a label wrapped across lines joined again."""

from __future__ import annotations

from citecheck.text.recache import lazy

__all__ = ["canonical_label", "normalise_label"]

# A note group's mark (``[‡ 1]``, a wiki's primary sources) is part of the label: ``[‡ 1]``
# is not reference 1.
_NOT_WORD = lazy(r"[^\w†‡§]+|_+")
_WRAPPED = lazy(r"-\s*\n\s*")
_BLANKS = lazy(r"\s+")


def normalise_label(label: str) -> str:
    """Return the form labels are compared in: case and punctuation ignored."""
    return _NOT_WORD.sub("", label).casefold()


def canonical_label(label: str) -> str:
    """Join a label wrapped across lines (``ITU-R-\\n  TF``) and squeeze its spaces."""
    label = _WRAPPED.sub("-", label.strip())
    return _BLANKS.sub(" ", label)
