"""What rules share: the context they read, the violations they yield, message helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from citecheck.model import Document, Reference
from citecheck.reader.positions import index
from citecheck.resolver import Resolution, build_index
from citecheck.text.lines import LineIndex
from citecheck.text.recache import lazy

if TYPE_CHECKING:
    from citecheck.parser.habit import Habit
    from citecheck.text.match import TitleIndex
    from citecheck.verifier.document import Verification


@dataclass(slots=True)
class Violation:
    """What a rule found, as a span of the text and a message."""

    start: int
    end: int
    message: str
    severity: str | None = None
    """A lower level for this finding than the rule's default (CC201: blocked, not dead);
    a severity set in the configuration wins."""


@dataclass(frozen=True, slots=True)
class RuleOptions:
    """Settings the rules read."""

    scope: str = "paragraph"
    profile: str = "article"
    """``article``, ``paper`` or ``spec`` (resolved: never ``auto``)."""
    outlet_aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    support_threshold: float = 0.2
    """Least support score of a claim against its sources (unsupported-claim)."""
    claim_gate: bool = True
    """Whether an article's claim gate lets the writer's framing go
    (:mod:`citecheck.parser.claimgate`): on when the profile was read from the document,
    off when ``--profile article`` asks every claim."""


@dataclass
class Context:
    """A resolved document, its index and the options, handed to every rule."""

    doc: Document
    res: Resolution
    options: RuleOptions = field(default_factory=RuleOptions)
    verification: Verification | None = None
    """What ``citecheck verify`` found in the cited sources; None for ``check``."""

    _cited: tuple[tuple[str, ...], list[Reference]] | None = field(
        default=None, init=False, repr=False
    )

    def references_of(self, keys: tuple[str, ...]) -> list[Reference]:
        """The distinct references some keys resolve to, remembered for the last keys asked
        about: the sentences of a paragraph share theirs, and remembering every tuple of
        keys would cost a long document megabytes. The list is shared: do not change it."""
        last = self._cited
        if last is not None and last[0] == keys:
            return last[1]
        refs = self.res.references_of(keys, self.index)
        self._cited = (keys, refs)
        return refs

    @cached_property
    def habit(self) -> Habit:
        """How the document cites, claim by claim or now and then (see
        :mod:`citecheck.parser.habit`), read once for ``uncited-claim`` and the statistics."""
        from citecheck.parser.habit import citing_habit

        return citing_habit(self.doc, self.options.profile, self.options.claim_gate)

    @cached_property
    def index(self) -> dict[str, Reference]:
        """Key → reference."""
        return build_index(self.doc)

    @cached_property
    def duplicates(self) -> list[tuple[Reference, Reference, str | None]]:
        """Each reference that repeats an earlier one, as ``(reference, earlier, why)``
        (see :func:`citecheck.checker.duplicate_reference.duplicates`), found once for the
        rule and for the fixes that plan its repair."""
        return self._pairing[0]

    @cached_property
    def listed_by_notes(self) -> frozenset[int]:
        """The ids of the bibliography entries that a called note names (the notes and
        bibliography layout): the note cites them, so they are cited (uncited-reference)."""
        return self._pairing[1]

    @cached_property
    def _pairing(
        self,
    ) -> tuple[list[tuple[Reference, Reference, str | None]], frozenset[int]]:
        from citecheck.checker.duplicates import duplicates

        listed: set[int] = set()
        pairs = list(duplicates(self, listed))
        return pairs, frozenset(listed)

    @cached_property
    def lines(self) -> LineIndex:
        """Where the text's lines start (``\\n``, ``\\r\\n`` or ``\\r`` ends one), found once
        for the findings' positions and the fixes that look them up."""
        return LineIndex(self.doc.text)

    @cached_property
    def positions(self) -> LineIndex:
        """The index that stamps findings: :attr:`lines`, but a Word document's columns
        count from its paragraph's text (see :func:`citecheck.reader.positions.index`)."""
        return index(self.doc.text, self.doc.fmt) if self.doc.fmt == "docx" else self.lines

    @cached_property
    def titles(self) -> TitleIndex:
        """The title index used by claim-to-source matching (built on first use)."""
        from citecheck.text.match import TitleIndex

        return TitleIndex(self.doc.references)

    def forget_titles(self) -> None:
        """Let the title index go (it is built again if asked for): once the rules are
        done nothing reads it, and a long document's holds megabytes."""
        vars(self).pop("titles", None)


_BREAK = lazy(r"[\r\n]")


def first_line_end(text: str, start: int, end: int) -> int:
    """Return where the first line of ``text[start:end]`` ends (before its line break)."""
    m = _BREAK.search(text, start, end)
    return m.start() if m else end


def describe_reference(ref: Reference, width: int = 60) -> str:
    """Return ``[key] "Outlet: Title…"`` for messages."""
    label = f"[{ref.key}]" if ref.key else "reference"
    if ref.outlet and ref.title:
        body = f"{ref.outlet}: {ref.title}"
    else:
        body = ref.title or ref.text or ref.url or ""
    body = " ".join(body.split())
    if len(body) > width:
        cut = body[: width - 1]
        body = (cut.rsplit(" ", 1)[0] if " " in cut[width // 2 :] else cut).rstrip(" ,:;") + "…"
    return f'{label} "{body}"' if body else label


def listless(doc: Document) -> bool:
    """Whether the document lists nothing: no entry, no item set aside, and no text under
    any reference heading it has (a References line in a saved page's table of contents,
    whose list the copy lost). Its markers then lack one list, not each an entry. A
    heading with text under it that reads as prose still names a list the markers miss."""
    if doc.references or doc.non_references:
        return False
    for section in doc.sections:
        nl = doc.text.find("\n", section.start, section.end)
        if nl >= 0 and doc.text[nl : section.end].strip():
            return False
    return True
