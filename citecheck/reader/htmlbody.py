"""A Markdown file whose body is HTML a converter wrote.

R Markdown, Jupyter and other tools render a post to HTML with Pandoc, and a static site
generator (Jekyll, Hugo) publishes that HTML as the body of a ``.md`` post behind its
front matter: ``<div class="section level2">``, ``<p>`` paragraphs, block quotes, and
Pandoc's footnotes (``<a href="#fn1" class="footnote-ref">`` callouts, a
``<div class="footnotes">`` list). CommonMark passes such a body through as HTML blocks
(its section 4.6), which a Markdown reader masks: no sentence, marker or note of the post
would be read.

When HTML blocks hold nearly all of a Markdown file's body (:data:`_HTML_SHARE` of its
non-space characters) and that HTML has paragraphs, :func:`html_body` gives the copy to
read with the HTML reader: the front matter and Liquid tags blanked, every other
character and every line break where it was, so that positions stay the file's own. A
README that opens with an HTML banner, or a post with an embedded table or player, is
mostly Markdown and stays Markdown. So is a post that defines its notes or links in
Markdown (``[^ema]: …``, ``[1]: https://…`` at a line's start), however large the HTML
tables it holds: a converter's HTML carries its notes as HTML, and the writer who typed
those definitions wrote the body in Markdown.
"""

from __future__ import annotations

import re

import pyromark

from citecheck.text.recache import lazy

_OPTIONS = (
    pyromark.Options.ENABLE_YAML_STYLE_METADATA_BLOCKS
    | pyromark.Options.ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
)
_HTML_SHARE = 0.85  # share of the body's non-space characters inside HTML blocks
_PARAGRAPH = lazy(r"<p[\s>]", re.I)
_LIQUID = lazy(r"\{%.*?%\}|\{\{.*?\}\}", re.S)
_NOT_NEWLINE = lazy(r"[^\n]")
_SPACE = lazy(r"\s+")
# A Markdown footnote or link reference definition at a line's start (CommonMark 4.7).
_DEFINITION = lazy(r"^ {0,3}\[(?:\^[^\]\s]+|[^\]\n]{1,40})\]:[ \t]*\S", re.M)


def html_body(text: str) -> str | None:
    """The copy of a Markdown ``text`` to read as HTML, or None when its body is not HTML.

    The copy has ``text``'s length and line breaks: front matter (YAML ``---`` or TOML
    ``+++``) and Liquid tags (``{% … %}``, ``{{ … }}``) are blanked, nothing else changes.
    """
    if "<" not in text or _PARAGRAPH.search(text) is None or _DEFINITION.search(text):
        return None
    html = front = 0
    depth = 0
    for event, rng in pyromark.events_with_range(text, options=_OPTIONS):
        if isinstance(event, str):
            continue
        kind, value = next(iter(event.items()))
        name = (
            value
            if isinstance(value, str)
            else next(iter(value), "")
            if isinstance(value, dict)
            else ""
        )
        if kind == "Start" and name == "MetadataBlock":
            front = rng["end"]
        elif kind == "Start" and name == "HtmlBlock":
            depth += 1
        elif kind == "End" and name == "HtmlBlock":
            depth -= 1
        elif kind == "Html" and depth:
            html += _solid(str(value))
    if not text.isascii():  # pyromark's ranges are UTF-8 byte offsets
        front = len(text.encode("utf-8")[:front].decode("utf-8", "ignore"))
    body = _solid(text[front:])
    if not body or html < _HTML_SHARE * body:
        return None
    copy = _blank(text[:front]) + text[front:]
    return _LIQUID.sub(lambda m: _blank(m.group()), copy)


def _solid(s: str) -> int:
    return len(_SPACE.sub("", s))


def _blank(s: str) -> str:
    return _NOT_NEWLINE.sub(" ", s)
