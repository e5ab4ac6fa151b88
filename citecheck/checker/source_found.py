"""A search found the page of a reference that lists no address: it can be written in.

What it does
    With ``citecheck verify --lookup`` and a search backend (``search-url``), an entry
    with no URL, DOI or arXiv id (``The Guardian: Title``) is searched on its outlet's site;
    when a result there carries the listed title, the page is read and verified as if the
    entry listed it. This rule reports each such page, ``[1] found: URL (search)``, so the
    address can be written into the entry: ``citecheck fix --unsafe`` does it with the
    pages ``verify --lookup --write-sources FILE`` saved in the article's ``sources.toml``.
    An entry that lists an address already is never reported.

Why is this bad?
    A reader cannot open a source the list names only by outlet and title, and every
    later check has to search for it again; the page found is one a person should confirm
    once and keep in the entry.

Example
    ```text
    Regulators fined the airline for months of delays. [1]

    References:
    1. The Guardian: Airline fined over months of delays
    ```

Record 1 (search)
    ```text
    id: https://www.theguardian.com/uk/airline
    title: Airline fined over months of delays
    url: https://www.theguardian.com/uk/airline
    ```

Use instead
    ```text
    Regulators fined the airline for months of delays. [1]

    References:
    1. The Guardian: Airline fined over months of delays https://www.theguardian.com/uk/airline
    ```

Fix
    Unsafe: ``citecheck fix --unsafe`` adds the address at the end of the entry, as a
    Markdown link when the list writes its addresses so, else bare; only where every
    sentence still cites the same entry afterwards, and never an address another entry
    lists.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checker.base import Context, Violation, first_line_end
from citecheck.model import Reference

CODE = "CC209"
NAME = "source-found"
SEVERITY = "info"
ENABLED = True


def addable(ref: Reference) -> bool:
    """Whether an entry may be given a found address: it lists no URL, DOI or arXiv id."""
    return not (ref.url or ref.doi or (ref.fields is not None and ref.fields.arxiv))


def found_url(ctx: Context, ref: Reference) -> str | None:
    """The address a search found for ``ref`` (``verify --lookup`` with ``search-url``),
    when the entry lists none; else None."""
    if ctx.verification is None or not addable(ref):
        return None
    judged = ctx.verification.lookup_of(ref)
    if judged is None or judged.lookup.way != "search" or judged.verdict != "found":
        return None
    url = judged.record.url if judged.record is not None else None
    return url if url and url.startswith(("http://", "https://")) else None


def check(ctx: Context) -> Iterator[Violation]:
    """Yield each title-only reference whose page a search found."""
    if ctx.verification is None or not ctx.verification.lookups:
        return
    for ref in ctx.doc.references:
        url = found_url(ctx, ref)
        if url is None:
            continue
        label = f"[{ref.key}]" if ref.key else "reference"
        end = first_line_end(ctx.doc.text, ref.start, ref.end)
        yield Violation(ref.start, end, f"{label} found: {url} (search)")
