"""Markdown reader on pyromark (pulldown-cmark): CommonMark with footnotes and source ranges.

Only prose text is copied into the masked text: code, HTML, front matter, link
destinations, images and autolinks stay blank, so they are never scanned for markers.
Reference-style links (``[text][1]``, ``[1]``) are copied whole so that their labels are
seen as citations of the link definitions.
"""

from __future__ import annotations

from typing import Any

import pyromark

from citecheck.model import Block, BlockKind
from citecheck.reader import Layout
from citecheck.reader.bytemap import ByteMap
from citecheck.reader.entitybrackets import decoded_brackets
from citecheck.reader.latexheads import bibliography_masked, latex_headings
from citecheck.reader.linkdefs import fold as _fold
from citecheck.reader.liquid import liquid_code
from citecheck.reader.mdabbr import blank_abbreviations, blanked
from citecheck.reader.mdfinish import drafted, kept_blocks, linkdefs, masked_copy
from citecheck.reader.mmdmeta import blank_metadata
from citecheck.reader.padding import unpadded
from citecheck.reader.pandocdivs import pandoc_divs
from citecheck.reader.webtext import framed_headings
from citecheck.text.recache import lazy

_OPTIONS = (
    pyromark.Options.ENABLE_FOOTNOTES
    | pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_STRIKETHROUGH
    | pyromark.Options.ENABLE_TASKLISTS
    | pyromark.Options.ENABLE_YAML_STYLE_METADATA_BLOCKS
    | pyromark.Options.ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
    | pyromark.Options.ENABLE_GFM  # alerts: the [!NOTE] of a blockquote is not prose
)
_REF_LINKS = frozenset({"Reference", "Collapsed", "Shortcut"})
_PADDING = ({"Start": "TableCell"}, {"End": "TableCell"})
_DEPTH = {"Start": 1, "End": -1}
_PROSE = frozenset({"Text", "FootnoteReference"})
_HTML = frozenset({"InlineHtml", "Html"})
_LONE_CR = lazy(r"\r(?!\n)")
_ID = lazy(r"""\b(?:id|name)\s*=\s*["']([^"'<>]{1,200})["']""")
_CROSS_REF = lazy(r"\{reference-type=")
_NUMBERED_TEXT = lazy(r"\[\s*\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*\s*\]\(")


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        # What pyromark reads, same length and offsets: a lone CR ends a line everywhere
        # (pulldown-cmark runs an indented code block on over it); Liquid's highlight
        # blocks are code; a converted web page's ``***** Title *****`` lines are headings;
        # Pandoc's div fences (``::: {#refs}``) are no text.
        # MultiMarkdown's opening ``Key: value`` metadata and Markdown Extra's ``*[ABBR]: …``
        # abbreviation lines are no prose.
        parsed = latex_headings(unpadded(_LONE_CR.sub("\n", blank_metadata(text))))
        parsed = blank_abbreviations(parsed)
        self.parsed = pandoc_divs(liquid_code(framed_headings(parsed)))
        self.bmap = ByteMap(text)
        self.copies: list[tuple[int, int]] = []
        self.blocks: list[Block] = []
        self.stack: list[Block | None] = []
        self.open: list[int] = []  # positions in ``stack`` that hold a block, innermost last
        self.hidden = 0
        self.links: list[tuple[int, int, str]] = []
        self.inline: list[tuple[int, int, str]] = []
        self.defined: set[str] = set()
        self.outer: list[Any] = []  # byte ranges of the top-level blocks, in order
        self.anchors: list[tuple[int, str]] = []
        self.sups: list[tuple[int, int]] = []
        self.sup: list[tuple[int, int]] | None = None  # text spans inside an open <sup>
        self.html_blocks: list[tuple[int, int]] = []  # raw HTML blocks (tables, see mdtables)

    def span(self, rng: Any) -> tuple[int, int]:
        return self.bmap.char(rng["start"]), self.bmap.char(rng["end"])

    def content(self, s: int, e: int, copy: bool = True) -> None:
        """Copy prose into the masked text and stretch the innermost block over it."""
        if copy and blanked(self.parsed[s:e]):
            return  # an abbreviation definition's wide characters (see mdabbr)
        if copy:
            self.copies.append((s, e))
        if self.open:
            block = self.stack[self.open[-1]]
            assert block is not None
            # pulldown-cmark reports an undefined ``[1][2]`` (see :meth:`broken`) when it
            # parses the paragraph's inlines, which may be before the text ahead of it
            # (``**Criticism**: … Germany[1][2]``): the block starts at the earliest.
            if block.content_start < 0 or s < block.content_start:
                block.content_start = s
            block.end = max(block.end, e)

    def start(self, tag: Any, rng: Any) -> None:
        s, e = self.span(rng)
        block: Block | None = None
        name = tag if isinstance(tag, str) else next(iter(tag))
        if name == "Heading":
            level = int(tag["Heading"]["level"][1:])
            block = Block(BlockKind.HEADING, s, s, -1, level=level)
        elif name in ("Paragraph", "TableCell") and not self._inside_block():
            block = Block(BlockKind.PARAGRAPH, s, s, -1, cell=name == "TableCell")
        elif name == "Item":
            top = self.stack[self.open[-1]] if self.open else None
            # "[^0]: 1. In practice, …" (a PDF converter's note, its number kept): the
            # note's text opens with a number, which makes it a list; the note keeps it.
            if top is None or top.kind is not BlockKind.FOOTNOTE or top.content_start >= 0:
                self._cut_open_item(s)
                block = Block(BlockKind.ITEM, s, s, -1)
        elif name == "FootnoteDefinition":
            label = "^" + tag["FootnoteDefinition"]
            block = Block(BlockKind.FOOTNOTE, s, s, -1, label=label)
        elif name in ("Image", "CodeBlock", "MetadataBlock", "HtmlBlock"):
            self.hidden += 1
            if name == "HtmlBlock" and not self.hidden - 1:
                self.html_blocks.append((s, e))
            if name == "Image" and tag["Image"]["link_type"] in _REF_LINKS:
                self.use(s, e, tag["Image"]["link_type"], tag["Image"]["id"])
        elif name == "Link":
            link = tag["Link"]
            if link["link_type"] in ("Autolink", "Email"):
                self.hidden += 1
            elif link["link_type"] == "Inline":
                self.inline_link(s, e, link["dest_url"])
            elif link["link_type"] in _REF_LINKS:
                self.use(s, e, link["link_type"], link["id"])
                self.hidden += 1
        if name in ("Heading", "Paragraph", "TableCell", "Item", "FootnoteDefinition"):
            if block is not None:
                self.open.append(len(self.stack))
            self.stack.append(block)
            if block is not None:
                self.blocks.append(block)

    def inline_link(self, s: int, e: int, url: str) -> None:
        """Record an inline link; a numbered one (``[1](url)``) is a citation, not prose."""
        if self.hidden:
            return
        self.content(s, s, copy=False)  # a link that opens a block opens its content
        if _CROSS_REF.match(self.text, e):
            # Pandoc's LaTeX reader writes \ref{thm} as ``[1](#thm){reference-type="ref"}``:
            # a pointer to a theorem, section or equation of the text, never a citation.
            self.hidden += 1
            return
        self.inline.append((s, e, url))
        if _NUMBERED_TEXT.match(self.text, s):
            self.content(s, e, copy=False)
            self.hidden += 1

    def use(self, s: int, e: int, link_type: str, label: str) -> None:
        """Record the label bracket of a reference-style link or image."""
        if link_type in ("Reference", "ReferenceUnknown"):
            first = s
            s = self.text.rfind("[", s, e)
            if self.text[s - 1 : s] != "]":
                return  # an escaped bracket, not a reference
            # ``[2][3]`` with both defined cites both, not a link to 3 with text "2".
            if _fold(self.text[first + 1 : s - 1]) in self.defined:
                self.links.append((first, s, self.text[first + 1 : s - 1].strip()))
        elif link_type in ("Collapsed", "CollapsedUnknown"):
            e = self.text.find("]", s) + 1 or e
        if self.text.startswith("!", s):
            s += 1
        self.links.append((s, e, label))
        self.content(s, e, copy=False)

    def html(self, tag: str, s: int, e: int) -> None:
        """Inline HTML: ids links may point to, and the digits of ``<sup>…</sup>``."""
        if "id" in tag or "name" in tag:
            self.anchors.extend((s + m.start(), m.group(1)) for m in _ID.finditer(tag))
        low = tag[:6].lower()
        if low.startswith("<sup"):
            self.sup = []
        elif low.startswith("</sup") and self.sup is not None:
            if len(self.sup) == 1:
                self.sups.append(self.sup[0])
            self.sup = None

    def broken(self, link: Any) -> None:
        """pulldown-cmark reports a reference link whose label has no definition."""
        if link["link_type"] in ("Reference", "Collapsed"):
            s, e = self.span(link["span"])
            self.use(s, e, link["link_type"], link["reference"])

    def _inside_block(self) -> bool:
        return bool(self.open)

    def _cut_open_item(self, s: int) -> None:
        """A nested list starts: the outer item's own text ends here."""
        # Constant time per item (no search of the stack), so deep nesting stays linear.
        if self.open:
            i = self.open.pop()
            block = self.stack[i]
            assert block is not None
            block.end = min(block.end, s) if block.content_start >= 0 else block.end
            self.stack[i] = None

    def end(self, tag: Any) -> None:
        name = tag if isinstance(tag, str) else next(iter(tag))
        if name in ("Heading", "Paragraph", "TableCell", "Item", "FootnoteDefinition"):
            if self.stack:
                if self.open and self.open[-1] == len(self.stack) - 1:
                    self.open.pop()
                self.stack.pop()
        elif name in ("Image", "CodeBlock", "MetadataBlock", "HtmlBlock"):
            self.hidden -= 1

    def run(self) -> Layout:
        links: list[bool] = []
        definitions = pyromark.reference_definitions(self.parsed, options=_OPTIONS)
        self.defined = {_fold(label) for label in definitions}
        events = pyromark.events_with_range(
            self.parsed, options=_OPTIONS, broken_link_callback=self.broken
        )
        depth = 0
        content, span = self.content, self.span
        chars = not self.bmap.ascii  # byte offsets are character offsets in ASCII
        for event, rng in events:
            if isinstance(event, str):
                continue
            # The empty cells that pad a short table row have no width (see padding.py):
            # a few characters may stand for thousands of them, so they cost next to nothing.
            if rng["start"] == rng["end"] and event in _PADDING:
                continue
            kind, value = next(iter(event.items()))
            if kind in _HTML:
                self.html(str(value), *span(rng))
            elif self.sup is not None and kind == "Text":
                self.sup.append(span(rng))
            if kind in _PROSE:
                if self.hidden:
                    continue
                if chars:
                    content(*span(rng))
                else:
                    content(rng["start"], rng["end"])
                continue
            if kind == "Start" and not depth:
                self.outer.append(rng)
            depth += _DEPTH.get(kind, 0)
            if kind == "Start":
                hidden_before = self.hidden
                self.start(value, rng)
                if value == "Link" or (isinstance(value, dict) and "Link" in value):
                    links.append(self.hidden > hidden_before)
            elif kind == "End":
                if value == "Link":
                    self.hidden -= 1 if links and links.pop() else 0
                else:
                    self.end(value)
        linkdefs(self.text, self.blocks, definitions, self.span, self.outer)
        blocks = kept_blocks(self.text, self.blocks)
        self.links.sort()
        masked = bibliography_masked(self.text, self.parsed, masked_copy(self.text, self.copies))
        layout = Layout(self.text, masked, blocks, self.links, self.inline)
        layout = drafted(layout, self.html_blocks)
        layout.anchors, layout.sups = self.anchors, self.sups
        if "](#" in self.text or "\\[" in self.text:  # notes a converter wrote
            from citecheck.reader.backlinks import converted_notes

            converted_notes(layout)
        return layout


def read_markdown(text: str) -> Layout:
    """Split Markdown into blocks; mask everything that is not prose.

    Note markers whose brackets a converter left as character references
    (``[&#91;1&#93;](#cite_note-1)``, see :mod:`.entitybrackets`) are read as the brackets
    they stand for; the layout's text is the file's."""
    decoded = decoded_brackets(text)
    if decoded == text:
        return _Builder(text).run()
    layout = _Builder(decoded).run()
    layout.text = text
    return layout
