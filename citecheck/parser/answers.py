"""Whether a text is an answer engine's export: a thread or report of Perplexity, ChatGPT,
Gemini, Claude… in any language. The profile (:mod:`citecheck.parser.profile`) never reads
one as a paper: its headings ("Resumo", "Conclusão", "Métodos de Pagamento") are an
answer's, not a paper's sections, and what it asks of a sentence is what an article asks.
"""

from __future__ import annotations

import re

from citecheck.model import Block, BlockKind, Document
from citecheck.parser.claims import speaker
from citecheck.text.recache import lazy
from citecheck.text.vocab import HTML_TAG

# What only an answer engine's export has: Perplexity's logo at the top of its Markdown
# download, its "⁂" line between answers, and a source list per answer ([^2_1], [^2_2] …).
_EXPORT_LOGO = lazy(r"r2cdn\.perplexity\.ai/pplx|perplexity\.ai/pplx-full-logo")
# One run of blanks at each place (two runs side by side backtrack quadratically on a line
# of blanks).
_ANSWER_RULE = lazy(r"^[^\S\n]*(?:<div[^>\n]*>[^\S\n]*)?⁂[^\S\n]*(?:</div>[^\S\n]*)?$", re.M)
_ANSWER_KEY = lazy(r"^\^?(\d{1,3})_\d{1,3}$")
_EXPORT_HEAD = 600


def answer_of(key: str | None) -> int | None:
    """The number of the answer whose source list holds a note keyed ``^7_2`` or ``7_2``
    (an exported thread numbers each answer's list apart: 7 here), or None for any other
    key."""
    m = _ANSWER_KEY.match(key or "")
    return int(m.group(1)) if m else None


def answer_export(doc: Document) -> bool:
    """Whether a text is an answer engine's export (a Perplexity, ChatGPT, Gemini… thread
    or report, in any language), which is never a paper whatever its headings: Perplexity's
    logo in its first lines, a ``⁂`` line between answers, source lists of two answers
    (``[^1_3]`` and ``[^2_1]``: each answer numbers its own), the user's and the
    assistant's turns, or one summary heading repeated answer after answer ("Resumo" twice:
    a paper has one abstract). Its headings ("Resumo", "Conclusão",
    "Métodos de Pagamento") are an answer's, not a paper's sections."""
    if _EXPORT_LOGO.search(doc.text[:_EXPORT_HEAD]):
        return True
    if "⁂" in doc.text and _ANSWER_RULE.search(doc.text):
        return True
    answers = {n for r in doc.references if (n := answer_of(r.key)) is not None}
    if len(answers) >= 2:
        return True
    if doc.linked_sources:
        return True  # links an answer engine marks as its citations, and no list
    return _turns(doc) or _repeated_summary(doc)


def _residue(doc: Document) -> bool:
    """Whether a text carries ChatGPT's citation residue (``citeturn0search1``): a
    deep-research report downloaded as Markdown. Its profile is what its sections make it
    (a report with a paper's sections is checked as one); its closing framing is still an
    answer's."""
    return any(m.problem and m.problem.startswith(_RESIDUE) for m in doc.markers)


# The problem a marker of citation residue carries (see :mod:`citecheck.parser.markers`).
_RESIDUE = "answer-engine citation residue"
# The closing section of an answer, in the languages answer engines write: Conclusion,
# Key takeaways, Bottom line, Final thoughts … A summary ("Resumo", "Executive Summary")
# is not one: it opens the answer or sums up each answer of a thread, and may state what
# the answer cites nowhere else (fixtures/kinds/answer-export-languages; dev7's Z.ai
# report states BYD's architecture first in its Executive Summary).
_FRAMING_TITLE = lazy(
    r"^(?:conclusions?|in\s+summary|tl;?\s?dr|(?:key\s+)?takeaways?|bottom\s+line"
    r"|final\s+(?:thoughts|words|remarks|verdict)|conclus[ãa]o(?:\s+final)?"
    r"|considera[çc][õo]es\s+finais|conclusi[óo]n|conclusiones|synth[èe]se|fazit"
    r"|schlussfolgerung(?:en)?|conclusion[ei]|заключение|выводы?|结论|結論|결론)$",
    re.I,
)
_TITLE_EDGE = "#*_ \t\n:：.-–—0123456789)"
# A list's label or a heading that gives the answer's rationale or its proposal's merits:
# "Vantagens:", "Benefits", "Why this matters?", "Por que essas mudanças importam?",
# "Quando personalizar:". What follows weighs the answer's own proposal.
_RATIONALE = lazy(
    r"^(?:vantagens|benef[íi]cios|ventajas|beneficios|avantages|vorteile|vantaggi|advantages"
    r"|benefits|pros(?:\s+and\s+cons)?|why\s+(?:it|this|that|these)\s+(?:matters?|helps?|works?)"
    r"|por\s+que\s+(?:isso|isto|ess[ae]s?|est[ae]s?)(?:\s+\w+)?\s+(?:importa|importam|ajuda|funciona)"
    r"|por\s+qu[ée]\s+(?:esto|esta?s?|estos)(?:\s+\w+)?\s+(?:importa|importan|ayuda|funciona)"
    r"|quando\s+(?:personalizar|customizar|usar|utilizar)|cu[áa]ndo\s+(?:personalizar|usar)"
    r"|when\s+to\s+(?:use|customi[sz]e|choose))\b[^\n]{0,40}[?:]?$",
    re.I,
)


