"""An answer report copied from its page: sources one link a line, tables one cell a line,
numbers glued after figures (parser/linklines.py, parser/tablesources.py, superscripts)."""

from __future__ import annotations

from citecheck.api import analyse

LIST = "".join(
    f"Source {n} - Site, accessed May 2, 2026, https://site{n}.example.org/p{n}\n"
    for n in range(1, 7)
)


def _read(text: str) -> tuple[list[str | None], list[tuple[str, ...]]]:
    doc, _ = analyse(text, fmt="markdown")
    return [r.key for r in doc.references], [m.keys for m in doc.markers]


def test_sources_one_link_a_line_under_a_label_are_numbered_in_order() -> None:
    text = "Ferries sail daily.1 Fares rose in May.2\nWorks cited\n" + LIST
    keys, markers = _read(text)
    assert keys == ["1", "2", "3", "4", "5", "6"]
    assert markers == [("1",), ("2",)]


def test_a_line_without_a_link_keeps_the_paragraph_whole() -> None:
    text = "Ferries sail daily.1\n\nWorks cited\n\n" + LIST + "See also the harbour pages.\n"
    keys, _ = _read(text)
    assert len(keys) == 1  # not a list of sources one link a line


def test_a_table_one_cell_a_line_cites_by_its_sources_column() -> None:
    table = "Date\nRoute\nSource(s)\nJan 9\nNorth Quay\n2\nMar 2\nMarina\n5, 6\n"
    text = "Ferries sail daily.1\n\n" + table + "\nWorks cited\n" + LIST
    _, markers = _read(text)
    assert ("2",) in markers and ("5", "6") in markers


def test_a_table_without_a_sources_column_has_no_markers() -> None:
    table = "Date\nRoute\nCrossings\nJan 9\nNorth Quay\n2\nMar 2\nMarina\n5\n"
    text = "Ferries sail daily.1\n\n" + table + "\nWorks cited\n" + LIST
    _, markers = _read(text)
    assert markers == [("1",)]


def test_a_number_after_a_year_cites_only_where_the_paragraph_cites_so() -> None:
    cited = "Fares rose sharply.1 The route opened in 2021.3 Crossings doubled.\n\n"
    plain = "Version 2021.3 Released in spring, it kept the old fields.\n\n"
    _, markers = _read(cited + plain + "Works cited\n" + LIST)
    assert markers == [("1",), ("3",)]
