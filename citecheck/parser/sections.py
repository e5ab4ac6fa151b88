"""Reference sections: where they open and end, and how their paragraphs split into entries.

A reference section opens at a heading such as References, Sources or Notes (see
:func:`citecheck.text.vocab.reference_heading`), or at a label line of its own (``Sources:``,
``**References**``), and runs to the next heading of the same or a higher rank. How its
paragraphs split into entries: :mod:`.sectionitems`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from citecheck.model import LISTED_HEADING, Block, BlockKind, Section
from citecheck.parser.headless import listed_run, trailing_list
from citecheck.parser.linklines import opens_link_lines
from citecheck.parser.rfcpages import furniture, next_heading
from citecheck.parser.section_kinds import source_kind, url_list, without_prose
from citecheck.parser.sectionitems import ITEM_START, line_end, split_items
from citecheck.parser.wikinotes import trailing_notes
from citecheck.text.recache import lazy
from citecheck.text.smallcaps import uncapped

__all__ = ["find_sections", "line_end", "split_items"]

_LONGEST = 60  # characters of a label line


def _label_end(block: Block, raw: str, heading: re.Pattern[str]) -> int | None:
    """End of a label line ("References:", "**Sources**") that opens a paragraph, or None.

    The label must fill its line of the source: a table cell, link text or a sentence
    that mentions references shares its line with other text, so it opens no section.
    Below the label the paragraph must be empty or open an entry (``[1] …``).
    """
    # Searches are bounded by the longest label, so that the cells of a long table row are
    # not each scanned back to the row's start.
    lo, hi = max(0, block.start - _LONGEST), min(block.end, block.start + _LONGEST)
    line_start = raw.rfind("\n", lo, block.start) + 1
    nl = raw.find("\n", block.start, hi)
    stop = block.end if nl < 0 else nl
    if (line_start == 0 and lo > 0) or stop - line_start > _LONGEST:
        return None
    label = raw[line_start:stop]
    if raw[line_start : block.start].strip() or not heading.match(label):
        return None
    below = nl + 1  # entries, or sources one link a line
    if nl >= 0 and not (
        ITEM_START.match(raw, below, block.end) or opens_link_lines(raw, below, block.end)
    ):
        return None
    if _term(label, raw, stop):
        return None
    return stop


def _line(raw: str, block: Block) -> str:
    """The line of the source a one-line block stands on, with its indentation."""
    return raw[raw.rfind("\n", 0, block.start) + 1 : block.end]


_DEEPER = re.compile(r"\n(?:[ \t]*\n)*([ \t]*)(\S)")


def _term(label: str, raw: str, stop: int) -> bool:
    """Whether an indented label line is the term of a definition list: the next line with
    text is indented deeper and opens no entry (an IANA template in an RFC's text:
    ``   Reference`` above ``      The RFC requesting a new version number…``)."""
    indent = len(label) - len(label.lstrip(" \t"))
    m = _DEEPER.match(raw, stop)
    if not indent or m is None or len(m.group(1)) <= indent:
        return False
    return m.group(2) not in "[-*+•^" and not m.group(2).isdigit()


def find_sections(
    blocks: list[Block],
    text: str,
    heading: re.Pattern[str],
    raw: str | None = None,
    headless: tuple[int, int] | None = None,
    markup: bool = False,
) -> list[Section]:
    """Mark blocks inside reference sections and return the sections.

    ``text`` is the masked text the blocks index, ``raw`` the source as written (default
    ``text``). A paragraph holding a label line followed directly by entries is split in
    ``blocks`` into the prose before, the label (a heading) and the entries. ``headless``
    is the span of a list the reader saw with no heading (see :attr:`Layout.listed`): its
    blocks make a reference section when they close the document's last one. With
    ``markup`` the headings are the page's own (``<h2>``): their indentation in the source
    is a pretty-printer's, never a definition list's term (see :func:`_term`).
    """
    raw = text if raw is None else raw
    sections: list[Section] = []
    out: list[Block] = []
    level = 0
    split = list(_split_labels(blocks, raw, heading))
    for i, block in enumerate(split):
        out.append(block)
        # A cell or a definition list's term ("Reference:" in an IANA template) is no label.
        label = block.kind is BlockKind.PARAGRAPH and not block.cell
        if label and (end := _label_end(block, raw, heading)):
            block.kind, block.level, block.end = BlockKind.HEADING, 7, end
            sections.append(Section(_title(raw[block.start : end]), block.start, end))
            level = 7
            continue
        if block.kind is BlockKind.HEADING:
            title = text[block.content_start : block.end].strip()
            listed = block.label == LISTED_HEADING  # the reader saw the list under it
            named = (heading.match(title) or heading.match(uncapped(title))) and (
                markup or not _term(_line(raw, block), raw, block.end)
            )
            if listed or named or url_list(title, split, i, raw):
                sections.append(Section(_title(title), block.start, block.end))
                level = block.level
                continue
            if level and sections and source_kind(title):
                pass  # "Books", "Journals" under Works cited: the list goes on under it
            elif sections and block.level <= level:
                level = 0
        elif level and _turn_label(block, raw):
            level = 0  # "Prompt 2:" after an answer's "Citations:": the next chat turn
        elif level and _back_matter(block, raw):
            level = 0  # "致谢", "Acknowledgements" typed as a paragraph after the list
        elif level and sections and next_heading(sections[-1].title, block, raw):
            level = 0  # "Appendix A.  …" as a paragraph after "11.2.  Informative References"
        elif level and furniture(block, raw):
            continue  # an RFC's page footer or running head: the list goes on past it
        if level and sections:
            sections[-1].end = block.end
            block.section = len(sections) - 1
    if headless is not None:
        listed_run(out, headless, sections)
    if not trailing_notes(out, raw, sections) and (not sections or sections[-1].end < out[-1].end):
        trailing_list(out, raw, sections)
    blocks[:] = out
    return without_prose(sections, out, raw)


def _back_matter(block: Block, raw: str) -> bool:
    """Whether a paragraph is a line of its own that titles back matter: a thesis's
    thanks (致谢, Danksagung), Acknowledgements, Funding, See also (see
    :func:`citecheck.parser.backmatter.back_matter_title`), typed in the body style after the
    list, where it ends the list as a heading would."""
    from citecheck.parser.backmatter import back_matter_title

    if block.kind is not BlockKind.PARAGRAPH or block.end - block.start > 40:
        return False
    words = raw[block.content_start : block.end].strip()
    return "\n" not in words and back_matter_title(words)


def _turn_label(block: Block, raw: str) -> bool:
    """Whether a paragraph is a chat transcript's speaker label on a line of its own
    (``Prompt 2:``, ``User:``, ``ChatGPT said:``), which opens the next turn."""
    from citecheck.parser.claims import speaker

    if block.kind is not BlockKind.PARAGRAPH or block.end - block.start > 40:
        return False
    words = raw[block.content_start : block.end].strip()
    return "\n" not in words and words.endswith(":") and speaker(words, False) is not None


def _split_labels(blocks: list[Block], raw: str, heading: re.Pattern[str]) -> Iterator[Block]:
    """Yield the blocks, a paragraph cut before and after a label line above entries.

    In Markdown, ``Sources:`` straight above ``[1] …`` lines (no blank line) is one
    paragraph, sometimes with the last sentences of the article above it.
    """
    for i, whole in enumerate(blocks):
        if whole.kind is not BlockKind.PARAGRAPH or "\n" not in raw[whole.start : whole.end]:
            yield whole
            continue
        block = whole
        first = _label_end(block, raw, heading)
        cut = None if first else _inner_label(block, raw, heading)
        if cut is None and not first and i + 1 < len(blocks):
            cut = _last_label(block, raw, heading, blocks[i + 1])
        if cut is not None:
            stop = cut - 1
            while stop > block.start and raw[stop - 1].isspace():
                stop -= 1
            yield Block(BlockKind.PARAGRAPH, block.start, stop, block.content_start)
            block = Block(BlockKind.PARAGRAPH, cut, whole.end, cut)
            first = _label_end(block, raw, heading)
        if first and first < block.end:
            rest = raw.index("\n", first) + 1
            yield Block(BlockKind.PARAGRAPH, block.start, first, block.start)
            yield Block(BlockKind.PARAGRAPH, rest, block.end, rest)
        else:
            yield block


_INNER_LABEL = lazy(
    r"\n([^\n]{1,60})\n(?=[ \t]{0,3}(?:\[[^\[\]\n]{1,80}\][ \t]|\[\d{1,9}\]\(|\d{1,3}[.)][ \t]))"
)


_SHORT_LINE = lazy(r"\n([^\n]{1,60})(?=\n)")


def _inner_label(block: Block, raw: str, heading: re.Pattern[str]) -> int | None:
    """Start of a label line inside a paragraph, directly above an entry or above sources
    one link a line (see :mod:`citecheck.parser.linklines`), or None."""
    for m in _INNER_LABEL.finditer(raw, block.start, block.end):
        if heading.match(m.group(1)):
            return m.start(1)
    for m in _SHORT_LINE.finditer(raw, block.start, block.end):
        if heading.match(m.group(1)) and opens_link_lines(raw, m.end() + 1, block.end):
            return m.start(1)
    return None


def _last_label(block: Block, raw: str, heading: re.Pattern[str], after: Block) -> int | None:
    """Start of a label line that ends a paragraph (a converter's "References" glued to the
    line above it) when the next block opens an entry, or None."""
    nl = raw.rfind("\n", block.start, block.end)
    if nl < 0 or block.end - nl > _LONGEST or not heading.match(raw[nl + 1 : block.end].strip()):
        return None
    return nl + 1 if ITEM_START.match(raw, after.start, after.end) else None


def _title(heading: str) -> str:
    return heading.strip("#*_: \t")
