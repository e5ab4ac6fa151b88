"""Adversarial text runs in linear time.

Each generator builds a text of about ``n`` characters that once made some stage slow
(catastrophic backtracking, slicing in loops, per-item rescans). The whole check runs at
``n`` and at ``10 n`` characters; linear work grows about tenfold, quadratic a hundredfold.
The bound is deliberately generous (30) and each size takes the fastest of up to three runs
of process time, so the test does not flake on a busy machine but still catches a quadratic.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from citecheck.api import check_text
from citecheck.settings import Settings

SMALL = 3_000
FACTOR = 10
BOUND = 30
FLOOR = 0.003  # seconds: below this the small run is noise, not a baseline

REFS = "\n\nReferences\n\n1. Harbour News: Bridge reopens after repairs\n"


def _rep(unit: str) -> Callable[[int], str]:
    return lambda n: unit * max(1, n // len(unit))


def _nested_lists(n: int) -> str:
    lines, depth = [], 0
    while sum(len(x) for x in lines) < n:
        lines.append("  " * depth + "- item [1]\n")
        depth = (depth + 1) % 200
    return "".join(lines)


def _wrapped(n: int) -> str:
    line = "the committee said that the budget would be approved later "
    return "Title\n\n" + (line.strip() + "\n") * (n // len(line)) + "done [1].\n" + REFS


GENERATORS: dict[str, Callable[[int], str]] = {
    "open brackets": _rep("["),
    "close brackets": _rep("]"),
    "nested brackets": lambda n: "[" * (n // 2) + "]" * (n // 2),
    "markers": _rep("[1]"),
    "spaced markers": _rep("[1] "),
    "ranges": _rep("[1-60, 2-59] "),
    "repeated keys": lambda n: "Claim is here today " + "[1][1]" * (n // 6) + REFS,
    "unclosed labels": _rep("[Smith 2020 "),
    "unclosed over lines": _rep("[abc\n"),
    "labels": _rep("[RFC2119] "),
    "footnote markers": _rep("[^1]"),
    "carets": _rep("[^"),
    "bangs": _rep("[!"),
    "question then paren": _rep("?("),
    "quote bang": _rep('"!'),
    "a dot": _rep("a."),
    "a dot space": _rep("a. "),
    "dots": _rep("."),
    "spaced dots": _rep(" ."),
    "ellipses": _rep("... "),
    "spaces": lambda n: "a" + " " * n + "b.",
    "tabs and spaces": _rep(" \t"),
    "no punctuation": _rep("word "),
    "one long word": _rep("x"),
    "digits": _rep("1"),
    "digits and commas": _rep("1,"),
    "tiny paragraphs": _rep("x\n\n"),
    "short lines": _rep("x\n"),
    "lone CR": _rep("a\r"),
    "CRLF sentences": _rep("The claim is made here [1].\r\n"),
    "form feeds": _rep("\fPage\n"),
    "line separators": _rep("a\u2028"),
    "hard-wrapped prose": _wrapped,
    "headings": _rep("# References\n"),
    "heading then blanks": lambda n: "References" + " " * n + "x",
    "numbered headings": _rep("1.1.1.1 "),
    "hashes": _rep("#"),
    "contents leaders": _rep(". . . . "),
    "rfc headers": lambda n: "RFC 1  x" + " " * n + "y",
    "page footers": _rep("[Page 1] "),
    "bullets": _rep("- "),
    "nested bullets on one line": lambda n: "- " * (n // 2) + "x [1]",
    "empty footnote definitions": _rep("[^1]: "),
    "footnotes in footnotes": _rep("[^a]: x [^b]\n"),
    "nested lists": _nested_lists,
    "block quotes": lambda n: ">" * (n // 2) + " x [1]",
    "emphasis": _rep("*a "),
    "backticks": _rep("`"),
    "html comments": _rep("<!-- citecheck: ignore uncited-claim -->\n"),
    "comment openers": _rep("<!-- "),
    "table rows": _rep("| [1] | x |\n"),
    "link openers": _rep("[a]("),
    "urls": _rep("http://"),
    "footnote definitions": lambda n: "Claim here [^1].\n\n" + _rep("[^1]: note\n")(n),
    "link definitions": lambda n: "Claim here [1].\n\n" + _rep("[1]: http://x.org\n")(n),
    "reference items": lambda n: (
        "A claim is stated here [1].\n\nReferences\n\n" + _rep("1. Reuters: A title\n")(n)
    ),
    "keyed references": lambda n: (
        "A claim is stated here [1].\n\nReferences\n\n"
        + "".join(f"[{i}] Outlet {i}: Title {i}\n" for i in range(1, n // 24))
    ),
    "attributions": lambda n: _rep("According to Reuters, the claim is true. ")(n) + REFS,
    "dangling numbers": lambda n: (
        "".join(f"The claim number {i} is made. [{i + 2100}]\n" for i in range(n // 36)) + REFS
    ),
    "dangling labels": lambda n: (
        "".join(f"The claim number {i} is made. [Smith {i + 2100}]\n" for i in range(n // 40))
        + "\n\nReferences\n\n"
        + "".join(f"[Jones {i}] Outlet: Title\n" for i in range(20))
    ),
    "author lists": lambda n: "References\n\n- " + "Smith, J., " * (n // 11) + "x\n",
    "quoted titles": lambda n: 'References\n\n- "' + "a " * (n // 2) + "\n",
    "non-ascii": _rep("é—“”… "),
    "placeholders": _rep("Claim here [citation needed]. "),
}

SETTINGS = Settings(select=("ALL",))


def _cost(text: str, fmt: str, runs: int = 3, enough: float = 0.0) -> float:
    """The least process time of up to ``runs`` checks; stop early once under ``enough``."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        check_text(text, fmt=fmt, settings=SETTINGS)
        best = min(best, time.process_time() - start)
        if best < enough:
            break
    return best


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("name", list(GENERATORS))
def test_work_grows_linearly(name: str, fmt: str) -> None:
    make = GENERATORS[name]
    small, big = make(SMALL), make(SMALL * FACTOR)
    assert len(big) >= 5 * len(small)
    ratio_of_sizes = len(big) / len(small)
    t_small = _cost(small, fmt)
    limit = BOUND * ratio_of_sizes / FACTOR * max(t_small, FLOOR)
    t_big = _cost(big, fmt, enough=limit)  # a slow first run is measured again
    assert t_big < limit, (
        f"{name} ({fmt}): {len(small)} chars took {t_small:.4f}s, "
        f"{len(big)} chars took {t_big:.4f}s (more than {limit:.4f}s)"
    )
