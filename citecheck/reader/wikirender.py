"""What a wikitext template shows (see :mod:`.wikitext`): a citation template's entry,
a short citation's author-year callout; and the canvas the article is written on.

The fields read are those of the English Wikipedia's Citation Style 1 templates
(https://en.wikipedia.org/wiki/Help:Citation_Style_1: ``last``/``first``, ``author``,
``last2``…, ``year``/``date``, ``title``, ``work``/``website``/``journal``/``newspaper``,
``publisher``, ``url``) and of ``{{sfn}}`` and the Harvard templates
(https://en.wikipedia.org/wiki/Template:Sfn: surnames, then the year, then ``p``, ``pp``
or ``loc``).
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

_YEAR = lazy(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?:[a-z])?(?!\d)")
_NESTED = lazy(r"\{\{[^{}]*\}\}")
_LINK = lazy(r"\[\[(?:[^\[\]|]*\|)?([^\[\]]*)\]\]")
_EXTERNAL = lazy(r"\[(?:https?:)?//\S+\s*([^\]]*)\]")
_QUOTES = lazy(r"'{2,5}")
SHORT = frozenset({"sfn", "sfnp", "sfnm", "harv", "harvnb", "harvp", "harvtxt", "harvcoltxt"})
_WORK = ("work", "website", "journal", "newspaper", "magazine", "periodical", "encyclopedia")


class Canvas:
    """The article as read, at the source's offsets, and what of it is masked."""

    def __init__(self, text: str) -> None:
        self.out = list(text)
        self.hidden = [False] * len(text)
        self.flat: list[tuple[int, int]] = []

    def keep(self, start: int, end: int) -> None:
        """Leave ``[start, end)`` as written (prose)."""

    def restore(self, start: int, end: int, text: str) -> None:
        """Write ``text[start:end]`` back over ``[start, end)`` (a part of a template
        written over as a whole that is read after all: a note inside an infobox)."""
        self.out[start:end] = list(text[start:end])

    def blank(self, start: int, end: int) -> None:
        self.write(start, end, "", hide=True)

    def hide(self, start: int, end: int, inline: bool = False) -> None:
        """Mask ``[start, end)``; an ``inline`` span (a note's text inside a sentence)
        loses its line breaks in the masked copy too, so that the sentence runs on."""
        self.hidden[start:end] = [True] * (end - start)
        if inline:
            self.flat.append((start, end))

    def write(self, start: int, end: int, value: str, hide: bool) -> None:
        """Blank ``[start, end)`` but its line breaks and write ``value`` over it from the
        start, a word that does not fit before a line break carried over it, cut where
        it runs out of room."""
        lines: list[tuple[int, int]] = []
        at = start
        for i in range(start, end + 1):
            if i == end or self.out[i] == "\n":
                lines.append((at, i))
                at = i + 1
        for s, e in lines:
            self.out[s:e] = [" "] * (e - s)
        li, pos = 0, start
        for word in value.split(" "):
            while li < len(lines) and pos + len(word) > lines[li][1]:
                li += 1  # a later line of the span may have the room
                pos = lines[li][0] if li < len(lines) else end
            if li == len(lines):
                break
            self.out[pos : pos + len(word)] = list(word)
            pos += len(word) + 1
        if hide:
            self.hide(start, end)

    def result(self) -> tuple[str, str]:
        out = "".join(self.out)
        cells = [" " if h and c != "\n" else c for c, h in zip(out, self.hidden, strict=True)]
        for s, e in self.flat:
            cells[s:e] = [" "] * (e - s)
        return out, "".join(cells)


def close_of(text: str, start: int, opener: str, closer: str) -> int:
    """Where the construct opened at ``start`` ends (after its closer), nesting counted;
    the text's end when it is not closed."""
    depth, pos = 0, start
    while True:
        o = text.find(opener, pos)
        c = text.find(closer, pos)
        if c < 0:
            return len(text)
        if 0 <= o < c:
            depth, pos = depth + 1, o + len(opener)
            continue
        depth, pos = depth - 1, c + len(closer)
        if depth <= 0:
            return pos


def _plain(value: str) -> str:
    """A parameter's value as shown: nested templates dropped, links by their label."""
    while _NESTED.search(value):
        value = _NESTED.sub("", value)
    value = _LINK.sub(r"\1", value)
    value = _EXTERNAL.sub(r"\1", value)
    return " ".join(_QUOTES.sub("", value).split())


