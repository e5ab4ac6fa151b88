"""A writer's essay or post with notes: first-person prose whose only sources are footnotes.

A blog post, an essay or a chapter put online as Markdown (Jekyll's and Hugo's kramdown or
Goldmark ``[^1]`` notes) cites where its writer chose: a note for the paper a paragraph
discusses, a verse a sermon quotes. Most of it is the writer's own account ("I released a
preprint", "meines Erachtens"), which no source backs, as a book's narration is. Such a
text reads as a ``book`` (see :mod:`citecheck.parser.profile`): a claim needs a source
only when it leans on others' work ("studies show", "according to …").

An answer engine's export and a news-style article cite by footnotes too, but do not speak
in the first person singular (but for an assistant's offers to "you": "If you want, I can
also compare…"); a paper speaks as "we". So a text is an essay with notes
when every entry it cites is a Markdown footnote (no reference list, no numbered entries;
a newsletter's back-linked note counts as one)
and at least :data:`LEAST_SENTENCES` of its body sentences, and one in
:data:`SHARE` of them, speak as "I" (English, German, French, Spanish, Italian, Dutch,
Portuguese, Russian, Japanese, Chinese, Korean) without addressing "you".

A writer's essay that cites by numbered callouts into a list (``[1]`` … ``References``) or
by endnotes a converter did not keep as notes shows the same voice: a writer who speaks as
"I" and asks the reader questions to argue ("Why do founders ignore the advice?", "Is God
responsible for evil?"), which an encyclopedia, a news story, a report or an answer
engine's export rarely does. :func:`speaks_as_writer` reads it: at least
:data:`LEAST_VOICE` body sentences, and one in :data:`VOICE_SHARE` of them, speak as "I"
or are questions. The citing habit (:mod:`citecheck.parser.habit`) reads such an article
as citing now and then when it marks few of its paragraphs, whatever its markers: its
unmarked paragraphs are the writer's argument, not gaps.
"""

from __future__ import annotations

import re

from citecheck.model import BlockKind, Document
from citecheck.text.recache import lazy

LEAST_SENTENCES = 3
SHARE = 20
"""One body sentence in this many at least speaks as "I"."""
LEAST_VOICE = 5
"""Body sentences, at least, that speak as "I" or ask a question in a writer's essay."""
VOICE_SHARE = 10
"""One body sentence in this many at least speaks as "I" or asks a question."""
_FIRST_PERSON = lazy(
    r"\b(?:I(?![/.-])|I'm|I've|I'd|I'll|I’m|I’ve|I’d|I’ll|my|me|myself|mine"
    r"|ich|mein|meine|meines|meiner|meinem|meinen|mich|mir"
    r"|je|j'|j’|mon|ma|mes|moi"
    r"|yo|mí|mío|mía"
    r"|io|mio|mia|miei"
    r"|ik|mijn"
    r"|meu|minha|meus|minhas|comigo"
    r"|я|мне|меня|мной|мой|моя|моё|мои|моего|моей|моих)(?!\w)"
    # Portuguese "eu" in lower case or opening a sentence, not the "EU" of Europe
    r"|(?-i:(?<!\w)(?:eu|Eu)(?!\w))"
    # Japanese and Chinese write no spaces: the pronoun with its particle; "我" not "我们"
    r"|(?:私|僕|俺)(?:は|が|の|も|に|を|には|にとって)|我(?![们們])"
    # Korean writes the pronoun with its particle as one word: "저는", "제가", "나도",
    # "내가" (a bare "제"/"내" is also "its own" and "within"); a writer's "우리는" is the
    # writer with the reader, where a Korean paper says "본 연구는"; "필자" is "the writer"
    r"|(?<!\w)(?:저(?:는|도|를|에게|한테|로서는)|제가|저의|나(?:는|도|를|에게|한테|로서는)"
    r"|내가|내게|나의|필자(?:는|가|의)|우리(?:는|가|도|에게))(?!\w)",
    re.I,
)
# A question, at the end of a sentence (a closing quotation mark or emphasis may follow).
_QUESTION = lazy(r"[?？][\s\"'”’»)*_]*$")
# An assistant's offer speaks as "I" to "you" ("If you want, I can also compare…"): an
# answer engine's export, not a writer's account.
_ADDRESSED = lazy(r"\b(?:you|your)\b", re.I)
_CASED = frozenset({"I", "I'm", "I've", "I'd", "I'll", "I’m", "I’ve", "I’d", "I’ll"})
# A capital I that numbers something: "Part I", "Type I", "World War I", "Henry I".
_NUMBERED = lazy(
    r"(?:part|type|chapter|volume|vol\.|book|act|phase|class|war|appendix|section|figure"
    r"|table|level|stage|grade|category|henry|louis|charles|james|george|edward|william"
    r"|elizabeth|napoleon|peter|catherine|frederick)\s+$",
    re.I,
)


def _speaks_as_i(text: str) -> bool:
    """Whether a sentence holds a first-person singular word: ``I`` (in capitals, not a
    numeral after "Part" or a king's name) or my, ich, mein, je, mon, yo, io, ik…"""
    for m in _FIRST_PERSON.finditer(text):
        word = m.group(0)
        if word.casefold().startswith("i") and word.casefold() in {w.casefold() for w in _CASED}:
            if word in _CASED and not _NUMBERED.search(text, 0, m.start()):
                return True
            continue
        return True
    return False


def speaks_as_writer(doc: Document) -> bool:
    """Whether ``doc`` reads as a writer's essay or post by its voice (see the module): at
    least :data:`LEAST_VOICE` body sentences, and one in :data:`VOICE_SHARE` of them, speak
    as "I" (not to "you", as an assistant offers) or ask a question. An answer engine's
    export (a user's questions, an assistant's "I") never does."""
    from citecheck.parser.answers import answer_export

    body = [s for s in doc.sentences if not s.heading]
    voiced = sum(
        1
        for s in body
        if _QUESTION.search(s.text) or (_speaks_as_i(s.text) and not _ADDRESSED.search(s.text))
    )
    if voiced < LEAST_VOICE or voiced * VOICE_SHARE < len(body):
        return False
    return not answer_export(doc)


def _written_note(text: str, start: int, key: str | None) -> bool:
    """Whether a note is one a writer's Markdown defines: ``[^1]: …``, or a newsletter's
    note that links back to its call (``#footnote-1``, see
    :mod:`citecheck.reader.backlinks`)."""
    return text.startswith("[^", start) or bool(key and key.startswith("#footnote-"))


def noted_essay(doc: Document) -> bool:
    """Whether ``doc`` is a writer's essay or post with notes (see the module)."""
    if doc.fmt != "markdown" or not doc.references:
        return False
    cited = [r for r in doc.references if r.kind is not BlockKind.LINKDEF]
    if not cited or any(
        r.kind is not BlockKind.FOOTNOTE or not _written_note(doc.text, r.start, r.key)
        for r in cited
    ):
        return False
    body = [s for s in doc.sentences if not s.heading]
    first = sum(1 for s in body if _speaks_as_i(s.text) and not _ADDRESSED.search(s.text))
    return first >= LEAST_SENTENCES and first * SHARE >= len(body)
