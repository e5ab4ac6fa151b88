"""Reference strings: each item of a reference section, footnote or link definition.

Each item is parsed into what can be recognised (key, outlet, title, authors, year, URL,
DOI) or set aside as not a source (see :mod:`citecheck.parser.sourcelike`).
"""

from __future__ import annotations

import html
import re
from copy import copy
from dataclasses import fields
from operator import attrgetter

from citecheck.model import Block, BlockKind, EntryFields, NonReference, Reference
from citecheck.parser.authors import PARTICLES
from citecheck.parser.gluednames import opens_glued_entry
from citecheck.parser.memo import current
from citecheck.parser.sections import line_end
from citecheck.parser.sourcelike import (
    AUTHORS,
    NAME_LIST,
    OUTLET_TITLE,
    QUOTED,
    is_note,
    not_a_source,
)
from citecheck.text.outlets import find_outlet, outlet_from_url
from citecheck.text.recache import lazy
from citecheck.text.urls import trim_url
from citecheck.text.vocab import HTML_TAG

# The key of a wiki's note: a letter or two (``a``, ``ac``), or a group and a number, the
# group in any language (``n 1``, ``note 1``, ``lower-alpha 2``, ``Anm. 1``, ``Nota 1``,
# ``註 1``, ``прим. 1``), as :mod:`citecheck.reader.html_notes` keys them.
_NOTE_LABEL = lazy(
    r"^(?:[a-z]{1,2}|(?:[a-z][a-z-]*|[A-Z][a-z]{1,5}\.?|[^\W\d_a-zA-Z]{1,12}\.?)\s+\d{1,3})$"
)
# A date as a link's whole text: a wiki's old linked dates (``Retrieved on [2006](…/2006)-
# [10-06](…/October_6)``) point at the day's page, never at the entry's source.
_DATE_LABEL = lazy(
    r"^\s*(?:\d{1,4}(?:-\d{1,2}){0,2}|(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+(?:January"
    r"|February|March|April|May|June|July|August|September|October|November|December))\s*$"
)
_ENTRY = "entry"  # a memo's key for an item's entry
_VALUES = attrgetter(*(f.name for f in fields(Reference)))  # a reference's, in order
_NEXT_ENTRY = lazy(r"[ \t]+(?:[-*+•][ \t]+)?(?:\[\d{1,4}\]|\d{1,4}\.)[ \t]+[A-Z]")
# An item's bullet or number; an old draft numbers entries with no stop ("1  Bradner").
_BULLET = lazy(r"^\s*(?:[-*+•‣◦]|(\d{1,9})[.)]|(\d{1,3})(?=[ \t]{2,}[A-Z]))(?:\s+|$)")
_KEY = lazy(r"^\[([^\s\]]+(?: \S+){0,2}|[^\[\]\n]{1,60}\d{4}[a-z]?)\](?!\()\s*:?\s*")
_NUMBER_LINK = lazy(r"^\[(\d{1,9})\]\(\s*<?([^)\s>]+)>?\)[ \t]*[:.–—-]?[ \t]*")
# ``[\[1\]](https://…#:~:text=…) [\[13\]](…) Title``: one source under each number it is
# cited by, as a chat answer's sources read after a Word-to-Markdown converter.
_ESCAPED_NUMBER_LINK = lazy(r"\[\\\[(\d{1,4})\\\]\]\(\s*<?((?:[^()\s>]|\([^()\s>]*\))+)>?\)[ \t]*")
# "[1] [13] Title": the further numbers the same source is cited by (never a year).
_MORE_NUMBERS = lazy(r"(?:\[(?!1[5-9]\d\d\]|20\d\d\])\d{1,4}\][ \t]+)+(?=\S)")
_NUMBER = lazy(r"\d+")
_LETTER = lazy(r"^([a-z]{1,2})[.)][ \t]+(?=\S)")
_LEAD_LINK = lazy(
    r"^(?:[*_]{0,3}([A-Z][^\[\]:*_\n]{1,60}?)[*_]{0,3}:\s+)?[*_]{0,3}\[([^\[\]\n]{3,300})\]"
    r"\(\s*<?https?://"
)
_CARET = lazy(r"^(?:\^\s*|\[\**\^\**\]\([^)]*\)\s*)(?:\[\**[a-z]{1,2}\**\]\([^)]*\)\s*)*")
# A link's destination stops at the next "[", an angle URL at the next "<": each scan ends
# where the next could start, so a run of unclosed openers costs linear time, not quadratic.
_MD_LINK = lazy(
    r"!?\[([^\[\]]*)\]\(\s*<?((?:[^()\s>\[]|\([^()\s>\[]*\))*)>?(?:\s+\"[^\"]*\")?\s*\)"
)
# A link whose text names an identifier scheme ("ISBN", "doi", "Bibcode" pointing to the
# wiki's page about that scheme), or a wiki's book-lookup page, is help for the reader, not
# the source: Wikipedia writes one in most citations of books and journals.
_ID_LABEL = lazy(
    r"^\s*(?:ISBN|e?ISSN|doi|Bibcode|OCLC|PMID|PMC|JSTOR|S2CID|arXiv|hdl|LCCN|OSTI|MR|Zbl|SSRN"
    r"|CiteSeerX|ASIN|ISNI|VIAF|ProQuest|ERIC)\s*$",
    re.I,
)
_ESCAPED_LABEL = lazy(r"^\\\[([^\[\]\n]{1,60}?)\\\]")
_ESCAPE = lazy(r"\\([!-/:-@\[-`{-~])")
_ANGLE_URL = lazy(r"<((?:https?|ftp)://[^<>]+)>")
# LaTeX kept in an entry of a ``thebibliography`` list: font commands around words and
# ties (``T.~H. Cormen``, ``C.~Stein``), never a URL's ``~user``.
_LATEX_FONT = lazy(r"\\(?:emph|textit|textbf|textsc|textrm|textsl|texttt|mbox|url)\{([^{}]*)\}")
_TIE = lazy(r"(?<=[.\w])~(?=[A-Z\\])")
_URL = lazy(r"(?:https?|ftp)://[^\s<>\"'\]]+")
# A URL a PDF's line break cut where it could not end: after the dot of an unfinished host
# name or after "/", "=", "&", "?", "_" or "-".
_WRAPPED_URL = lazy(r"((?:https?|ftp)://(?:[^\s/]*\.|\S*[/=&?_-]))\n[ \t]*(?=[\w%/?=&.~-])")
# A URL whose underscore a PDF's text gave as a space ("…/paper files/paper/2022/hash/…",
# NeurIPS' addresses): the path goes on after the space, a word and a "/".
_SPACED_URL = lazy(r"((?:https?|ftp)://[^\s<>\"]*\w) (\w[\w.~%-]*/[^\s<>\"]*)")
_DOI = lazy(r"\b(10\.\d{4,9}/[^\s\"<>]+)")
# A PDF conversion breaks a DOI after a full stop: "10.1371/journal.pcbi. 1002771".
_BROKEN_DOI = lazy(r"(10\.\d{4,9}/[^\s\"<>]*\.) (\d[\w.-]*)")
_YEAR = lazy(r"\b(1[6-9]\d\d|20\d\d)[a-z]?\b")
_CAPTION = lazy(r"^(?:figure|fig\.|table|image|chart|photo)\s*\d*[.:]", re.I)
_SEGMENT = lazy(
    r"(?<=[a-z0-9)\]])(?<!\bp)(?<!\bpp)(?<!\bvol)(?<!\bno)(?<!\bed)(?<!\bal)\.\s+(?=[A-Z0-9])"
)
_INITIALS_FIRST = lazy(rf"^(?:(?:{PARTICLES})[ -])*[A-Z][\w'’-]+,\s+[A-Z]\.")
_LINKDEF = lazy(r"^\s*\[((?:[^\]\\]|\\.)+)\]:\s*<?(\S*?)>?(?:\s+[\"'(](.*)[\"')])?\s*$", re.S)
_SPACE_PUNCT = lazy(r"\s+([,.;:])")
# Emphasis marks, but not the underscores of an address (``…/Matrix_(mathematics)``).
_EMPHASIS = lazy(r"((?:https?|ftp)://[^\s<>\"'\]*]+)|(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)")


