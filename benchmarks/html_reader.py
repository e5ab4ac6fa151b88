"""HTML and Word readers: time on a large generated page and document, against baselines
measured in the same run.

    .venv/bin/python benchmarks/html_reader.py [--paragraphs N]

For HTML the baseline is selectolax alone (parse and visit every node): the ratio says
what finding source offsets and writing the aligned text costs on top of the parser; lxml
on the same page is the parser the reader did not choose. The
whole check of the page is set against the check of the same article as Markdown. For
Word the baseline is python-docx opening the document.
"""

from __future__ import annotations

import argparse
import io
import time
from collections.abc import Callable

PARA = (
    '<p>The <a href="/wiki/Council" title="Council">council</a> approved &amp; voted '
    "<b>4.2</b>&#160;million on Monday in district {i}."
    '<sup id="cite_ref-{i}" class="reference"><a href="#cite_note-{i}">&#91;{i}&#93;</a></sup>'
    "</p>\n"
)
REF = (
    '<li id="cite_note-{i}"><span class="mw-cite-backlink"><b><a href="#cite_ref-{i}">^</a></b>'
    '</span> <span class="reference-text"><a class="external text" '
    'href="https://example.org/{i}">"Budget {i}"</a>. <i>Example News</i>. 2024.</span></li>\n'
)


def best(fn: Callable[[], object], runs: int = 3) -> float:
    """The fastest of a few runs, in seconds."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    """Print times and ratios."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--paragraphs", type=int, default=5000)
    n = parser.parse_args().paragraphs
    from selectolax.lexbor import LexborHTMLParser

    from citecheck.api import check_text
    from citecheck.reader.html import read_html

    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>\n"
        + "".join(PARA.format(i=i) for i in range(1, n + 1))
        + '<h2 id="References">References</h2>\n<ol class="references">\n'
        + "".join(REF.format(i=i) for i in range(1, n + 1))
        + "</ol></body></html>\n"
    )
    markdown = (
        "".join(
            f"The council approved & voted **4.2** million on Monday in district {i}. [{i}]\n\n"
            for i in range(1, n + 1)
        )
        + "## References\n\n"
        + "".join(
            f'{i}. ["Budget {i}"](https://example.org/{i}). *Example News*. 2024.\n'
            for i in range(1, n + 1)
        )
    )
    mb = len(page.encode()) / 1e6
    parse = best(lambda: sum(1 for _ in LexborHTMLParser(page).root.traverse(include_text=True)))
    import lxml.html  # installed with python-docx: the other parser the reader could use

    other = best(lambda: sum(1 for _ in lxml.html.document_fromstring(page).iter()))
    read = best(lambda: read_html(page))
    check_html = best(lambda: check_text(page, path="page.html"), 1)
    check_md = best(lambda: check_text(markdown, path="page.md"), 1)
    print(f"HTML page: {mb:.1f} MB, {n} paragraphs and references")
    print(f"  selectolax parse + visit  {parse * 1000:8.0f} ms  (baseline)")
    print(f"  lxml parse + visit        {other * 1000:8.0f} ms  {other / parse:5.1f}x baseline")
    print(f"  read_html                 {read * 1000:8.0f} ms  {read / parse:5.1f}x baseline")
    print(f"  check (HTML)              {check_html * 1000:8.0f} ms  {mb / check_html:5.1f} MB/s")
    ratio = check_html / check_md
    print(f"  check (same as Markdown)  {check_md * 1000:8.0f} ms  HTML/Markdown {ratio:.2f}")

    import docx

    from citecheck.reader.docx import docx_text

    document = docx.Document()
    for i in range(1, n + 1):
        document.add_paragraph(f"The council approved a budget of 4.2 million in district {i}.")
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    open_only = best(lambda: docx.Document(io.BytesIO(data)))
    text = best(lambda: docx_text(data, "doc.docx"))
    print(f"Word document: {len(data) / 1e6:.2f} MB zipped, {n} paragraphs")
    print(f"  python-docx open          {open_only * 1000:8.0f} ms  (baseline)")
    print(f"  docx_text                 {text * 1000:8.0f} ms  {text / open_only:5.1f}x baseline")


if __name__ == "__main__":
    main()
