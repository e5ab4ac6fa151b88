"""Dotted initialisms that a sentence segmenter cuts: ``non-U.S. profits``, ``the U.S.
National Security Agency``.

Two cuts inside a sentence are undone:

- a cut inside an initialism, between two of its letters: ``…shuttling non-U.`` and
  ``S. profits through Ireland``. A full stop that ends a sentence has a blank after it;
  here the next piece opens, with no blank between, with a capital and a full stop, the
  initialism's next letter;
- a cut after a country's or union's initialism (``U.S.``, ``U.K.``, ``U.N.``, ``E.U.``)
  used as an adjective before the name of a body or office: ``the U.S. Army``, ``the U.S.
  National Security Agency``, ``U.K. Supreme Court``. The Chicago Manual of Style
  (17th ed., 10.33) keeps ``U.S.`` for the adjective, so before one of the nouns that head
  such names the full stop is the initialism's, not the sentence's; before any other
  capitalised word (``…moved to the U.S. He…``) the cut stands.
"""

from __future__ import annotations

from citecheck.text.recache import lazy

# ``…non-U.`` ending a piece: a single letter and its full stop (after a blank, hyphen,
# full stop or bracket, or opening the piece), with nothing after it.
_LETTER_END = lazy(r"(?:(?<=[\s.(-])|^)[A-Za-z]\.$")
_LETTER_OPEN = lazy(r"[A-Z]\.")
_COUNTRY_END = lazy(r"(?<![\w.])(?:U\.S|U\.K|U\.N|E\.U)\.\s*$")
# Nouns that head the name of a body or office after an adjectival ``U.S.``.
_HEAD_WORDS = """
    Army Navy Air Marine Marines Coast Space Armed Military Naval Senate House Congress
    Supreme Court Courts District Circuit Department Government Federal National Secretary
    President Vice Embassy Ambassador Consulate Census Bureau Office Agency Administration
    Commission Council Treasury Patent Copyright Trade Justice Attorney Attorneys Customs
    Immigration Homeland Postal Forest Geological Fish Environmental Food Energy Securities
    Central Special Open Olympic Chamber Constitution Capitol Marshals Public Representative
    Representatives Senator Senators Congressman Congresswoman Dollar Mint Parliament Prime
    Foreign Home Ministry Minister Security General Assembly Human
"""
_HEADS = frozenset(_HEAD_WORDS.split())
_NEXT_WORD = lazy(r"\s+([A-Z][\w']*)")


def cut_inside(piece: str, following: str) -> bool:
    """Whether the cut between ``piece`` (a sentence piece, its end) and ``following`` (the
    next piece) falls inside a dotted initialism (see the module): ``non-U.`` | ``S. …``,
    or ``the U.S.`` | `` National Security Agency``."""
    if _LETTER_END.search(piece) and _LETTER_OPEN.match(following):
        return True
    if "." not in piece[-6:] or _COUNTRY_END.search(piece) is None:
        return False
    m = _NEXT_WORD.match(piece[len(piece.rstrip()) :] + following)
    return m is not None and m.group(1) in _HEADS
