"""Titles of the parts of a document that hold no claims, and the abstract's opening.

A paper's or a spec's abstract summarises the document (style guides for papers and RFCs
keep citations out of it, RFC 7322 section 4.3); a wiki's External links and See also list
pages; a paper's back matter (data availability, acknowledgements, funding), a thesis's
declaration of authorship and thanks (:mod:`citecheck.parser.declarations`), a research
report's account of its own method and a post's edit history speak of the text itself, not
of the world. The parser reads these titles, on a heading or on a line of its own, to
leave such a part's sentences out of the claims (:func:`citecheck.parser._abstract`).
"""

from __future__ import annotations

import re

from citecheck.parser import declarations
from citecheck.text.recache import lazy

# "Abstract", "## Abstract", "**Abstract**", "ABSTRACT", "Abstract:" as a title of its own;
# a wiki's "External links" and "See also" in the languages of the larger wikis, which list
# pages and say nothing to source (with the "[edit]" link a saved page keeps after them,
# or the "== … ==" frames of its source read as text), and the "Navigation menu" of its
# skin; a
# paper's back matter (data availability, acknowledgements, funding, contributions); a
# research report's account of itself (Confidence Assessment, Open Questions, Update
# History, How This Report Was Generated; 方法论反思, 知识缺口 in Chinese) and a post's Edit
# History or Changelog, which speak of their own making, not the world.
_ABSTRACT_TITLE = lazy(
    r"^[#*_=\s]*(?:\d+(?:\.\d+)*\.?\s+)?(?:abstract|external\s+links|see\s+also"
    # External links and See also on the German, French, Spanish, Italian, Portuguese,
    # Dutch, Polish, Czech, Russian, Arabic, Chinese and Japanese wikis.
    r"|weblinks|siehe\s+auch|liens\s+externes|voir\s+aussi|enlaces\s+externos"
    r"|v[ée]ase\s+tambi[ée]n|collegamenti\s+esterni|voci\s+correlate|liga[çc][õo]es\s+externas"
    r"|ver\s+tamb[ée]m|externe\s+links|zie\s+ook|linki\s+zewn[ęe]trzne|zobacz\s+te[żz]"
    r"|extern[íi]\s+odkazy|souvisej[íi]c[íi]\s+[čc]l[áa]nky|внешние\s+ссылки|см\.\s*также"
    r"|وصلات\s+خارجية|انظر\s+أيضا[ًً]?|外部链接|外部連結|外部連接|参见|參見|外部リンク|関連項目"
    r"|data\s+availability(?:\s+statement)?|acknowledg(?:e)?ments?|funding(?:\s+statement)?"
    r"|author\s+contributions|competing\s+interests|conflicts?\s+of\s+interests?"
    r"|confidence\s+(?:assessment|levels?)|open\s+questions|(?:update|revision|edit)\s+history|change\s*log"
    r"|how\s+this\s+report\s+was\s+(?:generated|produced|made|researched|written)"
    # The same accounts in a Chinese report: method reflection, knowledge gaps, confidence,
    # limitations, open questions, update history.
    r"|方法论?反思|知识缺口|知识空白|置信度(?:评估)?|可信度评估|研究局限(?:性)?|局限性|待解决问题"
    r"|开放问题|更新(?:历史|记录)|修订记录"
    # A saved wiki page's own chrome: the skin's navigation heading.
    r"|navigation\s+menu)(?:\[\s*edit\s*\])?[*_=\s.:：]*$",
    re.I,
)
# A run-in abstract ("Abstract—We present…", "**Abstract.** …", "**Abstract** The…" as a
# PDF converter writes a bold label, "ABSTRACT Data centre…" as IEEE journals set it and
# OCR keeps it) opens a paragraph.
RUN_IN_ABSTRACT = lazy(
    r"^(?:[*_]*Abstract[*_]*\s*[.:—–-]|(?P<em>[*_]{1,2})Abstract(?P=em)\s+\S"
    r"|(?-i:ABSTRACT)[ \t]+[A-Z])",
    re.I,
)


def abstract_title(text: str) -> bool:
    """Whether a heading or a line of its own titles an abstract, a wiki's list of links
    (External links, See also), a paper's back matter (Data availability,
    Acknowledgements, Funding…) or a thesis's declaration of authorship or thanks (see
    :mod:`citecheck.parser.declarations`), whose sentences are no claims."""
    return (len(text) < 40 and bool(_ABSTRACT_TITLE.match(text))) or declarations.title(text)


# What :func:`back_matter_title` asks, in one match (the title pass runs on every short
# line of a document): a line under 40 characters, not the Abstract, that titles back
# matter or a thesis's declaration or thanks.
_BACK_MATTER_TITLE = lazy(
    r"^(?=[^\n]{0,39}$)(?![#*_\s]*(?:\d+(?:\.\d+)*\.?\s+)?abstract\b)"
    f"(?:{_ABSTRACT_TITLE.pattern}|{declarations.TITLE_PATTERN})",
    re.I,
)


def back_matter_title(text: str) -> bool:
    """Whether a line of its own titles what follows the body (a wiki's lists of links, a
    paper's Acknowledgements or Funding, a thesis's thanks): :func:`abstract_title` but
    for the Abstract, which opens a text, and for lines of 40 characters or more. Typed in
    the body style, such a line is read as a heading only at the back, where what it
    titles runs to the end."""
    return _BACK_MATTER_TITLE.match(text) is not None


# The two questions the abstract pass asks of a body line's opening, in one match (it
# runs on every block): a back-matter title on a line of its own (group ``back``, see
# :func:`back_matter_title`) or a run-in abstract (group ``run_in``, RUN_IN_ABSTRACT).
OPENING = lazy(
    f"(?P<back>{_BACK_MATTER_TITLE.pattern})|(?P<run_in>{RUN_IN_ABSTRACT.pattern})", re.I
)
