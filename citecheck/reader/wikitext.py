"""MediaWiki's wikitext, the source of a Wikipedia article (a dump, an export, a page's
"edit source" saved as text): its notes, its citation templates and its prose.

A plain text is wikitext when it has, in its first 64 KiB, a ``<ref>``, a note template
(``{{הערה|…}}``, ``{{refn|…}}``, see :mod:`.wikinotetpl`) or a citation
template (``{{cite …}}``, ``{{sfn|…}}``, ``{{harvnb|…}}``) and at least two other signs
of it (``== Heading ==`` lines, ``[[links]]``, ``'''bold'''``, ``{{reflist}}``). The text
is what a reader of the article sees, written at the source's offsets (markup blank,
line breaks kept), as the HTML reader writes it:

- ``<ref>…</ref>`` and ``<ref name="x">…</ref>`` are notes written where they are called:
  each is a ``FOOTNOTE`` block over its text (labelled ``^x``, or ``^N`` for the N-th
  unnamed one, as the article numbers them), its call a link use written ``[N]`` where the
  tag stands; ``<ref name="x" />`` calls note ``x`` again. The note's text is masked: it
  is not part of the sentence that calls it. A note template (Hebrew Wikipedia's
  ``{{הערה|…}}``) is read the same way (:mod:`.wikinotetpl`).
- A citation template (``{{cite web|…}}``, ``{{cite book|…}}``, ``{{citation|…}}``) is
  written as the entry it renders: authors, year, title, work, publisher, address.
- A short citation (``{{sfn|Jones|2004|p=45}}``, ``{{harvnb|…}}``, ``{{sfnp|…}}``) is
  written as the author-year callout it stands for, ``(Jones 2004, p. 45)``, which cites
  the entry of the article's list of sources (``* {{cite book|last=Jones|…|year=2004}}``).
- ``{{citation needed}}`` and its kin stay as written (a placeholder); other templates
  (infoboxes, ``{{reflist}}``, hatnotes, explanatory notes), tables, comments,
  categories, files and interlanguage links are blank, but for the ``<ref>`` tags inside
  a template (an infobox's sourced values, ``{{efn|…<ref>…</ref>}}``), which are read as
  anywhere else; ``[[target|label]]`` shows its label, ``[url label]``
  its label (an inline link).

Blocks: ``== Heading ==`` lines are headings (level: the number of ``=``), ``*``/``#``
lines list items, a template's ``|parameter`` line a cell of its own (an infobox's value
with its notes' calls), other lines paragraphs (a blank line ends one): :mod:`.wikiblocks`.
Whether a text is wikitext: :mod:`.wikisigns`.
"""

from __future__ import annotations

import html
import re

from citecheck.model import Block, BlockKind
from citecheck.text.recache import lazy

from . import Layout
from .wikiblocks import wiki_blocks
from .wikilinklines import HIDDEN_NAMESPACE
from .wikinotetpl import NOTE_TEMPLATES, note_parts, shown_values
from .wikirender import SHORT, Canvas, close_of, params, render
from .wikisigns import is_wikitext

__all__ = ["is_wikitext", "read_wikitext"]

_TOKEN = lazy(
    r"<!--.*?(?:-->|\Z)|<ref\b[^>]*?/>|<ref\b[^>]*>|</ref\s*>|<references\b[^>]*?/?>"
    r"|</?[A-Za-z][\w-]*(?:\s[^<>]*?)?/?>|\{\{|\[\[|\{\||'{2,5}|\[(?:https?:)?//[^\s\]]+"
    r"|__[A-Z]+__|&#?\w{2,8};",
    re.S,
)
_REF_TAG = lazy(r"<ref\b[^<>]*?/>|<ref\b[^<>]*>")
# A ``<ref>`` tag or a note template's opening (see :mod:`.wikinotetpl`) inside a template.
_NOTE_OPEN = lazy(r"<ref\b[^<>]*?/>|<ref\b[^<>]*>|\{\{\s*(?:הערה|[Rr]efn|[Rr]efnest)\s*(?=[|}])")
_NAME = lazy(r"""\bname\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s/>]+))""")
_PLACEHOLDER = lazy(
    r"^\s*(?:citation needed|cn|fact|cite needed|when|who|better source needed)\s*(?:\||$)", re.I
)


