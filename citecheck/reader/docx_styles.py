"""What a Word style says a paragraph or run is: heading, title, list, code, caption,
front matter or bibliography entry.

A style is known by its name and the names of the styles it is based on, nearest first
(``Source Code`` based on ``Normal``); its own name decides before its base's. A style
whose font is monospace (Courier, Consolas, … Mono) marks code too, as does a character
style for code (``Verbatim Char``, ``HTML Code``, pandoc's ``KeywordTok``).
"""

from __future__ import annotations

import re
from typing import Any

from citecheck.text.recache import lazy

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING = lazy(r"^heading\s*([1-9])$")
_ROLES = (
    ("title", lazy(r"^(?:title|subtitle)$")),
    ("code", lazy(r"source\s*code|\bcode\b|preformatted|verbatim|macro text")),
    ("caption", lazy(r"caption|^figure$|^table\s*(?:title|note)$")),
    ("front", lazy(r"^(?:author|authors|date|affiliation|abstract|keywords|author\s*note)")),
    ("bib", lazy(r"^bibliography$")),
    ("list", lazy(r"^list")),
)
_CODE_CHARS = lazy(
    r"verbatim|\bcode\b|preformatted|tok$|^html\s+(?:keyboard|typewriter|sample|variable)"
)
MONO = lazy(
    r"courier|consolas|mono|menlo|monaco|lucida (?:console|sans typewriter)|source code"
    r"|fira code|inconsolata|andale|fixedsys",
    re.I,
)
"""Names of monospace fonts."""


class Styles:
    """The styles of one document, looked up by id."""

    def __init__(self, root: Any | None) -> None:
        self.by_id: dict[str, Any] = {}
        self.default: str | None = None
        self._roles: dict[str | None, str] = {}
        self._code_chars: dict[str, bool] = {}
        for style in root.iterchildren(_W + "style") if root is not None else ():
            ident = style.get(_W + "styleId") or ""
            self.by_id[ident] = style
            if style.get(_W + "default") in ("1", "true") and style.get(_W + "type") == "paragraph":
                self.default = ident
        # A manuscript typed in Courier throughout is prose: a monospace font marks code only
        # when the body text is in another font.
        base = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr") if root is not None else None
        normal = self.by_id.get(self.default or "")
        self.mono_body = mono(normal) or (base is not None and mono(base, ""))

    def chain(self, ident: str | None) -> list[Any]:
        """The style and those it is based on, nearest first (at most 10)."""
        out: list[Any] = []
        style = self.by_id.get(ident or self.default or "")
        while style is not None and len(out) < 10 and style not in out:
            out.append(style)
            based = style.find(_W + "basedOn")
            style = self.by_id.get(based.get(_W + "val") or "") if based is not None else None
        return out

    def role(self, ident: str | None) -> str:
        """``h1``…``h9``, ``title``, ``code``, ``caption``, ``front``, ``bib``, ``list`` or
        ``""`` for a paragraph style."""
        if ident not in self._roles:
            self._roles[ident] = self._role(ident)
        return self._roles[ident]

    def _role(self, ident: str | None) -> str:
        for style in self.chain(ident):
            name = _name(style)
            if m := _HEADING.match(name):
                return "h" + m.group(1)
            # A style of its own that outlines ("Heading 11", a template's copy of
            # Heading 1, with outline level 0).
            level = style.find(f"{_W}pPr/{_W}outlineLvl")
            val = level.get(_W + "val") or "" if level is not None else ""
            if val.isdigit() and int(val) < 9:
                return "h" + str(int(val) + 1)
            for role, pattern in _ROLES:
                if pattern.search(name):
                    return role
            if not self.mono_body and mono(style):
                return "code"
        return ""

    def numbered(self, ident: str | None) -> tuple[str, int] | None:
        """The list instance and level a paragraph style numbers its paragraphs with."""
        for style in self.chain(ident):
            num = style.find(f"{_W}pPr/{_W}numPr")
            if num is not None:
                num_id = num.find(_W + "numId")
                ilvl = num.find(_W + "ilvl")
                if num_id is None:
                    return None
                level = ilvl.get(_W + "val") if ilvl is not None else "0"
                return num_id.get(_W + "val") or "0", int(level) if level.isdigit() else 0
        return None

    def code_chars(self, ident: str) -> bool:
        """Whether a character style marks code."""
        if ident not in self._code_chars:
            self._code_chars[ident] = any(
                _CODE_CHARS.search(_name(s)) or (not self.mono_body and mono(s))
                for s in self.chain(ident)
            )
        return self._code_chars[ident]


def _name(style: Any) -> str:
    name = style.find(_W + "name")
    return " ".join((name.get(_W + "val") or "").lower().split()) if name is not None else ""


def mono(style: Any | None, path: str = f"{_W}rPr/") -> bool:
    """Whether a style (or run properties, ``path`` empty) sets a monospace font."""
    fonts = style.find(f"{path}{_W}rFonts") if style is not None else None
    return fonts is not None and bool(MONO.search(fonts.get(_W + "ascii") or ""))
