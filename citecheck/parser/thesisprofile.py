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

A thesis in any format also says what it is on its title page: "Диссертация на соискание
учёной степени", "Masterarbeit … zur Erlangung des Grades", "Tesi di laurea", "Trabajo fin
de grado", "Trabalho de conclusão de curso", "Praca dyplomowa", "毕业论文", "a thesis
submitted in partial fulfilment of the requirements for the degree of". Such a declaration
in the first :data:`_TITLE_PAGE` characters, with an Introduction, a Conclusion and a
reference list, makes a paper too (:func:`declared_thesis`): a converter (pandoc's
LaTeX-to-Word, a PDF saved as Word) may drop the contents list, and a thesis may speak of
its own work impersonally ("Целью работы является…", "Автором лично разработан…"). A
title page alone is not enough: a draft of notes under a thesis's cover page, with no
Introduction and Conclusion, stays an article.
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
# The title page: the characters of the text in which a thesis declares itself.
_TITLE_PAGE = 3000
# A degree thesis's declaration of itself, in the languages theses are written in.
_DECLARED = lazy(
    r"\b(?:(?:bachelor|master|doctoral|ph\.?\s?d\.?|diploma|honou?rs)(?:['’]s)?\s+"
    r"(?:thesis|dissertation)|(?:thesis|dissertation)\s+(?:submitted|presented)"
    r"|in\s+partial\s+fulfil+ment\s+of|bachelorarbeit|masterarbeit|diplomarbeit|magisterarbeit"
    r"|dissertation\s+zur\s+erlangung|на\s+соискание\s+(?:учёной|ученой)\s+степени"
    r"|выпускная\s+квалификационная\s+работа|магистерская\s+диссертация"
    r"|tesi\s+di\s+(?:laurea|dottorato)|trabajo\s+(?:de\s+)?fin\s+de\s+(?:grado|máster|master)"
    r"|tesis\s+doctoral|trabalho\s+de\s+conclusão\s+de\s+curso"
    r"|dissertação\s+(?:de\s+mestrado|apresentada)|tese\s+(?:de\s+doutorado|apresentada)"
    r"|mémoire\s+de\s+(?:master|fin\s+d['’]études)|thèse\s+(?:de\s+doctorat|présentée)"
    r"|praca\s+(?:magisterska|licencjacka|inżynierska|dyplomowa|doktorska)"
    r"|bakalářská\s+práce|diplomová\s+práce|disertační\s+práce"
    r"|yüksek\s+lisans\s+tezi|doktora\s+tezi|masterproef|afstudeerscriptie)\b"
    r"|毕业论文|学位论文",
    re.I,
)


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


def declared_thesis(doc: Document, found: set[str]) -> bool:
    """Whether a text in any format declares itself a degree thesis on its title page (see
    the module) and has an Introduction and a Conclusion among ``found`` (the paper
    sections its headings name) and a reference list (not link definitions or footnotes)."""
    if not {"introduction", "conclusion"} <= found:
        return False
    if not any(r.kind not in (BlockKind.LINKDEF, BlockKind.FOOTNOTE) for r in doc.references):
        return False
    return bool(_DECLARED.search(doc.text, 0, _TITLE_PAGE))