def clean(source: str) -> tuple[str, list[str]]:
    """Turn an item's Markdown or wrapped text into one plain line; return its link targets."""
    urls: list[str] = []

    def link(m: re.Match[str]) -> str:
        if not (
            _ID_LABEL.match(m.group(1))
            or "Special:BookSources" in m.group(2)
            or _DATE_LABEL.match(m.group(1))
        ):
            urls.append(m.group(2))
        return m.group(1)

    # Each substitution runs only on items that hold what it replaces.
    if "://" in source and "\n" in source:  # PDF text: "https://en.\nwikipedia.org/w/…"
        source = _WRAPPED_URL.sub(r"\1", _SPACED_URL.sub(r"\1_\2", source))
    if "<" in source:
        source = _ANGLE_URL.sub(lambda m: " " + "".join(m.group(1).split()) + " ", source)
    if "](" in source:
        source = _MD_LINK.sub(link, source)
    if "<" in source:  # inline HTML: <span id="page-37-1"></span>, <sup>, <i>
        source = HTML_TAG.sub("", source)
    source = html.unescape(source)
    if "\\" in source or "~" in source:  # LaTeX: "T.~H. Cormen. \\emph{Introduction}"
        source = _LATEX_FONT.sub(r"\1", source) if "\\" in source else source
        source = _TIE.sub(" ", source) if "~" in source else source
    if "\\" in source:  # Markdown's backslash escapes: "\[2005.14165\] GPT-4 \| OpenAI"
        source = _ESCAPE.sub(r"\1", source)
    if "*" in source or "_" in source:
        source = _EMPHASIS.sub(lambda m: m.group(1) or "", source)
    # str.split and the pattern's \s agree on what is a space.
    return _SPACE_PUNCT.sub(r"\1", " ".join(source.split())).strip(), urls


