"""Reference sections and reference strings.

A reference section opens at a heading such as References, Sources or Notes and runs to the
next heading of the same or a higher rank. Each item in it is parsed into what can be
recognised (key, outlet, title, authors, year, URL, DOI) or set aside as not a source.
"""

from __future__ import annotations

import html
import re

from citecheck.model import Block, BlockKind, NonReference, Reference, Section
from citecheck.outlets import find_outlet, outlet_from_url

_BULLET = re.compile(r"^\s*(?:[-*+•‣◦]|(\d{1,9})[.)])(?:\s+|$)")
_KEY = re.compile(r"^\[(\S+(?: \S+){0,2}|[^\[\]\n]{1,60}\d{4}[a-z]?)\](?!\()\s*:?\s*")
_CARET = re.compile(r"^(?:\^\s*|\[\**\^\**\]\([^)]*\)\s*)(?:\[\**[a-z]{1,2}\**\]\([^)]*\)\s*)*")
# A link's destination stops at the next "[", an angle URL at the next "<": each scan ends
# where the next could start, so a run of unclosed openers costs linear time, not quadratic.
_MD_LINK = re.compile(r"!?\[([^\[\]]*)\]\(\s*<?([^)\s>\[]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_ANGLE_URL = re.compile(r"<((?:https?|ftp)://[^<>]+)>")
_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"'\]]+")
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)")
_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)[a-z]?\b")
_QUOTED = re.compile(r"[\"“]([^\"“”]{3,300})[\"”]")
_OUTLET_TITLE = re.compile(r"^([A-Z][\w&.'’ -]{1,60}?):\s+(\S.{2,})$")
_AUTHORS = re.compile(r"^((?:[A-Z][\w'’-]+,\s+(?:[A-Z]\.\s*)+(?:,?\s*(?:and|&)\s*)?,?\s*)+)")
_CATEGORY = re.compile(
    r"^(?:categor(?:y|ies)|tags?|topics?|keywords|filed under|section)\s*:", re.I
)
_ERROR = re.compile(
    r"\berror\b|\bretriev\w*\b.*\bfail|\bdead link\b|\b404\b.{0,12}\bnot found\b", re.I
)
_BIBLIO = re.compile(
    r"\b(?:in proceedings|proceedings|proc\.|pages?\s+\d|pp\.|vol\.|volume|journal|conference"
    r"|arxiv|corr|isbn|issn|press|publish\w*|retrieved|accessed|edition|eds?\.|et al\.|"
    r"transactions|workshop|symposium|rfc\s?\d+|work in progress|internet-draft|thesis"
    r"|report no|technical report|preprint|magazine|newspaper)\b",
    re.I,
)
_YEAR_CITED = re.compile(
    r"\((?:1[6-9]\d\d|20\d\d)[a-z]?\)|[,.]\s*(?:1[6-9]\d\d|20\d\d)[a-z]?\.?\s*$"
)
_NAME_LIST = re.compile(r"^(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3},\s+){2,}")
_CAPTION = re.compile(r"^(?:figure|fig\.|table|image|chart|photo)\s*\d*[.:]", re.I)
_ASIDE = re.compile(
    r"\b(?:i|we|you|it|there|while|but|because|although|though|also|not|would|could|should"
    r"|can|will|goes|went|seems|think|know)\b",
    re.I,
)
_SEGMENT = re.compile(
    r"(?<=[a-z0-9)\]])(?<!\bp)(?<!\bpp)(?<!\bvol)(?<!\bno)(?<!\bed)(?<!\bal)\.\s+(?=[A-Z0-9])"
)
_PROSE = re.compile(r"\b(?:is|are|was|were|has|have|had|this|these|which|that|due to)\b", re.I)
_LINKDEF = re.compile(r"^\s*\[((?:[^\]\\]|\\.)+)\]:\s*<?(\S*?)>?(?:\s+[\"'(](.*)[\"')])?\s*$", re.S)
_EMPHASIS = re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)")


def _pseudo_heading(block: Block, text: str, heading: re.Pattern[str]) -> bool:
    return block.end - block.content_start <= 40 and bool(
        heading.match(text[block.content_start : block.end].strip())
    )


def find_sections(blocks: list[Block], text: str, heading: re.Pattern[str]) -> list[Section]:
    """Mark blocks inside reference sections and return the sections."""
    sections: list[Section] = []
    level = 0
    for block in blocks:
        if block.kind is BlockKind.PARAGRAPH and _pseudo_heading(block, text, heading):
            # "References:" or "**Sources**" on a line of its own, above the list.
            block.kind, block.level = BlockKind.HEADING, 7
        if block.kind is BlockKind.HEADING:
            title = text[block.content_start : block.end].strip()
            if heading.match(title):
                sections.append(Section(title.strip("#: \t"), block.start, block.end))
                level = block.level
                continue
            if sections and block.level <= level:
                level = 0
        if level and sections:
            sections[-1].end = block.end
            block.section = len(sections) - 1
    return sections


_ITEM_START = re.compile(r"^[ \t]{0,3}(?:\[[^\[\]\n]{1,80}\]|\d{1,3}[.)]|\^)[ \t]", re.M)


def split_items(block: Block, source: str) -> list[Block]:
    """Split a paragraph of a reference section whose lines each open an entry
    (``[1] …`` on consecutive lines is one Markdown paragraph)."""
    starts = [m.start() for m in _ITEM_START.finditer(source, block.start, block.end)]
    if len(starts) < 2 or starts[0] != block.start:
        return [block]
    ends = [*starts[1:], block.end]
    return [
        Block(BlockKind.ITEM, s, len(source[s:e].rstrip()) + s, s, section=block.section)
        for s, e in zip(starts, ends, strict=True)
    ]


