"""A thesis written in Markdown or plain text: numbered chapters between an Introduction
and a Conclusion, and a reference list.

A Word thesis is told by its contents list (:func:`citecheck.parser.profile.detect`); one
written in Markdown (a Brazilian TCC, a German Bachelorarbeit kept in a repository) has no
contents field, but it sets its body in numbered chapters ("## Capítulo 1 - O que é o
Pós-abolição?", "# Kapitel 2", "## Глава 3", "## Chapter 4: Methods", "第2章"), opens
with an Introduction and closes with a Conclusion ("Considerações finais",
"Conclusiones", "Заключение", "Fazit") and a list of the works it cites. Its chapters
present the writer's own project and analysis; what it owes to others is cited, as in a
paper, so it is read as one.
"""

from __future__ import annotations

import re

from citecheck.model import BlockKind, Document
from citecheck.text.recache import lazy

# A numbered chapter's heading, in the languages a thesis is written in.
_CHAPTER = lazy(
    r"^\W*(?:chapter|cap[ií]tulo|chapitre|kapitel|capitolo|глава|hoofdstuk|rozdział)\s+"
    r"(?:\d{1,2}|[IVXLC]{1,5})\b|^\W*第\s*[\d一二三四五六七八九十]{1,3}\s*章",
    re.I,
)
_CHAPTERS = 2


def markdown_thesis(doc: Document, found: set[str]) -> bool:
    """Whether a Markdown or plain text reads as a thesis (see the module): ``found`` are
    the paper sections its headings name (:func:`citecheck.parser.profile.paper_sections`);
    it needs an Introduction and a Conclusion among them, a reference list (not link
    definitions), and :data:`_CHAPTERS` numbered chapter headings or more."""
    if doc.fmt not in ("markdown", "text") or not {"introduction", "conclusion"} <= found:
        return False
    if not any(r.kind not in (BlockKind.LINKDEF, BlockKind.FOOTNOTE) for r in doc.references):
        return False
    chapters = 0
    for block in doc.blocks:
        if block.kind is not BlockKind.HEADING:
            continue
        title = doc.text[block.content_start : min(block.end, block.content_start + 120)]
        if _CHAPTER.match(title.strip().lstrip("#").strip()):
            chapters += 1
            if chapters >= _CHAPTERS:
                return True
    return False
