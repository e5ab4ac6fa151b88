"""A thesis's statutory declaration of authorship and its thanks: forms, not claims.

A thesis or term paper carries a form its university prescribes: the declaration that the
writer wrote it alone and used no sources but those given (German "Hiermit erkläre ich,
dass ich die vorliegende Arbeit selbstständig …" under "Eidesstattliche Erklärung" or
"Selbstständigkeitserklärung", English "I hereby declare that this thesis …", Polish
"Uprzedzony o odpowiedzialności karnej … oświadczam, że niniejszą pracę …", Italian
"Dichiaro che …"), and a page of thanks (Danksagung, Podziękowania, Ringraziamenti,
Remerciements, 致谢). Neither states anything a reader could ask the source of: a section
under such a title holds no claims (:func:`title`, beside the Acknowledgements of a paper,
see :func:`citecheck.parser.backmatter.abstract_title`), and nor does a paragraph that opens
with the declaration's formula where the form has no title of its own, on the cover page
(:func:`opens`).
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

# The titles of the declaration and of the thanks. A bare "Erklärung" (also "explanation")
# or "Declaration" is not one: a text may explain or discuss a declaration under it.
_TITLE = lazy(
    r"^[#*_\s]*(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:eidesstattliche|ehrenwörtliche)\s+(?:erklärung"
    r"|versicherung)|eigenständigkeitserklärung|selbst(?:st)?ändigkeitserklärung|danksagung"
    r"|(?:author['’]?s\s+)?declaration\s+of\s+(?:authorship|originality|academic\s+integrity)"
    r"|statement\s+of\s+(?:authorship|originality)|oświadczenie\s+(?:autora|o\s+samodzielności)"
    r"|podziękowania|dichiarazione\s+di\s+(?:originalità|autenticità)|ringraziamenti"
    r"|déclaration\s+sur\s+l['’]honneur|remerciements|agradecimientos|agradecimentos"
    r"|благодарности|致\s*谢|(?:独创性|原创性)声明)[*_\s.:：]*$",
    re.I,
)
TITLE_PATTERN = _TITLE.pattern
"""The source of the titles' pattern, for a caller that joins it with its own."""
# The formula a declaration opens with, where the form has no title of its own.
_FORMULA = lazy(
    r"^[*_\s]*(?:hiermit\s+(?:erkläre|versichere)\s+ich\b"
    r"|ich\s+(?:erkläre|versichere)\s+(?:hiermit\s+)?(?:an\s+eides\s+statt|ehrenwörtlich"
    r"|eidesstattlich)"
    r"|i\s+hereby\s+(?:declare|certify|confirm)\s+that\s+(?:this|the)\s+(?:thesis|dissertation"
    r"|work|report|project)"
    r"|uprzedzon[ya]\s+o\s+odpowiedzialno"
    r"|oświadczam,?\s+że\s+(?:niniejsz|przedłożon)"
    r"|(?:il\s+sottoscritto\s+\S+(?:\s+\S+)?\s+)?dichiaro\s+(?:sotto\s+la\s+mia\s+responsabilità"
    r"\s+)?che\s+(?:la\s+presente|questa)\s+tesi)",
    re.I,
)

OPENERS = frozenset("HhIiUuOoDd*_")
"""The characters a declaration's formula can open with: a paragraph opening with none of
them is not asked :func:`opens` (a cheap test made on every paragraph)."""


def title(text: str) -> bool:
    """Whether a heading or a line of its own (``text``, stripped) titles a thesis's
    declaration of authorship or its thanks, in German, English, Polish, Italian, French,
    Spanish, Portuguese, Russian or Chinese."""
    return len(text) < 50 and bool(_TITLE.match(text))


def opens(head: str) -> bool:
    """Whether a paragraph (``head``: its first characters, stripped) opens with the
    formula of a declaration of authorship ("Hiermit erkläre ich", "I hereby declare that
    this thesis", "Uprzedzony o odpowiedzialności karnej")."""
    return bool(_FORMULA.match(head))
