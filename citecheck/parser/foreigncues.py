"""Citation-worthiness cues in the languages theses and papers are written in besides English.

:mod:`citecheck.parser.citeworthy` asks a paper, a spec or a book for a source only where
a sentence carries a cue that it leans on others' work: "studies show", "have been
proposed", "the first to", "widely used". Those cues are English; a thesis in Russian,
German, French, Spanish, Portuguese, Italian, Chinese, Polish, Czech or Turkish carries
the same ones in its own words, and without them it is never told of an uncited claim.
These are the same three kinds of cue, a table by language as
:mod:`citecheck.parser.guidance` keeps advice:

- **attribution** (strong): others' findings or views as such ("исследования показали",
  "Studien zeigen", "des études montrent", "según", "segundo Severino", "研究表明"),
  earlier work ("предыдущие работы", "bisherige Arbeiten", "travaux antérieurs",
  "trabajos previos", "в литературе"), and methods others proposed ("были предложены",
  "wurden vorgeschlagen", "ont été proposés", "han sido propuestos");
- **a superlative about the field** (weak): a rank among tools or works ("одним из
  первых", "наиболее популярных", "am weitesten verbreitet", "le plus utilisé",
  "ampliamente utilizado", "estado da arte", "最广泛");
- **a dated event in the world** (weak): a release, a founding, an invention or a
  takeover set in a year ("выпущенная в 1997 году", "возникла в 2006 году", "1995 von …
  entwickelt", "créé en 1995", "fundada en 1998", "lançado em 2009"): history that a
  reader may ask the source of, where a year alone (the thesis's own dates, a census year
  it analyses) asks nothing.

A weak cue does not count in a sentence about the writer's own work ("в данной работе",
"in dieser Arbeit", "nous", "ce mémoire", "este trabajo", "nossa pesquisa", "本文", "w
niniejszej pracy"; see :mod:`citecheck.parser.foreignown`); a strong one does. The cues
are conservative, like the English ones: a fact stated with no cue at all ("AWS
объединяет широкий набор сервисов") is not asked for, and a product described in the
writer's review of analogues is the writer's own analysis.
"""

from __future__ import annotations

import re

from citecheck.parser.foreignown import own_work
from citecheck.text.recache import lazy

__all__ = ["LANGUAGES", "own_work", "strong_signal", "weak_signal"]

