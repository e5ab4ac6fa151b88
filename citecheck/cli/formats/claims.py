"""The table of verified claims that the text format prints after a file's findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from citecheck.report import FileReport, FileStats, Summary

if TYPE_CHECKING:
    from rich.console import Console

_STYLE = {
    "supported": "green",
    "partially_supported": "yellow",
    "unsupported": "bold red",
    "unverifiable": "dim",
}
_WIDTH = 72


def _short(text: str, width: int = _WIDTH) -> str:
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[width // 2 :] else cut) + "…"


def render_claims(console: Console, file: FileReport) -> None:
    """Print each verified claim: where, verdict, score, cited keys, text, best passage."""
    from rich.text import Text

    if not file.claims:
        return
    console.print(Text(f"{file.path}: claims checked against their sources", style="bold"))
    for claim in file.claims:
        row = Text("  ")
        row.append(f"{claim.line}:{claim.column}".ljust(8))
        row.append(claim.verdict.replace("_", " ").ljust(20), style=_STYLE[claim.verdict])
        row.append(f"{claim.score:.2f}  ")
        row.append("".join(f"[{k}]" for k in claim.cites).ljust(8) + " ")
        row.append(_short(claim.text))
        console.print(row)
        if claim.evidence:
            best = claim.evidence[0]
            console.print(Text(f'{"":38}[{best.key}] "{_short(best.text)}"', style="dim"))


def render_found(console: Console, file: FileReport) -> None:
    """Print each source a search found for an entry that lists no URL:
    ``[1] found: URL (search)``, in list order."""
    from rich.text import Text

    found = [w for w in file.works or () if w.found]
    if not found:
        return
    console.print(Text(f"{file.path}: sources found", style="bold"))
    for work in found:
        row = Text("  ")
        row.append(f"{work.line}:{work.column}".ljust(8))
        row.append(f"[{work.key}] " if work.key else "")
        row.append(f"found: {work.found} ({work.found_by or 'search'})")
        console.print(row)


def verdicts(s: FileStats | Summary) -> str:
    """``4 claims verified: 2 supported, …`` for a run of verify, else nothing."""
    if not (s.verified or s.unverifiable):
        return ""
    return (
        f"{s.verified} claims verified: {s.supported} supported, "
        f"{s.partially_supported} partially supported, {s.unsupported} unsupported, "
        f"{s.unverifiable} unverifiable"
    )
