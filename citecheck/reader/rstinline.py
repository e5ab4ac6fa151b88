"""reStructuredText inline markup, and the numbering of its footnotes.

Inside a paragraph, what is not prose is blanked in the masked copy: inline literals
(````code````), interpreted text with a role (``:pep:`8```, ``:math:`x```), substitution
references (``|name|``), the URI of an embedded link (`` `text <url>`_ ``, which is
recorded as an inline link) and the underscores of a named reference (``name_``,
`` `two words`_ ``).

A footnote reference is written where the masked copy can be read as the marker the
rendered page shows (Docutils' rules, docs/ref/rst/restructuredtext.html#footnotes):

- ``[3]_`` is note 3, read as ``[3]``;
- ``[#]_`` and ``[#name]_`` are auto-numbered: the auto-numbered notes take, in the order
  they are defined, the lowest numbers no manually numbered note takes; ``[#]_`` calls the
  anonymous ones in order, ``[#name]_`` the one labelled so; read as ``[4]`` (a number too
  long for the characters of the call is left unread);
- ``[*]_`` calls the auto-symbol notes in order, ``*``, ``†``, ``‡``, ``§``: read as
  ``[^*]`` and so on (the fifth and later are left unread);
- ``[CIT2002]_`` is a citation, read as ``[CIT2002]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citecheck.model import Block
from citecheck.text.recache import lazy

_NOT_NEWLINE = lazy(r"[^\n]")
_SYMBOLS = "*†‡§"
_CITATION = lazy(r"[A-Za-z_][\w.:+-]*\Z")
_INLINE = lazy(
    r"(?P<literal>``(?:[^`]|`(?!`))+``)"
    r"|(?P<role>:[\w:+.-]+:`[^`]*`|`[^`]+`:[\w:+.-]+:)"
    r"|(?P<embedded>`(?P<etext>[^`<]*?)\s*<(?P<url>[^<>`]+)>`__?)"
    r"|(?P<named>`[^`]+`__?)"
    r"|(?P<note>\[(?P<label>#[\w.-]*|\*|\d{1,4}|[A-Za-z_][\w.:+-]*)\]_)"
    r"|(?P<sub>\|[^|\s](?:[^|\n]*[^|\s])?\|_{0,2})"
    r"|(?<=\w)(?P<under>__?)(?=[\s.,;:!?)\]'\"]|\Z)"
)


def _blank(s: str) -> str:
    return _NOT_NEWLINE.sub(" ", s)


@dataclass(slots=True)
class Notes:
    """The footnote and citation targets of a document, numbered as Docutils numbers them."""

    targets: list[tuple[str, Block]] = field(default_factory=list)
    numbers: dict[str, int] = field(default_factory=dict)  # "#name" → its number
    anonymous: list[int] = field(default_factory=list)
    symbols: int = 0
    _calls: dict[str, int] = field(default_factory=lambda: {"#": 0, "*": 0})

    def define(self, label: str, block: Block) -> bool:
        """Record a target ``.. [label]`` read into ``block``; False when the label is
        none of a footnote's or citation's (the block is then no note)."""
        auto = label.isdigit() or label.startswith("#") or label == "*"
        if not auto and not _CITATION.match(label):
            return False
        self.targets.append((label, block))
        return True

    def resolve(self) -> None:
        """Give each target its block's label, the key its calls are read with."""
        manual = {int(label) for label, _ in self.targets if label.isdigit()}
        auto = 0
        for label, block in self.targets:
            if label.isdigit():
                block.label = str(int(label))
            elif label.startswith("#"):
                auto += 1
                while auto in manual:
                    auto += 1
                block.label = str(auto)
                if label == "#":
                    self.anonymous.append(auto)
                else:
                    self.numbers.setdefault(label, auto)
            elif label == "*":
                self.symbols += 1
                symbol = self.symbols - 1
                block.label = "^" + _SYMBOLS[symbol] if symbol < len(_SYMBOLS) else None
            else:
                block.label = label

    def call(self, label: str) -> str | None:
        """The marker a call ``[label]_`` is read as, in document order (None: unread)."""
        if label.isdigit():
            return f"[{int(label)}]"
        if label in ("#", "*"):
            n = self._calls[label]
            self._calls[label] = n + 1
            if label == "#":
                return f"[{self.anonymous[n]}]" if n < len(self.anonymous) else None
            return f"[^{_SYMBOLS[n]}]" if n < min(self.symbols, len(_SYMBOLS)) else None
        if label.startswith("#"):
            number = self.numbers.get(label)
            return f"[{number}]" if number is not None else None
        return f"[{label}]"


class Masked(str):
    """The masked text, with the inline links read from it (start, end, destination)."""

    links: list[tuple[int, int, str]]


def mask_inline(text: str, spans: list[tuple[int, int]], notes: Notes) -> Masked:
    """The masked copy of ``text``: blank but for the prose ``spans``, each with its inline
    markup masked (see the module); its ``links`` are the embedded links found."""
    notes.resolve()
    parts: list[str] = []
    links: list[tuple[int, int, str]] = []
    pos = 0
    for s, e in sorted(spans):
        if s < pos:
            continue
        parts.append(_blank(text[pos:s]))
        parts.append(_prose(text, s, e, notes, links))
        pos = e
    parts.append(_blank(text[pos:]))
    masked = Masked("".join(parts))
    masked.links = links
    return masked


def _prose(text: str, s: int, e: int, notes: Notes, links: list[tuple[int, int, str]]) -> str:
    def one(m: re.Match[str]) -> str:
        raw = m.group()
        if m.group("embedded"):
            links.append((s + m.start(), s + m.end(), m.group("url").strip()))
            shown = m.group("etext")
            return " " + shown + _blank(raw[1 + len(shown) :])
        if m.group("named"):
            inner = raw.strip("`_")
            return " " + inner + " " * (len(raw) - len(inner) - 1)
        if m.group("note"):
            key = notes.call(m.group("label"))
            if key is None or len(key) > len(raw):
                return _blank(raw)
            return key + " " * (len(raw) - len(key))
        return _blank(raw)

    return _INLINE.sub(one, text[s:e])
