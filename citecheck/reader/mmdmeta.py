"""MultiMarkdown's metadata block: the ``Key: value`` lines that open a document.

A MultiMarkdown file opens with its metadata, one ``Key: value`` line each (a value may go
on over indented lines), ended by the first blank line (MultiMarkdown User's Guide,
"Metadata"): ``Title: …``, ``Author: …``, ``BibTeX: refs``, ``LaTeX input: setup.tex``.
CommonMark knows no such block and read it as a paragraph of prose, so the settings of a
thesis became its first sentence. The block is blanked here before the Markdown parser
sees it (offsets kept), as YAML front matter is.

It takes :data:`LEAST_LINES` lines at least, the first of them unindented, each unindented
one a key of at most 40 characters (letters, digits, blanks, ``.``, ``-``, ``_``) with a
value of at most 200 characters after its colon (a transcript's ``User: …`` turns run
longer), and text must follow it: a one-line ``Note: …`` paragraph, or a
list of ``Name: value`` lines that is the whole file, is left as it is.
"""

from __future__ import annotations

from citecheck.text.recache import lazy

_LINE = lazy(r"[A-Za-z][\w \t.-]{0,40}:[ \t]*\S[^\n]{0,200}|[ \t]+\S[^\n]*")
_NOT_NEWLINE = lazy(r"[^\n]")

LEAST_LINES = 2
"""``Key: value`` lines that make an opening block MultiMarkdown's metadata."""


def metadata_end(text: str) -> int:
    """The offset where the metadata block that opens ``text`` ends (its last line's end,
    before the newline), or 0 when the text opens with none (see the module)."""
    pos = 1 if text.startswith("\ufeff") else 0
    lines = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end].rstrip("\r")
        if not line.strip():
            break
        if _LINE.fullmatch(line) is None or (lines == 0 and line[0] in " \t"):
            return 0
        lines += 1
        pos = end + 1
    if lines < LEAST_LINES or pos >= len(text):
        return 0
    return pos - 1


def blank_metadata(text: str) -> str:
    """``text`` with its opening metadata block blanked (newlines kept), or as it is."""
    end = metadata_end(text)
    if not end:
        return text
    return _NOT_NEWLINE.sub(" ", text[:end]) + text[end:]
