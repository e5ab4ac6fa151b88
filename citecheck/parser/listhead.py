"""The numbered list a reference section opens with, when the section runs on past it.

A Word thesis often ends its numbered reference list (``[1] …`` to ``[6] …``) with text the
heading levels do not close: an abstract page set as plain paragraphs, an appendix and
acknowledgements whose titles carry no heading style. The section then holds the list and
several paragraphs of prose, and judged as a whole (see ``_drop_prose_sections`` in
:mod:`citecheck.parser`) it reads as prose, so the list is lost with it. Its opening run is
still a list: entries numbered from 1 in order, each showing a source, a line holding only
the address of the entry before it (a URL Word broke onto a paragraph of its own) going
with it. That run is kept as the section's list; what follows the run is body text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from citecheck.model import NonReference, Reference

_HEAD_ENTRIES = 3  # numbered entries a run needs to stand as a list by itself


def numbered_head(
    listed: Sequence[Reference],
    others: Sequence[NonReference],
    sourced: Callable[[Reference], bool],
) -> int | None:
    """The end offset of the run of entries numbered 1, 2, 3 … a section opens with, when
    items follow the run; None when the section opens with no such run (fewer than three
    numbers in order) or the run is the whole section. A keyless entry holding only an
    address goes with the run, and shows the source of the entry before it; the run needs
    a source shown (by ``sourced`` or such a line) for each of its numbers. Any other item
    ends the run."""
    items: list[Reference | NonReference] = sorted([*listed, *others], key=lambda x: x.start)
    expected, shown, end = 1, 0, None
    for at, item in enumerate(items):
        if isinstance(item, Reference) and _numbered(item, expected):
            expected, end = expected + 1, item.end
            shown += sourced(item)
        elif isinstance(item, Reference) and expected > 1 and _address_only(item):
            shown, end = shown + 1, item.end
        else:
            numbered = expected - 1
            if numbered >= _HEAD_ENTRIES and shown >= numbered and end is not None and at:
                return end
            return None
    return None


def _numbered(ref: Reference, n: int) -> bool:
    """An entry numbered ``n`` (``[n]`` or ``n.``)."""
    return ref.number == n if ref.key is None else ref.key == str(n)


def _address_only(ref: Reference) -> bool:
    """An entry that is only a web address."""
    text = ref.text.strip()
    return bool(ref.url) and text.startswith(("http://", "https://")) and " " not in text
