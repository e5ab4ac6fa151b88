"""The writer's own work, in the languages of :mod:`citecheck.parser.foreigncues`.

A sentence that speaks of the writer's own work ("в данной работе", "in dieser Arbeit",
"nous", "este trabajo", "本文", "w niniejszej pracy", "v této práci", "bu çalışmada"), or
points into the document itself ("im Kapitel 3", "в главе 2"), asks for no source on a
weak cue; a Word report that speaks so in enough of its sentences is a paper (see
:func:`citecheck.parser.profile.detect`).
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

# The writer's own work: first person, "this work", "the present thesis".
_OWN = {
    "ru": r"\b(?:мы|нами|наш(?:а|е|и|его|ей|ему|им|их)?|в\s+(?:данной|этой|настоящей)\s+"
    r"(?:работе|главе|диссертации|статье|части)|(?:данная|эта|настоящая)\s+(?:работа|глава"
    r"|диссертация)|автор(?:ом)?\s+(?:работы|данной)"
    r"|в\s+рамках\s+(?:данной\s+|этой\s+|настоящей\s+)?работы"
    r"|разработанн(?:ая|ый|ое|ые|ой|ого|ых)\s+(?:систем|метод|алгоритм|программ|приложени|модул)"
    # a task of the thesis, in the infinitive: "Исследовать существующие системы сборки"
    r"|^\W*(?:исследовать|разработать|провести|реализовать|изучить|проанализировать|определить"
    r"|сравнить|создать|спроектировать|рассмотреть|выбрать)"
    # the writer's steps, told in the passive: "были изучены наиболее популярные аналоги"
    r"|был[аои]?\s+(?:\w+\s+)?(?:изучен|рассмотрен|проанализирован|выбран|выделен)[аоы]?)\b",
    "de": r"\b(?:wir|unser(?:e|er|em|en|es)?|ich|(?:diese[rnms]?|der\s+vorliegenden)\s+(?:Arbeit"
    r"|Bachelorarbeit|Masterarbeit|Hausarbeit|Seminararbeit|Projektarbeit|Fallstudie|Thesis"
    r"|Kapitel|Studie))\b",
    # "nos" only before a French noun: it is Portuguese's "in the" as well as French's "our"
    # "je" before a French verb or pronoun ("je présente", "je suis", "je me"), not Czech's
    # "je" (is: "je jedním z nejpopulárnějších")
    "fr": r"\b(?:nous|notre|je\s+(?:\w+(?:e|s|x|ai)\b|me\b|m['’]|ne\b|n['’]|l['’]|le\b|la\b"
    r"|les\b|lui\b|vous\b)|nos\s+(?:résultats|travaux|expériences|recherches|choix"
    r"|données|propositions)|j['’]ai|(?:ce|cette)\s+(?:mémoire|thèse|travail|chapitre"
    r"|article|étude))\b",
    # a verb in the first person plural, the pronoun dropped: "graficamos", "consideramos"
    # and the writer's steps told in the impersonal: "se revisaron documentos y estudios previos"
    "es": r"\b(?:nosotros|nuestr[oa]s?"
    r"|se\s+(?:revis|analiz|realiz|consult|seleccion|identific|estudi)(?:ó|aron)"
    r"|(?!(?:t|g|kilog)?ramos\b|extremos\b|supremos\b)[a-záéíóú]{3,}(?:amos|emos)"
    r"|(?:este|esta|el\s+presente|la\s+presente)\s+(?:trabajo"
    r"|tesis|proyecto|investigación|capítulo|estudio|artículo))\b",
    "pt": r"\b(?:nós|noss[oa]s?"
    r"|foram\s+(?:revisad|analisad|consultad|selecionad|estudad|levantad)[oa]s"
    r"|(?!(?:t|g|kilog)?ramos\b|extremos\b|supremos\b)[a-záéíóúâêôãõç]{3,}(?:amos|emos|ímos|armos|ermos|irmos)"
    r"|(?:este|esta|o\s+presente|a\s+presente)\s+(?:trabalho|tese"
    r"|monografia|dissertação|pesquisa|capítulo|estudo|projeto|artigo))\b",
    "it": r"\b(?:noi|nostr[oaie]|[a-z]{3,}iamo|(?:questo|questa|il\s+presente)\s+(?:lavoro"
    r"|tesi|capitolo"
    r"|studio|articolo))\b",
    "zh": r"本文|我们|本研究|本论文|笔者|第\s*\d+\s*[章节]",
    # the writer's steps told in the impersonal: "zastosowano", "postanowiono sprawdzić"
    "pl": r"\b(?:(?:niniejsz\w*|tej|ta|tą|mojej|moja)\s+(?:pracy|praca|pracę|rozdziale|rozdział)"
    r"|(?:cel\w*|założeni\w*|zadani\w*)\s+pracy\b"
    r"|w\s+pracy\b|własne\w*\s+rozwiązani|(?:zaimplementowan|opracowan|przygotowan)\w*\s+"
    r"(?:system|program|rozwiązani|algorytm|aplikacj)|postanowiono|zastosowano|wykorzystano"
    r"|przeprowadzono|zaimplementowano|wybrano|\w{3,}(?:liśmy|łem|łam))",
    "cs": r"\b(?:(?:tato|této|tuto|předložená|předložené)\s+(?:práce|práci|kapitole|kapitola)"
    r"|v\s+rámci\s+(?:této\s+)?práce|my|náš|naše|našeho|naší|jsem|jsme)\b",
    "tr": r"\b(?:(?:bu|mevcut)\s+(?:çalışma|çalışmada|çalışmanın|tez|tezde|bölüm|bölümde|makale"
    r"|makalede)|biz|bizim|tarafımızca)",
}
# Pointers into the document itself: "im Kapitel 3", "в главе 2", "au chapitre 4".
_POINTER = (
    r"\b(?:Kapitel|Abschnitt|Abbildung|Tabelle|глав[аеуы]|раздел[аеу]?|рисун(?:ок|ке)|таблиц[аеуы]"
    # not "section" or "figure", French words that are English ones too
    r"|chapitre|tableau|cap[ií]tulo|secci[oó]n|se[cç][aã]o|figura|tabla|tabela)"
    r"\s+\d"
)


def _union(table: dict[str, str]) -> str:
    return "|".join(f"(?:{p})" for p in table.values())


_OWN_WORK = lazy(_union(_OWN) + "|" + _POINTER, re.I)


def own_work(text: str) -> bool:
    """Whether a sentence speaks of the writer's own work ("в данной работе", "wir",
    "ce mémoire", "este trabajo", "本文", "w niniejszej pracy")."""
    return bool(_OWN_WORK.search(text))
