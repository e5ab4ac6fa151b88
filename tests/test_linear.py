"""Adversarial shapes cost work linear in their length: counted, not timed.

Each shape of ``benchmarks/shapes.py`` is checked at ``n`` and ``10 n`` characters under
cProfile, which counts every Python and C function call of the check. The count is the same
on a busy machine as on an idle one, so this cannot flake: linear work grows about tenfold,
quadratic about a hundredfold, and the bound is 20 (a count of under ``FLOOR_PER_CHAR`` calls
a character passes whatever it grew from). No shape may cost more than ``MAX_PER_CHAR`` calls
a unit of input either (a character, or a key a marker cites: ``[1-500]`` cites 500):
a parser that multiplies its input is linear, and ruinous.

A count does not see the work inside one C call (a regular expression that backtracks,
pulldown-cmark, sentencex). Shapes that cost few calls a character, whose work is in such
calls, are also timed at ``n`` and ``100 n`` characters against a bound of 1000 (linear:
100, quadratic: 10,000), in process time, the least of three runs: load would have to make
a run ten times slower to fail it. The other shapes are timed at ``n`` and ``10 n`` against a
bound of 40 (linear: 10, quadratic: 100): a pattern that backtracks over the whole text at
each bracket (``[[[[…``) costs one call however long it runs. A CPU-time alarm stops a run
that overshoots.
"""

from __future__ import annotations

import cProfile
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from benchscripts import load

from citecheck.api import analyse, check_text
from citecheck.config.settings import Settings
from citecheck.reader.padding import unpadded

shapes = load("shapes")
SHAPES: dict[str, Callable[[int], str]] = shapes.SHAPES

SMALL = 3_000
FACTOR = 10  # counted at SMALL and FACTOR * SMALL characters
BOUND = 20
FLOOR_PER_CHAR = 2.0
MAX_PER_CHAR = 100.0
CHEAP_PER_CHAR = 2.0  # below this at SMALL, the shape is timed too
TIME_FACTOR = 100
TIME_BOUND = 1000
COUNTED_TIME_BOUND = 40  # at 10 n: linear 10, quadratic 100
TIME_FLOOR = 0.005  # seconds: below this the small run (warm after other tests) is noise
SETTINGS = Settings(select=("ALL",))


def calls(text: str, fmt: str) -> int:
    """Return how many function calls (Python and C) checking ``text`` makes."""
    profile = cProfile.Profile()
    profile.enable()
    try:
        check_text(text, fmt=fmt, settings=SETTINGS)
    finally:
        profile.disable()
    return sum(entry.callcount for entry in profile.getstats())


def _keys(text: str, fmt: str) -> int:
    """How many keys the markers of a text cite: ``[1-500]`` is seven characters and 500
    keys, and the rules and the fix marks do their work per key, so a unit of input is a
    character or a cited key."""
    doc, _ = analyse(text, fmt=fmt, settings=SETTINGS)
    return sum(len(m.keys) for m in doc.markers)


class Overrun(Exception):
    """A timed check ran past its bound and was stopped."""


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Raise :class:`Overrun` after ``seconds`` of CPU time (where signals allow)."""
    main = threading.current_thread() is threading.main_thread()
    if seconds == float("inf") or not main or not hasattr(signal, "setitimer"):
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Overrun

    old = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old)


def cpu_seconds(text: str, fmt: str, limit: float = float("inf"), runs: int = 3) -> float:
    """The least process time of up to ``runs`` checks; stop once one is under ``limit``."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        try:
            with _alarm(limit):
                check_text(text, fmt=fmt, settings=SETTINGS)
        except Overrun:
            return time.process_time() - start
        best = min(best, time.process_time() - start)
        if best < limit:
            break
    return best


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """Imports and compiled patterns come before the first count, not inside it."""
    for fmt in ("text", "markdown"):
        check_text("A claim [1].\n\nReferences\n\n1. Outlet: Title\n", fmt=fmt, settings=SETTINGS)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("name", list(SHAPES))
