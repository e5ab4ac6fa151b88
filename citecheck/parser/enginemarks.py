"""What an answer engine's marker or the residue of its citations is.

A marker in lenticular brackets (``【8†source】``, ChatGPT's) cites the source of that
number; the private-use wrappers of ChatGPT's citations (``\ue200cite\ue202turn0search1\ue201``),
their residue once those characters are dropped (``citeturn0search1``) and a copied answer's
``:contentReference[oaicite:0]{index=0}`` are citations that name no entry of a list.
Lenticular brackets around words with no number and no ``†`` are the punctuation Chinese
and Japanese texts set them as (a translated RFC's ``【必须】`` for MUST, a note's ``【注意】``),
no marker. A name wrapped for an entity card or an image gallery is no citation at all. A template
(``{{citation needed}}``) is a placeholder when its name says so, and a writer's ``(TK)``
or ``TK:`` always is. The groups read are those of the scan's pattern
(:data:`citecheck.parser.markers._TOKEN`).
"""

from __future__ import annotations

import re

from citecheck.model import Marker, MarkerKind, Placeholder
from citecheck.text.recache import lazy
from citecheck.text.vocab import TEMPLATE_PLACEHOLDER

__all__ = ["unbracketed"]

_TURN = lazy(r"^(?:turn\d+[a-z]+\d+)+(?:†[^【】]*)?$")
# What else ChatGPT wraps in the same private-use characters: a name it links to its own
# entity card (``\ue200entity\ue202["people","Robert M. Wald","…"]\ue201``) or a gallery
# of images. Neither names a source: the text around it reads the name, and only
# ``cite``/``filecite`` wrappers are citations.
_WRAPPER = lazy(r"^(?:entity|image_group|navlist|product_entity)\ue202")
_ENGINE_LIKE = lazy(r"[\d†]")  # what an answer engine's lenticular marker always holds
_FULLWIDTH = lazy(r"^\s*(\d+)(?::\d+)*\s*(?:†.*)?$")


def unbracketed(m: re.Match[str]) -> Marker | Placeholder | None:
    """Decide what an answer-engine marker, citation residue or template is."""
    start, end = m.span()
    raw = m.group()
    if m.group(2) is not None:
        if not _ENGINE_LIKE.search(m.group(2)):
            return None  # ``【必须】``, ``【注意】``: brackets of emphasis, not a citation
        number = _FULLWIDTH.match(m.group(2))
        if _TURN.match(m.group(2)):  # ``【turn0search7】``: residue in lenticular brackets
            problem = "answer-engine citation residue that names no entry of a reference list"
            return Marker(start, end, raw, (), MarkerKind.NUMERIC, problem=problem)
        if number is None or int(number.group(1)) == 0:
            problem = "an answer-engine marker that names no source number"
            return Marker(start, end, raw, (), MarkerKind.NUMERIC, problem=problem)
        return Marker(start, end, raw, (str(int(number.group(1))),), MarkerKind.NUMERIC)
    if m.group(3) is not None and _WRAPPER.match(m.group(3)):
        return None  # ``\ue200entity\ue202["people","Name",…]\ue201``: a name, not a citation
    if m.group(3) is not None or m.group(4) is not None or m.group(8) is not None:
        problem = "answer-engine citation residue that names no entry of a reference list"
        return Marker(start, end, raw, (), MarkerKind.NUMERIC, problem=problem)
    if raw.startswith("{{"):
        name = raw[2:-2].split("|", 1)[0].strip()
        return Placeholder(start, end, raw) if TEMPLATE_PLACEHOLDER.match(name) else None
    return Placeholder(start, end, raw)
