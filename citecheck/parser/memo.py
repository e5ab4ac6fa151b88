"""Results of a block's pure steps, kept from one check of an edited text to the next.

The language server checks a buffer again on every change, and most of its paragraphs have
not changed. A :class:`Memo` keeps what :func:`~citecheck.parser.sentences.segment` and the
claim test of :mod:`.body` gave for a text, keyed by everything they read (the block's or
the sentence's text, its markers' spans relative to it, the options), so an unchanged
paragraph is not segmented or judged again. Both are pure functions of that key: a result
read from the memo equals the one computed afresh.

A memo is used only where :func:`using` puts it (the server, around one check of one
document); elsewhere (the command line) nothing is kept. It holds the results of the last
check and of the current one only (:meth:`Memo.turn`), so it grows with the document, not
with the number of edits, and goes when the document is closed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial
from typing import Any, TypeVar

T = TypeVar("T")
_MISS = object()


class Memo:
    """Results by key, for the check under way and the one before it."""

    __slots__ = ("_new", "_old")

    def __init__(self) -> None:
        self._old: dict[Hashable, Any] = {}
        self._new: dict[Hashable, Any] = {}

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """Return the result kept for ``key``, or ``make()``'s, kept."""
        found = self._new.get(key, _MISS)
        if found is _MISS:
            found = self._old.get(key, _MISS)
            if found is _MISS:
                found = make()
            self._new[key] = found
        return found  # type: ignore[no-any-return]

    def turn(self) -> None:
        """A check has ended: keep its results, drop the older ones."""
        self._old, self._new = self._new, {}

    def __len__(self) -> int:
        return len(self._old) + len(self._new)


_CURRENT: ContextVar[Memo | None] = ContextVar("citecheck_memo", default=None)


def current() -> Memo | None:
    """The memo of the check under way, if any."""
    return _CURRENT.get()


def pieces(name: str, text: str, read: Callable[[str], T]) -> Iterator[T]:
    """``read`` of each stretch of ``text`` between blank lines (``\n\n``), in order, kept
    under the memo of the check under way by ``name`` and the stretch's characters.

    For a document-wide count whose pattern never reads across a line break (nor looks
    behind or ahead past one): its matches in the whole text are those of its stretches,
    so the count is summed from them and an edit reads again only the stretches it changed.
    Without a memo, ``read`` is called on each stretch."""
    memo = current()
    for part in text.split("\n\n"):
        yield read(part) if memo is None else memo.get((name, part), partial(read, part))


@contextmanager
def using(memo: Memo) -> Iterator[Memo]:
    """Keep results in ``memo`` during one check; turn it at the end."""
    token = _CURRENT.set(memo)
    try:
        yield memo
    finally:
        _CURRENT.reset(token)
        memo.turn()
