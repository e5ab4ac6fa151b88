"""The data of a claim that the page's script shows when the claim is opened: verdict,
score, the passages of its sources, failed quotations with their closest passage, and the
titles and links of the entries it cites. Links are kept only for http(s) addresses."""

from __future__ import annotations

import re
from typing import Any

from citecheck.report import Claim, Finding
from citecheck.report.outline import OutlineReference
from citecheck.text.recache import lazy

_SAFE_URL = lazy(r"https?://[^\s\"'<>]+\Z", re.IGNORECASE)
_SURROGATE = lazy("[\ud800-\udfff]")


def clean(text: str) -> str:
    """Replace lone surrogates (not writable as UTF-8) with U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def safe_url(url: str | None) -> str | None:
    """Return ``url`` when it is an http(s) address fit for a link, else None
    (``javascript:``, ``data:`` and anything else is shown as text, never linked)."""
    if url and _SAFE_URL.match(url.strip()):
        return url.strip()
    return None


def ref_title(ref: OutlineReference) -> str:
    """An entry's outlet and title, as the list gives them."""
    parts = [p for p in (ref.outlet, ref.title) if p]
    return ": ".join(parts)


def ref_link(ref: OutlineReference) -> str | None:
    """An entry's address (its URL, else its DOI at doi.org), when fit for a link."""
    if ref.url:
        return safe_url(ref.url)
    if ref.doi:
        return safe_url("https://doi.org/" + ref.doi)
    return None


def evidence(claim: Claim, findings: list[Finding], sources: dict[str, int]) -> dict[str, Any]:
    """A verified claim's verdict, score, passages and failed quotations, for the script.

    Each passage names its source by number in ``sources`` (source → number, filled here),
    which the file's data lists once as ``srcs`` (see :func:`source_list`).
    """
    item: dict[str, Any] = {
        "v": claim.verdict,
        "s": claim.score,
        "e": [
            {
                "k": e.key,
                "src": sources.setdefault(e.source, len(sources)),
                "t": e.text,
                "s": e.score,
            }
            for e in claim.evidence
        ],
    }
    quotes = misquotes(claim, findings)
    if quotes:
        item["mq"] = quotes
    capped = getattr(claim, "capped_by", None)
    if capped:
        item["cap"] = [str(c) for c in capped]
    numbers = getattr(claim, "missing_numbers", None)
    if numbers:
        item["mn"] = [str(n) for n in numbers]
    return item


def source_list(sources: dict[str, int]) -> list[dict[str, str | None]]:
    """The sources passages came from, in their numbers' order: address and link."""
    return [{"s": s, "u": safe_url(s)} for s in sorted(sources, key=sources.__getitem__)]


def misquotes(claim: Claim | None, findings: list[Finding]) -> list[dict[str, Any]]:
    """Failed quotations with their closest passage and the words that differ: from the
    claim's ``misquotes`` or from ``closest``/``differs`` on quote findings, where the
    report carries them."""
    out: list[dict[str, Any]] = []
    for m in getattr(claim, "misquotes", None) or []:
        changes = getattr(m, "changes", None) or []
        words = [w for c in changes for w in str(getattr(c, "printed", "")).split()]
        out.append(
            {
                "q": str(getattr(m, "text", "")),
                "k": getattr(m, "key", None),
                "cl": str(getattr(m, "closest", "")),
                "dw": words,
            }
        )
    if out:
        return out
    for f in findings:
        closest = getattr(f, "closest", None)
        if closest is None:
            continue
        item: dict[str, Any] = {"q": f.text, "k": None, "cl": str(closest), "dw": []}
        for d in getattr(f, "differs", None) or []:
            if isinstance(d, str):
                item["dw"].extend(d.split())
            elif isinstance(d, list | tuple) and len(d) == 2:
                item.setdefault("dr", []).append([int(d[0]), int(d[1])])
        out.append(item)
    return out
