"""Suppression comments: find them in a document and match them to what the rules found.

``<!-- citecheck: ignore RULE[,RULE] -- reason -->`` on a line of its own applies to the
next block (paragraph, list item, heading, reference); ``<!-- citecheck: disable-file
RULE[,RULE] -->`` to the whole file. Rules are named by code or name. In Markdown only real
HTML comments count (not code); in plain text the line is a directive, not prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citecheck.model import Document

DIRECTIVE_LINE = re.compile(r"^[ \t]*<!--[ \t]*citecheck[ \t]*:.*-->[ \t]*$", re.I)
_START = re.compile(r"<!--[ \t]*citecheck[ \t]*:", re.I)
_COMMENT = re.compile(r"<!--[ \t]*citecheck[ \t]*:(?P<body>.*?)-->", re.I)
_BODY = re.compile(
    r"^\s*(?P<action>ignore|disable-file)\s+(?P<rules>[\w-]+(?:\s*,\s*[\w-]+)*)"
    r"\s*(?:--(?P<reason>.*))?$",
    re.I,
)
_HTML_EVENTS = frozenset({"Html", "InlineHtml"})
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


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind("\n", 0, pos), text.rfind("\r", 0, pos)) + 1
    ends = [i for i in (text.find("\n", pos), text.find("\r", pos)) if i >= 0]
    return start, min(ends) if ends else len(text)


def _html_bytes(text: str) -> list[tuple[int, int]]:
    """Return the UTF-8 byte ranges of HTML in a Markdown text (not code, not prose)."""
    import pyromark

    spans = []
    for event, rng in pyromark.events_with_range(text):
        if isinstance(event, dict) and next(iter(event)) in _HTML_EVENTS:
            spans.append((rng["start"], rng["end"]))
    return spans


def _codes(names: str, directive: Directive) -> tuple[str, ...]:
    from citecheck.checker import find_rule
    from citecheck.settings import rule_hint

    codes: list[str] = []
    for name in (n.strip() for n in names.split(",")):
        rule = find_rule(name)
        if rule is None:
            hint = rule_hint(name)
            directive.problems.append(f"suppression names unknown rule {name!r}{hint}")
        elif rule.CODE not in codes:
            codes.append(rule.CODE)
    return tuple(codes)


def find(doc: Document) -> list[Directive]:
    """Return the suppression comments of a document, each with its target span."""
    text = doc.text
    if "citecheck" not in text:
        return []
    html: list[tuple[int, int]] | None = None
    found: list[Directive] = []
    for m in _START.finditer(text):
        if doc.fmt == "markdown":
            html = _html_bytes(text) if html is None else html
            at = len(text[: m.start()].encode("utf-8", "surrogatepass"))
            if not any(s <= at < e for s, e in html):
                continue
        line_start, line_end = _line_bounds(text, m.start())
        comment = _COMMENT.match(text, m.start(), line_end)
        if comment is None:
            continue
        d = Directive(comment.start(), comment.end())
        found.append(d)
        if not DIRECTIVE_LINE.match(text[line_start:line_end]):
            d.problems.append("a suppression must stand on a line of its own, before its block")
            continue
        body = _BODY.match(comment.group("body"))
        if body is None:
            d.problems.append(f"malformed suppression; {USAGE}")
            continue
        d.action = body.group("action").lower()
        d.codes = _codes(body.group("rules"), d)
        d.target = (0, len(text)) if d.action == "disable-file" else _next_block(doc, line_end)
    return found


def _next_block(doc: Document, after: int) -> tuple[int, int] | None:
    block = min((b for b in doc.blocks if b.start >= after), key=lambda b: b.start, default=None)
    if block is None:
        return None
    return block.start, max(block.end, block.start + 1)


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
