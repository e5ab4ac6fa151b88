"""Rewrite one marker group for new keys: renumbered, redirected or repeated keys dropped.

A numeric bracket keeps its prefix (``[Source 1]``), separator and dash; a range stays a
range while its numbers stay consecutive and is split when they stop being (``[1-3]`` with
2 gone becomes ``[1, 3]``). Footnotes, labels and reference-style links get the new key in
their brackets. A marker that loses all its keys is removed with the separator before it.
"""

from __future__ import annotations

from collections.abc import Callable

from citecheck.fixer.edits import Edit
from citecheck.model import Marker, MarkerKind
from citecheck.text.recache import lazy

Target = Callable[[Marker, str], str | None]
"""(marker, key as written) → the key it must cite now; None when it points nowhere."""


class Unfixable(ValueError):
    """A marker whose text cannot be rewritten to the keys it must cite."""


_ITEM = lazy(r"(\d+)(?:(\s*[-–—]\s*)(\d+))?")
_IEEE = lazy(r"^\[(\d+)\](\s*[-–—]\s*)\[(\d+)\]$")
_FULLWIDTH = lazy(r"\d+")


def _runs(values: list[int], dash: str) -> list[str]:
    """Numbers in ascending order, three or more consecutive ones written as a range."""
    out: list[str] = []
    values = sorted(values)
    i = 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and values[j + 1] == values[j] + 1:
            j += 1
        if j - i >= 2:
            out.append(f"{values[i]}{dash}{values[j]}")
        else:
            out.extend(str(v) for v in values[i : j + 1])
        i = j + 1
    return out


class Group:
    """The keys one marker group has cited so far, to drop repeats."""

    def __init__(self, dedupe: bool) -> None:
        self.dedupe = dedupe
        self.seen: dict[str, set[str]] = {}

    def keep(self, old: str, new: str) -> bool:
        """Whether a key stays: a repeat is dropped when the group is deduplicated or when
        the repeat is new (two keys that now cite one reference)."""
        origins = self.seen.get(new)
        if origins is not None and (self.dedupe or old not in origins):
            return False
        self.seen.setdefault(new, set()).add(old)
        return True


def _numeric(marker: Marker, target: Target, group: Group) -> str:
    raw = marker.raw
    if raw.startswith("【"):
        new = target(marker, marker.keys[0])
        if new is None or not group.keep(marker.keys[0], new):
            return ""
        m = _FULLWIDTH.search(raw)
        assert m is not None
        return raw[: m.start()] + new + raw[m.end() :]
    if m := _IEEE.match(raw):
        items, dash = [(m.group(1), m.group(3))], m.group(2)
        prefix, suffix, sep, ieee = "", "", ", ", True
    else:
        found = list(_ITEM.finditer(raw))
        if not found or not raw.startswith("[") or not raw.endswith("]"):
            raise Unfixable(raw)
        items = [(f.group(1), f.group(3)) for f in found]
        dash = next((f.group(2) for f in found if f.group(2)), "–")
        prefix, suffix = raw[: found[0].start()], raw[found[-1].end() :]
        sep = raw[found[0].end() : found[1].start()] if len(found) > 1 else ", "
        ieee = False
    expected = [str(n) for lo, hi in items for n in range(int(lo), int(hi or lo) + 1)]
    if tuple(expected) != marker.keys:
        raise Unfixable(raw)  # the text does not spell the keys out (a link cited by URL)
    pieces: list[str] = []
    for lo, hi in items:
        olds = [str(n) for n in range(int(lo), int(hi or lo) + 1)]
        news = [(o, target(marker, o)) for o in olds]
        kept = [int(n) for o, n in news if n is not None and group.keep(o, n)]
        if hi and len(kept) > 1 and kept == list(range(kept[0], kept[0] + len(kept))):
            pieces.append(f"{kept[0]}{dash}{kept[-1]}")
        else:
            pieces.extend(_runs(kept, dash) if hi else [str(k) for k in kept])
    if not pieces:
        return ""
    if ieee:
        if len(pieces) == 1 and "-" not in pieces[0] and dash not in pieces[0]:
            return f"[{pieces[0]}]"
        parts = [p.replace(dash, "]" + dash + "[") if not p.isdigit() else p for p in pieces]
        return ", ".join(f"[{p}]" for p in parts)
    return prefix + sep.join(pieces) + suffix


