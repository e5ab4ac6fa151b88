"""Brackets of code written as prose: a list literal, a call's index, a regex's class.

A thesis written in Word often pastes its program listings as ordinary paragraphs: no
code style, no fence, the lines run together. Their brackets then stand in the text as
citations would, and ``[0]`` reads as a citation numbered from zero. Three shapes of code
are no citation in any style:

- an index of what a call or an index gives (``grid.rows()[0]``,
  ``rows[1][0]``): a bracket glued to ``)`` or ``]`` that holds index zero;
- a list literal repeated (``return [0] * 16``, ``out.extend([0] * (16 - n))``): a bracket
  after which ``*`` between spaces and a number or ``(`` follow, or ``*`` glued to a
  number: Python's sequence repetition (The Python Language Reference, 6.7 "Binary
  arithmetic operations");
- a character class of a regular expression (``(?=.*[0-9])``, ``^[0-9]{4}$``): a bracket
  opened right after ``.*``, ``.+``, ``(?=``, ``(?!``, ``(?:`` or ``(^``, or followed by
  a counted repetition ``{n}`` or ``{n,m}`` (POSIX.1-2017, 9.3.6 and 9.4.6).

No citation numbers a source zero, so ``[0]`` after ``)`` or ``]`` is an index whatever
surrounds it; a callout after a closing bracket (``(Doe 2019)[3]``) holds a number from one
and is left to the reader of numbers. A callout followed by Markdown's emphasis
(``[2] *(see also)*``) has no space after its ``*`` and is no repetition.
"""

from __future__ import annotations

from citecheck.text.recache import lazy

__all__ = ["code_bracket"]

# ``[0] * 32``, ``[0]*(n - k)``; not ``[2] *(see also)*``, Markdown's emphasis after a callout.
_REPEATED = lazy(r"[ \t]+\*[ \t]+[\d(]|\*\d|\*\(\d")
# Markdown may read the ``*`` of ``(?=.*[0-9])`` as emphasis and blank it: ``(?=. [0-9])``.
_CLASS_BEFORE = lazy(r"(?:\.[*+]\??|\(\?<?[=!:](?:\.[*+ ]\??)?|\(\^)$")
_COUNTED = lazy(r"\{\d+(?:,\d*)?\}")


def code_bracket(text: str, start: int, end: int) -> bool:
    """Whether the bracket ``text[start:end]`` (``[`` to ``]``) is code: an index of a
    call's or an index's result that holds zero, a list literal repeated by ``*``, or a
    regular expression's character class (see the module's docstring)."""
    before = text[start - 1] if start > 0 else ""
    if before in (")", "]") and text[start + 1 : end - 1].strip() == "0":
        return True
    if _REPEATED.match(text, end, min(len(text), end + 8)):
        return True
    if _CLASS_BEFORE.search(text, max(0, start - 8), start):
        return True
    return _COUNTED.match(text, end, min(len(text), end + 12)) is not None
