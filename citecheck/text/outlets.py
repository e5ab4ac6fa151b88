"""News outlets under their usual names, for attribution and reference parsing.

Each outlet has a canonical name, the other names writers use for it and its web domains.
A name shared by several outlets ("the Times", "the Post") is ambiguous: it resolves to
nothing, so rules that use it stay silent.

Every name has an *anchor*, its rarest word. A name can only occur in a text that holds
its anchor as a word, so most texts are ruled out by one split into words, and the rest
are searched for the names of the anchors they hold (tests/test_outlets_prefilter.py
checks that this finds what the pattern of every name finds).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from citecheck.text.outlet_names import CASE_SENSITIVE as _CASE_SENSITIVE
from citecheck.text.outlet_names import OUTLETS
from citecheck.text.recache import lazy

# Characters that IGNORECASE matches to an ASCII letter although str.lower() does not.
_ODD_CASES = str.maketrans({"İ": "i", "ı": "i", "K": "k", "ſ": "s"})
_LETTERS = lazy(r"[^\W\d_]+")
_THE = lazy(r"^the\s+", re.I)
_NOT_LETTERS = lazy(r"[\W_]+")
# The same runs in ASCII, as the words of a byte translation: other bytes become spaces,
# and capitals become small letters too for the words in lower case.
_ASCII_RUNS = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))
_ASCII_LOWER_RUNS = _ASCII_RUNS.translate(
    bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")
)


def _ascii_runs(text: str, table: bytes = _ASCII_RUNS) -> list[str]:
    """The runs of letters of an ASCII text (in lower case with ``_ASCII_LOWER_RUNS``)."""
    return text.encode().translate(table).decode().split()


_COMMON_WORDS = frozenset(
    {"the", "new", "news", "times", "post", "world", "service", "daily", "agency", "of", "al"}
)


@dataclass(frozen=True, slots=True)
class _Tables:
    """Name → canonical outlet (None when ambiguous), domain → outlet, the name pattern.

    ``exact`` and ``folded`` hold one word of every name, its *anchor* (as spelled for
    names matched case-sensitively, in lower case for the others): a text with none of them
    names no outlet, and one that holds a few is searched for the names of those alone.
    """

    names: dict[str, str | None]
    domains: dict[str, str]
    pattern: re.Pattern[str]
    exact: frozenset[str]
    folded: frozenset[str]
    lowered: frozenset[str]  # both, in lower case
    # (lower-case anchor, pattern, outlet) of each name, in order; the outlet is "" when the
    # name is not ASCII (case folding may make it stand for another).
    spelled: tuple[tuple[str, str, str | None], ...]

    def anchors(self, text: str) -> frozenset[str]:
        """The anchors a text holds, in lower case (cheap; none when it names no outlet)."""
        split: Callable[[str], list[str]] = _ascii_runs
        if text.isascii():
            words = _ascii_runs(text, _ASCII_LOWER_RUNS)
        else:  # no name has these letters, so exact words survive
            text, split = text.translate(_ODD_CASES), _LETTERS.findall
            words = split(text.lower())
        if self.lowered.isdisjoint(words):  # the usual case: one scan decides
            return frozenset()
        if self.folded.isdisjoint(words) and self.exact.isdisjoint(split(text)):
            return frozenset()
        return self.lowered.intersection(words)


_AMBIGUOUS = ("the times", "the post")  # names of several outlets, whatever the aliases
_FEW = 2  # a text that holds more anchors than this is searched for every name


# Each pattern is compiled once: there are fewer than 10,000 sets of one or two anchors.
@lru_cache(maxsize=10_000)
def _pattern_for(
    anchors: frozenset[str], extra: tuple[tuple[str, tuple[str, ...]], ...]
) -> re.Pattern[str]:
    """The name pattern cut down to the names of a few anchors (the names of other anchors
    cannot match a text that lacks them), alternatives in the same order."""
    tables = _tables(extra)
    if len(anchors) > _FEW:
        return tables.pattern
    return _compile([alt for anchor, alt, _ in tables.spelled if anchor in anchors])


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
            for anchor, _, outlet in _tables(extra).spelled
            if outlet == "" or outlet in outlets
        )
    )


def _alternation(alternatives: list[str]) -> str:
    return rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])"


def _compile(alternatives: list[str]) -> re.Pattern[str]:
    return re.compile(_alternation(alternatives))


def _anchor(name: str) -> str:
    """The word of a name least likely to occur in ordinary prose."""
    words: list[str] = _LETTERS.findall(name)
    rare = [w for w in words if w.lower() not in _COMMON_WORDS] or words
    return max(rare, key=len)


@lru_cache(maxsize=8)
def _tables(extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> _Tables:
    """Return the lookup tables and the name pattern, with configured aliases added."""
    names: dict[str, str | None] = {}
    domains: dict[str, str] = {}
    table = dict(OUTLETS)
    for canonical, aliases in extra:
        old_aliases, old_domains = table.get(canonical, ((), ()))
        table[canonical] = ((*old_aliases, *aliases), old_domains)
    for canonical, (aliases, doms) in table.items():
        for name in (canonical, *aliases):
            key = _key(name)
            names[key] = canonical if names.get(key, canonical) == canonical else None
        for dom in doms:
            domains[dom] = canonical
    spelled = sorted({n for c, (a, _) in table.items() for n in (c, *a)}, key=len, reverse=True)
    sensitive = [n for n in spelled if n in _CASE_SENSITIVE or " " not in n]
    alternatives = [
        re.escape(n) if n in sensitive else "(?i:" + re.escape(n) + ")" for n in spelled
    ]
    exact = frozenset(_anchor(n) for n in sensitive)
    folded = frozenset(_anchor(n).lower() for n in spelled if n not in sensitive)
    lowered = folded | {a.lower() for a in exact}
    # The outlet a name's match stands for, as canonical() finds it ("the Post": none).
    anchored = tuple(
        (_anchor(n).lower(), alt, _standing_for(n, names) if n.isascii() else "")
        for n, alt in zip(spelled, alternatives, strict=True)
    )
    # Every name at once: compiled (a long alternation) only for a text that holds many
    # anchors, which few do.
    everything = lazy(_alternation(alternatives))
    return _Tables(names, domains, everything, exact, folded, frozenset(lowered), anchored)


def _key(name: str) -> str:
    name = _THE.sub("", name.strip())
    return _NOT_LETTERS.sub(" ", name).strip().casefold()


def _standing_for(name: str, names: dict[str, str | None]) -> str | None:
    if name.strip().casefold() in _AMBIGUOUS:
        return None
    return names.get(_key(name))


@lru_cache(maxsize=4096)  # a document names the same few outlets again and again
def canonical(name: str, extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> str | None:
    """Return the canonical outlet a name stands for; None when unknown or ambiguous."""
    return _standing_for(name, _tables(extra).names)


@lru_cache(maxsize=8)
def creditable(extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> frozenset[str]:
    """The canonical outlets a name can stand for: :func:`mentions` finds no other."""
    return frozenset(o for o in _tables(extra).names.values() if o is not None)


def mentions(
    text: str, extra: tuple[tuple[str, tuple[str, ...]], ...] = ()
) -> list[tuple[int, int, str | None]]:
    """Return (start, end, outlet) of every outlet name in a text; outlet None if ambiguous."""
    anchors = _tables(extra).anchors(text)
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
    domains = _tables().domains
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
    doms = [d for d, o in _tables().domains.items() if known is not None and o == known]
    wanted = {_key(outlet), _key(known)} if known else {_key(outlet)}
    for name, more in extra:
        if _key(name) in wanted:
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