def _fields(ref: Reference, text: str, urls: list[str]) -> None:
    """Fill outlet, title, authors, year, URL and DOI from a cleaned reference string; the
    entry's scholarly fields (:func:`citecheck.parser.entryfields.read_entry`) are read
    from the same string when first asked for (``Reference.fields``)."""
    if m := _DOI.search(_BROKEN_DOI.sub(r"\1\2", text) if ". " in text else text):
        ref.doi = trim_url(m.group(1))
    web = [u for u in urls if u.startswith(("http://", "https://"))]
    if m := _URL.search(text):
        web.insert(0, m.group())
    if web:
        ref.url = trim_url(web[0])
    if m := _YEAR.search(_URL.sub(" ", text) if "://" in text else text):
        ref.year = int(m.group(1))
    if m := AUTHORS.match(text):
        names = re.split(r",?\s+(?:and|&)\s+|(?<=\.),\s*", m.group(1).strip(" ,"))
        ref.authors = tuple(n.strip(" ,") for n in names if n.strip(" ,"))
    if m := OUTLET_TITLE.match(text):
        ref.outlet, ref.title = m.group(1).strip(), m.group(2).strip()
        if _URL.search(ref.title):  # "Outlet: Title. https://…": the URL is not the title's
            ref.title = _URL.sub("", ref.title).strip(" .,;<>") or None
    elif m := QUOTED.search(text):
        ref.title = m.group(1).strip(" .,")
    ref.outlet = ref.outlet or find_outlet(text) or (outlet_from_url(ref.url) if ref.url else None)
    ref.entry = _read_entry  # read when first asked for: a check rarely asks


