"""The reStructuredText reader: notes numbered as Docutils numbers them, calls read where
they stand, and code, comments, directives and metadata left unread."""

from __future__ import annotations

import cProfile

from citecheck.api import analyse, check_text
from citecheck.config.settings import Settings
from citecheck.model import BlockKind, MarkerKind
from citecheck.reader import detect_format, read


def _markers(text: str) -> list[tuple[str, tuple[str, ...], int]]:
    doc, _ = analyse(text, fmt="rst")
    return [(text[m.start : m.start + 4], m.keys, m.start) for m in doc.markers]


def test_suffix_and_choice_name_the_format() -> None:
    assert detect_format("post.rst") == "rst"
    assert detect_format("notes.rest") == "rst"
    assert detect_format(None, "rst") == "rst"
    assert detect_format("post.txt") == "text"


def test_auto_numbered_notes_skip_the_manual_numbers() -> None:
    text = (
        "Mills stood on the river [#]_ and the ford [2]_ and the weir [#weir]_ and"
        " the bridge [#]_.\n\n"
        ".. [#] First note.\n.. [2] Second note.\n.. [#weir] Third note.\n.. [#] Fourth note.\n"
    )
    doc, _ = analyse(text, fmt="rst")
    assert [r.number for r in doc.references] == [1, 2, 3, 4]
    keys = [m.keys for m in doc.markers]
    assert keys == [("1",), ("2",), ("3",), ("4",)]
    # Each call is read where it is written: the first at the "[#]_" of the source.
    assert doc.markers[0].start == text.index("[#]_")
    assert doc.markers[2].start == text.index("[#weir]_")


def test_symbols_and_citations_are_keys_of_their_own() -> None:
    text = (
        "The survey counts fourteen [CIT1881]_ and a later history twelve [*]_.\n\n"
        ".. [CIT1881] State Survey of Water Power, 1881.\n"
        ".. [*] Marsh, E. The River Towns. Albany, 1910.\n"
    )
    doc, _ = analyse(text, fmt="rst")
    assert [r.key for r in doc.references] == ["CIT1881", "^*"]
    assert [m.keys for m in doc.markers] == [("CIT1881",), ("^*",)]
    assert doc.markers[1].kind is MarkerKind.FOOTNOTE


def test_code_comments_and_directives_are_not_read() -> None:
    text = (
        "A paragraph with a call [1]_.\n\n"
        "Code follows::\n\n    x = y[2]_\n\n"
        ".. code-block:: python\n\n   z[3]_\n\n"
        ".. A comment [4]_.\n\n"
        "``[5]_`` is a literal and :ref:`[6]_` a role.\n\n"
        ".. [1] A note.\n"
    )
    assert [k for _, k, _ in _markers(text)] == [("1",)]


def test_a_literal_block_ends_where_an_item_body_goes_on() -> None:
    text = (
        "* A single argument::\n\n"
        "      f([(x0, y0)])\n\n"
        "  This form is preferred [1]_.\n\n"
        ".. [1] A message to the list.\n"
    )
    doc, _ = analyse(text, fmt="rst")
    assert [m.keys for m in doc.markers] == [("1",)]


def test_titles_take_levels_by_adornment_and_headers_are_metadata() -> None:
    text = (
        "PEP: 506\nTitle: Adding A Secrets Module\nStatus: Final\n\n"
        "=====\nTitle\n=====\n\nIntro text here.\n\nSection\n-------\n\nBody text.\n\n"
        "Other\n-----\n\nMore text.\n"
    )
    layout = read(text, "rst")
    heads = [(text[b.start : b.end], b.level) for b in layout.blocks if b.kind is BlockKind.HEADING]
    assert heads == [("Title", 1), ("Section", 2), ("Other", 2)]
    assert "PEP" not in layout.masked and "Secrets" not in layout.masked
    assert len(layout.masked) == len(text)
    assert [i for i, c in enumerate(layout.masked) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"
    ]


def test_an_embedded_link_is_an_inline_link_and_its_address_is_not_prose() -> None:
    text = "See `the docs <https://example.org/docs>`_ for more.\n"
    layout = read(text, "rst")
    assert layout.inline == [(4, text.index("_ for") + 1, "https://example.org/docs")]
    assert "example.org" not in layout.masked
    assert "the docs" in layout.masked