# Others' findings, views and earlier work, by language.
_ATTRIBUTION = {
    "ru": r"(?:исследовани[яй]|эксперименты|данные|учёные|ученые|специалисты|эксперты|опросы)"
    r"\s+(?:\w+\s+){0,2}?(?:показ(?:ывают|али|ал|ало)|свидетельствуют|подтвержда(?:ют|ли)"
    r"|демонстрир(?:уют|овали)|указывают)"
    r"|\bкак\s+показ(?:ывают|али|ал|ало)\s+(?:\w+\s+)?(?:исследовани|эксперимент|данные|опыт)"
    r"|\bпо\s+(?:данным|оценкам|мнению|сведениям)\b|\bсогласно\s+(?:данным|исследовани|оценк"
    r"|статистик|(?-i:[А-ЯA-Z]))"
    r"|\b(?:как\s+известно|общеизвестно|известно,?\s+что|принято\s+считать)\b"
    r"|\bбыл[оаи]?\s+(?:\w+\s+)?(?:показано|доказано|установлено|предложен[оаы]?)\b"
    # not the object of a comparison: "в отличие от существующих систем сборки"
    # nor "два предыдущих метода": the two methods just described
    r"|(?<!отличие от )(?<!сравнению с )(?<!два )(?<!двух )(?<!три )(?<!трёх )(?<!трех )"
    r"\b(?:предыдущи[ехм]|ранни[ехм]|существующи[ехм]|известны[ехм]|недавни[ехм]|прошлы[ехм]"
    r"|самые\s+новые|новейши[ехм])"
    r"\s+(?:работ|исследовани|подход|метод|систем|публикаци)"
    r"|\bв\s+(?:научной\s+)?литературе\b|\b(?:многие|ряд|некоторые)\s+(?:авторы|исследователи"
    r"|учёные|ученые)\b",
    "de": r"\b(?:Studien|Untersuchungen|Forschung(?:en)?|Forscher|Experten|Umfragen|Daten)"
    r"\s+(?:\w+\s+){0,2}?(?:zeigen|zeigt|zeigten|belegen|belegt|bestätigen|deuten|legen)\b"
    # "laut Bitkom", not "laut Datenbank" (the thesis's own data) or "gemäß Tabelle 3"
    r"|\b(?:laut|gemäß)\s+(?:(?:der|dem|den|einer|einem)\s+)?(?!(?:Datenbank|Tabelle|Abbildung"
    r"|Abb|Kapitel|Abschnitt|Anhang|Definition|Aufgabenstellung|Anforderung|Vorgabe)\w*)"
    r"(?-i:[A-ZÄÖÜ])"
    r"|\b(?:bisherige|frühere|vorherige)[nmrs]?\s+"
    r"(?:Arbeiten|Studien|Forschung|Ansätze|Untersuchungen|Veröffentlichungen|Verfahren)\b"
    r"|\bin\s+der\s+(?:\w+\s+)?Literatur\b|\bes\s+ist\s+(?:allgemein\s+|weithin\s+)?bekannt\b"
    r"|\b(?:wurde|wurden)\s+(?:bereits\s+|schon\s+|mehrfach\s+|vielfach\s+)?(?:gezeigt"
    r"|nachgewiesen|vorgeschlagen|belegt)\b",
    "fr": r"\b(?:des|les|plusieurs|de\s+nombreuses)\s+(?:études|recherches|travaux|enquêtes"
    r"|chercheurs|experts)\s+(?:\w+\s+){0,2}?(?:montrent|ont\s+montré|indiquent|suggèrent"
    r"|révèlent|démontrent|confirment)\b"
    r"|\b(?:selon|d['’]après)\s+(?:(?:le|la|les|l['’]|un|une)\s*)?(?:(?-i:[A-ZÉ])|étude|études"
    r"|rapport|enquête|données|statistiques|estimations|chercheurs|experts)"
    r"|\btravaux\s+(?:antérieurs|précédents|récents|connexes)\b"
    r"|\bdans\s+la\s+littérature\b|\bil\s+est\s+(?:bien\s+|généralement\s+)?(?:connu|admis"
    r"|établi)\b|\ba\s+été\s+(?:montré|démontré|proposé|établi)\b|\bont\s+été\s+proposé(?:e?s)?\b",
    "es": r"\b(?:estudios|investigaciones|investigadores|expertos|encuestas|datos)\s+"
    r"(?:\w+\s+){0,2}?(?:muestran|mostraron|demuestran|demostraron|indican|indicaron|sugieren|revelan"
    r"|confirman|han\s+mostrado|han\s+demostrado)\b"
    r"|\bsegún\s+(?:(?:el|la|los|las|un|una)\s+)?(?:(?-i:[A-ZÁÉÍÓÚ])|datos|estudio|estudios"
    r"|informe|encuesta|estimaciones|estadísticas|expertos|investigadores)"
    r"|\bde\s+acuerdo\s+con\s+(?:(?:el|la|los|las)\s+)?(?-i:[A-ZÁÉÍÓÚ])"
    r"|\b(?:trabajos|estudios|investigaciones)\s+(?:previos|anteriores|recientes"
    r"|relacionados)\b"
    r"|\ben\s+la\s+literatura\b|\bes\s+(?:bien\s+)?(?:sabido|conocido)\b"
    r"|\bse\s+ha\s+(?:demostrado|mostrado|propuesto)\b|\bhan\s+sido\s+propuest[oa]s\b",
    "pt": r"\b(?:estudos|pesquisas|investigações|pesquisadores|especialistas|dados)\s+"
    r"(?:\w+\s+){0,2}?(?:mostram|mostraram|demonstram|demonstraram|indicam|indicaram|apontam"
    r"|sugerem|revelam|confirmam)\b"
    r"|\bsegundo\s+(?:(?:o|a|os|as)\s+)?(?-i:[A-ZÁÉÍÓÚ])"
    r"|\bde\s+acordo\s+com\s+(?:(?:o|a|os|as)\s+)?(?-i:[A-ZÁÉÍÓÚ])"
    r"|\b(?:trabalhos|estudos|pesquisas)\s+(?:anteriores|prévios|recentes"
    r"|relacionados)\b"
    r"|\bna\s+literatura\b|\bé\s+(?:bem\s+)?(?:sabido|conhecido)\b"
    r"|\b(?:foi|foram)\s+(?:demonstrad|propost)[oa]s?\b",
    "it": r"\b(?:studi|ricerche|ricercatori|esperti|dati)\s+(?:\w+\s+){0,2}?(?:mostrano"
    r"|dimostrano|indicano|suggeriscono|hanno\s+mostrato|hanno\s+dimostrato)\b"
    r"|\bsecondo\s+(?:(?:il|la|lo|i|gli|le)\s+)?(?-i:[A-Z])"
    r"|\b(?:lavori|studi)\s+(?:precedenti|recenti|correlati)\b"
    r"|\bin\s+letteratura\b|\bè\s+(?:ben\s+)?noto\b|\bsono\s+stati\s+proposti\b",
    "zh": r"研究(?:表明|发现|显示|证明)|据(?:统计|报道|调查|估计)|(?:已有|现有|以往|前人的?)研究"
    r"|文献(?:表明|指出|\[)|(?:学者|专家)(?:们)?(?:认为|指出|发现)|被提出",
    "pl": r"\b(?:badania|eksperymenty|dane|naukowcy|eksperci|analizy|statystyki)\s+"
    r"(?:\w+\s+){0,2}?(?:wykazały|wykazują|pokazują|pokazały|dowodzą|potwierdzają|wskazują)\b"
    # lower-case or opening the sentence: not a name's "Rozkład Według Wartości Osobliwych"
    r"|(?-i:\bwedług|^\W*Według)\s+(?:(?-i:[A-ZŁŚŻŹĆ])|danych|badań|raportu|szacunków|statystyk"
    r"|ekspertów)"
    r"|\bzgodnie\s+z\s+(?:danymi|badaniami|raportem|szacunkami)\b"
    r"|\b(?:wcześniejsze|poprzednie|dotychczasowe|istniejące)\s+(?:prace|badania|podejścia"
    r"|publikacje)\b|\bw\s+literaturze\b|\b(?:wielu|niektórzy)\s+(?:autorów|badaczy|naukowców"
    r"|autorzy|badacze)\b|\b(?:powszechnie\s+)?wiadomo,?\s+że\b"
    r"|\b(?:zostało|zostały|został|została)\s+(?:\w+\s+)?(?:wykazane|udowodnione|zaproponowan[eyao])\b",
    "cs": r"\b(?:studie|výzkumy|data|experti|odborníci|průzkumy)\s+(?:\w+\s+){0,2}?(?:ukazují"
    r"|ukázaly|prokázaly|potvrzují|naznačují)\b"
    r"|\bpodle\s+(?:(?-i:[A-ZČŘŠŽ])|údajů|studie|studií|průzkumu|odhadů|statistik|výzkumu)"
    r"|\b(?:předchozí|dřívější|dosavadní|existující)\s+(?:práce|studie|výzkumy|přístupy)\b"
    r"|\bv\s+literatuře\b|\bbylo\s+(?:\w+\s+)?(?:prokázáno|ukázáno|navrženo)\b"
    r"|\bje\s+(?:obecně\s+)?známo\b",
    "tr": r"\b(?:çalışmalar|araştırmalar|veriler|uzmanlar|bilim\s+insanları)\b[^.!?]{0,120}?"
    r"(?:göstermektedir|göstermiştir|gösteriyor|ortaya\s+koymuştur|kanıtlamıştır)"
    r"|\b(?:verilere|araştırmalara|çalışmalara|raporlara|istatistiklere|tahminlere)\s+göre\b"
    r"|\bliteratürde\b|\b(?:önceki|mevcut)\s+(?:çalışmalar|araştırmalar)"
    r"|\b(?:önerilmiştir|kanıtlanmıştır)|\bbilindiği\s+(?:gibi|üzere)\b",
}
# A rank among tools, works or actors in the world.
_SUPERLATIVE = {
    "ru": r"\b(?:одн(?:им|ой|ого|а|о)\s+из\s+(?:первых|самых|наиболее|ведущих|крупнейших"
    r"|лидеров)|первым\s+(?:в\s+мире|реализовал|предложил)|наиболее\s+(?:популярн|распространённ"
    r"|распространенн|широко|известн|используем)|сам(?:ый|ая|ое|ые|ых|ым)\s+(?:популярн"
    r"|распространённ|распространенн|используем|известн)|широко\s+(?:используе|распростран"
    r"|применяе|известн)|очень\s+популярн|де[- ]факто|лидер(?:ом)?\s+(?:рынка|в\s+области))",
    "de": r"\b(?:am\s+(?:weitesten|häufigsten|meisten)\s+(?:verbreitet|genutzt|verwendet"
    r"|eingesetzt)|(?:weit|weltweit)\s+verbreitet|als\s+(?:eine[rs]?\s+der\s+)?erste[rns]?\b"
    r"|eine[rs]?\s+der\s+ersten"
    r"|Stand\s+der\s+Technik"
    # a practice across the economy: "hat sich in vielen Branchen als … erwiesen"
    r"|in\s+(?:vielen|zahlreichen)\s+(?:Branchen|Industrien|Wirtschaftszweigen)\b"
    r"|de\s+facto|Marktführer|weltweit\s+führend)",
    "fr": r"\b(?:l[ea]s?\s+plus\s+(?:utilisé|répandu|populaire|courant)e?s?|largement\s+"
    r"(?:utilisé|répandu|adopté)e?s?|l['’]état\s+de\s+l['’]art|de\s+facto|le\s+premier\s+à"
    r"|leader\s+(?:mondial|du\s+marché)|(?:très|extrêmement)\s+populaire)",
    "es": r"\b(?:(?:el|la|los|las)\s+más\s+(?:utilizad|usad|popular|difundid|extendid)[oa]?s?"
    r"|primera\s+versión"
    r"|ampliamente\s+(?:utilizad|usad|adoptad|difundid)[oa]s?|estado\s+del\s+arte|de\s+facto"
    r"|(?:el|la)\s+primer[oa]?\s+en|líder\s+(?:mundial|del\s+mercado))",
    "pt": r"\b(?:(?:o|a|os|as)\s+mais\s+(?:utilizad|usad|popular|difundid)[oa]?s?"
    r"|(?:o|a)\s+(?:evento|instituição|obra|revista)\s+de\s+maior\s+(?:relevância|importância)"
    r"|primeira\s+versão|amplamente\s+"
    r"(?:utilizad|usad|adotad|difundid)[oa]s?|estado\s+da\s+arte|de\s+facto"
    r"|(?:o|a)\s+primeir[oa]\s+a|líder\s+(?:mundial|de\s+mercado))",
    "it": r"\b(?:(?:il|la|i|le)\s+più\s+(?:utilizzat|usat|diffus)[oaie]|ampiamente\s+"
    r"(?:utilizzat|usat|adottat|diffus)[oaie]|stato\s+dell['’]arte|de\s+facto)",
    "zh": r"最(?:广泛|常用|流行|著名|早)|广泛(?:应用|使用|采用)|首次提出|领先的",
    "pl": r"\b(?:(?:jednym|jedną|jedna|jeden)\s+z\s+(?:pierwszych|najpopularniejszych"
    r"|najczęściej|najbardziej|wiodących|największych)|najczęściej\s+(?:wybieran|stosowan"
    r"|używan|wykorzystywan)|najpopularniejsz|najbardziej\s+(?:popularn|rozpowszechnion|znan)"
    r"|(?:powszechnie|szeroko)\s+(?:stosowan|używan|wykorzystywan|znan)|stan\s+techniki"
    r"|de\s+facto|lider(?:em)?\s+rynku)",
    "cs": r"\b(?:jedn(?:ím|ou|a|o)\s+z\s+(?:prvních|nejpopulárnějších|nejpoužívanějších"
    r"|nejrozšířenějších|předních|největších)|nejpoužívanější|nejrozšířenější|nejpopulárnější"
    r"|široce\s+(?:používan|rozšířen)|de\s+facto|lídr(?:em)?\s+(?:trhu|v\s+oblasti))",
    "tr": r"\b(?:en\s+(?:yaygın|popüler)|en\s+(?:çok|sık)\s+kullanılan|yaygın\s+olarak\s+"
    r"kullanıl|ilklerinden|önde\s+gelen)",
}
# A dated event in the world: a year, with a verb of release, founding, invention, arrival.
_YEAR = {
    "ru": r"\bв\s+(?:19|20)\d\d(?:-?м)?\s+году\b|\bс\s+(?:начала\s+)?(?:19|20)\d\d[- ]х\s+годов\b",
    "de": r"\b(?:im\s+Jahr(?:e)?\s+)?(?:19|20)\d\d\b",
    "fr": r"\ben\s+(?:19|20)\d\d\b",
    "es": r"\ben\s+(?:el\s+año\s+)?(?:19|20)\d\d\b",
    "pt": r"\bem\s+(?:19|20)\d\d\b",
    "it": r"\bnel\s+(?:19|20)\d\d\b",
    "zh": r"(?:19|20)\d\d年",
    "pl": r"\bw\s+(?:roku\s+)?(?:19|20)\d\d\b|\b(?-i:XIX|XX|XXI)\s+w(?:ieku|\.)",
    "cs": r"\bv\s+(?:roce\s+)?(?:19|20)\d\d\b",
    "tr": r"\b(?:19|20)\d\d\s+yılı",
}
_EVENT = {
    "ru": r"\b(?:выпущен|создан|основан|возникл|возник|появил|представ(?:ил|лен)|разработан|запущен"
    r"|изобрет|приобрет|купил|объединил|слия|начал[аио]?сь|вышл[аио]|вышел|создани|основани)",
    "de": r"\b(?:veröffentlicht|gegründet|entwickelt|erfunden|eingeführt|vorgestellt|erschienen"
    r"|übernommen|gekauft|entstand|entstanden|erschien|Gründung|Einführung|Veröffentlichung)\b",
    "fr": r"\b(?:créée?s?|fondée?s?|lancée?s?|inventée?s?|publiée?s?|rachetée?s?|apparue?s?"
    r"|sortie?s?|développée?s?\s+par|introduite?s?|fonda|créa|lança|création|fondation"
    r"|lancement)\b",
    "es": r"\b(?:cread[oa]s?|fundad[oa]s?|lanzad[oa]s?|inventad[oa]s?|publicad[oa]s?"
    r"|adquirid[oa]s?|surgió|apareció|desarrollad[oa]s?\s+por|introducid[oa]s?|fundó|creó"
    r"|lanzó|creación|fundación|lanzamiento)\b",
    "pt": r"\b(?:criad[oa]s?|fundad[oa]s?|lançad[oa]s?|inventad[oa]s?|publicad[oa]s?"
    r"|adquirid[oa]s?|surgiu|apareceu|desenvolvid[oa]s?\s+por|introduzid[oa]s?|fundou|fundaram"
    r"|criou|criaram|lançou|criação|fundação|lançamento)\b",
    "it": r"\b(?:creat[oaie]|fondat[oaie]|lanciat[oaie]|inventat[oaie]|pubblicat[oaie]"
    r"|acquisit[oaie]|nacque|è\s+nat[oa])\b",
    "zh": r"(?:发布|推出|创立|成立|发明|提出|诞生|收购)",
    "pl": r"\b(?:wydan|stworzon|założon|wynalezion|zaprezentowan|wprowadzon|powstał|przejęt"
    r"|opublikowan|wypuszczon)",
    "cs": r"\b(?:vydán|vytvořen|založen|vynalezen|představen|uveden|vznikl|koupil|převzal"
    r"|publikován|spuštěn)",
    "tr": r"(?:yayınlan|kurul|geliştiril|icat\s+edil|tanıtıl|piyasaya|satın\s+alın|ortaya\s+çık)",
}
# A span of the field's history: "на протяжении последних 30 лет", "in den letzten zehn
# Jahren", "au cours des 20 dernières années", "en los últimos 30 años", "nos últimos 20 anos".
_SPAN = {
    "ru": r"\b(?:за|на\s+протяжении|в\s+течение)\s+последних\s+(?:\d+|нескольких|десяти|двадцати"
    r"|тридцати)\s+(?:лет|десятилетий)\b",
    "de": r"\bin\s+den\s+(?:letzten|vergangenen)\s+(?:\d+|zehn|zwanzig|dreißig|Jahrzehnten)\b",
    "fr": r"\b(?:depuis|au\s+cours\s+des|ces)\s+(?:\d+|dix|vingt|trente)\s+"
    r"(?:dernières\s+)?années\b",
    "es": r"\ben\s+(?:los\s+)?últimos\s+(?:\d+|diez|veinte|treinta)\s+años\b",
    "pt": r"\bnos\s+últimos\s+(?:\d+|dez|vinte|trinta)\s+anos\b",
    "it": r"\bnegli\s+ultimi\s+(?:\d+|dieci|venti|trenta)\s+anni\b",
    "zh": r"(?:近|过去)(?:\d+|几|十|二十|三十)(?:多)?年(?:来|间)",
    "pl": r"\b(?:w\s+ciągu|przez|na\s+przestrzeni)\s+ostatnich\s+(?:\d+|kilku|dziesięciu"
    r"|dwudziestu|trzydziestu)\s+lat\b",
    "cs": r"\b(?:za|během|v\s+průběhu)\s+posledních\s+(?:\d+|několika|deseti|dvaceti|třiceti)"
    r"\s+let\b",
    "tr": r"\bson\s+(?:\d+|birkaç|on|yirmi|otuz)\s+(?:yılda|yıl\s+içinde|yıldır)",
}


def _union(table: dict[str, str]) -> str:
    return "|".join(f"(?:{p})" for p in table.values())


_STRONG = lazy(_union(_ATTRIBUTION), re.I)
_WEAK = lazy(_union(_SUPERLATIVE) + "|" + _union(_SPAN), re.I)
_DATED = {lang: (lazy(_YEAR[lang], re.I), lazy(_EVENT[lang], re.I)) for lang in _YEAR}
LANGUAGES = tuple(_ATTRIBUTION)
"""The languages the cues are read in (ISO 639-1 codes)."""


def strong_signal(text: str) -> bool:
    """Whether a sentence attributes something to others in one of :data:`LANGUAGES`
    ("исследования показали", "laut Bitkom", "selon une étude", "segundo Severino")."""
    return bool(_STRONG.search(text))


def weak_signal(text: str) -> bool:
    """Whether a sentence ranks a tool or a work in the field ("одним из первых",
    "am weitesten verbreitet", "ampliamente utilizado") or dates an event in the world
    ("выпущенная в 1997 году", "créé en 1995")."""
    if _WEAK.search(text):
        return True
    return any(year.search(text) and event.search(text) for year, event in _DATED.values())
