"""Reference-list items as edits: remove whole lines, relabel numbers, reorder entries."""

from __future__ import annotations

from citecheck.checker.reference_order import number_of
from citecheck.fixer.edits import Edit
from citecheck.model import Reference
from citecheck.text.recache import lazy

_BREAK = lazy(r"\r\n|\r|\n")
_LABEL = lazy(r"([ \t]*(?:[-*+•‣◦][ \t]+)?\[?[ \t]*)(\d{1,9})(?=[ \t]*[.)\]])")


def _line_start(text: str, pos: int) -> int:
    # A CR is looked for only after the last LF: searched from the start, it crossed a whole
    # text of LF breaks for every removal (quadratic in a long document).
    lf = text.rfind("\n", 0, pos)
    return max(lf, text.rfind("\r", lf + 1, pos)) + 1


def _line_end(text: str, pos: int) -> int:
    """Offset of the line break that ends the line holding ``pos`` (or the text's end)."""
    m = _BREAK.search(text, pos)
    return m.start() if m else len(text)


def _after_break(text: str, pos: int) -> int:
    m = _BREAK.match(text, pos)
    return m.end() if m else pos


def _blank_line_at(text: str, pos: int) -> bool:
    end = _line_end(text, pos)
    return pos < len(text) and not text[pos:end].strip() and end < len(text)


def removal(text: str, start: int, end: int, rule: str) -> Edit | None:
    """The edit that deletes the lines of ``text[start:end]`` with one line break, or None
    when other text shares those lines (a table row, an entry after prose).

    Between two blank lines the item also takes one blank line with it, so a loose list
    stays evenly spaced.
    """
    end = max(start, len(text[start:end].rstrip()) + start)
    first = _line_start(text, start)
    last = _line_end(text, end)
    if text[first:start].strip() or text[end:last].strip():
        return None
    stop = _after_break(text, last)
    if stop == last:  # the last line of the text: take the break before it instead
        first = max(0, first - 1) if first and text[first - 1] == "\n" else first
        if first and text[first - 1 : first] == "\r":
            first -= 1
    elif (
        first
        and _blank_line_at(text, stop)
        and not text[_line_start(text, first - 1) : first].strip()
    ):
        stop = _after_break(text, _line_end(text, stop))
    return Edit(first, text[first:stop], "", rule)


def label(text: str, ref: Reference) -> tuple[int, str] | None:
    """Where the written number of a numbered entry is (offset, digits), or None."""
    m = _LABEL.match(text, ref.start)
    number = number_of(ref)
    if m is None or number is None or int(m.group(2)) != number:
        return None
    return m.start(2), m.group(2)


def relabel(text: str, ref: Reference, number: int, rule: str) -> Edit | None:
    """The edit that writes a new number into an entry's label (None: it has no label)."""
    found = label(text, ref)
    if found is None:
        return None
    at, digits = found
    return Edit(at, digits, str(number), rule)


def reorder(
    text: str, slots: list[Reference], placed: list[Reference], numbers: list[int], rule: str
) -> list[Edit]:
    """Edits that put ``placed[i]``, renumbered ``numbers[i]``, where ``slots[i]`` stands.

    Each entry keeps its own text (its inner line breaks too); only the digits of its
    label change. Entries without a written label are moved as they are.
    """
    edits: list[Edit] = []
    for slot, ref, number in zip(slots, placed, numbers, strict=True):
        body = text[ref.start : ref.end]
        found = label(text, ref)
        if found is not None:
            at, digits = found
            body = body[: at - ref.start] + str(number) + body[at - ref.start + len(digits) :]
        edits.append(Edit(slot.start, text[slot.start : slot.end], body, rule))
    return edits