def _read_entry(text: str) -> EntryFields:
    """:func:`citecheck.parser.entryfields.read_entry` (imported on first use)."""
    from citecheck.parser.entryfields import read_entry

    return read_entry(text)


def _entry_title(ref: Reference, text: str) -> None:
    """The title of a web page's entry as its style places it (``Outlet. Title. URL``, APA,
    Vancouver …; see :mod:`citecheck.parser.entrytitles`). Entries of scholarly works (a DOI)
    and entries with no web address keep the reading above, unless it is an outlet's name
    or the entry is in Vancouver style (``[Internet]``)."""
    if ref.doi:
        return
    from citecheck.parser.entrytitles import entry_title, looks_like_site

    web = ref.url is not None and ref.url.startswith(("http://", "https://"))
    if not (web or "[Internet]" in text or looks_like_site(ref.title)):
        return

    ref.title = entry_title(text, ref.url) or ref.title


def _link_title(ref: Reference, raw: str) -> None:
    """An entry that opens with a web link (``[Title](https://…) …``, ``Outlet: [Title](…)``):
    the link text is the title."""
    if not (m := _LEAD_LINK.match(raw)):
        return
    title = clean(m.group(2))[0].strip(' "“”.')
    if len(title) < 3 or _URL.match(title) or title.isdigit():
        return
    if m.group(1):
        ref.outlet = m.group(1).strip()
    elif ":" in title:
        return  # "[Outlet: Title](…)" or a title with a subtitle: as the text reads
    ref.title = title


# Authors, then the year in brackets, then the title: "Lind, A. (2011a) Dredging costs."
_AFTER_YEAR = lazy(r"^([^()]{2,300}?)\((?:(?:1[5-9]\d\d|20\d\d)[a-z]?|n\.\s?d\.)\)\.?\s+(?=\S)")


def _fallback_title(text: str) -> str | None:
    """The title of an unquoted entry: the first segment, or the second after authors."""
    text = _URL.sub("", text).strip(" .,;<>")
    if (m := _AFTER_YEAR.match(text)) and (
        AUTHORS.match(text)
        or NAME_LIST.match(text)
        or _INITIALS_FIRST.match(text)
        or (len(m.group(1)) <= 60 and ". " not in m.group(1))
    ):
        rest = _SEGMENT.split(text[m.end() :])[0].strip(" ,;:")
        if len(rest) >= 3:
            return rest
    parts = [p.strip(" ,;:") for p in _SEGMENT.split(text)]
    if len(parts) > 1 and (
        NAME_LIST.match(parts[0] + ", ")
        or AUTHORS.match(parts[0] + ".")
        or re.search(r"\(\d{4}[a-z]?\)$", parts[0])
    ):
        parts = parts[1:]
    title = parts[0] if parts else ""
    return title if len(title) >= 3 and not _YEAR.fullmatch(title) else None


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
    if m := _BULLET.match(raw):
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
    next entry is not glued on there (sections.split_glued, gluednames.split_glued_names)
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
    _fields(ref, text, [*link, *urls])
    _entry_title(ref, text)
    _link_title(ref, raw)
    if block.kind is BlockKind.FOOTNOTE:
        ref.note = is_note(text)
        return ref, None
    # A wiki's lettered or grouped note (``[a]``, ``[n 1]``, ``[note 1]``) explains; it is
    # no source, and prose is expected of it wherever its list stands.
    notes = notes or (key is not None and note_label(key))
    reason = not_a_source(text, ref, notes)
    if not reason and ref.title is None:
        ref.title = _fallback_title(text)
        _entry_title(ref, text)  # "ebb.org. Title.": the first segment may be the outlet
    if reason:
        label = str(number) if number is not None else key
        return None, NonReference(block.start, end, text, reason, label)
    return ref, None