def param_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of a template's parts in ``text[start:end]`` (its inside, ``{{`` and ``}}``
    cut off): its name, then each parameter, split at the ``|`` of this template only (not
    at those of templates or links nested in it). Always one span at least."""
    spans: list[tuple[int, int]] = []
    depth, last = 0, start
    for m in _SEPARATOR.finditer(text, start, end):
        tok = m.group()
        if tok in ("{{", "[["):
            depth += 1
        elif tok in ("}}", "]]"):
            depth -= 1
        elif depth == 0:
            spans.append((last, m.start()))
            last = m.end()
    spans.append((last, end))
    return spans


_SEPARATOR = lazy(r"\{\{|\}\}|\[\[|\]\]|\|")


def params(inner: str) -> tuple[str, dict[str, str]]:
    """A template's name (lower case) and its parameters: named ones by name, positional
    ones by their number (``"1"``, ``"2"``…), split at the ``|`` of this template only."""
    parts = [inner[s:e] for s, e in param_spans(inner, 0, len(inner))]
    name = " ".join(parts[0].split()).lower().replace("_", " ")
    args: dict[str, str] = {}
    n = 0
    for part in parts[1:]:
        key, eq, value = part.partition("=")
        if eq and re.fullmatch(r"\s*[\w -]+\s*", key):
            args[key.strip().lower()] = _plain(value)
        else:
            n += 1
            args[str(n)] = _plain(part)
    return name, args


def render(name: str, args: dict[str, str]) -> str:
    """What a template shows: an entry, a callout, a value, or nothing."""
    if name.startswith("cite ") or name in ("citation", "cite"):
        return _entry(args)
    if name in SHORT:
        return _callout(name, args)
    if name == "convert" and "1" in args:
        return f"{args['1']} {args.get('2', '')}".strip()
    if name == "lang" or name.startswith("lang-"):
        return args.get(str(max((int(k) for k in args if k.isdigit()), default=0)), "")
    return ""


def _authors(args: dict[str, str]) -> list[str]:
    names = []
    for i in ("", "1", "2", "3", "4", "5"):
        last = args.get(f"last{i}") or args.get(f"surname{i}")
        first = args.get(f"first{i}") or args.get(f"given{i}")
        if last:
            names.append(f"{last}, {first}" if first else last)
        elif author := args.get(f"author{i}"):
            names.append(author)
    return names


def _entry(args: dict[str, str]) -> str:
    """A citation template as its entry: ``Jones, K. (2004). "Title". URL Work. Publisher.
    p. 4.``"""
    parts = []
    names = _authors(args)
    year = _YEAR.search(args.get("year") or args.get("date") or "")
    head = "; ".join(names)
    if year:
        head = f"{head} ({year.group()})." if head else f"({year.group()})."
    elif head:
        head += "."
    parts.append(head)
    if title := args.get("title") or args.get("chapter"):
        parts.append(f'"{title}".')
    if url := args.get("url"):  # early: a template over several lines keeps room for it
        parts.append(url)
    if work := next((args[f] for f in _WORK if args.get(f)), None):
        parts.append(f"{work}.")
    if (publisher := args.get("publisher")) and publisher != work:
        parts.append(f"{publisher}.")
    if page := args.get("page") or args.get("p"):
        parts.append(f"p. {page}.")
    elif pages := args.get("pages") or args.get("pp"):
        parts.append(f"pp. {pages}.")
    return " ".join(p for p in parts if p)


def _callout(name: str, args: dict[str, str]) -> str:
    """A short citation as its author-year callout: ``(Smith & Jones 2004, p. 45)``."""
    positional = [args[k] for k in sorted((k for k in args if k.isdigit()), key=int)]
    names: list[str] = []
    year = ""
    for value in positional:
        if _YEAR.fullmatch(value.strip()):
            year = value.strip()
            break
        names.append(value)
    if not names or not year:
        return ""
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " & " + names[-1]
    if len(names) > 3:
        who = f"{names[0]} et al."
    where = args.get("p") or args.get("page")
    pages = args.get("pp") or args.get("pages")
    loc = f"p. {where}" if where else (f"pp. {pages}" if pages else args.get("loc", ""))
    tail = f", {loc}" if loc else ""
    if name in ("harvtxt", "harvcoltxt"):
        return f"{who} ({year}{tail})"
    return f"({who}, {year}{tail})"
