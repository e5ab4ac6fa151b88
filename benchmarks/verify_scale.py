"""How verification grows with the length of the cited source, and claims per second per core.

Run from a clone with the dev extra installed::

    .venv/bin/python benchmarks/verify_scale.py            # table
    .venv/bin/python benchmarks/verify_scale.py --json     # the same figures as JSON

From a seed (no network) it writes, for each size, an article of ``CLAIMS`` claims citing
``[1]`` and its snapshot ``<stem>.sources/1.txt``: news-like sentences (announcements,
figures with percentages, money and dates, quoted officials) of which the claims restate a
few, planted anywhere in the source. A third of the claims restate a sentence, a sixth
change its number (CC204 path), a third quote it, verbatim or with a word changed (CC203's
verbatim and near-match paths), the rest match nothing. Each article is verified as
``citecheck verify --offline`` verifies it (``check_file`` with offline ``SourceOptions``:
reading the snapshot, cutting it into sentences, the verifier and the CC2xx rules) in a
fresh child process, after a warm-up on a small article so that lazy imports are not
counted, ``--repeat`` times; the median process CPU time is kept.

Printed per size: CPU time per claim and per source sentence, claims per second per core,
and the growth against linear, ``time(10 n) / (10 x time(n))`` (1.0 is linear; target
<= 1.2). With ``../shared/bench/wice/dev.jsonl`` present, the WiCE dev claims per second per
core through ``verify`` and through the verifier alone are measured the same way.
:func:`measure` returns the figures as a dict for ``benchmarks/bench.py``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WICE = ROOT.parent / "shared" / "bench" / "wice" / "dev.jsonl"
SIZES = (100, 1_000, 10_000)
CLAIMS = 24
TARGET_GROWTH = 1.2

FIRST = ("Maria", "Daniel", "Amira", "Kenji", "Olga", "Tomas", "Leila", "Samuel", "Ines", "Piotr")
SYLLABLES = ("ka", "lo", "ver", "min", "sa", "dor", "ten", "ri", "bel", "mar", "os", "tu", "ne")
ROLES = ("spokesperson", "mayor", "finance minister", "chief executive", "union leader")
ORGS = ("finance ministry", "central bank", "transport agency", "city council", "state utility")
TOPICS = (
    "water rationing", "rail freight", "border controls", "fishing quotas", "grain exports",
    "wildfire prevention", "housing subsidies", "hospital staffing", "coal power", "bus fares",
)  # fmt: skip
VERBS = ("announced", "rejected", "approved", "postponed", "criticised", "unveiled", "defended")
ACTIONS = ("expand", "restrict", "review", "fund", "phase out", "overhaul", "cap")
MONTHS = ("January", "March", "April", "June", "September", "October", "November")
PLEDGES = ("let", "allow", "accept", "see")


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _fact(rng: random.Random) -> dict[str, str]:
    """The pieces of one news sentence: who, what, where, when and how much."""
    return {
        "person": f"{rng.choice(FIRST)} {_name(rng)}",
        "place": _name(rng),
        "org": rng.choice(ORGS),
        "role": rng.choice(ROLES),
        "topic": rng.choice(TOPICS),
        "verb": rng.choice(VERBS),
        "action": rng.choice(ACTIONS),
        "pledge": rng.choice(PLEDGES),
        "pct": f"{rng.randint(1, 49)}.{rng.randint(1, 9)}",
        "money": f"${rng.randint(2, 90)}.{rng.randint(1, 9)}bn",
        "count": f"{rng.randint(2, 99)},{rng.randint(100, 999)}",
        "date": f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2001, 2024)}",
    }


SENTENCES = (
    "The {org} {verb} a plan to {action} {topic} in {place} on {date}, officials said.",
    "Spending on {topic} rose by {pct}% to {money} last year, the {org} said in a statement.",
    '"We will not {pledge} {topic} become a burden for the families of {place}," '
    "{person}, the {role}, told reporters.",
    "About {count} people signed a petition in {place} asking the {org} to {action} {topic}.",
    "{person} said the {topic} programme in {place} would cost {money} over five years.",
    "Critics in {place} argue that the rules on {topic} have done little so far.",
)
CLAIM_FORMS = (
    ("The {org} {verb} a plan to {action} {topic} in {place} on {date}.", 0),
    ("According to the {org}, spending on {topic} rose {pct}% to {money}.", 1),
    ("About 71,354 people in {place} signed a petition about {topic}.", 3),  # not in the source
    ('{person} said: "We will not {pledge} {topic} become a burden for the families".', 2),
    ('{person} said "we will never {pledge} {topic} become a burden for the families".', 2),
    ("Schools in {place} will close for 61.37% of the winter, inspectors said.", -1),
)


def build(folder: Path, sentences: int, claims: int = CLAIMS, seed: int = 0) -> Path:
    """Write an article of ``claims`` claims citing [1] and its snapshot of ``sentences``
    sentences (paragraphs of a few sentences, one a line) into ``folder``; return the
    article's path. Claim ``i`` has the form ``CLAIM_FORMS[i % 6]`` and restates (or
    misquotes, or changes a number of) the ``i``-th planted sentence of the source."""
    rng = random.Random(f"{seed}:{sentences}:{claims}")
    spots = set(rng.sample(range(sentences), min(claims, sentences)))
    planted: list[dict[str, str]] = []
    lines: list[str] = []
    for index in range(sentences):
        fact = _fact(rng)
        form = rng.randrange(len(SENTENCES))
        if index in spots:
            form = CLAIM_FORMS[len(planted) % len(CLAIM_FORMS)][1] % len(SENTENCES)
            planted.append(fact)
        sentence = SENTENCES[form].format(**fact)
        if lines and rng.random() < 0.6:
            lines[-1] += " " + sentence
        else:
            lines.append(sentence)
    text = [
        CLAIM_FORMS[i % len(CLAIM_FORMS)][0].format(**planted[i % len(planted)]) + " [1]"
        for i in range(claims)
    ]
    stem = f"scale-{sentences}"
    article = folder / f"{stem}.txt"
    article.write_text(
        "Officials weigh new spending plans\n"
        + "\n".join(text)
        + '\n\nReferences:\n1. Civic Monitor: "Officials weigh new spending plans"\n',
        "utf-8",
    )
    (folder / f"{stem}.sources").mkdir(exist_ok=True)
    (folder / f"{stem}.sources" / "1.txt").write_text("\n".join(lines) + "\n", "utf-8")
    return article


_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from citecheck.api import check_file
from citecheck.config.settings import Settings
from citecheck.sources.model import SourceOptions
options = SourceOptions(offline=True, use_cache=False)
settings = Settings(select=("ALL",))
check_file(sys.argv[2], settings, sources=options)  # warm-up: lazy imports, caches of code
start = time.process_time()
report = check_file(sys.argv[3], settings, sources=options)
cpu = time.process_time() - start
codes = sorted({f.code for f in report.findings})
print(json.dumps({"cpu": cpu, "claims": len(report.claims or []), "codes": codes}))
"""

