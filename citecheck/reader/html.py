"""HTML reader on selectolax (the Lexbor engine, a WHATWG HTML5 parser).

The parser builds the tree as a browser does, with implied and misnested tags repaired; the
lexer of :mod:`citecheck.reader.htmlsource`, matched to the tree by
:mod:`citecheck.reader.htmlalign`, says where each of its text nodes lies in the source.
Headings, paragraphs, list items, table cells (never claims), captions and block quotes
become blocks. Page chrome (``<nav>``, ``<header>``, ``<footer>``, ``<aside>``,
scripts, styles, a wiki's edit links, contents and navigation boxes, footnote back-links) is
left out; code is kept in the document but blank in the masked copy.

Citations: a link into a notes list (``<sup class="reference"><a href="#cite_note-3">[3]
</a></sup>``, ``<a href="#fn1"><sup>1</sup></a>``) is written as the marker ``[3]`` of
that list's item; an item of a wiki's ``<ol class="references">`` is a reference with that
key, any other note a footnote (``[^1]``). A link whose text is a number cites like a
numbered Markdown link (``[1](url)``), any other link of the prose may cite the listed
source with its URL, and a link in a reference section lends the entry its address.
Superscript numerals cite a numbered list (:mod:`citecheck.reader.html_sup`); a draft whose
text is all in ``<pre>`` is read as plain text (:mod:`citecheck.reader.html_pre`). What
each element writes, as the walk (:mod:`.html_walk`) meets it, is the reader's
(:mod:`.html_reader`); a link that cites by its look, in :mod:`.html_pills`.
"""

from __future__ import annotations

import re

from citecheck.reader import Layout
from citecheck.reader.citeproc import csl_elements, csl_entries
from citecheck.reader.html_notes import Note, not_bibliographies, notes
from citecheck.reader.html_pre import is_pre_document, read_pre
from citecheck.reader.html_reader import Reader
from citecheck.reader.html_sup import Superscripts
from citecheck.reader.html_walk import walk
from citecheck.reader.htmlalign import align
from citecheck.reader.htmlkinds import chrome
from citecheck.reader.htmlsource import Canvas, tokens
from citecheck.text.recache import lazy
from citecheck.text.vocab import REFERENCE_HEADING

_DIRECTIVE = lazy(r"<!--[ \t]*citecheck[ \t]*:.*?-->", re.I | re.S)


_PARSOID = 'meta[property^="mw:"], ol.mw-references, [typeof="mw:Extension/references"]'


def read_html(source: str, heading: re.Pattern[str] = REFERENCE_HEADING) -> Layout:
    """Split an HTML page into blocks; offsets are those of the source.

    ``heading`` is the pattern of reference-section headings: links in the items of those
    sections give the item its URL.
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(source)
    toks = tokens(source)
    body = tree.body or tree.root
    canvas = Canvas(source)
    for m in _DIRECTIVE.finditer(source):
        canvas.copy(m.start(), m.end())
    if body is None:
        text, masked = canvas.result()
        return Layout(text, masked, [])
    if is_pre_document(body, heading):
        return read_pre(source, toks, heading)
    if 'href="http' in source:
        from citecheck.reader.html_own import localise_links

        localise_links(tree)  # a saved page's links into itself, made absolute
    found = notes(body)
    for key, div in csl_entries(body).items():  # Pandoc's citations name these by key
        if "ref-" + key not in found.by_id:
            found.by_id["ref-" + key] = found.items[div.mem_id] = Note(key, False, label=True)
    skipped = chrome(body) | found.bundles  # a bundle is read where its marker stands
    reader = Reader(source, toks, align(tree, source, toks), found, canvas, skipped)
    reader.heading = heading
    reader.sups = Superscripts.of(body, source, found.numbers, heading)
    reader.plain = not_bibliographies(body, heading)
    reader.csl = csl_elements(body, source)
    walk(reader, body)
    reader.flush()
    text, masked = canvas.result()
    inline = [(a.at, b.at + len(b.text), url) for a, b, url in reader.inline if a.at >= 0]
    blocks = sorted(reader.blocks, key=lambda b: b.start)
    generator = tree.css_first('meta[name="generator"]')
    wiki = generator is not None and (generator.attributes.get("content") or "").startswith(
        "MediaWiki"
    )
    # Parsoid's HTML (the REST API's, mobile HTML, Kiwix's dumps) names no generator: its
    # ``mw:`` metadata and reference lists say a wiki made it.
    wiki = wiki or tree.css_first(_PARSOID) is not None
    if found.pairs:  # a spec's labelled lists: a label naming none of them is quoted text
        from citecheck.reader.html_labels import blank_unlisted_labels

        keys = {note.key for note in found.pairs.values()}
        masked = blank_unlisted_labels(masked, keys, blocks)
    layout = Layout(text, masked, blocks, [], sorted(inline), citing=reader.citing, wiki=wiki)
    layout.citeproc = bool(reader.csl)
    return layout
