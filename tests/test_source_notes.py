"""A references section written as notes on sources named by topic (parser/sourcenotes.py):
an answer export's ``# References`` bullets whose links were lost are read with no claim."""

from __future__ import annotations

from citecheck.model import Block, BlockKind
from citecheck.parser import parse
from citecheck.parser.sourcenotes import topic_notes

_BODY = "# Plan\n\nThe service keeps bookings in PostgreSQL for its constraints.\n\n"


def _claims(md: str) -> list[str]:
    return [s.text for s in parse(md, "markdown").sentences if s.claim]


def test_topic_bullets_are_no_claims() -> None:
    md = _BODY + (
        "# References\n\n"
        '* PostgreSQL constraints: "at least one comparison will return false".\n'
        "* Redis expiry: keys are deleted once their time to live passes.\n"
        "* Queue workers: Celery retries a task with exponential backoff.\n"
    )
    claims = _claims(md)
    assert not any("Redis" in c or "Celery" in c for c in claims)
    assert any("PostgreSQL for its constraints" in c for c in claims)


def test_two_bullets_are_not_a_habit() -> None:
    md = _BODY + (
        "# References\n\n"
        "* Redis expiry: keys are deleted once their time to live passes.\n"
        "* Queue workers: Celery retries a task with exponential backoff.\n"
        "* Django's documentation recommends one settings module for each environment.\n"
        "* The booking service stores its data in a managed database cluster.\n"
    )
    assert any("Celery" in c for c in _claims(md))


def _items(raw: str) -> list[Block]:
    blocks, at = [], 0
    for line in raw.splitlines(keepends=True):
        blocks.append(Block(BlockKind.ITEM, at, at + len(line.rstrip()), at + 2))
        at += len(line)
    return blocks


def test_long_lead_ins_are_no_topics() -> None:
    raw = (
        "* When you want to find out how the cache works in practice: keys expire.\n"
        "* When you want to find out how the queue works in practice: tasks retry.\n"
        "* When you want to find out how the store works in practice: rows lock.\n"
    )
    assert topic_notes(_items(raw), raw) == []
    short = raw.replace("When you want to find out how the", "The")
    assert len(topic_notes(_items(short), short)) == 3


def test_a_sentence_before_the_colon_is_no_topic() -> None:
    raw = (
        "* Caches expire. Keys: gone.\n* Queues retry. Tasks: again.\n* Stores lock. Rows: held.\n"
    )
    assert topic_notes(_items(raw), raw) == []
