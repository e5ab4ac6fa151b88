"""Reference sections that a heading's name alone gets wrong, in specs' back matter.

An Internet-Draft lists the URLs its ``[1]`` callouts stand for under ``11.3.  URIs``, a
name no reference section has; RFC 8446 heads prose that cites entries "External
References" (``E.1.6.``), a name every reference section may have. The first is a reference
section, the second is not.
"""

from __future__ import annotations

import re

from citecheck.model import Block, BlockKind, Section
from citecheck.text.recache import lazy

# "11.3.  URIs": an Internet-Draft's list of the URLs its ``[1]`` callouts stand for.
_URL_TITLE = lazy(
    r"^\s*(?:#{1,6}\s*)?(?:(?:\d+|[A-Z])(?:\.\d+)*\.?\s+)?(?:URIs|URLs|Links)\s*:?\s*$", re.I
)
_URL_ENTRY = lazy(r"[ \t]{0,3}\[\d{1,4}\][ \t]+<?https?://\S+[ \t]*$")


def url_list(title: str, blocks: list[Block], i: int, raw: str) -> bool:
    """Whether a heading named URIs, URLs or Links heads only ``[n] https://…`` lines (an
    Internet-Draft's ``11.3.  URIs``): a reference section of its own."""
    if not _URL_TITLE.match(title):
        return False
    entries = 0
    for block in blocks[i + 1 :]:
        if block.kind is BlockKind.HEADING:
            break
        lines = [ln for ln in raw[block.start : block.end].split("\n") if ln.strip()]
        if not all(_URL_ENTRY.match(ln) for ln in lines):
            return False
        entries += len(lines)
    return entries > 0


# A sentence that opens a paragraph: a capitalised word, then lower-case words.
_SENTENCE = lazy(r"[ \t]*[A-Z][a-z]+(?: [a-z]+){2}")
_LABEL = lazy(r"\[[^\[\]\n]{1,40}\]")


def without_prose(sections: list[Section], blocks: list[Block], raw: str) -> list[Section]:
    """Drop the sections that only hold prose citing the entries of another: RFC 8446's
    "E.1.6.  External References", a paragraph that opens as a sentence ("The reader should
    refer to …") and names two or more labels, is body text after the real lists."""
    if len(sections) < 2:
        return sections
    held: dict[int, list[Block]] = {}
    for block in blocks:
        if block.section is not None and block.kind is not BlockKind.HEADING:
            held.setdefault(block.section, []).append(block)
    prose = set()
    for n, members in held.items():
        if all(
            b.kind is BlockKind.PARAGRAPH
            and b.label is None
            and _SENTENCE.match(raw, b.start)
            and len(_LABEL.findall(raw, b.start, b.end)) >= 2
            for b in members
        ):
            prose.add(n)
    if not prose or len(prose) == len(sections):
        return sections
    renumber: dict[int, int] = {}
    kept: list[Section] = []
    for n, section in enumerate(sections):
        if n not in prose:
            renumber[n] = len(kept)
            kept.append(section)
    for block in blocks:
        if block.section is not None:
            block.section = renumber.get(block.section)
    return kept


# A kind of source that sorts a list's entries: "Books", "Journals", "Journal articles",
# "Primary sources", "News articles", "Websites" (a wiki's Works cited or Bibliography,
# grouped), and the same on the larger wikis.
_SOURCE_KIND = lazy(
    r"^\s*(?:#{1,6}\s*)?(?:(?:primary|secondary|tertiary|other|academic|scholarly|online|web"
    r"|news(?:paper)?|government|official|archival|published|unpublished|print|journal"
    r"|magazine|book|conference)\s+)?(?:sources?|books?|journals?|articles?|chapters?"
    r"|newspapers?|periodicals|magazines?|websites?|reports?|theses|dissertations|papers"
    r"|documents|interviews|encyclopa?edias?|dictionaries|monographs|textbooks|speeches"
    r"|libros|artículos|livres|articles|bücher|aufsätze|zeitschriften|книги|статьи)"
    r"(?:\[\s*edit\s*\])?\s*:?\s*$",
    re.I,
)


def source_kind(title: str) -> bool:
    """Whether a heading names a kind of source ("Books", "Journals"): inside a reference
    section, it groups the list's entries rather than ending the list."""
    return len(title) <= 40 and bool(_SOURCE_KIND.match(title))
