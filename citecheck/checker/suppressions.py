"""Suppression comments: find them in a document and match them to what the rules found.

``<!-- citecheck: ignore RULE[,RULE] -- reason -->`` on a line of its own applies to the
next block (paragraph, list item, heading, reference); ``<!-- citecheck: disable-file
RULE[,RULE] -->`` to the whole file. Rules are named by code or name. In Markdown only real
HTML comments count (not code); in plain text the line is a directive, not prose.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from citecheck.model import Block, Document
from citecheck.text.recache import lazy
from citecheck.text.vocab import DIRECTIVE_LINE

_START = lazy(r"<!--[ \t]*citecheck[ \t]*:", re.I)
_COMMENT = lazy(r"<!--[ \t]*citecheck[ \t]*:(?P<body>.*?)-->", re.I)
_BODY = lazy(
    r"^\s*(?P<action>ignore|disable-file)\s+(?P<rules>[\w-]+(?:\s*,\s*[\w-]+)*)"
    r"\s*(?:--(?P<reason>.*))?$",
    re.I,
)
_HTML_EVENTS = frozenset({"Html", "InlineHtml"})
_BREAK = lazy(r"\r\n?|\n")
USAGE = (
    "write <!-- citecheck: ignore RULE[,RULE] -- reason --> "
    "or <!-- citecheck: disable-file RULE -->"
)


@dataclass(slots=True)
class Directive:
    """One suppression comment and what it applies to."""

    start: int
    end: int
    action: str = ""
    codes: tuple[str, ...] = ()
    target: tuple[int, int] | None = None
    problems: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)

    def covers(self, code: str, offset: int) -> bool:
        """Return whether this directive suppresses a finding of ``code`` at ``offset``."""
        if code not in self.codes or self.target is None:
            return False
        start, end = self.target
        return start <= offset < end


class _Lines:
    """Line bounds of a text, found by bisection; each line tested once as a directive."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in _BREAK.finditer(text))]
        self.tested: dict[int, bool] = {}

    def bounds(self, pos: int) -> tuple[int, int]:
        """Return (start, end) of the line holding ``pos``, without its line break."""
        k = bisect_right(self.starts, pos) - 1
        if k + 1 == len(self.starts):
            return self.starts[k], len(self.text)
        end = self.starts[k + 1]
        return self.starts[k], end - (2 if self.text.startswith("\r\n", end - 2) else 1)

    def directive(self, start: int, end: int) -> bool:
        """Whether the line is a suppression directive and nothing else."""
        if start not in self.tested:
            self.tested[start] = bool(DIRECTIVE_LINE.match(self.text[start:end]))
        return self.tested[start]


def _html_bytes(text: str) -> list[tuple[int, int]]:
    """Return the UTF-8 byte ranges of HTML in a Markdown text (not code, not prose)."""
    import pyromark

    spans = []
    for event, rng in pyromark.events_with_range(re.sub(r"\r(?!\n)", "\n", text)):
        if isinstance(event, dict) and next(iter(event)) in _HTML_EVENTS:
            spans.append((rng["start"], rng["end"]))
    return spans


def _codes(names: str, directive: Directive) -> tuple[str, ...]:
    from citecheck.checker import find_rule
    from citecheck.checker.names import rule_hint

    codes: list[str] = []
    for name in (n.strip() for n in names.split(",")):
        rule = find_rule(name)
        if rule is None:
            hint = rule_hint(name)
            directive.problems.append(f"suppression names unknown rule {name!r}{hint}")
        elif rule.CODE not in codes:
            codes.append(rule.CODE)
    return tuple(codes)


class _Html:
    """Whether a character offset of a Markdown text lies in HTML; asked in offset order."""

    def __init__(self, text: str) -> None:
        spans = sorted(_html_bytes(text))
        self.text = text
        self.starts = [s for s, _ in spans]
        self.reach: list[int] = []  # the furthest end of the spans starting up to here
        for _, e in spans:
            self.reach.append(max(e, self.reach[-1] if self.reach else e))
        self.char = self.byte = 0

    def __contains__(self, offset: int) -> bool:
        # Byte offsets are counted on from the previous question, not from the start.
        piece = self.text[self.char : offset]
        self.byte += len(piece.encode("utf-8", "surrogatepass"))
        self.char = offset
        k = bisect_right(self.starts, self.byte) - 1
        return k >= 0 and self.reach[k] > self.byte


