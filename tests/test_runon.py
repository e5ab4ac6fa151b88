"""A numbered source list run together by a PDF export, read by its numbers (parser/runon.py)."""

from __future__ import annotations

from citecheck.api import analyse


def _entry(n: int, title: str) -> str:
    return f"{n}. {title} - Example Site, accessed May 2, 2026, https://site{n}.example.org/page{n}"


def _report(entries: list[str], sep: str = " ") -> str:
    body = "Coolers fail in the heat.1 Loggers help.2 Alerts reduce losses.3\n\nWorks cited\n"
    return body + sep.join(entries) + "\n"


def _titles(text: str, fmt: str = "text") -> list[tuple[str | None, str]]:
    doc, _ = analyse(text, fmt=fmt)
    return [(r.key, doc.text[r.start : r.end]) for r in doc.references]


def test_entries_run_together_are_read_by_their_numbers() -> None:
    entries = [_entry(n, f"Source number {n}") for n in range(1, 8)]
    refs = _titles(_report(entries))
    assert [k for k, _ in refs] == [str(n) for n in range(1, 8)]
    assert all(text.startswith(f"{k}. Source number {k}") for k, text in refs)
    assert refs[-1][1].endswith("https://site7.example.org/page7")


def test_a_title_naming_the_next_number_stays_whole() -> None:
    # "Top 2. picks" stands before the entry's link: not entry 2
    entries = [_entry(1, "Top 2. picks for coolers")]
    entries += [_entry(n, f"Source number {n}") for n in range(2, 7)]
    refs = _titles(_report(entries))
    assert [k for k, _ in refs] == [str(n) for n in range(1, 7)]
    assert refs[0][1].startswith("1. Top 2. picks for coolers - Example Site")


def test_a_wrapped_line_opening_with_a_dash_stays_in_its_entry() -> None:
    entries = [_entry(n, f"Source number {n}") for n in range(1, 7)]
    entries[2] = "3. Source number 3 - Example Site,\n- Blog, https://site3.example.org/page3"
    refs = _titles(_report(entries), "markdown")
    assert [k for k, _ in refs] == [str(n) for n in range(1, 7)]
    assert "- Blog, https://site3.example.org/page3" in refs[2][1]


def test_a_list_one_entry_a_line_is_read_by_its_lines() -> None:
    entries = [_entry(n, f"Source number {n}") for n in range(1, 7)]
    assert [k for k, _ in _titles(_report(entries, "\n"))] == [str(n) for n in range(1, 7)]


def test_a_short_run_is_not_taken_for_a_list() -> None:
    # fewer than five numbers in sequence: the paragraph is read as before, one entry
    entries = [_entry(n, f"Source number {n}") for n in range(1, 4)]
    assert len(_titles(_report(entries))) == 1
