"""Adversarial text shapes: each made some stage of citecheck slow once, or could.

Each generator builds a text of about ``n`` characters (catastrophic backtracking, slicing in
loops, per-item rescans, a parser that multiplies its input). ``tests/test_linear.py``
checks that the work they cost grows linearly; ``benchmarks/linear.py`` times them.
"""

from __future__ import annotations

from collections.abc import Callable

Shape = Callable[[int], str]

REFS = "\n\nReferences\n\n1. Harbour News: Bridge reopens after repairs\n"
CLAIM = "The council said the bridge would reopen in the spring."
SUPPRESSION = "<!-- citecheck: ignore uncited-claim -->\n"


def _rep(unit: str) -> Shape:
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


def _in_reference(unit: str) -> Shape:
    """One reference entry made of ``unit`` again and again."""
    return lambda n: "Claim here [1].\n\nReferences\n\n1. " + _rep(unit)(n) + "\n"


def _short_rows(n: int) -> str:
    """Tables of 512 columns whose rows hold one cell: pulldown-cmark pads each row."""
    table = "|" + " a |" * 512 + "\n|" + "---|" * 512 + "\n" + "x\n" * 512 + "\nText.\n\n"
    return _rep(table)(n)


def _run_on(n: int, link: str) -> str:
    """A numbered list whose entries run together on lines of three (a PDF's text)."""
    entries = [f"{i}. Title of source {i}{link}" for i in range(1, max(2, n // (30 + len(link))))]
    lines = [" ".join(entries[i : i + 3]) for i in range(0, len(entries), 3)]
    return "Claim here.1\n\nWorks cited\n" + "\n".join(lines) + "\n"


def _numbered(count: int, entry: str) -> str:
    return "\n\nReferences\n\n" + "".join(f"{i}. {entry.format(i=i)}\n" for i in range(1, count))


SHAPES: dict[str, Shape] = {
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
    "html comments": _rep(SUPPRESSION),
    "comment openers": _rep("<!-- "),
    "suppressions and paragraphs": lambda n: _rep(SUPPRESSION + CLAIM + "\n\n")(n) + REFS,
    "suppressions before one block": lambda n: (
        SUPPRESSION * (n // 2 // len(SUPPRESSION)) + (CLAIM + " ") * (n // 2 // 56) + REFS
    ),
    "file suppressions": lambda n: (
        _rep("<!-- citecheck: disable-file uncited-claim -->\n" + CLAIM + "\n\n")(n) + REFS
    ),
    "suppressions in list items": _rep("- <!-- citecheck: ignore CC001 -->\n  item text here.\n"),
    "unknown-rule suppressions": _rep("<!-- citecheck: ignore no-such-rule -->\nx\n\n"),
    "table rows": _rep("| [1] | x |\n"),
    "short table rows": _short_rows,
    "run-on numbered list": lambda n: _run_on(n, ", https://example.org/page"),
    "run-on numbered list without links": lambda n: _run_on(n, ""),
    "sources one link a line": lambda n: (
        "Claim here.1\nWorks cited\n" + _rep("Source - Site, accessed 2026, https://x.org/p\n")(n)
    ),
    "table one cell a line": lambda n: (
        "Claim here.1\n\nDate\nSource(s)\n" + _rep("Jan 9\n1\n")(n) + "\nWorks cited\n1. A\n"
    ),
    "link openers": _rep("[a]("),
    "link openers in a reference": _in_reference("[a]("),
    "angle URLs in a reference": _in_reference("<http://"),
    "urls": _rep("http://"),
    "reference-style links": lambda n: _rep("[text][1] ")(n) + "\n\n[1]: http://x.org\n",
    "undefined reference-style links": _rep("[text][nope] "),
    "footnote definitions": lambda n: "Claim here [^1].\n\n" + _rep("[^1]: note\n")(n),
    "distinct footnotes": lambda n: (
        "".join(f"Claim {i} [^{i}].\n" for i in range(n // 40))
        + "\n"
        + "".join(f"[^{i}]: Outlet: Title {i}\n" for i in range(n // 40))
    ),
    "link definitions": lambda n: "Claim here [1].\n\n" + _rep("[1]: http://x.org\n")(n),
    "reference items": lambda n: (
        "A claim is stated here [1].\n\nReferences\n\n" + _rep("1. Reuters: A title\n")(n)
    ),
    "keyed references": lambda n: (
        "A claim is stated here [1].\n\nReferences\n\n"
        + "".join(f"[{i}] Outlet {i}: Title {i}\n" for i in range(1, n // 24))
    ),
    "attributions": lambda n: _rep("According to Reuters, the claim is true. ")(n) + REFS,
    "claims like titles": lambda n: (
        "".join(
            f"The bridge number {i} reopens after repairs, said the council. [1]\n\n"
            for i in range(n // 70)
        )
        + _numbered(n // 70, "Reuters: The bridge number {i} reopens after repairs")
    ),
    "dangling numbers": lambda n: (
        "".join(f"The claim number {i} is made. [{i + 2100}]\n" for i in range(n // 36)) + REFS
    ),
    "dangling labels": lambda n: (
        "".join(f"The claim number {i} is made. [Smith {i + 2100}]\n" for i in range(n // 40))
        + "\n\nReferences\n\n"
        + "".join(f"[Jones {i}] Outlet: Title\n" for i in range(20))
    ),
    "dangling labels, many references": lambda n: (
        "".join(f"{CLAIM} [Smith {i}x]\n\n" for i in range(n // 100))
        + "\n\nReferences\n\n"
        + "".join(f"[Jones {i}] Outlet: Title {i}\n" for i in range(n // 100))
    ),
    "author lists": lambda n: "References\n\n- " + "Smith, J., " * (n // 11) + "x\n",
    "quoted titles": lambda n: 'References\n\n- "' + "a " * (n // 2) + "\n",
    "non-ascii": _rep("é—“”… "),
    "placeholders": _rep("Claim here [citation needed]. "),
    # A saved web page: asterisk frames that never close, zero-width lines, short notes
    # with quotations and bundled entries under a notes list.
    "asterisk frames": lambda n: "***** " * (n // 6) + "x\n",
    "framed headings": _rep("***** Notes[edit] *****\nA claim is stated here.[1]\n"),
    "zero-width lines": _rep("\u200b \u200b\u200c\n"),
    "quoted short notes": lambda n: (
        f"{CLAIM}[1]\n\nReferences\n\n"
        + _rep('^ Smith & Jones & Brown 2020, p. 3, "a b c" Retrieved ')(n)
        + "\n"
    ),
    "bundled entries": lambda n: (
        f"{CLAIM}[1]\n\nReferences\n\n^ Multiple sources:\n"
        + _rep("Smith, Ann (2001). Title. Press.\n")(n)
    ),
    # A page written one inline element a line: markers over three lines, "^" entries in
    # pieces, and a long run of lone brackets that never closes.
    "split markers": _rep("A claim is stated here\n[\n1\n]\n[\n2\n]\n and goes on.\n"),
    "split caret entries": lambda n: (
        "x.\n[\n1\n]\n" * 5 + "\nReferences\n\n" + _rep("^\n \nSmith, A.\n. \nTitle\n\n\n")(n)
    ),
    "lone brackets": lambda n: "x.\n[\n1\n]\n" * 5 + _rep("\n[\n12\n")(n),
    "flattened numbers": _rep("管道中的关键技术 1，"),
    "flattened groups": _rep("关键技术 1, 2, 3, 4, 5, 6, 7"),
    "site-named links": _rep("Claim here. [reuters](https://www.reuters.com/a) "),
    "site-named openers": _rep("[a.a.a.a"),
    "arrays": _rep("as [-1, 0, 2] and [3, 4, 4] "),
    "array-like groups": _rep("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, "),
}
