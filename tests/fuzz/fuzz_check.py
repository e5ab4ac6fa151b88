"""Fuzz the decode → parse → resolve → check path with atheris.

Not collected by pytest (see ``tests/fuzz/README.md`` for how to install and run it).
The first byte of each input chooses the format, the scope, whether the ``parse`` view is
built and whether the report is rendered in every output format; the rest is the file.
"""

from __future__ import annotations

import io
import re
import sys

import atheris

with atheris.instrument_imports():
    from citecheck.api import analyse, check_text
    from citecheck.cli.formats import FORMATS, renderer
    from citecheck.cli.views import parse_data
    from citecheck.config.settings import Settings
    from citecheck.model.errors import InputError
    from citecheck.reader import decode
    from citecheck.report import Report, summarise

_BREAK = re.compile(r"\r\n|\r|\n")
_SETTINGS = {
    scope: Settings.model_validate({"scope": scope, "select": ("ALL",)})
    for scope in ("paragraph", "sentence")
}


def _lines(text: str) -> list[int]:
    """Lengths of the lines of ``text`` as an editor counts them."""
    return [len(line) for line in _BREAK.split(text)]


def _inside(lines: list[int], line: int, column: int) -> bool:
    return 1 <= line <= len(lines) and 1 <= column <= lines[line - 1] + 1


def test_one_input(data: bytes) -> None:
    """Check one fuzzed input and assert the invariants."""
    if not data:
        return
    flags, body = data[0], data[1:]
    fmt = "markdown" if flags & 1 else "text"
    settings = _SETTINGS["sentence" if flags & 2 else "paragraph"]
    try:
        text = decode(body, "fuzz")
    except InputError:
        return
    report = check_text(text, path="fuzz", fmt=fmt, settings=settings, keep_source=True)
    lines = _lines(text)
    for f in report.findings:
        assert _inside(lines, f.line, f.column), (f, len(text))
        assert _inside(lines, f.end_line, f.end_column), (f, len(text))
        assert (f.line, f.column) <= (f.end_line, f.end_column), f
    if flags & 8:
        whole = Report(files=[report], summary=summarise([report], []))
        for name in FORMATS:
            renderer(name)(whole, io.StringIO(), bool(flags & 16))
    if flags & 4:
        doc, res = analyse(text, path="fuzz", fmt=fmt, settings=settings)
        data_ = parse_data(doc, res)
        for s in data_["sentences"]:
            assert 0 <= s["start"] <= s["end"] <= len(text), s
            assert _inside(lines, s["line"], s["column"]), s
        for r in data_["references"]:
            assert _inside(lines, r["line"], r["column"]), r


def main() -> None:
    """Run the fuzzer with libFuzzer's command-line options."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
