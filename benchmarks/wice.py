"""WiCE dev benchmark of the support verifier, against two baselines measured in the same run.

Run from a clone with the dev extra installed::

    .venv/bin/python benchmarks/wice.py            # table
    .venv/bin/python benchmarks/wice.py --json     # the same figures as JSON

Each record of ``../shared/bench/wice/dev.jsonl`` (WiCE, Kamoi et al., EMNLP 2023; see its
README) becomes an article of one claim citing [1] with a snapshot ``<stem>.sources/1.txt``
of its evidence sentences, one a line, checked as ``citecheck verify --offline`` checks it
(row ``verify``: the reader, the parser, the sources stage's segmentation and the verifier);
row ``verifier`` gives the same claim and a ``Source`` built from the evidence lines straight
to the support verifier. Printed for both and for each baseline: balanced accuracy of
"supported" against "not_supported" and against the rest ("partially_supported" or
"not_supported"), the AUROC of the score for both, and claims
per second per core (process CPU time). Baselines: always "supported" (score 1), and plain
word overlap (the share of the claim's lower-cased non-stopword words in the best window of
three consecutive sentences), its threshold tuned on dev for each task, which favours it.
The verifier's weights and thresholds are those of ``citecheck/verifier/coefficients.py``,
fitted on this same split: its figures here are in sample. ``support_cv.py`` gives the
cross-validated ones.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WICE = ROOT.parent / "shared" / "bench" / "wice" / "dev.jsonl"
TARGETS = {"ba_not": 0.92, "auroc_not": 0.96, "ba_rest": 0.78, "auroc_rest": 0.83, "rate": 50.0}

sys.path.insert(0, str(ROOT))

from citecheck.sources.model import Source  # noqa: E402
from citecheck.verifier.passages import STOP  # noqa: E402
from citecheck.verifier.support import support  # noqa: E402

Record = dict[str, Any]


def load(path: Path = WICE, limit: int | None = None) -> list[Record]:
    """Read WiCE records (one JSON object a line), at most ``limit`` of them."""
    records = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                records.append(json.loads(line))
            if limit is not None and len(records) >= limit:
                break
    return records


def snapshot(record: Record) -> Source:
    """Build the snapshot Source of a record: its evidence sentences, one a line."""
    sentences = [" ".join(s.split()) for s in record["evidence"]]
    spans, at = [], 0
    for sentence in sentences:
        spans.append((at, at + len(sentence)))
        at += len(sentence) + 1
    meta = {}
    for sentence in sentences[:5]:
        found = re.match(r"\(meta data\) ([A-Z ]+): (.*)", sentence)
        if found:
            meta[found.group(1)] = found.group(2)
    return Source(
        key="1",
        location=f"wice:{record['meta']['id']}",
        final_url=None,
        status=None,
        state="ok" if any(sentences) else "empty",
        problem=None,
        title=meta.get("TITLE"),
        site_name=None,
        date=meta.get("PUBLISHED DATETIME"),
        text="\n".join(sentences),
        sentences=tuple(spans),
        origin="snapshot",
    )


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if w not in STOP}


def overlap(claim: str, source: Source) -> float:
    """Baseline score: the best share of claim words found in three consecutive sentences."""
    want = _words(claim)
    if not want:
        return 0.0
    sets = [_words(source.text[s:e]) for s, e in source.sentences]
    best = 0.0
    for i in range(len(sets)):
        window = set().union(*sets[i : i + 3])
        best = max(best, len(want & window) / len(want))
    return best


def auroc(scores: list[float], positive: list[bool]) -> float:
    """Area under the ROC curve (Mann-Whitney U with ties counted half)."""
    pos = [s for s, p in zip(scores, positive, strict=True) if p]
    neg = [s for s, p in zip(scores, positive, strict=True) if not p]
    if not pos or not neg:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def balanced(predicted: list[bool], positive: list[bool]) -> float:
    """Balanced accuracy: the mean of the recall of each class."""
    pairs = list(zip(predicted, positive, strict=True))
    tp = sum(1 for p, y in pairs if p and y)
    tn = sum(1 for p, y in pairs if not p and not y)
    npos = sum(positive) or 1
    nneg = (len(positive) - sum(positive)) or 1
    return (tp / npos + tn / nneg) / 2


def tuned(scores: list[float], positive: list[bool]) -> tuple[float, float]:
    """Return the best balanced accuracy over thresholds on these scores, and that threshold."""
    best = (0.0, 0.0)
    for threshold in sorted(set(scores)):
        best = max(best, (balanced([s >= threshold for s in scores], positive), threshold))
    return best


def _run(records: list[Record], score: Callable[[Record], tuple[bool, float]]) -> Any:
    start = time.process_time()
    results = [score(r) for r in records]
    return results, time.process_time() - start


def article(record: Record, folder: Path) -> Path:
    """Write a record as ``citecheck verify`` reads it: an article of one claim citing [1],
    and ``<stem>.sources/1.txt`` holding the evidence sentences, one a line."""
    stem = f"wice-{record['meta']['id']}".replace("/", "_")
    path = folder / f"{stem}.txt"
    title = snapshot(record).title or "Source"
    claim = " ".join(record["claim"].split())
    url = f"https://wice.example/{stem}"  # never fetched: the snapshot comes first, offline
    path.write_text(f'{claim} [1]\n\nReferences:\n1. "{title}". {url}\n', "utf-8")
    (folder / f"{stem}.sources").mkdir(exist_ok=True)
    (folder / f"{stem}.sources" / "1.txt").write_text(snapshot(record).text + "\n", "utf-8")
    return path


def through_verify(records: list[Record]) -> tuple[list[tuple[bool, float]], float]:
    """Run ``citecheck verify`` (the API under the command) on each record's article and
    snapshot, offline; a claim citecheck does not read as a claim counts as unsupported."""
    from citecheck.api import check_file
    from citecheck.config.settings import Settings
    from citecheck.sources.model import SourceOptions

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = [article(r, folder) for r in records]
        options = SourceOptions(offline=True, use_cache=False)
        settings = Settings(select=("unsupported-claim",))
        start = time.process_time()
        results = []
        for path in paths:
            claims = check_file(str(path), settings, sources=options).claims or []
            best = max(claims, key=lambda c: c.score, default=None)
            results.append((best.verdict == "supported", best.score) if best else (False, 0.0))
        return results, time.process_time() - start


def evaluate(records: list[Record]) -> dict[str, dict[str, float]]:
    """Run ``verify``, the verifier alone and the baselines; return the figures of each."""
    sources = [snapshot(r) for r in records]
    labels = [r["label"] for r in records]

    def verifier(i: int) -> tuple[bool, float]:
        result = support(records[i]["claim"], [sources[i]])
        return result.verdict == "supported", result.score

    def words(i: int) -> tuple[bool, float]:
        return True, overlap(records[i]["claim"], sources[i])

    figures = {}
    verified, cpu = through_verify(records)
    figures["verify"] = _figures(verified, labels, cpu, tune=False)
    for name, method in (("verifier", verifier), ("overlap", words), ("always", None)):
        if method is None:
            results, cpu = [(True, 1.0) for _ in records], 0.0
        else:
            results, cpu = _run(list(range(len(records))), method)
        figures[name] = _figures(results, labels, cpu, tune=name == "overlap")
    return figures


def _figures(
    results: list[tuple[bool, float]], labels: list[str], cpu: float, tune: bool
) -> dict[str, float]:
    out: dict[str, float] = {"rate": len(labels) / cpu if cpu else float("inf")}
    for task, keep in (("not", lambda y: y != "partially_supported"), ("rest", lambda y: True)):
        idx = [i for i, y in enumerate(labels) if keep(y)]
        positive = [labels[i] == "supported" for i in idx]
        scores = [results[i][1] for i in idx]
        if tune:
            out[f"ba_{task}"], out[f"threshold_{task}"] = tuned(scores, positive)
        else:
            out[f"ba_{task}"] = balanced([results[i][0] for i in idx], positive)
        out[f"auroc_{task}"] = auroc(scores, positive)
    return out


def _table(figures: dict[str, dict[str, float]], n: int) -> Iterable[str]:
    yield f"WiCE dev, {n} claims"
    yield (
        f"{'':10} {'BA s/not':>9} {'AUROC':>7} {'BA s/rest':>10} {'AUROC':>7} {'claims/s/core':>14}"
    )
    for name, f in figures.items():
        yield (
            f"{name:10} {f['ba_not']:9.3f} {f['auroc_not']:7.3f} {f['ba_rest']:10.3f}"
            f" {f['auroc_rest']:7.3f} {f['rate']:14.1f}"
        )
    targets = TARGETS
    yield (
        f"{'target':10} {targets['ba_not']:9.2f} {targets['auroc_not']:7.2f}"
        f" {targets['ba_rest']:10.2f} {targets['auroc_rest']:7.2f} {targets['rate']:14.0f}"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--data", type=Path, default=WICE)
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no WiCE data at {args.data}", file=sys.stderr)
        return 2
    records = load(args.data, args.limit)
    figures = evaluate(records)
    if args.json:
        print(json.dumps({"claims": len(records), "figures": figures, "targets": TARGETS}))
    else:
        print("\n".join(_table(figures, len(records))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