def clean(source: str) -> tuple[str, list[str]]:
    """Turn an item's Markdown or wrapped text into one plain line; return its link targets."""
    urls: list[str] = []

    def link(m: re.Match[str]) -> str:
        urls.append(m.group(2))
        return m.group(1)

    source = _ANGLE_URL.sub(lambda m: " " + re.sub(r"\s+", "", m.group(1)) + " ", source)
    source = _MD_LINK.sub(link, source)
    source = _EMPHASIS.sub("", html.unescape(source))
    return re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s+", " ", source)).strip(), urls


def _fields(ref: Reference, text: str, urls: list[str]) -> None:
    """Fill outlet, title, authors, year, URL and DOI from a cleaned reference string."""
    if m := _DOI.search(text):
        ref.doi = m.group(1).rstrip(".,;)")
    web = [u for u in urls if u.startswith(("http://", "https://"))]
    if m := _URL.search(text):
        web.insert(0, m.group())
    if web:
        ref.url = web[0].rstrip(".,;)")
    if m := _YEAR.search(text):
        ref.year = int(m.group(1))
    if m := _AUTHORS.match(text):
        names = re.split(r",?\s+(?:and|&)\s+|(?<=\.),\s*", m.group(1).strip(" ,"))
        ref.authors = tuple(n.strip(" ,") for n in names if n.strip(" ,"))
    if m := _OUTLET_TITLE.match(text):
        ref.outlet, ref.title = m.group(1).strip(), m.group(2).strip()
        if _URL.search(ref.title):  # "Outlet: Title. https://…": the URL is not the title's
            ref.title = _URL.sub("", ref.title).strip(" .,;<>") or None
    elif m := _QUOTED.search(text):
        ref.title = m.group(1).strip(" .,")
    ref.outlet = ref.outlet or find_outlet(text) or (outlet_from_url(ref.url) if ref.url else None)


def _fallback_title(text: str) -> str | None:
    """The title of an unquoted entry: the first segment, or the second after authors."""
    text = _URL.sub("", text).strip(" .,;<>")
    parts = [p.strip(" ,;:") for p in _SEGMENT.split(text)]
    if len(parts) > 1 and (
        _NAME_LIST.match(parts[0] + ", ")
        or _AUTHORS.match(parts[0] + ".")
        or re.search(r"\(\d{4}[a-z]?\)$", parts[0])
    ):
        parts = parts[1:]
    title = parts[0] if parts else ""
    return title if len(title) >= 3 and not _YEAR.fullmatch(title) else None


def _is_note(text: str) -> bool:
    """A footnote written as prose (an aside), not as a bare source."""
    if _URL.match(text) or _QUOTED.match(text) or _AUTHORS.match(text):
        return False
    return len(text.split()) > 12 and bool(_PROSE.search(text) or _ASIDE.search(text))


def not_a_source(text: str, ref: Reference) -> str | None:
    """Return why an item does not read as a source, or None when it does."""
    if not text.strip(" .-–—"):
        return "it is empty"
    if ref.url or ref.doi:
        return None
    if _ERROR.search(text):
        return "it is an error message, not a source"
    if _CATEGORY.match(text):
        return "it is a category line, not a source"
    words = len(text.split())
    if ref.title or ref.authors or (ref.outlet and words <= 25):
        return None
    if _BIBLIO.search(text) or _YEAR_CITED.search(text) or _NAME_LIST.match(text):
        return None
    if words > 25 and (_PROSE.search(text) or text.count(",") >= 2):
        return "it reads as commentary, not a source"
    if words > 40:
        return "it reads as prose, not a source"
    return None


def parse_item(block: Block, source: str) -> tuple[Reference | None, NonReference | None]:
    """Parse one reference-list item, footnote or link definition."""
    raw = source[block.start : block.end]
    if block.kind is BlockKind.LINKDEF:
        if not any(c.isalnum() for c in block.label or ""):
            return None, None  # "[//]: # (comment)" is the Markdown comment idiom
        m = _LINKDEF.match(raw)
        ref = Reference(block.label, block.start, block.end, raw.strip(), block.kind)
        if m:
            ref.url = m.group(2) or None
            ref.title = (m.group(3) or "").strip() or None
        return ref, None
    key = block.label
    number: int | None = None
    if block.kind is BlockKind.FOOTNOTE:
        raw = source[block.content_start : block.end]
    else:
        if m := _BULLET.match(raw):
            number = int(m.group(1)) if m.group(1) else None
            raw = raw[m.end() :]
        if key is None and (m := _KEY.match(raw)):
            key = m.group(1).strip()
            raw = raw[m.end() :]
        elif key is not None and (m := _KEY.match(raw.lstrip())):
            raw = raw.lstrip()[m.end() :]
        raw = _CARET.sub("", raw.lstrip())
    if key is not None and key.isdigit():
        number, key = int(key), None
    text, urls = clean(raw)
    if block.kind is BlockKind.PARAGRAPH and _CAPTION.match(text):
        return None, None  # a figure caption that fell into the list
    ref = Reference(key, block.start, block.end, text, block.kind, block.section, number)
    _fields(ref, text, urls)
    if block.kind is BlockKind.FOOTNOTE:
        ref.note = _is_note(text)
        return ref, None
    reason = not_a_source(text, ref)
    if not reason and ref.title is None:
        ref.title = _fallback_title(text)
    if reason:
        label = str(number) if number is not None else key
        return None, NonReference(block.start, block.end, text, reason, label)
    return ref, None