def test_work_grows_linearly(name: str, fmt: str) -> None:
    make = SHAPES[name]
    small, big = make(SMALL), make(SMALL * FACTOR)
    assert len(big) >= 5 * len(small)
    growth = len(big) / len(small) / FACTOR
    c_small, c_big = calls(small, fmt), calls(big, fmt)
    allowed = max(BOUND * growth * c_small, FLOOR_PER_CHAR * len(big))
    assert c_big <= allowed, (
        f"{name} ({fmt}): {len(small)} chars made {c_small} calls, "
        f"{len(big)} chars made {c_big} (more than {allowed:.0f})"
    )
    units = len(big) + _keys(big, fmt)
    assert c_big <= MAX_PER_CHAR * units, f"{name} ({fmt}): {c_big / units:.0f} calls a unit"
    # Every shape is timed: a pattern that backtracks costs one C call however long it runs.
    # Shapes cheap in calls are timed at 100 n, the others (slower to check) at 10 n.
    cheap = c_small < CHEAP_PER_CHAR * len(small)
    factor, bound = (TIME_FACTOR, TIME_BOUND) if cheap else (FACTOR, COUNTED_TIME_BOUND)
    huge = make(SMALL * factor) if cheap else big
    t_small = cpu_seconds(small, fmt)
    limit = bound * len(huge) / len(small) / factor * max(t_small, TIME_FLOOR)
    t_huge = cpu_seconds(huge, fmt, limit)
    assert t_huge < limit, (
        f"{name} ({fmt}): {len(small)} chars took {t_small:.4f}s, "
        f"{len(huge)} chars {t_huge:.4f}s (more than {limit:.3f}s)"
    )


def test_short_rows_under_a_wide_table_are_read_as_paragraphs() -> None:
    table = "|" + " a |" * 64 + "\n|" + "---|" * 64 + "\n" + "x\n" * 300 + "see [1]\n"
    text = table + "\nA claim is made here today. [1]" + shapes.REFS
    parsed = unpadded(text)
    assert parsed != text and len(parsed) == len(text)
    assert parsed.splitlines()[1].strip() == ""  # only the delimiter row is blanked
    doc, _ = analyse(text, fmt="markdown")
    rows = [b for b in doc.blocks if text[b.content_start : b.end].startswith("x\nx")]
    assert len(rows) == 1 and text[rows[0].content_start : rows[0].end].endswith("see [1]")
    assert [m.start for m in doc.markers] == [text.find("[1]"), text.find("[1]", len(table))]


def test_a_wide_table_with_full_rows_keeps_its_cells() -> None:
    columns = 40
    head = "|" + " h |" * columns + "\n|" + "---|" * columns + "\n"
    text = head + ("|" + " c [1] |" * columns + "\n") * 3 + shapes.REFS
    assert unpadded(text) == text
    doc, _ = analyse(text, fmt="markdown")
    cells = [b for b in doc.blocks if text[b.content_start : b.end] == "c [1]"]
    assert len(cells) == 3 * columns and len(doc.markers) == 3 * columns


def test_plain_text_lines_cost_linear_time() -> None:
    """Each line of plain text is asked whether it is a page number; the question must not
    scan the whole text again (it did: a 50 MB article took minutes). Timed in process time,
    least of three, at n and 10 n lines against a bound of 30 (linear: 10, quadratic: 100)."""
    from citecheck.reader.text import read_text

    def cost(n: int) -> float:
        text = "The budget was approved on Monday [1].\n12\n\n" * n + "\f\n"
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            read_text(text)
            best = min(best, time.process_time() - start)
        return best

    small, big = cost(4_000), cost(40_000)
    assert big < 30 * max(small, TIME_FLOOR), f"{small:.4f}s for n lines, {big:.4f}s for 10 n"
