"""A source's text cut into sentences by the parser's segmenter, so that a source's
sentences are cut by the same rules as the article's: text extracted from HTML one line at
a time (trafilatura writes a paragraph or heading a line), other text per block."""

from __future__ import annotations

from citecheck.text.recache import lazy

_MD_LINE = lazy(r"^[ \t]{0,3}(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>|\|)")
_MD_WHOLE_LINE = lazy(r"^[ \t]{0,3}(?:#{1,6}\s|\|)")


def sentences(text: str, media_type: str = "text/plain") -> tuple[tuple[int, int], ...]:
    """(start, end) offsets of each sentence of ``text``.

    HTML text from trafilatura has one paragraph or heading per line, so each line is cut
    on its own; other text is cut per blank-line block, a Markdown heading, list item, quote
    or table row starting a block of its own, single newlines inside a block being wraps.
    """
    from citecheck.parser.sentences import segment

    out: list[tuple[int, int]] = []
    for start, end in _blocks(text, per_line=media_type == "text/html"):
        out.extend(segment(text, start, end, []))
    return tuple(out)


def _blocks(text: str, per_line: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos, open_ = 0, False
    for line in text.split("\n"):
        end = pos + len(line)
        if not line.strip():
            open_ = False
        elif open_ and not per_line and not _MD_LINE.match(line):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((pos, end))
            open_ = not _MD_WHOLE_LINE.match(line)
        pos = end + 1
    return spans
