"""No scholarly index knows the work a reference lists: it may not exist.

What it does
    With ``citecheck verify --lookup``, looks every reference up in the scholarly indexes:
    by its DOI (Crossref, then doi.org), by its arXiv id (the arXiv API), else, for an
    entry with authors and a year but no link, by its title and first author (Crossref,
    OpenAlex and arXiv). Reports the reference when its DOI or arXiv id names no work, or when no
    candidate's title comes close to the listed one. With a search backend (``search-url``),
    an entry with no URL or identifier (``The New York Times: Title``) is searched on its
    outlet's site; no result there with that title is reported too. An index or backend
    that cannot be reached (offline and not cached, a timeout, a 429) reports nothing.

Why is this bad?
    A reference to a work that was never written, with a plausible title, real-sounding
    authors and a DOI that resolves to nothing, is what drafts written by language models
    are known for; a reader, a reviewer or a court that looks it up finds nothing.

Example
    ```text
    Heat-bath walks on lattice fibres mix quickly. [1]

    References:
    1. Windisch, T. (2016). Rapid mixing of lattice walks on fibres. arXiv:1605.99999.
    ```

Record 1 (unknown)
    ```text
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
    Not fixable: only a person can find the work meant, or remove the reference.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from citecheck.checker.base import Context, Violation, describe_reference, first_line_end
from citecheck.model import Reference

if TYPE_CHECKING:
    from citecheck.verifier.records import Judgement

CODE = "CC207"
NAME = "reference-not-found"
SEVERITY = "warning"
ENABLED = True

_NAMES = {
    "crossref": "Crossref",
    "doi.org": "doi.org",
    "arxiv": "arXiv",
    "openalex": "OpenAlex",
    "search": "the search backend",
}


def check(ctx: Context) -> Iterator[Violation]:
    """Yield each reference whose lookup found no work."""
    if ctx.verification is None or not ctx.verification.lookups:
        return
    for ref in ctx.doc.references:
        judged = ctx.verification.lookup_of(ref)
        if judged is None or judged.verdict != "not_found":
            continue
        lookup = judged.lookup
        names = [_NAMES[i] for i in lookup.asked]
        asked = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]
        query = lookup.query
        if lookup.way == "doi":
            why = f"no index knows DOI {query.doi} (asked {asked}): the work may not exist"
        elif lookup.way == "search":
            why = _not_on_site(ctx, ref, judged)
        elif lookup.way == "arxiv":
            why = f"arXiv has no work with id {query.arxiv}: the work may not exist"
        else:
            why = f"no work by {query.author} in {asked} has a title close to this one"
            if judged.record is not None:
                closest = " ".join(judged.record.title.split())[:80]
                why += f' (closest: "{closest}", {judged.score:.0f}/100)'
            why += ": the work may not exist"
        end = first_line_end(ctx.doc.text, ref.start, ref.end)
        yield Violation(ref.start, end, f"{describe_reference(ref)}: {why}")


def _not_on_site(ctx: Context, ref: Reference, judged: Judgement) -> str:
    """Why a search for a title-only reference is evidence that the page does not exist."""
    assert ctx.verification is not None
    found = ctx.verification.found.get(ref.start)
    domains = " or ".join(found.answer.query.domains) if found else "the outlet's site"
    why = f"no page on {domains} has this title (searched through search-url)"
    if judged.record is not None:
        closest = " ".join(judged.record.title.split())[:80]
        why = why[:-1] + f'; closest: "{closest}", {judged.score:.0f}/100)'
    return why + ": the page may not exist"