def rewrite(marker: Marker, target: Target, group: Group) -> str:
    """Return the marker's new text ("" when it cites nothing any more).

    Raises :class:`Unfixable` when the text cannot say the new keys.
    """
    if marker.problem or not marker.keys:
        return marker.raw
    if marker.kind is MarkerKind.NUMERIC:
        if all(target(marker, k) == k for k in marker.keys) and not _repeats(marker, group):
            for k in marker.keys:
                group.keep(k, k)
            return marker.raw
        return _numeric(marker, target, group)
    key = marker.keys[0]
    new = target(marker, key)
    if new is None or not group.keep(key, new):
        return ""
    if new == key:
        return marker.raw
    label = new.removeprefix("^") if marker.kind is MarkerKind.FOOTNOTE else new
    inner = marker.raw[1:-1]
    if marker.kind is MarkerKind.FOOTNOTE:
        return f"[^{label}]"
    if not (marker.raw.startswith("[") and marker.raw.endswith("]")) or "](" in marker.raw:
        raise Unfixable(marker.raw)  # a named link cites by its address, not its text
    if marker.kind is MarkerKind.LINK and " ".join(inner.split()).casefold() != key.casefold():
        raise Unfixable(marker.raw)
    return f"[{label}]"


def _repeats(marker: Marker, group: Group) -> bool:
    """Whether some key of the marker would be dropped as a repeat."""
    seen = group.seen
    if group.dedupe and len(set(marker.keys)) < len(marker.keys):
        return True
    return any(k in seen and (group.dedupe or k not in seen[k]) for k in marker.keys)


def _extent(text: str, marker: Marker) -> int:
    """Where the marker's construct ends: past ``(url)`` of ``[1](url)``, ``[]`` of ``[1][]``."""
    end = marker.end
    if text.startswith("[]", end) and marker.kind is MarkerKind.LINK:
        return end + 2
    if text.startswith("(", end) and marker.kind is MarkerKind.NUMERIC:
        depth = 0
        for i in range(end, min(len(text), end + 2000)):
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            if text[i] == "\n" and text[i - 1 : i + 1] == "\n\n":
                break
            if depth == 0:
                return i + 1
        raise Unfixable(marker.raw)
    return end


def group_edits(
    text: str, run: list[Marker], target: Target, dedupe: bool, rule: str
) -> list[Edit]:
    """Return the edits that make one marker group cite what ``target`` says."""
    group = Group(dedupe)
    new = [rewrite(m, target, group) for m in run]
    if all(n == m.raw for n, m in zip(new, run, strict=True)):
        return []
    if not any(new):
        raise Unfixable(run[0].raw)  # every citation of the group would vanish
    edits: list[Edit] = []
    kept = [i for i, n in enumerate(new) if n]
    for i, (marker, raw) in enumerate(zip(run, new, strict=True)):
        if raw:
            if raw != marker.raw:
                edits.append(Edit(marker.start, marker.raw, raw, rule))
            continue
        end = _extent(text, marker)
        label_of_link = (
            marker.kind is MarkerKind.LINK and text[marker.start - 1 : marker.start] == "]"
        )
        if label_of_link and (i == 0 or run[i - 1].end != marker.start):
            raise Unfixable(marker.raw)  # the label of ``[text][1]``: the link would change
        if any(k < i for k in kept):
            start = _extent(text, run[i - 1])  # with the separator before it
        else:
            start, end = marker.start, run[i + 1].start  # with the separator after it
        if start >= end:
            raise Unfixable(marker.raw)  # markers that overlap: no span is this one's alone
        edits.append(Edit(start, text[start:end], "", rule))
    return edits
