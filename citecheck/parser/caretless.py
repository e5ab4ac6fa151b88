"""Numbered notes cited without their caret: ``[1]`` in the text, ``[^1]: …`` below.

An answer engine's Markdown export (Perplexity's download) writes its sources as footnote
definitions (``[^1]: https://…``) but its callouts as plain numbers (``…the lineup.[1][2]``):
no ``[^1]`` stands in the text. A reader matches ``[1]`` to note 1 at once; read strictly,
every callout would dangle and every note would go uncited. When the document's notes are
numbered and nothing in the text calls one by its caret, each note answers to its number.
"""

from __future__ import annotations

from citecheck.model import BlockKind, Document


def number_caretless_notes(doc: Document) -> None:
    """Give each numbered footnote definition (``[^7]``) its number as an alias when no
    ``[^…]`` callout stands outside the definitions and no other entry holds a number.
    Changes ``doc`` in place."""
    notes = [r for r in doc.references if r.kind is BlockKind.FOOTNOTE and r.key]
    if not notes or any(r.number is not None for r in doc.references):
        return
    numbered = [r for r in notes if r.key and r.key[1:].isdigit() and r.key[0] == "^"]
    if len(numbered) != len(notes):
        return
    text = doc.text
    calls = text.count("[^")
    heads = sum(1 for r in notes if text.startswith("[^", _line_start(text, r.start)))
    if calls > heads:
        return  # the text calls notes by their carets: ``[1]`` is something else
    for ref in numbered:
        number = str(int((ref.key or "^0")[1:]))
        if number != "0" and number not in ref.aliases:
            ref.aliases = (*ref.aliases, number)


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1