_WICE_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[1] + "/benchmarks")
import wice
records = wice.load()
wice.through_verify(records[:3])
_, verify_cpu = wice.through_verify(records)
sources = [wice.snapshot(r) for r in records]
start = time.process_time()
for record, source in zip(records, sources):
    wice.support(record["claim"], [source])
print(json.dumps({"claims": len(records), "verify": verify_cpu,
                  "verifier": time.process_time() - start}))
"""


def _child(code: str, *args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", code, str(ROOT), *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=str(ROOT),
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def measure(
    seed: int = 0, *, repeat: int = 3, sizes: tuple[int, ...] = SIZES, wice: bool = True
) -> dict[str, Any]:
    """Measure verification at each source size, and on WiCE dev when present and ``wice``.

    Returns ``{"claims": CLAIMS, "target_growth": TARGET_GROWTH, "sizes": {n: {"cpu_s",
    "per_claim_ms", "per_sentence_us", "claims_per_s", "verified", "codes"}}, "growth":
    {"100->1000": ratio, ...}, "wice": {"claims", "verify_per_s", "verifier_per_s"} or
    None}``. ``cpu_s`` is the median over ``repeat`` fresh child processes of the CPU seconds
    of verifying the article of ``n`` source sentences; ``verified`` the claims its report
    has and ``codes`` its finding codes. A growth ratio is ``cpu(large) / (large / small x
    cpu(small))``: 1.0 is linear. Raises ``subprocess.CalledProcessError`` if a child fails.
    """
    out: dict[str, Any] = {"claims": CLAIMS, "target_growth": TARGET_GROWTH, "sizes": {}}
    with tempfile.TemporaryDirectory(prefix="citecheck-vscale-") as tmp:
        folder = Path(tmp)
        warm = build(folder, 20, 6, seed)
        for n in sizes:
            article = build(folder, n, CLAIMS, seed)
            runs = [_child(_CHILD, str(warm), str(article)) for _ in range(repeat)]
            cpu = statistics.median(r["cpu"] for r in runs)
            out["sizes"][n] = {
                "cpu_s": cpu,
                "per_claim_ms": 1000 * cpu / CLAIMS,
                "per_sentence_us": 1e6 * cpu / n,
                "claims_per_s": CLAIMS / cpu,
                "verified": runs[0]["claims"],
                "codes": runs[0]["codes"],
            }
    growth = {}
    for small, large in itertools.pairwise(sizes):
        ratio = large / small
        cost = out["sizes"][large]["cpu_s"] / (ratio * out["sizes"][small]["cpu_s"])
        growth[f"{small}->{large}"] = cost
    out["growth"] = growth
    out["wice"] = None
    if wice and WICE.exists():
        runs = [_child(_WICE_CHILD) for _ in range(repeat)]
        claims = runs[0]["claims"]
        out["wice"] = {
            "claims": claims,
            "verify_per_s": claims / statistics.median(r["verify"] for r in runs),
            "verifier_per_s": claims / statistics.median(r["verifier"] for r in runs),
        }
    return out


def table(fig: dict[str, Any]) -> str:
    """The figures of :func:`measure` as a plain-text table."""
    rows = [
        f"{fig['claims']} claims citing one snapshot source (CPU, median of fresh processes)",
        f"{'sentences':>10} {'CPU s':>8} {'ms/claim':>9} {'us/sentence':>12} "
        f"{'claims/s/core':>14}  findings",
    ]
    for n, f in fig["sizes"].items():
        rows.append(
            f"{int(n):>10,} {f['cpu_s']:8.3f} {f['per_claim_ms']:9.2f} {f['per_sentence_us']:12.1f}"
            f" {f['claims_per_s']:14.1f}  {' '.join(f['codes'])}"
        )
    for step, ratio in fig["growth"].items():
        met = "yes" if ratio <= fig["target_growth"] else "no"
        rows.append(f"growth {step}: {ratio:.2f}x linear (target <= {fig['target_growth']}): {met}")
    if fig["wice"]:
        w = fig["wice"]
        rows.append(
            f"WiCE dev, {w['claims']} claims: verify {w['verify_per_s']:.1f} claims/s/core,"
            f" verifier alone {w['verifier_per_s']:.1f}"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Run the measurement and print its table (or JSON)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    args = parser.parse_args(argv)
    fig = measure(args.seed, repeat=args.repeat, sizes=tuple(args.sizes))
    print(json.dumps(fig) if args.json else table(fig))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
