"""The benchmark's table: one row per figure, with its baseline, ratio and target."""

from __future__ import annotations

from typing import Any

TARGETS = {
    "cold_start": 1.3,
    "text_mb_s_per_core": 5.0,
    "markdown_speedup": 6.0,
    "scaling": 1.2,
    "batch_rss_mb": 200.0,
    "doc_rss_mb": 200.0,
    "verify_claims_s_per_core": 50.0,
    "verify_growth": 1.2,
}


def _fmt_s(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _verdict(value: float | None, limit: float, above: bool = False) -> str:
    if value is None:
        return "n/a"
    return "yes" if (value >= limit if above else value <= limit) else "no"


def _row(figure: str, ours: str, base: str, ratio: str, target: str, met: str) -> dict[str, str]:
    return {
        "figure": figure,
        "citecheck": ours,
        "baseline": base,
        "ratio": ratio,
        "target": target,
        "met": met,
    }


def rows(results: dict[str, Any], corpus: dict[str, Any]) -> list[dict[str, str]]:
    """The table: one row per figure, with its baseline, ratio and target."""
    return [
        _cold_start(results["cold_start"]),
        *_text(results, corpus["text"]),
        *_markdown(results["markdown_1"], results["peer"], corpus["markdown"]),
        *_documents(results, corpus),
        *_verification(results.get("verification", {})),
    ]


def _cold_start(cs: dict[str, Any]) -> dict[str, str]:
    return _row(
        f"cold start: check one article, JSON (median of {cs['runs']})",
        _fmt_s(cs["citecheck_s"]),
        f"bare import of the runtime dependencies {_fmt_s(cs['bare_import_s'])}",
        f"{cs['ratio']:.2f}× (CPU {cs['cpu_ratio']:.2f}×)",
        f"≤ {TARGETS['cold_start']}×",
        _verdict(cs["ratio"], TARGETS["cold_start"]),
    )


def _text(res: dict[str, Any], t: dict[str, Any]) -> list[dict[str, str]]:
    out = []
    size = f"{t['files']:,} articles, {t['bytes'] / 1e6:.1f} MB"
    for key, jobs in (("text_1", 1), ("text_2", 2)):
        r = res[key]
        name = f"plain text, {size}, " + ("1 process" if jobs == 1 else "--jobs 2")
        if "skipped" in r or "error" in r:
            reason = str(r.get("skipped") or r.get("error"))
            out.append(_row(name, "not available", reason, "", "", "n/a"))
            continue
        per_core = r["mb_cpu_s"]
        base = f"{per_core:.2f} MB per CPU-second"
        if jobs > 1 and "parallel_capacity" in res:
            base += f"; two busy processes ran {res['parallel_capacity']:.1f}× one here"
        out.append(
            _row(
                name,
                f"{_fmt_s(r['wall'])}: {r['mb_s']:.2f} MB/s, {r['articles_s']:,.0f} articles/s",
                base,
                f"{per_core / TARGETS['text_mb_s_per_core']:.2f}× target",
                f"≥ {TARGETS['text_mb_s_per_core']:.0f} MB per CPU-second",
                _verdict(per_core, TARGETS["text_mb_s_per_core"], above=True),
            )
        )
    return out


def _markdown(md: dict[str, Any], p: dict[str, Any], m: dict[str, Any]) -> list[dict[str, str]]:
    name = f"Markdown, {m['files']:,} files, {m['bytes'] / 1e6:.1f} MB, 1 process"
    ours = f"{_fmt_s(md['wall'])}: {md['mb_s']:.2f} MB/s"
    if "skipped" in p:
        return [_row(name, ours, f"markdownlint-cli2: {p['skipped']}", "", "", "n/a")]
    full, only = p["parse"], p["only"]
    speedup = full["wall"] / md["wall"]
    return [
        _row(
            name,
            ours,
            f"markdownlint-cli2 MD052+MD053 {_fmt_s(full['wall'])} ({full['findings']:,} findings)",
            f"{speedup:.2f}× as fast (CPU {full['cpu'] / md['cpu']:.2f}×)",
            f"≥ {TARGETS['markdown_speedup']:.0f}× as fast",
            _verdict(speedup, TARGETS["markdown_speedup"], above=True),
        ),
        _row(
            "markdownlint-cli2 with only MD052+MD053 enabled (parses nothing)",
            "",
            f"{_fmt_s(only['wall'])} ({only['findings']:,} findings)",
            f"{only['wall'] / md['wall']:.2f}× as fast",
            "",
            "",
        ),
    ]


def _documents(res: dict[str, Any], corpus: dict[str, Any]) -> list[dict[str, str]]:
    d2, d20 = res["doc_small"], res["doc_large"]
    small = round(corpus["doc_small_bytes"] / 1e6, 1)
    large = round(corpus["doc_large_bytes"] / 1e6, 1)
    linear = 10 * d2["wall"]
    done = d20["code"] is not None
    scale = d20["wall"] / linear if done else None
    rss = res["text_1"].get("rss_mb")
    bare = res["cold_start"]["bare_import_rss_mb"]
    files = corpus["text"]["files"]
    return [
        _row(
            f"one {small:g} MB → one {large:g} MB document",
            f"{_fmt_s(d2['wall'])} → "
            + (_fmt_s(d20["wall"]) if done else f"> {_fmt_s(d20['wall'])} (stopped)"),
            f"10 × the {small:g} MB time: {_fmt_s(linear)}",
            f"{scale:.2f}× (CPU {d20['cpu'] / (10 * d2['cpu']):.2f}×)" if scale else "",
            f"≤ {TARGETS['scaling']}×",
            _verdict(scale, TARGETS["scaling"]),
        ),
        _row(
            f"peak RSS, {files:,}-file batch, 1 process",
            f"{rss:.0f} MB" if rss else "n/a",
            f"bare import {bare:.0f} MB",
            f"{rss / bare:.1f}×" if rss else "",
            f"≤ {TARGETS['batch_rss_mb']:.0f} MB",
            _verdict(rss, TARGETS["batch_rss_mb"]),
        ),
        _row(
            f"peak RSS, {large:g} MB document",
            f"{d20['rss_mb']:.0f} MB" if done else "n/a",
            f"bare import {bare:.0f} MB",
            f"{d20['rss_mb'] / bare:.1f}×" if done else "",
            f"≤ {TARGETS['doc_rss_mb']:.0f} MB",
            _verdict(d20["rss_mb"] if done else None, TARGETS["doc_rss_mb"]),
        ),
    ]


def _verification(v: dict[str, Any]) -> list[dict[str, str]]:
    out = []
    wice, scale = v.get("wice", {}), v.get("scale", {"skipped": "not measured"})
    name = "verification, WiCE dev, through verify --offline"
    measured = scale.get("wice")
    if not measured:
        why = wice.get("skipped") or scale.get("skipped") or "no WiCE data"
        out.append(_row(name, "not available", str(why), "", "", "n/a"))
    else:
        rate = measured["verify_per_s"]
        base = (
            f"word-overlap baseline {wice['overlap']['rate']:,.0f} claims per CPU-second"
            if "overlap" in wice
            else f"verifier alone {measured['verifier_per_s']:.0f} claims per CPU-second"
        )
        out.append(
            _row(
                f"{name} ({measured['claims']:,} claims)",
                f"{rate:.0f} claims per CPU-second",
                base,
                f"{rate / TARGETS['verify_claims_s_per_core']:.2f}× target",
                f"≥ {TARGETS['verify_claims_s_per_core']:.0f} claims per CPU-second",
                _verdict(rate, TARGETS["verify_claims_s_per_core"], above=True),
            )
        )
    name = "verification vs source length"
    if "skipped" in scale:
        return [*out, _row(name, "not available", str(scale["skipped"]), "", "", "n/a")]
    sizes = sorted((int(n), f) for n, f in scale["sizes"].items())
    (small, before), (large, after) = sizes[-2], sizes[-1]
    growth = after["cpu_s"] / (large / small * before["cpu_s"])
    out.append(
        _row(
            f"{name}: {' → '.join(format(n, ',') for n, _ in sizes)} sentences, "
            f"{scale['claims']} claims",
            " → ".join(f"{f['per_claim_ms']:.1f}" for _, f in sizes) + " ms per claim",
            f"linear from {small:,} sentences: {before['per_claim_ms'] * large / small:.1f} ms",
            f"{growth:.2f}× linear",
            f"≤ {TARGETS['verify_growth']}× linear",
            _verdict(growth, TARGETS["verify_growth"]),
        )
    )
    return out


def table(data: list[dict[str, str]]) -> str:
    """Render rows as a Markdown table."""
    heads = ["figure", "citecheck", "baseline", "ratio", "target", "met"]
    lines = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    lines.extend("| " + " | ".join(str(r.get(h, "")) for h in heads) + " |" for r in data)
    return "\n".join(lines)