class _Reader:
    def __init__(self, text: str) -> None:
        self.source = text
        self.canvas = Canvas(text)
        self.notes: list[Block] = []
        self.inline: list[tuple[int, int, str]] = []
        self.named: dict[str, int] = {}  # note name (or short citation) → its number
        self.count = 0
        self.in_note = False
        self.defined: set[int] = set()  # notes whose text has been read

    def run(self) -> Layout:
        text, canvas = self.source, self.canvas
        pos = 0
        while (m := _TOKEN.search(text, pos)) is not None:
            canvas.keep(pos, m.start())
            pos = self._token(m.group(), m.start(), m.end())
        canvas.keep(pos, len(text))
        out, masked = canvas.result()
        blocks = wiki_blocks(self.source, out) + self.notes
        blocks.sort(key=lambda b: (b.start, -b.end))
        layout = Layout(out, masked, blocks, [], sorted(self.inline), wiki=True)
        layout.notes_inline = True
        return layout

    def _token(self, token: str, start: int, end: int) -> int:
        """Read one token; return where reading goes on."""
        canvas, text = self.canvas, self.source
        if token.startswith("<ref") and not token.startswith("<references"):
            number = self._note(token)
            canvas.write(start, end, f"[{number}]", hide=False)
            if token.endswith("/>"):
                return end
            close = text.find("</ref", end)
            close = len(text) if close < 0 else close
            self._inside(end, close)
            canvas.hide(end, close, inline=True)
            if number not in self.defined:  # a note called before it is written is not new
                self.defined.add(number)
                self.notes.append(Block(BlockKind.FOOTNOTE, end, close, end, label=str(number)))
            return close
        if token == "{{":
            return self._template(start)
        if token == "[[":
            close = close_of(text, start, "[[", "]]")
            inner = text[start + 2 : close - 2]
            if HIDDEN_NAMESPACE.match(inner):
                canvas.blank(start, close)
            else:
                label = inner.rsplit("|", 1)[-1] if "|" in inner else inner
                canvas.write(start, close, label, hide=False)
            return close
        if token == "{|":
            close = close_of(text, start, "{|", "|}")
            canvas.blank(start, close)
            return close
        if token.startswith(("[//", "[http")):
            close = text.find("]", end)
            close = end if close < 0 or "\n" in text[end:close] else close + 1
            label = text[end:close].strip(" ]")
            if self.in_note:  # a note's source: its address is part of the entry
                canvas.write(start, close, f"{label} {token[1:]}".strip(), hide=False)
                return close
            canvas.write(start, close, label, hide=False)
            self.inline.append((start, close, token[1:]))
            return close
        if token.startswith("&"):
            value = html.unescape(token)
            canvas.write(start, end, " " if value == "\u00a0" else value, hide=value == token)
            return end
        canvas.blank(start, end)
        return end

    def _template(self, start: int) -> int:
        """Read the template opened at ``start``; return where it ends."""
        canvas, text = self.canvas, self.source
        close = close_of(text, start, "{{", "}}")
        name, args = params(text[start + 2 : close - 2])
        if _PLACEHOLDER.match(text[start + 2 : close - 2]):
            canvas.keep(start, close)
        elif name in SHORT:
            self._short(start, close, name, args)
        elif name in NOTE_TEMPLATES and not self.in_note:
            self._note_template(start, close)
        else:
            shown = render(name, args)
            if self.in_note and not shown:  # a local citation template in a note
                shown = shown_values(args)
            canvas.write(start, close, shown, hide=False)
            inner = text[start + 2 : close]
            if not self.in_note and ("<ref" in inner or "{{" in inner):
                self._template_refs(start + 2, close - 2)
        return close

    def _template_refs(self, start: int, end: int) -> None:
        """The ``<ref>`` tags inside a template that shows no prose (an infobox's values,
        an explanatory note's ``{{efn|…}}``, ``{{注|…}}``): each is read as anywhere else,
        its call written where it stands and its note defined, so that the named notes
        it defines are found when the text calls them again."""
        text, pos = self.source, start
        while (m := _NOTE_OPEN.search(text, pos, end)) is not None:
            token, s, e = m.group(), m.start(), m.end()
            if token.startswith("{{"):
                close = min(close_of(text, s, "{{", "}}"), end)
                self.canvas.restore(s, close, text)
                self._note_template(s, close)
                pos = close
                continue
            number = self._note(token)
            self.canvas.write(s, e, f"[{number}]", hide=False)
            pos = e
            if token.endswith("/>"):
                continue
            close = text.find("</ref", e, end)
            close = end if close < 0 else close
            self.canvas.restore(e, close, text)
            self._inside(e, close)
            self.canvas.hide(e, close, inline=True)
            if number not in self.defined:
                self.defined.add(number)
                self.notes.append(Block(BlockKind.FOOTNOTE, e, close, e, label=str(number)))
            pos = close

    def _note_template(self, start: int, end: int) -> None:
        """A note template (``{{הערה|…}}``, see :mod:`.wikinotetpl`) at ``[start, end)``:
        its call written ``[N]`` over its opening, its text read as a ``<ref>``'s."""
        name, body = note_parts(self.source, start, end)
        number = self._number(name)
        if body is None or body[0] - start < len(f"[{number}]"):
            self.canvas.write(start, end, f"[{number}]", hide=False)
            return
        s, e = body
        self.canvas.write(start, s, f"[{number}]", hide=False)
        self._inside(s, e)
        self.canvas.hide(s, e, inline=True)
        self.canvas.write(e, end, "", hide=True)
        self.canvas.hide(e, end, inline=True)
        if number not in self.defined:
            self.defined.add(number)
            self.notes.append(Block(BlockKind.FOOTNOTE, s, e, s, label=str(number)))

    def _note(self, token: str) -> int:
        """The number of the note a ``<ref>`` tag opens or calls."""
        m = _NAME.search(token)
        name = next((g.strip() for g in m.groups() if g is not None), None) if m else None
        return self._number(name)

    def _number(self, name: str | None) -> int:
        """The number of the note named ``name`` (a new one when unnamed or new)."""
        if name is not None and name in self.named:
            return self.named[name]
        self.count += 1
        self.named["\0" + str(self.count) if name is None else name] = self.count
        return self.count

    def _short(self, start: int, end: int, name: str, args: dict[str, str]) -> None:
        """A short citation: a note of its own (``[3] Jones 2004, p. 45.``), as the article
        shows it; the same short citation again calls the same note."""
        callout = render(name, args).strip("()")
        if not callout:
            self.canvas.blank(start, end)
            return
        key = "\1" + callout
        new = key not in self.named
        if new:
            self.count += 1
            self.named[key] = self.count
        number = f"[{self.named[key]}]"
        if not new:
            self.canvas.write(start, end, number, hide=False)
            return
        body = callout.replace(",", "", 1) + "."
        self.canvas.write(start, end, f"{number} {body}", hide=False)
        s = start + len(number) + 1
        e = min(s + len(body), end)
        self.canvas.hide(s, end)
        self.notes.append(Block(BlockKind.FOOTNOTE, s, e, s, label=str(self.named[key])))

    def _inside(self, start: int, end: int) -> None:
        """Write a note's text: its templates and links, as anywhere else."""
        pos = start
        self.in_note = True
        while (m := _TOKEN.search(self.source, pos, end)) is not None:
            self.canvas.keep(pos, m.start())
            if m.group().startswith("<ref"):
                self.canvas.blank(m.start(), m.end())
                pos = m.end()
                continue
            pos = min(self._token(m.group(), m.start(), m.end()), end)
        self.canvas.keep(pos, end)
        self.in_note = False


def read_wikitext(text: str) -> Layout:
    """Read a wikitext article (see the module's docstring) into a :class:`Layout`."""
    return _Reader(text).run()