def find(doc: Document) -> list[Directive]:
    """Return the suppression comments of a document, each with its target span."""
    text = doc.text
    if "citecheck" not in text:
        return []
    html: _Html | None = None
    lines = _Lines(text)
    found: list[Directive] = []
    unclosed = -1  # no "-->" between here and the end of this line
    blocks: list[Block] | None = None
    starts: list[int] = []
    for m in _START.finditer(text):
        if doc.fmt == "markdown":
            html = _Html(text) if html is None else html
            if m.start() not in html:
                continue
        line_start, line_end = lines.bounds(m.start())
        if unclosed == line_end:
            continue
        comment = _COMMENT.match(text, m.start(), line_end)
        if comment is None:
            unclosed = line_end
            continue
        d = Directive(comment.start(), comment.end())
        found.append(d)
        if not lines.directive(line_start, line_end):
            d.problems.append("a suppression must stand on a line of its own, before its block")
            continue
        body = _BODY.match(comment.group("body"))
        if body is None:
            d.problems.append(f"malformed suppression; {USAGE}")
            continue
        d.action = body.group("action").lower()
        d.codes = _codes(body.group("rules"), d)
        if d.action == "disable-file":
            d.target = (0, len(text))
            continue
        if blocks is None:
            blocks = sorted(doc.blocks, key=lambda b: b.start)
            starts = [b.start for b in blocks]
        d.target = _next_block(blocks, starts, line_end)
    return found


def _next_block(blocks: list[Block], starts: list[int], after: int) -> tuple[int, int] | None:
    k = bisect_left(starts, after)
    if k == len(blocks):
        return None
    block = blocks[k]
    return block.start, max(block.end, block.start + 1)


class Cover:
    """Which suppressions cover a finding, found by bisection, not by a scan of them all.

    Directives of one code with the same target form one group, marked used once. Targets
    of ``ignore`` are blocks, which do not overlap, so a lookup walks back only over the
    targets that reach its offset: work is linear in findings plus directives.
    """

    def __init__(self, directives: list[Directive]) -> None:
        groups: dict[str, dict[tuple[int, int], list[Directive]]] = {}
        self._file: dict[str, list[Directive]] = {}
        for d in directives:
            for code in d.codes:
                if d.target is None:
                    break
                if d.action == "disable-file":
                    self._file.setdefault(code, []).append(d)
                else:
                    groups.setdefault(code, {}).setdefault(d.target, []).append(d)
        self._spans: dict[str, tuple[list[int], list[int], list[list[Directive]]]] = {}
        for code, by_target in groups.items():
            targets = sorted(by_target)
            reach: list[int] = []  # the furthest end of the targets starting up to here
            for _, end in targets:
                reach.append(max(end, reach[-1] if reach else end))
            self._spans[code] = ([s for s, _ in targets], reach, [by_target[t] for t in targets])
        self._marked: set[tuple[str, int]] = set()

    def _groups(self, code: str, offset: int) -> list[list[Directive]]:
        whole = self._file.get(code)
        found = [whole] if whole and whole[0].covers(code, offset) else []
        if code in self._spans:
            starts, reach, members = self._spans[code]
            k = bisect_right(starts, offset) - 1
            while k >= 0 and reach[k] > offset:
                if members[k][0].covers(code, offset):
                    found.append(members[k])
                k -= 1
        return found

    def hit(self, code: str, offset: int, mark: bool = True) -> bool:
        """Return whether a directive suppresses ``code`` at character ``offset``; with
        ``mark``, record the finding in the ``used`` set of every directive that does."""
        found = self._groups(code, offset)
        for group in found if mark else []:
            if (code, id(group)) not in self._marked:
                self._marked.add((code, id(group)))
                for d in group:
                    d.used.add(code)
        return bool(found)


def unused_messages(
    directives: list[Directive], ran: set[str], names: dict[str, str]
) -> list[tuple[int, int, str]]:
    """Return (start, end, message) for each suppression that suppressed nothing."""
    out: list[tuple[int, int, str]] = []
    for d in directives:
        for problem in d.problems:
            out.append((d.start, d.end, problem))
        idle = [c for c in d.codes if c in ran and c not in d.used and c in names]
        if not idle:
            continue
        rules = ", ".join(f"{names[c]} ({c})" for c in idle)
        if d.target is None:
            where = "no block follows it"
        elif d.action == "disable-file":
            where = "no such finding in this file"
        else:
            where = "no such finding in the next block"
        out.append((d.start, d.end, f"unused suppression of {rules}: {where}; remove it"))
    return out
