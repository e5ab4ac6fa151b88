"""Advice, steps, talk to the reader and an answer's framing, in the languages an answer
engine writes: no claims.

An answer export (Perplexity, ChatGPT, Gemini, Kimi… in Portuguese, Spanish, French,
German, Italian or Chinese) mixes what it cites with what it tells the user to do and how
it frames its answer. The English forms are read by :mod:`citecheck.parser.stance`,
:mod:`citecheck.parser.howto` and ``claims.addressed_to_reader``; these are the same forms
in the other languages:

- a step or a recommendation in the imperative (``Use glTF como formato``, ``Comprueba si
  el proceso corre``, ``Vérifiez la configuration``, ``Prüfen Sie die Datei``, ``Verifica
  che …``), or in the infinitive a to-do list is written in (``Implementar algoritmos e
  estruturas de dados``, ``Publicar métricas de estado en Grafana``);
- the reader as the subject, or what is theirs (``Você pode usar …``, ``En tu caso …``,
  ``Votre code …``, ``Wenn Sie … möchten``, ``se quiser``);
- a recommendation without a subject (``Recomenda-se …``, ``Se recomienda …``, ``Il est
  conseillé de …``, ``Es empfiehlt sich …``, ``建议…``, ``你可以…``);
- the answer speaking of itself or to the user (``Vou mostrar …``, ``Voy a darte …``,
  ``Excelente pergunta``, ``Se precisar, posso ajudar``, ``Em resumo, …``), or of its own
  proposal as the subject (``Esta estrutura garante …``, ``Este script se puede agendar
  …``);
- the user's request pasted into the export (``Eu quero que cries uma lista …``).

What the user is told to do, and how the answer is put, state nothing a reader could ask
the source of (``benchmarks/realdocs/judged-*.md``: "advice, a recommendation,
instructions … addressed to the user", "framing, … chat talk", "not a claim").
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

# A lead-in before the first word: list marks, emphasis, a bold label ("**Solução**: ").
_LEAD = (
    r"^[\"“«*_\s>\d.)-]*(?:[^\W\d][^:\n]{0,40}?[*_]*:[*_]*\s+)?"
    # "Para resolver, use …", "Nos filtros, permita …", "Si falla, ejecuta …".
    r"(?:(?i:para|se|si|pour|per|um|nos?|nas?|en|no|na|quando|cuando|quand|wenn|dann|depois"
    r"|después|après|antes|avant|primeiro|primero|d['’]abord)\b[^,.;:\n]{0,60},\s+)?"
)

# Verbs of instruction in the imperative (Portuguese and Spanish "você/usted" and "tú"
# forms, Italian "tu"), each of which states nothing when it opens a sentence.
_ORDERS = (
    # Portuguese (the imperative of "você", never the same word as a statement's verb)
    r"use|utilize|teste|adicione|evite|defina|crie|considere|mantenha|substitua|ajuste"
    r"|instale|configure|execute|abra|procure|verifique|inspecione|valide|garanta|escolha"
    r"|prefira|aplique|implemente|inclua|separe|mova|coloque|remova|dê|faça|tente|lembre"
    r"|certifique-se|assegure-se|confira|consulte|revise|comece|siga|associe|troque|altere"
    r"|mude|corrija|rode|copie|cole|insira|atualize|acesse|clique|salve|documente|registre"
    r"|invista|priorize|monitore|integre|desenvolva|permita|mostre|reutilize|conecte|emita"
    r"|analise|reserve|exiba|ofereça|forneça|agende"
    # Spanish (the "usted" imperative, and the "tú" forms no Portuguese verb shares)
    r"|utilice|pruebe|compruebe|comprueba|añade|añada|agregue|evite|cree|mantén|mantenga"
    r"|reemplaza|reemplace|ejecute|abre|busque|elimine|elige|elija|haz|haga|intenta|intente"
    r"|recuerda|recuerde|asegúrate|asegúrese|empieza|empiece|comienza|cambie|corrija|inserte"
    r"|accede|haz\s+clic|invierte|monitorea|lanza|loguea|descargue|desactiva|deshabilita|ejecuta"
    r"|evalúa"
    r"|desarrolle|muestre|analice|ofrezca|proporcione|reutilice|verifique|configure|instale"
    # Italian (the forms no statement shares)
    r"|aggiungi|assicurati|scegli|esegui|sostituisci|inserisci|apri|scrivi|leggi"
)
_ORDER = lazy(rf"{_LEAD}(?:{_ORDERS})\b(?![-'’]\w)", re.I)
# French "vous" imperatives end in -ez ("Vérifiez", "Utilisez", "Assurez-vous"); German
# "Sie" imperatives put the verb first, then "Sie" ("Prüfen Sie", "Verwenden Sie").
_FRENCH_ORDER = lazy(rf"{_LEAD}(?:n['’]|ne\s+)?[^\W\d_]{{3,}}ez\b(?:-vous\b)?", re.I)
_GERMAN_ORDER = lazy(rf"{_LEAD}[A-ZÄÖÜ][a-zäöüß]+(?:en|n)\s+Sie\b")
# A to-do list's infinitive: a Portuguese, Spanish, French or Italian verb in the
# infinitive opening the sentence and followed by its object ("Implementar algoritmos e
# estruturas de dados", "Verificar el estado de sync", "Installer le paquet").
_INFINITIVE = lazy(
    rf"{_LEAD}(?-i:[A-ZÁÉÍÓÚÂÊÔ][a-záéíóúâêôãõç]{{1,}}(?:ar|er|ir|ire|are|ere)(?:-(?:se|lo|la|los|las))?)"
    r"\s+(?:o|a|os|as|el|la|los|las|le|les|un|uma|um|una|une|des|de|do|da|del|du|il|lo|gli"
    r"|i|em|en|no|na|nos|nas|com|con|avec|con|seu|sua|su|sus|tu|tus|votre|vos|ton|ta|tes"
    r"|todas?|todos?|tudo|cada|métricas|dados|datos|eventos|logs|alertas|scripts?|código"
    r"|códigos|funciones|funções|[a-záéíóúâêôãõç]{3,}s)\b",
)
_NOT_INFINITIVE = frozenset(
    {
        "ser",
        "estar",
        "haver",
        "haber",
        "ter",
        "tener",
        "poder",
        "dever",
        "deber",
        "mar",
        "lugar",
        "par",
        "por",
        "ver",
        "ir",
        "star",
        "other",
        "under",
        "after",
        "water",
        "power",
        "user",
        "super",
        "never",
        "order",
        "layer",
        "server",
        "paper",
        "player",
        "master",
    }
)

# The reader as the subject or the owner: Portuguese, Spanish, French, German, Italian.
_READER = lazy(
    r"(?i:\b(?:você|vocês|voce|tu|teu|tua|teus|tuas|te\s+(?:recomendo|sugiro|ajudo)|seu\s+(?:código"
    r"|projeto|painel|caso|site|arquivo|ficheiro|html|css|contrato|sistema|ambiente|dashboard)"
    r"|sua\s+(?:aplicação|página|pergunta|dúvida|secção|seção|conta|empresa|equipe|ideia"
    r"|necessidade|preferência|escolha|situação|ferramenta|carreira)"
    r"|usted|tú|tus|contigo|tu\s+(?:código|proyecto|caso|entorno|sistema|cuenta|empresa|pc"
    r"|equipo|script|archivo|propio|propia)|puedes|debes|quieres|necesitas|tienes|podrías"
    r"|deberías|vous|votre|vos|puoi|devi|vuoi|il\s+tuo|la\s+tua|i\s+tuoi"
    r"|le\s+tue)\b)"
    r"|(?<=\w )Sie\s+(?:können|sollten|müssen|möchten|wollen"
    r"|brauchen)\b|(?<=\w )Ihr(?:e|en|em|er)?\s+[A-ZÄÖÜ]|\bdu\s+(?:kannst|solltest|musst|willst)\b"
    r"|\bdein(?:e|en|em|er)?\b"
    r"|(?i:(?:^|\s)(?:se|si)\s+(?:quiser|precisar|preferir|quieres|necesitas|prefieres|deseas"
    r"|vous\s+(?:voulez|souhaitez|préférez))\b)",
)
# A recommendation with no subject, or one the answer makes: "Recomenda-se", "Se
# recomienda", "Il est conseillé", "Es empfiehlt sich", "Si consiglia", "Recomendo".
_RECOMMEND = lazy(
    r"\b(?:recomenda-se|sugere-se|recomendo|sugiro|aconselho|é\s+recomendável|é\s+aconselhável"
    r"|o\s+ideal\s+é|vale\s+a\s+pena|se\s+recomienda|se\s+sugiere|recomiendo|sugiero"
    r"|es\s+recomendable|es\s+aconsejable|lo\s+ideal\s+es|conviene|vale\s+la\s+pena"
    r"|il\s+est\s+(?:recommandé|conseillé|préférable)|je\s+(?:recommande|conseille|suggère)"
    r"|mieux\s+vaut|es\s+empfiehlt\s+sich|ich\s+empfehle|empfehlenswert|si\s+consiglia"
    r"|consiglio|è\s+consigliabile|conviene)\b",
    re.I,
)
# The answer speaking of itself, or to the user: "Vou mostrar", "Voy a darte", "Je vais",
# "Ich zeige", "Excelente pergunta", "Se precisar, posso ajudar", "Em resumo,".
_FRAMING = lazy(
    r"^[\"“«*_\s>]*(?:vou\s+|voy\s+a\s+|je\s+vais\s+|ich\s+(?:werde|zeige|erkläre)\b|posso\s+"
    r"|puedo\s+|je\s+peux\s+|abaixo\s+|a\s+seguir|a\s+continuación|ci-dessous|voici|voilà"
    r"|aqui\s+(?:está|estão|vai|tens|tem)|aquí\s+(?:tienes|está|están|va)|hier\s+(?:ist|sind)"
    r"|ecco\s+|(?:excelente|ótima|otima|boa|óptima|buena|excelente|bonne|excellente|gute"
    r"|ottima|bella)\s+(?:pergunta|questão|pregunta|question|frage|domanda)"
    r"|(?:em|en)\s+(?:resumo|resumen|résumé|suma|síntese|conclusão|conclusión|conclusion)"
    r"|resumindo|resumiendo|zusammenfassend|in\s+sintesi|para\s+concluir|pour\s+conclure"
    r")",
    re.I,
)
_OFFER = lazy(
    r"\b(?:se\s+precisar|si\s+necesitas|si\s+vous\s+avez\s+besoin|posso\s+(?:te\s+)?ajudar"
    r"|puedo\s+ayudarte|je\s+peux\s+vous\s+aider|posso\s+(?:criar|mostrar|gerar|fazer|preparar"
    r"|explicar)|puedo\s+(?:crear|mostrar|generar|hacer|preparar|explicar)|quer\s+que\s+eu"
    r"|quieres\s+que|voulez-vous\s+que|me\s+avise|avísame|dime\s+si|diz-me|dis-moi"
    r"|fammi\s+sapere|sag\s+Bescheid)\b",
    re.I,
)
# A label that makes the item an illustration, the answer's own verdict or a note on the
# user's code: "Exemplo:", "Resposta Direta:", "Finalidade:", "Problema:", "Solução:".
_LABELLED = lazy(
    r"^[\"“«*_\s>\d.)-]*(?:exemplos?|ejemplos?|exemples?|beispiele?|esempio|esempi"
    r"|nota|observação"
    r"|conclusão|conclusión|resumo|resumen|exceção|excepción|exception|ausnahme|vantagens?"
    r"|ventajas?|avantages?|vorteile?|problema|problème|solução|solución|solution|lösung"
    r"|funcionamento|funcionamiento|finalidade|finalidad|objetivo|propósito|but|zweck"
    r"|dica|consejo|conseil|tipp|suggerimento)[*_\s]*[:：]",
    re.I,
)
# The answer's own proposal as the subject, pointed at: "Esta estrutura garante …", "Essa
# abordagem reduz custos …", "Este script se puede agendar …", "Ce script vérifie …",
# "Dieses Skript prüft …" (as "This report …" in English, see stance).
_OWN = lazy(
    r"^[\"“«*_\s>]*(?:este|esta|estes|estas|esse|essa|esses|essas|isto|isso|ce|cet|cette"
    r"|ces|dieses?|dieser|diesen|questo|questa|questi|queste)\s+(?:[\w-]+\s+)?"
    r"(?:script|código|codigo|code|exemplo|ejemplo|exemple|beispiel|esempio|abordagem|enfoque"
    r"|approche|ansatz|approccio|estrutura|estructura|structure|struktur|struttura|solução"
    r"|solución|solution|lösung|soluzione|proposta|propuesta|proposition|vorschlag|fluxo|flujo"
    r"|flux|configuração|configuración|configuration|konfiguration|botão|botón|bouton|setup"
    r"|plano|plan|modelo|lista|liste|tabela|tabla|tableau|tabelle|tabella|casos|cas|fälle"
    r"|resposta|respuesta|réponse|antwort|risposta|guia|guía|guide|passo|paso|étape|schritt)s?\b",
    re.I,
)
# The user's request in the first person, pasted into the export: "Eu quero que cries uma
# lista …", "Quiero que me expliques …", "Je veux que tu …", "Ich möchte, dass du …".
_REQUEST = lazy(
    r"\b(?:eu\s+)?(?:quero|gostaria)\s+(?:que|de\s+saber)|\b(?:yo\s+)?(?:quiero|quisiera)"
    r"\s+(?:que|saber)|\bje\s+(?:veux|voudrais)\s+(?:que|savoir)|\bich\s+(?:möchte|will)"
    r"\b[^.]{0,20}\bdass\b|\b(?:voglio|vorrei)\s+(?:che|sapere)|我(?:想|希望)(?:你|您)",
    re.I,
)
# The same in Chinese: the reader as the subject (你可以, 您可以), a recommendation (建议…,
# 推荐…), the answer's offer (如果你需要, 我可以), a summary (总之, 综上所述).
_CJK = lazy(
    r"^[\"“*_\s>]*(?:建议|推荐|请|可以考虑|务必|注意[:：])|(?:你|您)(?:可以|需要|应该|应当|要|可)"
    r"|如果(?:你|您)|我(?:可以|建议|推荐|将|会)|总之|综上所述|简而言之"
)


def guidance(sentence: str) -> bool:
    """Whether a sentence is advice, a step, talk to the reader or the answer's framing in
    Portuguese, Spanish, French, German, Italian or Chinese (see the module). ``sentence``
    is one sentence of the masked text, spaces collapsed."""
    if not sentence.isascii() and _CJK.search(sentence):
        return True
    if _english(sentence.lower(), sentence.isascii()):
        return False  # English is read by stance, howto and addressed_to_reader
    if _LABELLED.match(sentence) or _OWN.match(sentence):
        return True
    if _REQUEST.search(sentence):
        return True
    if _ORDER.match(sentence) or _FRENCH_ORDER.match(sentence) or _GERMAN_ORDER.match(sentence):
        return True
    if (m := _INFINITIVE.match(sentence)) and _first_word(sentence[: m.end()]) not in (
        _NOT_INFINITIVE
    ):
        return True
    return bool(
        _READER.search(sentence)
        or _RECOMMEND.search(sentence)
        or _FRAMING.match(sentence)
        or _OFFER.search(sentence)
    )


# A sentence with one of English's little words and none of these languages' ("seu",
# "para", "con", "les", "und") is English, left to the other modules; so is a sentence of
# ASCII letters only with none of these languages' words.
_ENGLISH = lazy(r"\b(?:the|is|are|was|were|of|and|to|in|that|it|with|for|this|on|you|your)\b")
_FOREIGN = lazy(
    r"\b(?:os|um|uma|para|com|el|los|las|del|una|por|con|les|des|une|avec|pour|der|das"
    r"|und|nicht|mit|il|gli|della|che|de|da|dos|e(?![.’'])|y|et|la|le|em|en|si|se|que|ou"
    r"|seu|sua|seus|suas|na|nos|nas|ao|aos|pelo|pela|lo|su|sus|es|est|ist|ein|eine|nel|sul"
    r"|dei|cada|não|está|são|é|através)\b"
)


def _english(sentence: str, ascii_only: bool) -> bool:
    """Whether a sentence, folded, is English or may be: one of English's little words and
    none of the other languages' ("Another focus is on issues of …"), or, in ASCII letters
    only, none of the other languages' either (see above)."""
    foreign = _FOREIGN.search(sentence)
    if ascii_only and not foreign:
        return True
    return not foreign and bool(_ENGLISH.search(sentence))


_WORD = lazy(r"[^\W\d_][\w-]*")


def _first_word(text: str) -> str:
    """The first word of a text after its lead-in, folded (``""`` when there is none)."""
    lead = re.match(_LEAD, text)
    m = _WORD.search(text, lead.end() if lead else 0)
    return m.group(0).casefold() if m else ""
