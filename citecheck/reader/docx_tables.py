"""What a table of a Word body is: a list of sources, a layout, or a table.

Writers lay text out in tables that are not tables. Word's own bibliography in a numeric
style (IEEE) is a table of two cells a row, the label (``[1]``) then the entry: its rows are
list items. A writer who hangs the second line of a paragraph under an indent puts it in a
borderless one-row table whose first cell is empty (a German thesis's
``Quellenverzeichnis``: "AOK (o.J.): Werkstudenten; Online:" then, in the table, the
address): that row continues the paragraph before it.
"""

from __future__ import annotations

from citecheck.text.recache import lazy

# The label cell of a row of Word's bibliography table: "[1]", "[12]".
_TABLE_LABEL = lazy(r"^\[\d{1,4}\]$")


def labelled_rows(rows: list[list[str]]) -> bool:
    """Whether a table is a numbered list of sources as Word's bibliography lays it out in a
    numeric style (IEEE): two cells a row, a label (``[1]``) then the entry, every row."""
    return bool(rows) and all(
        len(row) == 2 and _TABLE_LABEL.match(row[0]) and len(row[1].split()) >= 2 for row in rows
    )


def hanging_line(rows: list[list[str]]) -> str | None:
    """The text of a table that only indents a paragraph's continuation: one row, an empty
    first cell and one more cell with text. None for any other table."""
    if len(rows) != 1 or len(rows[0]) != 2:
        return None
    indent, text = rows[0]
    return text if not indent and text else None
