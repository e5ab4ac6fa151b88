"""Reference strings: each item of a reference section, footnote or link definition.

Each item is parsed into what can be recognised (key, outlet, title, authors, year, URL,
DOI) or set aside as not a source (see :mod:`citecheck.parser.sourcelike`).
"""

from __future__ import annotations

import re
from copy import copy
from dataclasses import fields
from operator import attrgetter

from citecheck.model import Block, BlockKind, NonReference, Reference
from citecheck.parser.entrytext import clean, fallback_title, link_title, read_fields, styled_title
from citecheck.parser.gluednames import opens_glued_entry
from citecheck.parser.memo import current
from citecheck.parser.sections import line_end
from citecheck.parser.sourcelike import (
    is_note,
    not_a_source,
)
from citecheck.text.recache import lazy

# The key of a wiki's note: a letter or two (``a``, ``ac``), or a group and a number, the
# group in any language (``n 1``, ``note 1``, ``lower-alpha 2``, ``Anm. 1``, ``Nota 1``,
# ``註 1``, ``прим. 1``), as :mod:`citecheck.reader.html_notes` keys them.
_NOTE_LABEL = lazy(
    r"^(?:[a-z]{1,2}|(?:[a-z][a-z-]*|[A-Z][a-z]{1,5}\.?|[^\W\d_a-zA-Z]{1,12}\.?)\s+\d{1,3})$"
)
_ENTRY = "entry"  # a memo's key for an item's entry
_VALUES = attrgetter(*(f.name for f in fields(Reference)))  # a reference's, in order
_NEXT_ENTRY = lazy(r"[ \t]+(?:[-*+•][ \t]+)?(?:\[\d{1,4}\]|\d{1,4}\.)[ \t]+[A-Z]")
# An item's bullet or number; an old draft numbers entries with no stop ("1  Bradner").
_BULLET = lazy(r"^\s*(?:[-*+•‣◦]|(\d{1,9})[.)]|(\d{1,3})(?=[ \t]{2,}[A-Z]))(?:\s+|$)")
_KEY = lazy(r"^\[([^\s\]]+(?: \S+){0,2}|[^\[\]\n]{1,60}\d{4}[a-z]?)\](?!\()\s*:?\s*")
# An author-year entry whose authors a PDF converter lost opens with its year ("2023. Bliva:
# A simple multimodal llm…"), which reads like a list's number: no list runs to 1800.
_YEAR_FIRST = lazy(r"^\s*(?:18|19|20)\d\d\.\s")
_NUMBER_LINK = lazy(r"^\[(\d{1,9})\]\(\s*<?([^)\s>]+)>?\)[ \t]*[:.–—-]?[ \t]*")
# ``[\[1\]](https://…#:~:text=…) [\[13\]](…) Title``: one source under each number it is
# cited by, as a chat answer's sources read after a Word-to-Markdown converter.
_ESCAPED_NUMBER_LINK = lazy(r"\[\\\[(\d{1,4})\\\]\]\(\s*<?((?:[^()\s>]|\([^()\s>]*\))+)>?\)[ \t]*")
# "[1] [13] Title": the further numbers the same source is cited by (never a year).
_MORE_NUMBERS = lazy(r"(?:\[(?!1[5-9]\d\d\]|20\d\d\])\d{1,4}\][ \t]+)+(?=\S)")
_NUMBER = lazy(r"\d+")
_LETTER = lazy(r"^([a-z]{1,2})[.)][ \t]+(?=\S)")
_CARET = lazy(r"^(?:\^\s*|\[\**\^\**\]\([^)]*\)\s*)(?:\[\**[a-z]{1,2}\**\]\([^)]*\)\s*)*")
_ESCAPED_LABEL = lazy(r"^\\\[([^\[\]\n]{1,60}?)\\\]")
_CAPTION = lazy(r"^(?:figure|fig\.|table|image|chart|photo)\s*\d*[.:]", re.I)
_LINKDEF = lazy(r"^\s*\[((?:[^\]\\]|\\.)+)\]:\s*<?(\S*?)>?(?:\s+[\"'(](.*)[\"')])?\s*$", re.S)


