"""A references section written as notes on its sources, each named by a topic.

An answer engine's report exported without its links (a ChatGPT deep-research answer
copied as Markdown) keeps its closing ``# References`` list as one bullet a source, each
a topic, a colon and what the source says: ``* Graphiti/Zep memory: "real-time,
temporally-aware knowledge graph engine…"``. The addresses that made each bullet a source
are gone, so the list holds no entry (:func:`.prosesections.drop_prose_sections` sends
it back to the body), but its bullets are the writer's record of what each source said,
not claims of the report: they are read with no claim, as the summary of a list is.

The shape is strict: three or more list items under the heading, two in three of them
opening with a topic of one to six words (no sentence ends in it) and a colon with text
after it; then every item of the list is such a note.
"""

from __future__ import annotations

from citecheck.model import Block, BlockKind
from citecheck.text.recache import lazy

# A topic then a colon: "Graphiti/Zep memory:", "MCP standard:", "Chat UIs:" (bold or not).
_TOPIC = lazy(r"[*_]{0,2}[^\s:.!?*_][^:.!?\n]{0,60}?[*_]{0,2}:[*_]{0,2}[ \t]+\S")
_MAX_WORDS = 6
_MIN_ITEMS = 3


def topic_notes(blocks: list[Block], raw: str) -> list[Block]:
    """The list items under a references heading that are notes on sources named by topic
    (see the module's docstring), or none: ``blocks`` are the section's, headings left
    out; a paragraph before or after the list (the report's closing words) is not one."""
    items = [b for b in blocks if b.kind is BlockKind.ITEM]
    if len(items) < _MIN_ITEMS:
        return []
    topics = sum(1 for block in items if _topic(block, raw))
    return items if 3 * topics >= 2 * len(items) else []


def _topic(block: Block, raw: str) -> bool:
    """Whether a list item opens with a topic and a colon (``Chat UIs: …``)."""
    m = _TOPIC.match(raw, block.content_start, block.end)
    if m is None:
        return False
    return len(raw[block.content_start : m.end()].split(":", 1)[0].split()) <= _MAX_WORDS
