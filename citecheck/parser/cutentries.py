"""An entry a PDF conversion cut into paragraphs with nothing but a blank line between.

Converters that rebuild paragraphs from a page's text boxes (MinerU, docling, marker) split
an entry that runs over a column or a page into two paragraphs, and some set a wrapped
entry one word a paragraph::

    Amber Boeynaems, Christian Burgers, … 2017. The effects of metaphorical framing on
    political persuasion: A systematic

    literature review. Metaphor and Symbol, 32(2):118– 134.

The rest reads as an entry of its own that nobody cites, and the word pieces as entries
named ``R.``, ``and``, ``Risk``. A paragraph goes on with the entry above it when the cut
shows on one side or the other:

- the entry above has no closing full stop and the paragraph opens with a small letter
  (not a name's particle, ``van``, ``de``, unless a comma closes the entry above) or, after
  a comma, a colon or a dash, with a digit (``457-465, available at …``);
- a comma, semicolon, colon or slash closes the entry above and the paragraph holds no
  year in its first words (``New Orleans,`` / ``Louisiana. Association for …``);
- the entry above ends with a word no entry ends with (``and``, ``of``, ``the``);
- either side is a piece of at most three words (two for the paragraph) with no year, no
  address and no label: no entry of its own.

A paragraph that opens with a label (``[4]``, ``4.``, ``-``) is an entry of its own, and an
indented one (a plain-text RFC's paragraphs) is no converter's cut. See
also :mod:`citecheck.parser.pagebreaks`, the same cut with a page mark between.
"""

from __future__ import annotations

from citecheck.model import Block
from citecheck.parser.authors import PARTICLES
from citecheck.parser.pagebreaks import continues
from citecheck.text.recache import lazy

_LABEL = lazy(r"(?:[-*+•]\s|\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)]\s|\^)")
_YEAR = lazy(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)")
_URL = lazy(r"(?:https?|ftp)://|www\.|doi\.org")
_PARTICLE = lazy(rf"(?i:{PARTICLES})$")
_OPEN_ENDS = frozenset(
    ["and", "&", "of", "the", "in", "for", "on", "to", "with", "from", "by", "at", "a", "an", "or"]
)
_GAP = lazy(r"[ \t]*\r?\n(?:[ \t]*\r?\n){1,2}[ \t]*")


def _fragment(text: str, most: int) -> bool:
    words = text.split()
    return (
        0 < len(words) <= most
        and not _YEAR.search(text)
        and not _URL.search(text)
        and not _LABEL.match(text)
    )


def cut_entry(source: str, before_start: int, before_end: int, start: int, end: int) -> bool:
    """Whether the paragraph ``source[start:end]`` goes on with the entry
    ``source[before_start:before_end]`` above it, a blank line (or two) between: see the
    module's docstring for the signs of a cut."""
    if not _GAP.fullmatch(source, before_end, start) or source[start - 1] != "\n":
        return False  # an indented paragraph (a plain-text RFC's) is prose, not a cut
    before = source[before_start:before_end].rstrip()
    item = source[start:end].strip()
    if not before or not item or _LABEL.match(item):
        return False
    last, first = before[-1], item.split(None, 1)[0]
    if _fragment(item, 2) or _fragment(before, 3):
        return True
    if before.rsplit(None, 1)[-1] in _OPEN_ENDS:
        return True
    if last in ",;:/" and not _YEAR.search(item[:40]):
        return True
    if last in ".!?":
        return False
    if first[0].isdigit():
        return last in ",;:–-"
    return first[0].islower() and (last == "," or not _PARTICLE.match(first))


def goes_on(source: str, before: Block, item: Block) -> bool:
    """Whether the list item ``item`` is the rest of the entry ``before`` that a conversion
    cut at a page mark (:func:`citecheck.parser.pagebreaks.continues`) or a blank line
    (:func:`cut_entry`)."""
    if continues(source, before.end, item.start):
        return True
    return cut_entry(source, before.start, before.end, item.start, item.end)