def _escaped_numbers(raw: str, links: list[str]) -> tuple[list[str], str]:
    """The numbers of the escaped number links that open ``raw``, and the rest of it;
    their addresses, without a text fragment, are appended to ``links``."""
    numbers: list[str] = []
    at = 0
    while m := _ESCAPED_NUMBER_LINK.match(raw, at):
        numbers.append(m.group(1))
        links.append(m.group(2).split("#:~:")[0])
        at = m.end()
    return numbers, raw[at:] or links[0]


def _entry_key(
    raw: str, key: str | None, link: list[str]
) -> tuple[str, str | None, int | None, tuple[str, ...]]:
    """Take an entry's own label off its text: a bullet's number, ``[1](https://…)``,
    ``[\\[1\\]](…) [\\[13\\]](…)``, ``[1] [13]``, ``[Smith]`` or a letter. Returns the rest
    of the text, the key, the number and the further numbers the entry is cited by; an
    address the label links to is appended to ``link``."""
    number: int | None = None
    aliases: tuple[str, ...] = ()
    if (m := _BULLET.match(raw)) and not _YEAR_FIRST.match(raw):
        digits = m.group(1) or m.group(2)
        number = int(digits) if digits else None
        raw = raw[m.end() :]
    if key is None and raw.startswith("[\\[") and _ESCAPED_NUMBER_LINK.match(raw):
        numbers, raw = _escaped_numbers(raw, link)
        number, aliases = int(numbers[0]), tuple(numbers[1:])
    elif key is None and (m := _NUMBER_LINK.match(raw)):
        number = int(m.group(1))  # "[1](https://…) Title"
        link.append(m.group(2))
        raw = raw[m.end() :] or m.group(2)
    elif key is None and (m := _KEY.match(raw) or (_LETTER.match(raw) if number is None else None)):
        key = m.group(1).strip()
        raw = raw[m.end() :]
    elif key is not None and (m := _KEY.match(raw.lstrip())):
        raw = raw.lstrip()[m.end() :]
    if key is not None and key.isdigit() and (more := _MORE_NUMBERS.match(raw)):
        aliases, raw = tuple(_NUMBER.findall(more.group())), raw[more.end() :]  # "[1] [13] …"
    return raw, key, number, aliases


def note_label(key: str) -> bool:
    """Whether an entry's key is a wiki's note label: a letter or two (``a``, ``ac``) or a
    group and a number (``n 1``, ``note 1``), not a source's number or label."""
    return bool(_NOTE_LABEL.match(key))


def parse_item(
    block: Block, source: str, notes: bool = False, limit: int | None = None
) -> tuple[Reference | None, NonReference | None]:
    """Parse one reference-list item, footnote or link definition.

    ``notes`` says the item is in a notes section, where prose is expected. ``limit`` is
    where the next block starts: an entry never reads past it (an HTML page writes a
    list's ``<li>`` items on one line, so the rest of an item's line is the next items). Under a
    :mod:`~citecheck.parser.memo` (the language server) an item whose characters, kind,
    label and ``notes`` are those of an item of the last check is not parsed again: its
    entry is that item's, moved to where it now stands (a fresh copy, equal to the entry
    parsed afresh; see :func:`_parse_item`).
    """
    memo = current()
    if memo is None or block.kind is BlockKind.LINKDEF:
        return _parse_item(block, source, notes, limit)
    end = _item_end(block, source, limit)
    chars = source[block.start : end]
    offsets = (block.content_start - block.start, end - block.end)
    key = (_ENTRY, block.kind, block.label, offsets, notes, chars)
    # Parsed from its own characters: past ``end`` the item reads nothing (``_item_end``
    # finds the same end at the end of the text).
    ref, non = memo.get(key, lambda: _parse_item(_at_zero(block), chars, notes))
    shift = block.start
    if ref is not None:
        ref = Reference(*_VALUES(ref))  # a copy: each check changes its own
        ref.start, ref.end, ref.section = ref.start + shift, ref.end + shift, block.section
    if non is not None:
        non = copy(non)
        non.start, non.end = non.start + shift, non.end + shift
    return ref, non