def test_an_undefined_call_is_dangling_and_an_uncalled_note_is_uncited() -> None:
    text = (
        "The first mill was built in 1841 by the Hale family [1]_.\n\n"
        "A mill at the ford stood until 1899 [7]_.\n\n"
        ".. [1] Parish Records of the Upper River, 1880, p. 7.\n"
        ".. [2] Upper River Gazette, 14 March 1862.\n"
    )
    report = check_text(text, fmt="rst")
    codes = sorted((f.code, f.line) for f in report.findings)
    assert codes == [("CC002", 3), ("CC003", 6)]


def test_numbered_citation_labels_call_their_citations_not_the_footnotes() -> None:
    """``[Ref2]_`` calls ``.. [Ref2]``, not footnote 2; a run ``[Ref2]_ - [Ref4]_`` calls
    Ref2 to Ref4; a ``[Ref9]_`` with no target dangles as a label."""
    text = (
        "Mills stood on the river [Ref2]_ - [Ref4]_ and the ford [#]_ [Ref12]_.\n\n"
        "The weir was rebuilt in 1902 [Ref9]_.\n\n"
        ".. [#] First note.\n.. [#] Second note.\n\n"
        ".. [Ref2] Second.\n.. [Ref3] Third.\n.. [Ref4] Fourth.\n.. [Ref12] Twelfth.\n"
    )
    doc, _ = analyse(text, fmt="rst")
    keys = [m.keys for m in doc.markers]
    assert keys == [("Ref2", "Ref3", "Ref4"), ("1",), ("Ref12",), ("Ref9",)]
    report = check_text(text, fmt="rst")
    found = sorted((f.code, f.line) for f in report.findings)
    # Footnote 2 is called by no one; [Ref9] has no target.
    assert found == [("CC002", 3), ("CC003", 6)]


def test_a_run_of_labels_with_a_missing_label_stays_two_calls() -> None:
    text = "Mills stood on the river [Ref2]_ - [Ref4]_.\n\n.. [Ref2] Second.\n.. [Ref4] Fourth.\n"
    doc, _ = analyse(text, fmt="rst")
    assert [m.keys for m in doc.markers] == [("Ref2",), ("Ref4",)]


def test_a_prefixed_number_still_cites_a_numbered_entry() -> None:
    """``[Ref. 2]`` and ``[Ref2]`` are number 2 where no entry is labelled ``Ref…``."""
    text = "Mills stood on the river [Ref. 2] and the ford [Ref1].\n\n1. First.\n2. Second.\n"
    doc, _ = analyse(text, fmt="markdown")
    assert [m.keys for m in doc.markers] == [("2",), ("1",)]


def _calls(text: str) -> int:
    profile = cProfile.Profile()
    profile.enable()
    try:
        check_text(text, fmt="rst", settings=Settings(select=("ALL",)))
    finally:
        profile.disable()
    return sum(entry.callcount for entry in profile.getstats())


def test_work_grows_linearly_with_notes_and_markup() -> None:
    """Counted calls (not time) at n and 10 n: linear work grows about tenfold."""
    unit = (
        "A claim about mills [#]_ with ``code`` and `a link <https://e.org/>`_ and |sub|.\n\n"
        ".. note::\n   An aside [#]_.\n\n"
        "Code::\n\n    x[1]_ ``\n\n"
        ".. [#] A note.\n.. [#] Another, with an unclosed `` literal and a | bar.\n\n"
    )
    check_text(unit, fmt="rst")  # imports and compiled patterns come first
    small, big = _calls(unit * 20), _calls(unit * 200)
    assert big <= 20 * small


def test_a_python_enhancement_proposal_reads_as_a_spec() -> None:
    from citecheck.parser.specprofile import spec

    head = "PEP: 506\nTitle: Adding A Secrets Module\nStatus: Final\nType: Standards Track\n\n"
    body = "Abstract\n========\n\nThis PEP proposes a module.\n"
    for fmt in ("rst", "text"):
        doc, _ = analyse(head + body, fmt=fmt)
        assert spec(doc)
    doc, _ = analyse("Status: Final\n\n" + body, fmt="rst")  # one header line is not enough
    assert not spec(doc)
