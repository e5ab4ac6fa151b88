"""The mood cues of :mod:`citecheck.parser.mood` in Spanish, French, German, Portuguese,
Japanese and Chinese answers.

An answer engine writes in the language it was asked in, and its summing up, its plan's
labelled items, its prescriptions and its talk of itself read the same in every one of
them: "En resumen, …", "Objectif : …", "Das System sollte …", "本報告書が明らかにした
ように", "综上所述". Read in English only, such an answer never speaks in its own voice
and every one of those sentences is asked for a source. A table by language, as
:mod:`citecheck.parser.foreigncues` keeps citation-worthiness cues:

- **summing up** (:func:`concluding`): the sentence opens with the writer's summing up
  ("En resumen", "En conclusión", "En résumé", "Pour conclure", "Zusammenfassend",
  "Fazit:", "Em resumo", "Em suma", "まとめると", "結論として", "总之", "综上所述",
  "总的来说") followed by a comma or a colon (Latin scripts: "Insgesamt 500 Menschen…"
  states a figure; German "Zusammenfassend lässt sich sagen" needs none), or it is a
  run-in item under a label naming a part of a plan ("Objetivo:", "Supuestos:",
  "Recomendación:", "Próximos pasos:", "Objectif :", "Hypothèse :", "Prochaines
  étapes :", "Ziel:", "Annahme:", "Empfehlung:", "Nächste Schritte:", "Premissa:",
  "Próximos passos:", "目的：", "前提：", "推奨：", "次のステップ：", "下一步：", "方案：");
- **prescription** (:func:`prescriptive`): a verb of obligation, intention or
  recommendation ("debe", "debería", "se recomienda", "doit", "devrait", "il convient
  de", "muss", "soll", "empfiehlt sich", "deve", "deveria", "recomenda-se", "べき",
  "必要がある", "推奨する", "应该", "必须", "需要", "建议");
- **the writer's talk of itself** (:func:`self_talk`): "nosotros", "nuestro",
  "recomendamos", "este informe"; "nous", "notre", "ce rapport"; "wir", "unser…",
  "dieser Bericht", a formal "Sie" inside the sentence; "nós", "nosso…", "este
  relatório"; the reader as "tú", "tu", "du" ("tu idea", "te recomiendo", "dein
  Server"); "本報告書", "本レポート", "本稿", "私たち"; "我们", "本报告", "你", "您".

:mod:`citecheck.parser.claimgate` reads them as it reads the English ones: the summing up
and a plan's item in every register, the writer's talk of itself toward the own voice,
the prescription only where the article speaks in its own voice and leans on no one's
work. Patterns are linear and anchored where they open a sentence.
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

_LATIN_SUMMING_UP = lazy(
    r"^[\W_]*(?:en\s+(?:resumen|conclusi[oó]n|s[ií]ntesis|suma|definitiva|r[ée]sum[ée]|bref"
    r"|somme)|resumiendo|para\s+(?:concluir|resumir)|pour\s+(?:conclure|r[ée]sumer)|bref"
    r"|au\s+final|zusammenfassend|fazit|kurz\s+gesagt|abschlie(?:ß|ss)end|unterm\s+strich"
    r"|em\s+(?:resumo|suma|s[ií]ntese|conclus[aã]o)|resumindo|para\s+resumir)\b[*_]*\s*[,:]"
    r"|^[\W_]*(?:zusammenfassend|abschlie(?:ß|ss)end)\b",
    re.I,
)
_CJK_SUMMING_UP = lazy(
    r"^[\W_]*(?:まとめると|要するに|結論として|総じて|以上(?:より|から|のことから)|总之|综上(?:所述)?"
    r"|总而言之|总的来说|简而言之|概括来说)"
)
_PLAN_LABEL = lazy(
    r"^[\W_]*(?:objetivos?|supuestos?|premisas?|definici[oó]n|prop[oó]sito|prioridad(?:es)?"
    r"|alcance|recomendaci[oó]n(?:es)?|pr[oó]ximos\s+pasos|siguientes\s+pasos|entregables"
    r"|requisitos|restricciones|cronograma|presupuesto|mitigaci[oó]n|justificaci[oó]n"
    r"|decisi[oó]n|enfoque|estrategia|propuesta|(?:paso|fase|etapa)\s+\d+"
    r"|objectifs?|hypoth[eè]ses?|d[ée]finition|priorit[ée]s?|p[ée]rim[eè]tre|port[ée]e"
    r"|recommandations?|prochaines\s+[ée]tapes|livrables|exigences|contraintes|calendrier"
    r"|att[ée]nuation|approche|strat[ée]gie|proposition|[ée]tape\s+\d+|phase\s+\d+"
    r"|ziele?|annahmen?|zweck|priorit[äa]t(?:en)?|umfang|empfehlung(?:en)?"
    r"|n[äa]chste\s+schritte|liefergegenst[äa]nde|anforderungen|einschr[äa]nkungen|zeitplan"
    r"|begr[üu]ndung|entscheidung|ansatz|vorschlag|schritt\s+\d+"
    r"|suposi[cç](?:[aã]o|[oõ]es)|defini[cç][aã]o|prioridades?|escopo|recomenda[cç](?:[aã]o|[oõ]es)"
    r"|pr[oó]ximos\s+passos|entreg[aá]veis|restri[cç][oõ]es|or[cç]amento|mitiga[cç][aã]o"
    r"|justificativa|abordagem|estrat[ée]gia|proposta|passo\s+\d+)[*_]*\s*[:：]"
    r"|^[\W_]*(?:目的|目標|前提|仮定|定義|優先度|優先順位|範囲|スコープ|推奨|提言|次のステップ|成果物|要件"
    r"|制約|予算|方針|提案|ステップ\s*\d+|フェーズ\s*\d+|下一步|交付物|约束|时间表|预算|策略|方案|提案"
    r"|步骤\s*\d+|阶段\s*\d+)[*_]*\s*[:：]",
    re.I,
)
_MODAL = lazy(
    r"(?i:\b(?:deber[íi]a[ns]?|debe[ns]?|deber[áa]n?|se\s+recomienda|tiene[ns]?\s+que"
    r"|doi(?:t|vent)|devr(?:ait|aient|a|ont)|il\s+convient\s+de|muss|m[üu]ssen|soll(?:en|te|ten)?"
    r"|empfiehlt\s+sich|deve[mr]?(?!-se\s)|deveria[m]?|dever[áa]o?|recomenda-se"
    r"|[ée]\s+necess[áa]rio)\b)"
    r"|べき|必要がある|必要があります|推奨する|推奨します|应该|应当|必须|需要|建议"
)
_SELF = lazy(
    r"(?i:\b(?:nosotros|nuestr[oa]s?|recomendamos|proponemos|nous|notre|wir|unser\w*|nós"
    r"|noss[oa]s?)\b)"
    r"|(?i:\b(?:este\s+(?:informe|documento|an[áa]lisis|relat[óo]rio|estudo)"
    r"|ce\s+(?:rapport|document)|cette\s+(?:analyse|[ée]tude)"
    r"|(?:dieser|diese|dieses)\s+(?:bericht|analyse|dokument|studie))\b)"
    r"|(?<=\S\s)Sie\b"
    # the reader as "tú", "du", "tu", in lower case inside the sentence ("Ti-6Al-4V" is a
    # metal); not "te" (Dutch "om te") nor "tu" (Polish "here") there
    r"|\b(?:tus|contigo|dich|dir|dein\w*|teu|tua|teus|tuas|te\s+(?:recomiendo|sugiero|recomendamos))\b"
    r"|^[\W_]*(?:Tu|Tus|Dein\w*)\b"
    r"|本報告書|本レポート|本稿|本調査|私たち|我们|本报告|本文|(?<![迷])你|您"
)


def concluding(text: str) -> bool:
    """Whether a sentence is the writer's summing up or a plan's labelled item in Spanish,
    French, German, Portuguese, Japanese or Chinese (see the module's docstring)."""
    return bool(
        _LATIN_SUMMING_UP.match(text) or _CJK_SUMMING_UP.match(text) or _PLAN_LABEL.match(text)
    )


def plan_labelled(text: str) -> bool:
    """Whether a sentence opens with a plan's label in one of those languages ("Objetivo:",
    "Nächste Schritte:", "目的：")."""
    return bool(_PLAN_LABEL.match(text))


def prescriptive(text: str) -> bool:
    """Whether a sentence prescribes or plans with a verb of obligation or recommendation
    of one of those languages ("debe", "doit", "muss", "deve", "べき", "应该")."""
    return bool(_MODAL.search(text))


def self_talk(text: str) -> bool:
    """Whether a sentence speaks of the writer or the document, or to the reader, in one of
    those languages ("nous", "wir", "este informe", "本報告書", "我们", a formal "Sie")."""
    return bool(_SELF.search(text))