def _title(text: str, block: Block) -> str:
    """The words of a block's first line, without its markup, number, emoji or colon."""
    line = text[block.content_start : min(block.end, block.content_start + 80)]
    line = line.split("\n", 1)[0]
    line = HTML_TAG.sub("", line) if "<" in line else line
    line = " ".join(line.strip(_TITLE_EDGE).split())
    line = line.lstrip("".join(c for c in line[:3] if not c.isalnum()))
    return line.strip("*_ :").rstrip("*_ :")


def framing_sections(doc: Document) -> None:
    """In an answer engine's export, the sentences under a closing heading ("Conclusion",
    "Key takeaways", "Final thoughts", "Conclusão", "Fazit", "结论"…) are no claims:
    there the answer restates what its body cited, and frames it for the user
    (``benchmarks/realdocs/judged-*.md``: "framing, the answer's own evaluation, takeaway,
    summary or conclusion … not a claim"). The section runs to the next heading of its
    rank or above. Changes ``doc.sentences`` in place; nothing for any other text."""
    for sentence in doc.sentences:  # a loop, not any(): no call a sentence on long texts
        if sentence.claim:
            break
    else:
        return
    if not (answer_export(doc) or _residue(doc)):
        return
    framed: set[int] = set()
    rank: int | None = None  # the rank of a closing or rationale heading now open
    indent: int | None = None  # the indent of a rationale label whose items follow
    for i, block in enumerate(doc.blocks):
        title = _title(doc.text, block)
        if block.kind is BlockKind.HEADING:
            indent = None
            if rank is not None and block.level <= rank:
                rank = None
            if len(title) < 60 and (_FRAMING_TITLE.match(title) or _RATIONALE.match(title)):
                rank = block.level
            continue
        if rank is not None:
            framed.add(i)
            continue
        at = block.start - doc.text.rfind("\n", 0, block.start) - 1
        if indent is not None and block.kind is BlockKind.ITEM and at > indent:
            framed.add(i)
            continue
        indent = None
        if len(title) < 60 and _RATIONALE.match(title):
            indent = at
    if framed:
        for sentence in doc.sentences:
            if sentence.block in framed and sentence.claim and not sentence.markers:
                sentence.claim = False


def _turns(doc: Document) -> bool:
    """Whether the user and the assistant both speak in turns (``**User:**``, ``## Response``)."""
    seen: set[str] = set()
    for block in doc.blocks:
        if block.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH):
            continue
        head = doc.text[block.content_start : min(block.end, block.content_start + 60)]
        who = speaker(head.strip(), False)
        if who is not None:
            seen.add(who)
            if len(seen) == 2:
                return True
    return False


_SUMMARY_TITLE = lazy(
    r"^(?:summary|tl;?dr|resumo|resumen|résumé|riassunto|总结|小结|まとめ|요약|резюме)$",
    re.I,
)
# A scholarly entry: a thesis or paper may close each chapter with its "Summary".
_SCHOLARLY = lazy(r"\bet al\b|\bdoi\b|10\.\d{4,}/|\bjournal\b|\bproc(?:eedings|\.)", re.I)


def _repeated_summary(doc: Document) -> bool:
    """Whether one summary heading ("Resumo", "Summary", "总结") stands twice or more: each
    answer of a thread closes with its own. Not in Word, nor over a list of scholarly works
    (a thesis's chapters each close with a summary); a conclusion may close a structured
    abstract and the paper both, so it does not count. Nor in a source that cites by key a
    bibliography kept in another file (:mod:`citecheck.parser.pandocbib`): a thesis whose
    list LaTeX or citeproc builds; an answer engine's export has no ``.bib`` file."""
    if doc.fmt == "docx" or doc.bibliography is not None:
        return False
    if sum(1 for r in doc.references if _SCHOLARLY.search(r.text)) >= 3:
        return False
    seen: set[str] = set()
    for block in doc.blocks:
        if block.kind is not BlockKind.HEADING:
            continue
        title = doc.text[block.content_start : min(block.end, block.content_start + 60)]
        title = " ".join(title.strip("#*_ \t\n:").split()).casefold()
        title = HTML_TAG.sub("", title).strip("*_ :") if "<" in title else title.strip("*_ :")
        if _SUMMARY_TITLE.match(title):
            if title in seen:
                return True
            seen.add(title)
    return False
