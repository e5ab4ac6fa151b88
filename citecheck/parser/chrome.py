"""The footer of a saved wiki page: sentences about the page, never claims to source.

A Wikipedia (or any MediaWiki) page saved as text keeps the skin's footer after the
article: "This page was last edited on 11 June 2019, at 05:42 (UTC).", "Text is available
under the Creative Commons Attribution-ShareAlike License; additional terms may apply.",
"By using this site, you agree to the Terms of Use and Privacy Policy.", "Wikipedia® is a
registered trademark of the Wikimedia Foundation, Inc., a non-profit organization.", and
the address the page was "Retrieved from". They speak of the page, its licence and its
owner: :func:`page_chrome` tells them, in English and in the footers of the larger wikis
(German, French, Spanish, Italian, Portuguese, Dutch, Russian), so they are no claims.
Nor is a navigation box copied with the page's text, which opens with the box's ``vte``
links glued to its title ("vteBritish princesses by marriage…").
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

# Each form opens the sentence; "_" stands for a space where a converter wrote link text
# with underscores (``Creative_Commons_Attribution-ShareAlike``).
_FOOTER = lazy(
    r"^(?:this\s+page\s+was\s+last\s+(?:edited|modified)\s+on\b"
    r"|(?:text|content)\s+is\s+available\s+under\s+(?:the\s+)?creative[\s_]+commons"
    r"|by\s+using\s+this\s+site,?\s+you\s+agree\s+to\s+the\s+terms[\s_]+of[\s_]+use"
    r"|wikipedia\S{0,3}\s+is\s+a\s+registered\s+trademark\s+of\s+the\s+wikimedia"
    r"|retrieved\s+from\s+[\"“]?https?://"
    # de, fr, es, it, pt, nl, ru: "last edited on …"
    r"|diese\s+seite\s+wurde\s+zuletzt\s+am\b"
    r"|(?:la\s+)?derni[èe]re\s+modification\s+de\s+cette\s+page"
    r"|cette\s+page\s+a\s+été\s+modifiée\s+pour\s+la\s+dernière\s+fois"
    r"|esta\s+página\s+se\s+editó\s+por\s+última\s+vez"
    r"|questa\s+pagina\s+è\s+stata\s+modificata\s+per\s+l'ultima\s+volta"
    r"|esta\s+página\s+foi\s+editada\s+pela\s+última\s+vez"
    r"|deze\s+pagina\s+is\s+voor\s+het\s+laatst\s+bewerkt"
    r"|(?:последнее\s+изменение\s+этой\s+страницы|эта\s+страница\s+в\s+последний\s+раз))",
    re.I,
)


# A navigation box at the foot of a wiki page, copied as text: its "v · t · e" links (view,
# talk, edit the template) glued to its title, "vteBritish princesses by marriage", and the
# label screen readers are given for it, "Links to related articles".
_NAVBOX = lazy(r"^(?:(?i:links\s+to\s+related\s+articles)\b|v\s?[·•]?\s?t\s?[·•]?\s?e(?=[A-Z0-9]))")


def page_chrome(sentence: str) -> bool:
    """Whether a sentence (its words, spaces folded) is a saved wiki page's footer line:
    when the page was last edited, its licence, its terms of use, its trademark notice or
    the address it was retrieved from; or the opening of a navigation box (its ``vte``
    links glued to its title, or the "Links to related articles" label before it), a list
    of the wiki's pages run together."""
    text = sentence.lstrip(" *•-·")
    if _NAVBOX.match(text):
        return True
    return len(sentence) < 400 and bool(_FOOTER.match(text))
