"""Note templates of wikitext: a template that wraps a note's text, as ``<ref>`` does.

Some editions of Wikipedia write a note with a template rather than the ``<ref>`` tag:
Hebrew Wikipedia's ``{{הערה|text}}`` (https://he.wikipedia.org/wiki/תבנית:הערה) and the
English ``{{refn|text}}`` and Japanese ``{{Refnest|text}}`` (a note that may hold other
notes). The template expands to ``<ref>`` with the same text, so its note is numbered with
the ``<ref>`` notes, listed where ``<references />`` stands, and called where the template
stands: ``{{הערה|שם=x|text}}`` names it (``שם`` is Hebrew for ``name``) and
``{{הערה|שם=x}}`` calls it again. Explanatory notes (``{{efn}}``, Hebrew ``{{ביאור}}``),
which go to a list of their own and cite nothing, are not read here.

Inside a note a source is often written with a local citation template whose parameters
are not Citation Style 1's (Hebrew ``{{ynet|author|title|path|date}}``,
``{{קישור כללי|כתובת=…|כותרת=…}}``); :func:`shown_values` gives what such a template shows
closely enough to read it as an entry: its values in order.
"""

from __future__ import annotations

import re

from citecheck.reader.wikirender import param_spans
from citecheck.text.recache import lazy

NOTE_TEMPLATES = frozenset({"הערה", "refn", "refnest"})
"""Names (lower case) of the templates that expand to a ``<ref>`` note with their text."""

_NAME_KEYS = ("name", "שם")
_KEY = lazy(r"\s*([\w -]+?)\s*=")


def note_parts(text: str, start: int, end: int) -> tuple[str | None, tuple[int, int] | None]:
    """The name and the text's span of the note template ``text[start:end]`` (``{{`` to
    ``}}``): the value of its ``name`` (or ``שם``) parameter, or None, and the span of its
    first positional (or ``1=``) parameter, or None when it has no text (a call of a named
    note)."""
    spans = param_spans(text, start + 2, end - 2)
    name: str | None = None
    body: tuple[int, int] | None = None
    for s, e in spans[1:]:
        key = _KEY.match(text, s, e)
        if key is not None and key.group(1).lower() in _NAME_KEYS:
            name = " ".join(text[key.end() : e].split()).strip("\"'") or None
        elif key is not None and key.group(1) == "1":
            body = body or (key.end(), e)
        elif key is None and body is None and text[s:e].strip():
            body = (s, e)
    return name, body


def shown_values(args: dict[str, str]) -> str:
    """What a citation template the reader does not know shows inside a note: the values
    of its parameters in order (positional first), each closed by a full stop (the room
    the template's markup leaves, so that it fits where the template stands)."""
    positional = sorted((k for k in args if k.isdigit()), key=int)
    named = [k for k in args if not k.isdigit()]
    values = (args[k].strip() for k in [*positional, *named])
    return " ".join(v if v.endswith(".") else v + "." for v in values if v and _shown(v))


def _shown(value: str) -> bool:
    """Whether a parameter's value is text a reader sees (not a flag or a code)."""
    return len(value) > 1 and not re.fullmatch(r"[+\-\d]{1,3}|כן|לא|yes|no", value, re.I)
