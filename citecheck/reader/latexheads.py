"""LaTeX sectioning commands in Markdown, read as headings.

A paper converted from PDF to LaTeX and saved as Markdown (Mathpix does this) keeps its
headings as ``\\section{INTRODUCTION}``, ``\\section*{References}`` or
``\\subsection{Setup}`` on lines of their own. CommonMark reads them as paragraphs, so the
reference list under ``\\section{REFERENCES}`` is never found and the document never shows
the headings of a paper. :func:`latex_headings` rewrites each such line, in the copy the
Markdown parser reads, as an ATX heading of the same length (``\\section{`` → ``#`` and
padding, the closing brace → a space), so every offset still holds and the heading text is
the title alone.

A LaTeX bibliography kept in such a file (``\\begin{thebibliography}{9}``, one
``\\bibitem{key}`` per entry, ``\\newblock`` between its parts) is rewritten the same way:
the ``thebibliography`` line becomes a heading "References", each ``\\bibitem{key}`` (or
``\\bibitem[label]{key}``) the bracketed key ``[key]`` padded to its length, which both
readers take for a keyed entry, and ``\\newblock`` and ``\\end{thebibliography}`` blanks:
the text's ``\\cite{key}`` then resolves to the entry ``key``
(:mod:`citecheck.parser.citekeys`). In Markdown (a paper converted by Pandoc that kept the
block raw) each entry is a bulleted ``- [key]``, so that its lines do not run on as one
paragraph, and the Markdown reader takes the list's prose from the rewritten copy
(:func:`bibliography_masked`), so ``[@key]`` and ``\\cite{key}`` resolve there too.
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

# \section{…}, \section*{…}, \subsection{…}, \subsubsection{…}, \paragraph{…}, \chapter{…};
# the closing brace may be missing when the converter broke the title over two lines.
_COMMAND = lazy(
    r"^[ \t]{0,3}\\(chapter|section|subsection|subsubsection|paragraph)\*?\{"
    r"([^{}\n]{1,200}?)\}?[ \t]*(?=\r?$)",
    re.M,
)
# Lines that frame the document rather than say anything: blanked (same length).
_FRAME = lazy(
    r"^[ \t]{0,3}\\(?:(?:begin|end)\{document\}|end\{abstract\}|maketitle)[ \t]*(?=\r?$)", re.M
)
# ``\begin{abstract}`` opens the abstract: a heading "abstract".
_ABSTRACT = lazy(r"^([ \t]{0,3}\\begin\{)(abstract)\}(?=[ \t]*\r?$)", re.M)
# A LaTeX bibliography: its opening line, its entries' commands and its block separators.
_BIBLIOGRAPHY = lazy(
    r"^([ \t]{0,3})\\begin\{thebibliography\}(?:\{[^{}\n]*\})?[ \t]*(?=\r?$)", re.M
)
_BIBITEM = lazy(r"\\bibitem(?:\[[^\]\n]{0,80}\])?\{([^{}\s]{1,120})\}")
_NEWBLOCK = lazy(r"\\newblock\b|^[ \t]{0,3}\\end\{thebibliography\}", re.M)
_LEVEL = {"chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4, "paragraph": 5}


def latex_headings(text: str, atx: bool = True) -> str:
    """Return ``text`` (same length) with its LaTeX sectioning lines written as headings.

    Each line that is a sectioning command alone becomes ``#``×level, spaces, the title and
    spaces; ``\\begin{abstract}`` becomes a heading "abstract"; ``\\end{abstract}``,
    ``\\begin{document}``, ``\\end{document}`` and ``\\maketitle`` become blank lines. A
    text with no backslash is returned as it is. With ``atx`` false (for plain text) the
    ``#`` marks are spaces too and the abstract's heading reads "Abstract": the title
    stands alone on its line, where the plain-text reader finds headings.
    """
    if "\\" not in text:
        return text
    parts: list[str] = []
    pos = 0
    for m in _COMMAND.finditer(text):
        title_start, title_end = m.span(2)
        hashes = "#" * _LEVEL[m.group(1)] if atx else ""
        lead = title_start - m.start()
        parts.append(text[pos : m.start()])
        parts.append(hashes + " " * (lead - len(hashes)))
        parts.append(text[title_start:title_end])
        parts.append(" " * (m.end() - title_end))
        pos = m.end()
    if parts:
        parts.append(text[pos:])
        text = "".join(parts)
    text = _FRAME.sub(lambda m: " " * len(m.group()), text)
    mark, title = ("##", "abstract") if atx else ("", "Abstract")
    text = _ABSTRACT.sub(lambda m: mark + " " * (len(m.group(1)) - len(mark)) + title + " ", text)
    if "thebibliography" in text or "\\bibitem" in text:
        text = _bibliography(text, atx)
    return text


def latex_bibliography(text: str) -> bool:
    """Whether a text named Markdown is LaTeX source with a ``thebibliography`` list and no
    strong sign of Markdown (see :func:`citecheck.reader.sniff.sniff`): it reads as plain
    text, where the list's entries and the ``\\cite`` commands are found."""
    if "\\begin{thebibliography}" not in text or not _BIBITEM.search(text):
        return False
    from citecheck.reader.sniff import sniff

    return sniff(text) == "text"


def latex_bibliography_source(text: str) -> str:
    """Markdown ``text`` (same length) with a LaTeX bibliography's commands written as the
    plain text's heading, keyed entries (``[key]``) and blanks: the source the list readers
    read entries from. ``text`` as it is when it holds no ``\\bibitem``."""
    if "\\bibitem" not in text or "thebibliography" not in text:
        return text
    return _bibliography(text, False)


def bibliography_masked(text: str, parsed: str, masked: str) -> str:
    """``masked`` (the prose of Markdown ``text``, same length) with each LaTeX
    bibliography's prose taken from ``parsed`` (``text`` as :func:`latex_headings` wrote it):
    its heading reads "References" and each entry opens with its bracketed key, where the
    list readers find them. Returns ``masked`` as it is when there is no such list."""
    if "\\bibitem" not in text or not len(text) == len(parsed) == len(masked):
        return masked
    starts = [m.start() for m in _BIBLIOGRAPHY.finditer(text)]
    if not starts:
        return masked
    parts: list[str] = []
    pos = 0
    for start in starts:
        if start < pos:
            continue
        close = text.find("\\end{thebibliography}", start)
        end = len(text) if close < 0 else close
        parts.append(masked[pos:start])
        # Only where prose was copied: markup and hidden text stay blank.
        pairs = zip(masked[start:end], parsed[start:end], strict=True)
        parts.append("".join(p if m not in " \n" else m for m, p in pairs))
        pos = end
    parts.append(masked[pos:])
    return "".join(parts)


def _bibliography(text: str, atx: bool) -> str:
    """``text`` (same length) with a LaTeX bibliography's commands written as a heading,
    keyed entries and blanks (see the module's docs)."""

    def heading(m: re.Match[str]) -> str:
        head = ("## " if atx else "") + "References"
        width = len(m.group())
        return head + " " * (width - len(head)) if width >= len(head) else m.group()

    def key(m: re.Match[str]) -> str:
        # In Markdown the entries' lines run on as one paragraph: a bullet makes each an item.
        bracketed = ("- " if atx else "") + f"[{m.group(1)}]"
        return bracketed + " " * (len(m.group()) - len(bracketed))

    text = _BIBLIOGRAPHY.sub(heading, text)
    text = _BIBITEM.sub(key, text)
    return _NEWBLOCK.sub(lambda m: " " * len(m.group()), text)
