"""The entries of a TEI ``<listBibl>`` (see :mod:`citecheck.reader.tei`): each
``<biblStruct>``'s fields as the parser meets them, the entry written out in APA order,
and the numbers a numbered paper's citations give the entries."""

from __future__ import annotations

import re
from collections import Counter

_YEAR = re.compile(r"\d{4}")
_TEXT = {"surname", "forename", "doi", "volume", "issue", "publisher"}


class Entry:
    """The fields of one ``<biblStruct>`` (``start``: its offset; ``key``: its
    ``xml:id``), gathered element by element with :meth:`begin` and :meth:`text`."""

    def __init__(self, start: int, key: str) -> None:
        self.start, self.key = start, key
        self.authors: list[list[str]] = []  # [surname, forenames…]
        self.fields: dict[str, str] = {}
        self.field: str | None = None  # the field the text met now belongs to

    def begin(self, name: str, attrs: dict[str, str], stack: list[str]) -> None:
        """An element ``name`` opens inside the entry (``stack``: the open elements)."""
        fields = self.fields
        if name == "persName":
            self.authors.append([""])
        field = None
        if name in ("surname", "forename") and self.authors and "author" in stack:
            field = name
        elif name == "title" and ("analytic" in stack or "monogr" in stack):
            field = "a" if "analytic" in stack else "m"
        elif name == "date" and "year" not in fields and (m := _YEAR.match(attrs.get("when", ""))):
            fields["year"] = m.group()
        elif name == "idno" and attrs.get("type", "").upper() == "DOI":
            field = "doi"
        elif name == "ptr" and "target" in attrs:
            fields.setdefault("url", attrs["target"])
        elif name == "biblScope" and attrs.get("unit") == "page" and "from" in attrs:
            fields["page"] = "\u2013".join(x for x in (attrs["from"], attrs.get("to", "")) if x)
        elif name == "biblScope" and attrs.get("unit") in ("volume", "issue", "page"):
            field = attrs["unit"]
        elif name == "publisher":
            field = name
        # The first of each (an article's title before its journal's, and so on).
        self.field = None if field in fields else field

    def text(self, data: str) -> None:
        """Character data met inside the entry."""
        value = " ".join(data.split())
        if not value or self.field is None:
            return
        if self.field == "surname":
            self.authors[-1][0] = value
        elif self.field == "forename":
            self.authors[-1].append(value)
        else:
            self.fields[self.field] = (self.fields.get(self.field, "") + " " + value).strip()

    def render(self, label: int | None) -> str:
        """The entry in APA order: ``[40] Smith, J., & Lee, K. (2020). Title. Venue,
        12(3), 1–9. https://doi.org/…`` (no label when ``label`` is None)."""
        names = [
            ", ".join([a[0], " ".join(f"{f[0]}." for f in a[1:] if f)]).rstrip(", ")
            for a in self.authors
            if a[0]
        ]
        who = ", & ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)
        f = self.fields
        parts = [f"[{label}]" if label is not None else "", who, f"({f.get('year', 'n.d.')})."]
        parts += [f[name].rstrip(".") + "." for name in ("a", "m") if name in f]
        issue = f"({f['issue']})" if "issue" in f else ""
        where = ", ".join(x for x in (f.get("volume", "") + issue, f.get("page", "")) if x)
        if where:
            parts[-1] = parts[-1].rstrip(".") + f", {where}."
        if "publisher" in f:
            parts.append(f["publisher"].rstrip(".") + ".")
        if "doi" in f:
            parts.append(f"https://doi.org/{f['doi']}")
        elif "url" in f:
            parts.append(f["url"])
        return " ".join(p for p in parts if p)


def labels(keys: list[str], cites: dict[str, Counter[int]]) -> dict[str, int]:
    """Each entry's number in a numbered paper: the number its citations most often give
    it (``cites``: ``xml:id`` → numbers cited), else one past the entry before's; a number
    already taken leaves the entry unnumbered. ``keys``: the entries' ``xml:id`` in order.
    GROBID's ids count from 0 and skip what it dropped, so the numbers are the paper's."""
    out: dict[str, int] = {}
    used: set[int] = set()
    previous = 0
    for key in keys:
        counts = cites.get(key)
        number = counts.most_common(1)[0][0] if counts else previous + 1
        if number not in used:
            out[key] = number
            used.add(number)
        previous = number
    return out
