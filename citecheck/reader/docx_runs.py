"""A Word paragraph's text as a reader sees it: runs, tabs, breaks, note references, field
results and equations.

A field (``CITATION``, ``ADDIN ZOTERO_ITEM CSL_CITATION {json}``, ``BIBLIOGRAPHY``) shows
its result; its instruction is never text, but it is remembered, since a bibliography
field's result may run over many paragraphs. Code (a run in a code character style or a
monospace font) and equations (OMML ``m:oMath``, written as their text) are set between
:data:`CODE` characters, which the reader turns into a masked code span.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from citecheck.reader.docx_styles import MONO, Styles
from citecheck.text.recache import lazy

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = frozenset({_W + "delText", _W + "footnoteRef", _W + "endnoteRef", _W + "rPr"})
_PRUNE = frozenset({_W + "del", _W + "txbxContent", _W + "moveFrom", _W + "pPr", _MC_FALLBACK})
_BIBLIOGRAPHY = lazy(r"\bBIBLIOGRAPHY\b|ZOTERO_BIBL|CSL_BIBLIOGRAPHY|Mendeley Bibliography")
CODE = "\x01"
"""Opens and closes a code span or an equation in a paragraph's text."""


@dataclass(slots=True)
class Fields:
    """The fields open at this point of the document, outermost first, with their
    instructions: a field opens in one run and may close paragraphs later."""

    open: list[str] = field(default_factory=list)

    def bibliography(self) -> bool:
        """Whether the text is in a bibliography field's result."""
        return any(_BIBLIOGRAPHY.search(f) for f in self.open)


@dataclass(slots=True)
class Context:
    """What reading a paragraph needs beyond its element."""

    styles: Styles
    note_key: Callable[[str, str], str]  # (F or E, note id) -> marker key
    fields: Fields = field(default_factory=Fields)


def paragraph_text(p: Any, links: dict[str, str], ctx: Context) -> tuple[str, bool]:
    """A paragraph's text in reading order, and whether any of it is in a bibliography
    field's result. Hyperlinks in ``links`` (relationship id -> URL) are written
    ``[label](url)``."""
    out: list[str] = []
    bib = ctx.fields.bibliography()
    stack = [iter(p)]
    ends: list[tuple[int, str, int]] = []  # (depth, url or "" for a simple field, text start)
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            if ends and ends[-1][0] == len(stack):
                _, url, at = ends.pop()
                if not url:
                    ctx.fields.open.pop()
                    continue
                label = "".join(out[at:]).strip()
                if label and url not in label and CODE not in label:
                    out[at:] = [f"[{label}]({url})"]
            continue
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP or tag in _PRUNE:
            continue
        if tag == _W + "r":
            out.append(_run(el, ctx))
            bib = bib or ctx.fields.bibliography()
        elif tag in (_M + "oMath", _M + "oMathPara"):
            math = "".join(t.text or "" for t in el.iter(_M + "t"))
            out.append(f"{CODE}{math}{CODE}" if math.strip() else " ")
        else:
            if tag == _W + "hyperlink" and el.get(_R_ID) in links:
                ends.append((len(stack), links[el.get(_R_ID)], len(out)))
            elif tag == _W + "fldSimple":
                ctx.fields.open.append(el.get(_W + "instr") or "")
                bib = bib or ctx.fields.bibliography()
                ends.append((len(stack), "", len(out)))
            stack.append(iter(el))
    return "".join(out), bib


def _run(r: Any, ctx: Context) -> str:
    """One run's text; a code run's between :data:`CODE` characters."""
    out: list[str] = []
    fields = ctx.fields.open
    for el in r:  # text boxes and drawings inside a run are not its text
        tag = el.tag
        if tag == _W + "t":
            out.append(el.text or "")
        elif tag in (_W + "tab", _W + "br", _W + "cr"):
            out.append(" ")
        elif tag == _W + "noBreakHyphen":
            out.append("-")
        elif tag == _W + "fldChar":
            kind = el.get(_W + "fldCharType")
            if kind == "begin":
                fields.append("")
            elif kind == "end" and fields:
                fields.pop()
        elif tag == _W + "instrText" and fields:
            fields[-1] += el.text or ""
        elif tag in (_W + "footnoteReference", _W + "endnoteReference"):
            kind = "F" if tag == _W + "footnoteReference" else "E"
            out.append(f"[^{ctx.note_key(kind, el.get(_W + 'id') or '')}]")
    text = "".join(out)
    if text.strip() and _code_run(r, ctx.styles):
        return f"{CODE}{text}{CODE}"
    return text


def _code_run(r: Any, styles: Styles) -> bool:
    rpr = r.find(_W + "rPr")
    if rpr is None:
        return False
    style = rpr.find(_W + "rStyle")
    if style is not None and styles.code_chars(style.get(_W + "val") or ""):
        return True
    fonts = rpr.find(_W + "rFonts")
    return (
        not styles.mono_body
        and fonts is not None
        and bool(MONO.search(fonts.get(_W + "ascii") or fonts.get(_W + "hAnsi") or ""))
    )


def is_code(text: str) -> bool:
    """Whether a paragraph's text is all code spans and equations."""
    if CODE not in text:
        return False
    prose = "".join(text.split(CODE)[0::2])
    return not any(c.isalnum() for c in prose)
