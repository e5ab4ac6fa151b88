"""A numeric group's keys: ``[1, 2]``, ``[1-3]``, ``[1–3; 5]`` expanded into the
reference numbers they cite, with what is malformed about a group (an empty element,
a zero, a range that runs backwards or spans more than 500 references)."""

from __future__ import annotations

from citecheck.text.recache import lazy

__all__ = ["parse_numeric"]

_RANGE = lazy(r"^(\d+)\s*[-–—]\s*(\d+)$")
_MAX_RANGE = 500
_SEPARATORS = lazy(r"[,;]")


def parse_numeric(content: str) -> tuple[tuple[str, ...], str | None]:
    """Expand a numeric group into keys; return a problem description when malformed."""
    keys: list[str] = []
    problem: str | None = None
    for piece in _SEPARATORS.split(content):
        part = piece.strip()
        if not part:
            problem = problem or "empty element"
            continue
        if part.isdigit():
            if int(part) == 0:
                problem = problem or "reference numbers start at 1"
                continue
            keys.append(str(int(part)))
            continue
        m = _RANGE.match(part)
        if not m:
            problem = problem or f"{part!r} is not a number or a range"
            continue
        lo, hi = int(m.group(1)), int(m.group(2))
        if lo == 0:
            problem = problem or f"range {part!r} starts at 0; reference numbers start at 1"
        elif hi <= lo:
            problem = problem or f"range {part!r} runs backwards"
        elif hi - lo > _MAX_RANGE:
            problem = problem or f"range {part!r} spans more than {_MAX_RANGE} references"
        else:
            keys.extend(str(n) for n in range(lo, hi + 1))
    return tuple(keys), problem
