"""LaTeX sectioning lines in a converted paper (Mathpix LaTeX saved as Markdown or text)."""

from __future__ import annotations

import pytest

from citecheck import check_text
from citecheck.model import BlockKind
from citecheck.parser import parse
from citecheck.parser.profile import detect
from citecheck.reader.latexheads import latex_headings

_PAPER = r"""\begin{document}
\begin{abstract}
We present a keypoint descriptor. Our experiments show that it matches more points.
\end{abstract}

\section{INTRODUCTION}
Image matching underlies structure from motion [1]. Binary descriptors are faster [2].

\subsection*{Setup}
We run every descriptor on the same keypoints.

\section*{References}
[1] N. Snavely, S. Seitz, and R. Szeliski, "Modeling the world from internet photo
collections," International Journal of Computer Vision, vol. 80, pp. 189-210, 2008.

[2] M. Calonder, V. Lepetit, and P. Fua, "BRIEF: Binary robust independent elementary
features," in Proc. European Conference on Computer Vision, 2010, pp. 778-792.
\end{document}
"""


def test_sectioning_lines_become_headings_of_the_same_length():
    text = "\\section{INTRODUCTION}\nText.\n\\subsection*{Setup}\n\\section{THE REVISED\n"
    out = latex_headings(text)
    assert len(out) == len(text)
    heads = ["##       INTRODUCTION ", "Text.", "###          Setup ", "##       THE REVISED"]
    assert out.splitlines() == heads
    plain = latex_headings(text, atx=False)
    assert plain.splitlines()[0] == "         INTRODUCTION "
    # Not alone on its line, or inline in prose: left as it is.
    prose = "See \\section{Intro} above.\n\\section{A} and more\n"
    assert latex_headings(prose) == prose


def test_abstract_environment_is_a_heading_and_its_end_a_blank_line():
    out = latex_headings("\\begin{abstract}\nWe show it.\n\\end{abstract}\n")
    assert out.splitlines() == ["##     abstract ", "We show it.", " " * 14]


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_a_converted_paper_is_read_as_a_paper_with_its_list(fmt):
    doc = parse(_PAPER, fmt)
    heads = [b for b in doc.blocks if b.kind is BlockKind.HEADING]
    titles = [doc.text[max(b.start, b.content_start) : b.end].strip().rstrip("}") for b in heads]
    assert "INTRODUCTION" in titles and "References" in titles
    assert detect(doc) == "paper"
    assert [r.key for r in doc.references] == ["1", "2"]
    report = check_text(_PAPER, fmt=fmt)
    # Every marker resolves and the authors' own method is not an uncited claim.
    assert [f.code for f in report.findings] == []


def test_without_the_commands_the_same_text_is_not_a_paper():
    # The control: the commands are what make the list and the headings.
    flat = _PAPER.replace("\\section{INTRODUCTION}", "INTRODUCTION was long.").replace(
        "\\section*{References}", "References were many."
    )
    doc = parse(flat.replace("\\begin{abstract}", "\\begin{x}"), "markdown")
    assert doc.references == [] or detect(doc) != "paper"
