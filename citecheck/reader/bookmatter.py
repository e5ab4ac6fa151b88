"""A digitised book's matter that is not the book: the Project Gutenberg header and licence,
and the transcriber's ``[Footnote N: …]`` blocks that hold the book's notes.

Project Gutenberg wraps every text between two lines, ``*** START OF THE PROJECT
GUTENBERG EBOOK TITLE ***`` and ``*** END OF THE PROJECT GUTENBERG EBOOK TITLE ***``
(older files ``***START OF THE PROJECT GUTENBERG EBOOK``, ``THIS PROJECT``, the title
wrapped onto a second line). What stands before the first (title page metadata, "This eBook
is for the use of anyone anywhere…") and after the second (the Project Gutenberg License)
is the distributor's, never the writer's claims.

Its transcribers set each footnote as a block of its own after the paragraph that calls it,
``[Footnote 1: This work was undertaken as a preparation…]``, indented or not, over as many
lines and paragraphs as the note has; the call is ``[1]`` glued to the word it follows. A
second note may follow the first on the line its ``]`` closes (``…pp. 18-66.] [Footnote b:
A large portion…``). Some books key their notes by letter, the key alone on a line and the
note in brackets on the next (``a`` then ``[ The charter granted by the Crown…]``), called
by a starred letter in the text (``1,341,649 square miles. *a Its surface…``, see
:mod:`citecheck.parser.starcalls`).
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

_START = lazy(
    r"^[ \t]*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b[^\n]*(?:\n[^\n*]*\*{3})?",
    re.I | re.M,
)
_END = lazy(r"^[ \t]*\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b", re.I | re.M)
NOTE_OPEN = re.compile(r"^(\s*)\[Footnote\s+(\d{1,4}|[A-Za-z]{1,3}|[*†‡§]{1,3})\s*:\s*", re.I)
"""The opening of a transcriber's note block: group 1 the indent, group 2 the note's key."""
NOTE_AFTER = re.compile(r"([ \t]*)\[Footnote\s+(\d{1,4}|[A-Za-z]{1,3}|[*†‡§]{1,3})\s*:\s*", re.I)
"""A note block opening on the line where the one before it closed: as :data:`NOTE_OPEN`."""
LETTER_KEY = re.compile(r"[ \t]*([a-z]{1,2})[ \t]*$")
"""A lettered note's key alone on its line (its text in brackets on the next): group 1."""
BOOK_NOTE = re.compile(r"[ \t]{0,3}(?:\[(\d{1,3}|[A-Z])\]|\{(\d{1,3})\})[ \t]+(?=[^\s=])")
"""A note that opens a line of its own after a blank one, its key in brackets (or braces)
and its text after it (``[1]  In his speech at Birmingham…``, ``[A] Frimmel's
Beethoven.``, ``{1} Parish Records…``; *The Prince*, PG 1232, indents each by a space:
`` [1] Duke Lodovico was…``): how many Project Gutenberg texts set a chapter's notes after
the paragraph or chapter that calls them, without a ``FOOTNOTES:`` heading; group 1 the key
in brackets, group 2 the number in braces (called ``{1}``, see
:mod:`citecheck.parser.starcalls`). A key followed by ``=`` is a legend's symbol, not a
note (see :data:`LEGEND`)."""
LEGEND = re.compile(r"\][ \t]*=[ \t]")
"""A transcriber's legend line: a bracketed symbol and its meaning (``[L]  = Longa``,
``[C]  or [C/4] = C-shaped [4/4] time.``, PG 16351): no note opens there."""


_START_ANYWHERE = lazy(r"\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b", re.I)
# How far into a source the START line is looked for: an HTML page's head and styles come first.
_HEAD = 80_000


def gutenberg(source: str) -> bool:
    """Whether a source (plain text or the HTML page as written) is a Project Gutenberg
    book: its ``*** START OF THE PROJECT GUTENBERG EBOOK`` line stands in the first 80,000
    characters (in an HTML page it may sit in a ``<pre>`` or a ``<p>`` of its own)."""
    return _START_ANYWHERE.search(source, 0, _HEAD) is not None


def boilerplate(text: str) -> tuple[int, int] | None:
    """The book between Project Gutenberg's START and END lines, as ``(start, end)``
    character offsets (start just after the START line, end at the END line's start; the
    end of the text when no END line is found), or None when the text has no START line.
    Everything outside the span is the distributor's header and licence."""
    head = _START.search(text, 0, 20_000)
    if head is None:
        return None
    tail = _END.search(text, head.end())
    return head.end(), tail.start() if tail else len(text)


def book_note(line: str) -> re.Match[str] | None:
    """The opening of a book's note on ``line`` (see :data:`BOOK_NOTE`), or None: also on a
    legend's line (see :data:`LEGEND`)."""
    m = BOOK_NOTE.match(line)
    return None if m is None or LEGEND.search(line, 0, 60) else m


def note_close(line: str, depth: int) -> tuple[int, int | None]:
    """Follow the brackets of a note block over one more line: ``depth`` is the number of
    ``[`` still open before the line. Returns the depth after the line and the offset in
    the line of the ``]`` that closes the block (None while it stays open)."""
    for i, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return 0, i
    return depth, None
