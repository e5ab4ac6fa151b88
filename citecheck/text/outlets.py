"""News outlets under their usual names, for attribution and reference parsing.

Each outlet has a canonical name, the other names writers use for it and its web domains.
A name shared by several outlets ("the Times", "the Post") is ambiguous: it resolves to
nothing, so rules that use it stay silent.

Every name has an *anchor*, its rarest word. A name can only occur in a text that holds
its anchor as a word, so most texts are ruled out by one split into words, and the rest
are searched for the names of the anchors they hold (tests/test_outlets_prefilter.py
checks that this finds what the pattern of every name finds). The tables and the anchor
test are built in :mod:`citecheck.text.outlet_tables`; here names are looked up.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from citecheck.text.outlet_names import OUTLETS
from citecheck.text.outlet_tables import alternation, name_key, standing_for, tables

__all__ = [
    "OUTLETS",
    "anchors_for",
    "canonical",
    "creditable",
    "find_outlet",
    "mentions",
    "on_domains",
    "outlet_domains",
    "outlet_from_url",
]

_FEW = 2  # a text that holds more anchors than this is searched for every name


# Each pattern is compiled once: there are fewer than 10,000 sets of one or two anchors.
@lru_cache(maxsize=10_000)
def _pattern_for(
    anchors: frozenset[str], extra: tuple[tuple[str, tuple[str, ...]], ...]
) -> re.Pattern[str]:
    """The name pattern cut down to the names of a few anchors (the names of other anchors
    cannot match a text that lacks them), alternatives in the same order."""
    found = tables(extra)
    if len(anchors) > _FEW:
        return found.pattern
    return _compile([alt for anchor, alt, _ in found.spelled if anchor in anchors])


@lru_cache(maxsize=256)
def anchors_for(
    outlets: frozenset[str], extra: tuple[tuple[str, tuple[str, ...]], ...] = ()
) -> tuple[str, ...]:
    """The lower-case anchors of the names that may stand for these outlets: an ASCII text
    that holds none of them as a substring credits none of the outlets (a name with other
    letters is always included, since case folding may make it another's)."""
    return tuple(
        dict.fromkeys(
            anchor
            for anchor, _, outlet in tables(extra).spelled
            if outlet == "" or outlet in outlets
        )
    )


def _compile(alternatives: list[str]) -> re.Pattern[str]:
    return re.compile(alternation(alternatives))


@lru_cache(maxsize=4096)  # a document names the same few outlets again and again
def canonical(name: str, extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> str | None:
    """Return the canonical outlet a name stands for; None when unknown or ambiguous."""
    return standing_for(name, tables(extra).names)


@lru_cache(maxsize=8)
def creditable(extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> frozenset[str]:
    """The canonical outlets a name can stand for: :func:`mentions` finds no other."""
    return frozenset(o for o in tables(extra).names.values() if o is not None)


def mentions(
    text: str, extra: tuple[tuple[str, tuple[str, ...]], ...] = ()
) -> list[tuple[int, int, str | None]]:
    """Return (start, end, outlet) of every outlet name in a text; outlet None if ambiguous."""
    anchors = tables(extra).anchors(text)
    if not anchors:
        return []
    pattern = _pattern_for(anchors, extra)
    return [(m.start(), m.end(), canonical(m.group(), extra)) for m in pattern.finditer(text)]


def find_outlet(text: str) -> str | None:
    """Return the first unambiguous outlet named in a reference string.

    One-word names that are also ordinary words ("Time", "Nature") count only when they
    stand alone, e.g. ``*Nature*`` or ``Nature.``, not inside "Network Time Protocol".
    """
    for start, end, outlet in mentions(text[:300]):
        if not outlet:
            continue
        if " " in text[start:end].strip() or text[start:end].isupper():
            return outlet
        before, after = text[max(0, start - 2) : start], text[end : end + 2]
        if (not before.strip() or before.strip()[-1:] in ".,;(") and after[:1] in (
            ".",
            ",",
            ";",
            ")",
            "",
        ):
            return outlet
    return None


def outlet_from_url(url: str) -> str | None:
    """Return the outlet that publishes at a URL's domain."""
    try:
        host = (urlsplit(url).hostname or "").removeprefix("www.")
    except ValueError:
        return None
    domains = tables().domains
    while host:
        if host in domains:
            return domains[host]
        host = host.partition(".")[2]
    return None


def outlet_domains(
    outlet: str, extra: tuple[tuple[str, tuple[str, ...]], ...] = ()
) -> tuple[str, ...]:
    """The web domains of the outlet a name stands for (``"NYT"`` → ``("nytimes.com",)``):
    this table's, then those of ``extra`` (the ``outlet-domains`` setting: outlet name →
    domains, for an outlet the table lacks or a domain it does not list); ``()`` when the
    name stands for no known outlet and ``extra`` names none for it."""
    known = canonical(outlet)
    doms = [d for d, o in tables().domains.items() if known is not None and o == known]
    wanted = {name_key(outlet), name_key(known)} if known else {name_key(outlet)}
    for name, more in extra:
        if name_key(name) in wanted:
            doms += [d.strip().lower().removeprefix("www.") for d in more if d.strip()]
    return tuple(dict.fromkeys(doms))


def on_domains(url: str, domains: tuple[str, ...]) -> bool:
    """Whether a URL's host is one of ``domains`` or below one (``www.bbc.com`` and
    ``edition.bbc.com`` are on ``bbc.com``; ``notbbc.com`` is not)."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return False
    return any(host == d or host.endswith("." + d) for d in domains)
