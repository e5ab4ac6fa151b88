"""Matching the HTML tree's text nodes to the text runs of the lexer, in document order."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from citecheck.reader.htmlsource import Token, run_text


def align(tree: Any, source: str, toks: list[Token]) -> dict[int, int]:
    """Match the tree's text nodes to the lexer's text runs, both in document order.

    Returns text node ``mem_id`` -> index of its run in ``toks``. A node is matched to the
    nearest run after the last match with the same text; a short text found only far ahead
    is left out rather than skip what lies between, and a node the lexer did not see (text
    the parser moved or made) is left out too.
    """
    where: dict[str, list[int]] = {}
    runs: list[int] = []
    for k, t in enumerate(toks):
        if t.name == "":
            key = run_text(source, t).strip()
            if key:
                where.setdefault(key, []).append(k)
                runs.append(k)
    out: dict[int, int] = {}
    last = -1
    for node in tree.root.traverse(include_text=True):
        if not node.is_text_node:
            continue
        want = (node.text_content or "").strip()
        found = where.get(want) if want else None
        if not found:
            cut = _cut_run(source, toks, runs, last, want) if want else None
            if cut is not None:
                out[node.mem_id] = last = cut
            continue
        i = bisect_left(found, last + 1)
        if i == len(found):
            continue
        k = found[i]
        if len(want) < 20 and k - last > 256:
            continue
        out[node.mem_id] = k
        last = k
    return out


def _cut_run(source: str, toks: list[Token], runs: list[int], last: int, want: str) -> int | None:
    """A page cut off inside a tag (``…the mid<a href="…``): the lexer read the tag as
    text, the parser dropped it. The next run is the node's text up to that ``<``."""
    i = bisect_left(runs, last + 1)
    if i == len(runs):
        return None
    k = runs[i]
    t = toks[k]
    lt = source.find("<", t.start, t.end)
    if lt < 0 or run_text(source, Token(t.start, lt, "")).strip() != want:
        return None
    toks[k] = Token(t.start, lt, "")
    return k