def _at_zero(block: Block) -> Block:
    """The block moved to offset 0 (its characters read from the start of a string)."""
    moved = Block(block.kind, 0, block.end - block.start, block.content_start - block.start)
    moved.label, moved.section = block.label, None
    return moved


def _item_end(block: Block, source: str, limit: int | None = None) -> int:
    """Where an item's entry ends: at its block's end, or at the end of its line when the
    next entry is not glued on there (listentries.split_glued, gluednames.split_glued_names)
    and the next block (``limit``) does not start on that line first."""
    end = block.end
    if block.kind is BlockKind.FOOTNOTE:
        return end
    if not (_NEXT_ENTRY.match(source, end) or opens_glued_entry(source, end)):
        end = max(end, line_end(source, end))
        if limit is not None and block.end <= limit < end:
            end = max(block.end, len(source[:limit].rstrip()))
    return end


def _parse_item(
    block: Block, source: str, notes: bool, limit: int | None = None
) -> tuple[Reference | None, NonReference | None]:
    raw = source[block.start : block.end]
    if block.kind is BlockKind.LINKDEF:
        if not any(c.isalnum() for c in block.label or ""):
            return None, None  # "[//]: # (comment)" is the Markdown comment idiom
        m = _LINKDEF.match(raw)
        ref = Reference(block.label, block.start, block.end, raw.strip(), block.kind)
        if m:
            ref.url = m.group(2) or None
            ref.title = (m.group(3) or "").strip() or None
        elif not raw.startswith("["):  # a draft's reference (see reader/ietfmd.py)
            from citecheck.parser.draftrefs import draft_entry

            ref.url, ref.title = draft_entry(raw)
        return ref, None
    key = block.label
    number: int | None = None
    aliases: tuple[str, ...] = ()
    end = block.end
    link: list[str] = []
    if block.kind is BlockKind.FOOTNOTE:
        raw = source[block.content_start : block.end]
    else:
        end = _item_end(block, source, limit)
        raw = source[block.start : end]
        if raw.startswith("\\["):  # an escaped label, "\[31\] Alex Graves…"
            raw = _ESCAPED_LABEL.sub(r"[\1]", raw, count=1)
        raw, key, number, aliases = _entry_key(raw, key, link)
        raw = _CARET.sub("", raw.lstrip())
    if key is not None and key.isdigit():
        number, key = int(key), None
    text, urls = clean(raw)
    if block.kind is BlockKind.PARAGRAPH and _CAPTION.match(text):
        return None, None  # a figure caption that fell into the list
    ref = Reference(key, block.start, end, text, block.kind, block.section, number)
    ref.aliases = aliases
    read_fields(ref, text, [*link, *urls])
    styled_title(ref, text)
    link_title(ref, raw)
    if block.kind is BlockKind.FOOTNOTE:
        ref.note = is_note(text)
        return ref, None
    # A wiki's lettered or grouped note (``[a]``, ``[n 1]``, ``[note 1]``) explains; it is
    # no source, and prose is expected of it wherever its list stands.
    notes = notes or (key is not None and note_label(key))
    reason = not_a_source(text, ref, notes)
    if not reason and ref.title is None:
        ref.title = fallback_title(text)
        styled_title(ref, text)  # "ebb.org. Title.": the first segment may be the outlet
    if reason:
        label = str(number) if number is not None else key
        return None, NonReference(block.start, end, text, reason, label)
    return ref, None
