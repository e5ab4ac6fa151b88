"""An index records the reference's work otherwise: another title, first author or year.

What it does
    With ``citecheck verify --lookup``, compares what the indexes record of a reference's
    work with what the entry says: when its DOI or arXiv id names a work whose title, first
    author or year differ from the entry's, or a title search finds the title under another
    first author or year. The message shows the record and what differs. Titles are
    compared folded (case, accents, punctuation), an entry's title may run on into its
    venue or drop the subtitle; a year is right when the record carries it (issued, in
    print or online; for a preprint, up to two years later).

Why is this bad?
    A DOI that names another paper sends every reader elsewhere; a wrong author or year is
    how a real title gets pinned to a work that does not exist, and makes the work hard to
    find.

Example
    ```text
    Heat-bath walks on lattice fibres mix quickly. [1]

    References:
    1. Windisch, T. (2014). Rapid mixing of lattice walks on fibres. arXiv:1605.08386.
    ```

Record 1 (arxiv)
    ```text
    id: 1605.08386
    title: Heat-bath random walks with Markov bases
    authors: Stanley; Windisch
    year: 2016
    ```

Use instead
    ```text
    Heat-bath walks on lattice fibres mix quickly. [1]

    References:
    1. Stanley, C. (2016). Heat-bath random walks with Markov bases. arXiv:1605.08386.
    ```

Record 1 (arxiv)
    ```text
    id: 1605.08386
    title: Heat-bath random walks with Markov bases
    authors: Stanley; Windisch
    year: 2016
    ```

Fix
    Not fixable: only a person can tell whether the identifier or the entry is wrong.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.checker.base import Context, Violation, describe_reference, first_line_end

CODE = "CC208"
NAME = "reference-mismatch"
SEVERITY = "warning"
ENABLED = True

_NAMES = {"crossref": "Crossref", "doi.org": "doi.org", "arxiv": "arXiv", "openalex": "OpenAlex"}


def check(ctx: Context) -> Iterator[Violation]:
    """Yield each reference whose record differs from the entry."""
    if ctx.verification is None or not ctx.verification.lookups:
        return
    for ref in ctx.doc.references:
        judged = ctx.verification.lookup_of(ref)
        if judged is None or judged.verdict != "mismatch" or judged.record is None:
            continue
        record = judged.record
        by = ", ".join(filter(None, (record.authors[0] if record.authors else None,
                                     str(record.year) if record.year else None)))  # fmt: skip
        shown = " ".join(record.title.split())[:80]
        what = {"doi": "DOI", "arxiv": "arXiv id"}.get(judged.lookup.way)
        if what:
            said = f'{_NAMES[record.index]} records {what} {record.identifier} as "{shown}"'
        else:
            said = f'{_NAMES[record.index]} records "{shown}" ({record.identifier})'
        said += f" ({by})" if by else ""
        end = first_line_end(ctx.doc.text, ref.start, ref.end)
        message = f"{describe_reference(ref)}: {said}: {'; '.join(judged.differences)}"
        yield Violation(ref.start, end, message)
