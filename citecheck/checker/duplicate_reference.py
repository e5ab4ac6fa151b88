"""Same source listed twice, or one number, label or footnote defined twice.

What it does
    Reports a reference that repeats an earlier one: the same DOI, the same URL (compared
    without scheme, ``www.``, default port, trailing slash, fragment, tracking parameters
    such as ``utm_*`` or ``fbclid``, or the order of the query), the same title at the same
    path on another host (a mirror), the same outlet with a near-identical title, the same
    authors, year and title written in another style (APA and IEEE), a preprint and its
    published version, or two notes that read the same. One DOI on two entries whose
    authors and titles differ is a slip in one of them, not a duplicate, and is not
    reported (``verify`` checks identifiers against their records); nor is one site's home
    page (``http://www.hbsp.com``) on two entries that name different works, nor a numbered
    note that a bibliography in another section lists again unnumbered (the notes and
    bibliography layout), nor a later note that cites again the source of an earlier one
    where a note can be called only once (a Word footnote or endnote in any document; in a
    book, an essay or a thesis a Pandoc inline note or a book's numbered note; not a
    Markdown ``[^label]`` note, which several calls may share), nor one page in the source
    lists of two answers of an exported thread (`[^7_2]` and `[^8_2]`: each answer numbers
    its own list). One document at two
    pages (``#page=3`` and ``#page=5``, ``p. 4`` and ``p. 9``), or one page at two anchors
    under two titles (``guide#install`` "Installing", ``guide#upgrade`` "Upgrading"), is
    reported as a note. Titles
    that differ only in a date, a number, a part or an edition are issues of a series, not
    duplicates; the message shows where two near-identical titles differ. Also reports the
    second definition of a number, label, footnote or link definition: markers cite the
    first one, so the second is never cited (CommonMark too keeps the first link
    definition).

Why is this bad?
    Duplicates split citations of one source over two numbers and inflate the source count.
    A key defined twice leaves the reader unable to tell which source a marker means.

Example
    ```text
    Rents rose by a fifth in two years. [1][2]

    References:
    1. Metro News: Rents rise by a fifth
    2. Metro News: Rents rise by a fifth.
    ```

Use instead
    ```text
    Rents rose by a fifth in two years. [1]

    References:
    1. Metro News: Rents rise by a fifth
    ```

Fix
    Safe: ``citecheck fix`` points the markers of the copy at the first copy and removes
    the copy; a list numbered 1…n or by position is renumbered to close the gap. A key
    defined twice for two different sources, or a near-identical title at another address,
    is left alone: which one is meant is for a person to decide. So are a preprint and its
    published version, and one document at two pages (the second claim would lose its page).
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checker.base import Context, Violation, describe_reference, first_line_end
from citecheck.checker.works import anchors, locator
from citecheck.model import BlockKind, Reference

CODE = "CC007"
NAME = "duplicate-reference"
SEVERITY = "warning"
ENABLED = True


def _body(ref: Reference) -> str:
    """``"Outlet: Title…"`` of a reference, or the address of an untitled link definition."""
    if ref.kind is BlockKind.LINKDEF and not ref.title and ref.url:
        return f'"{ref.url}"'
    return describe_reference(ref)[len(f"[{ref.key}] ") :] or "empty"


def _place(found: tuple[str, str]) -> str:
    """A locator as a message shows it: ``#page=5``, ``p. 4``, or "no page"."""
    fragment, pages = found
    shown = [f"#{fragment}"] if fragment else []
    shown += [f"p. {pages}"] if pages else []
    return ", ".join(shown) or "no page"


def check(ctx: Context) -> Iterator[Violation]:
    """Yield each reference that duplicates an earlier one or defines its key again."""
    for ref, first, why in ctx.duplicates:
        end = first_line_end(ctx.doc.text, ref.start, ref.end)
        if why is None:
            message = (
                f"second definition of [{ref.key}] ({_body(ref)}): its markers cite the first "
                f"({_body(first)})"
            )
        elif (here := locator(ref)) != (there := locator(first)) or (
            two := anchors(ref, first) if why == "same URL" else None
        ):
            # One document cited at two places is a way of citing, not a slip: a note.
            at = f"at {_place(here)}, the first at {_place(there)}"
            if here == there and two is not None:  # ``two`` is set when the places agree
                at = f"at #{two[0]}, the first at #{two[1]}"
            message = (
                f"{describe_reference(ref)} is {describe_reference(first)} at another place "
                f"({why}; {at}); fix keeps both"
            )
            yield Violation(ref.start, end, message, severity="info")
            continue
        else:
            message = f"{describe_reference(ref)} duplicates {describe_reference(first)} ({why})"
        yield Violation(ref.start, end, message)
