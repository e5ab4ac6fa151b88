"""The shared model of the sources stage: one source as read for one reference."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class Source:
    """What a reference points to, as read: its state, metadata, main text and sentence spans.

    ``text`` is the extracted main text ("" unless ``state`` is "ok"); ``sentences`` are
    (start, end) character offsets into ``text``, in order.
    """

    key: str  # the reference key it was loaded for
    location: str  # URL or file path it was read from
    final_url: str | None  # after redirects
    status: int | None  # HTTP status; None for a file
    state: Literal["ok", "dead", "blocked", "error", "empty"]
    problem: str | None  # one line for the user when state != "ok"
    title: str | None
    site_name: str | None
    date: str | None
    text: str  # the extracted main text ("" unless ok)
    sentences: tuple[tuple[int, int], ...]  # sentence spans, offsets into text
    origin: Literal["snapshot", "cache", "network"]
