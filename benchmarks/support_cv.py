"""Fit the support model on WiCE dev and report it out of fold, beside the hand-set scorer.

Run from a clone with the dev extra installed::

    .venv/bin/python benchmarks/support_cv.py                 # table of figures
    .venv/bin/python benchmarks/support_cv.py --write citecheck/verifier/coefficients.py
    .venv/bin/python benchmarks/support_cv.py --citint /work/realdocs/citint  # + another set

Data: ``../shared/bench/wice/dev.jsonl`` (WiCE, Kamoi et al., EMNLP 2023; 349 claims), each
record read as ``citecheck verify`` reads its snapshot ``<stem>.sources/1.txt``. WiCE's test
split is never read. Model: a logistic regression (``fitting.py``: L2 penalty ``LAMBDA`` on
standardised features, fitted by Newton's method in numpy) of supported against the rest,
on the candidate features of ``citecheck/verifier/features.py`` but those in ``DROPPED``
(``--ablation`` drops each candidate in turn; ``--nested`` adds a row whose features are
chosen inside every training fold by backward elimination on grouped cross-validated
AUROC). The verdict thresholds are fitted on the probability: ``SUPPORTED`` maximises the
mean balanced accuracy of the two tasks, ``PARTIAL`` the balanced accuracy of "partly or
wholly supported" against not supported. With ``STRICT``, ``supported`` also needs every
name and number of the claim somewhere in the sources (the rule of the hand-set scorer);
the rows "fitted model" and "fitted, no strict" measure both.

Honest figures: grouped k-fold cross-validation, a group being the Wikipedia article the
claims come from (a claim's siblings cite the same pages), repeated with reshuffled folds.
Everything fitted (weights, thresholds, and with ``--nested`` the features) is fitted on the
training folds only and predicts the held-out fold. Printed per scorer: balanced
accuracy (BA) and AUROC of supported against not supported ("s/not") and against the rest
("s/rest"), the mean over the repeats with a 95 % confidence interval from a bootstrap over
articles (``BOOTSTRAP`` resamples of the first repeat's out-of-fold predictions), and claims
per CPU-second of the scorer alone (process time from empty caches, same run). Rows: the
fitted model; the hand-set scorer it replaces, with its threshold fitted in the folds
("hand-set, CV") and as it shipped (constants chosen on this same dev split earlier, so its
figures are in sample and flatter it); plain word overlap (share of the claim's non-stopwords in the
best three-sentence window), its threshold fitted in the same folds.

With ``--citint DIR`` (Citation-Integrity, ``benchmarks/citint.py``: biomedical citing
sentences against passages of the cited paper, supported or not, no partial label) two more
tables: the same cross-validation on its train split (grouped by cited passage; one shuffle),
and its dev and test splits scored by every scorer exactly as fitted on WiCE dev (weights
and thresholds), a held-out, out-of-domain check.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import wice
from fitting import (
    FOLDS,
    LAMBDA,
    Array,
    Fitted,
    Recipe,
    best_threshold,
    bootstrap,
    figures,
    gated_out_of_fold,
    out_of_fold,
    overlap_out_of_fold,
    train,
)

from citecheck.sources.extract import extract, sentences
from citecheck.sources.model import Source
from citecheck.verifier import windows as win
from citecheck.verifier.features import FEATURES, lexical, match, strict
from citecheck.verifier.parts import claim_parts

BOOTSTRAP = 2000
DROPPED = ("best_window", "rare_missing", "negation", "fuzzy", "passages", "has_number", "parts")
"""Candidate features the shipped model leaves out: dropping any one of them from all 21
lowers none of the four figures of the grouped cross-validation by more than 0.002, and
dropping all seven raises all four (``--ablation``)."""
HAND_SUPPORTED = 0.353
"""Threshold of the hand-set scorer (its score, with every name and number somewhere)."""


def as_snapshot(record: wice.Record) -> Source:
    """The record's snapshot as the sources stage reads ``<stem>.sources/1.txt``."""
    line = wice.snapshot(record)
    got = extract((line.text + "\n").encode(), None, "1.txt", {})
    spans = sentences(got.text, got.media_type)
    return replace(line, text=got.text, sentences=spans, title=got.title, date=got.date)


# -- the scorers -----------------------------------------------------------------------------


def cold() -> None:
    """Empty the verifier's caches (stems, indexes, numbers) so each scorer is timed alike."""
    from citecheck.verifier import matching, numbers, passages

    for cached in (passages.stem, passages.prepare, matching.index, matching._printed):
        cached.cache_clear()
    for name in dir(numbers):
        clear = getattr(getattr(numbers, name), "cache_clear", None)
        if clear is not None:
            clear()


def timed(fn: Callable[[int], object], n: int) -> tuple[list, float]:
    """Run ``fn`` on 0..n-1 from empty caches; return the results and claims per CPU-second."""
    cold()
    start = time.process_time()
    out = [fn(i) for i in range(n)]
    spent = time.process_time() - start
    return out, n / spent if spent else float("inf")


def hand_set(claim: str, source: Source) -> tuple[float, bool]:
    """The hand-set scorer: its score and whether every name and number is somewhere."""
    parts = claim_parts(claim)
    if not parts or not source.text.strip():
        return 0.0, False
    looks = [win.lookup(claim, parts, source)]
    chosen = win.choose(parts, win.windows(parts, looks[0]))
    covered = [max(w.found[i] for w in chosen) for i in range(len(parts))]
    there = win.anywhere(parts, looks)
    return lexical(parts, covered, there), strict(parts, there)


def make_recipes(nested: bool, ablation: bool) -> dict[str, Recipe]:
    """The fitted rows of the table: the shipped recipe, without the strict rule, and on
    request features selected in the folds or each candidate dropped in turn."""
    kept = tuple(i for i, name in enumerate(FEATURES) if name not in DROPPED)
    recipes = {"fitted model": Recipe(kept, True), "fitted, no strict": Recipe(kept, False)}
    if nested:
        recipes["fitted, selected"] = Recipe(None, True)
    if ablation:
        everything = tuple(range(len(FEATURES)))
        recipes["all candidates"] = Recipe(everything, True)
        for drop in everything:
            rest = tuple(c for c in everything if c != drop)
            recipes[f"- {FEATURES[drop]}"] = Recipe(rest, True)
    return recipes


@dataclass
class Data:
    """One data set ready to score: its labels, groups, features and the baselines' scores,
    with each scorer's claims per CPU-second."""

    name: str
    labels: Array
    groups: list[str]
    x: Array
    gate: Array
    hand_scores: Array
    hand_said: Array
    word_scores: Array
    rates: dict[str, float]


def prepare(name: str, records: list[wice.Record]) -> Data:
    """Read each record's snapshot as ``verify`` does and compute every scorer's scores."""
    claims = [" ".join(r["claim"].split()) for r in records]
    sources = [as_snapshot(r) for r in records]
    n = len(records)
    matches, rate_model = timed(lambda i: match(claims[i], [sources[i]]), n)
    x = np.array([m.vector if m else [0.0] * len(FEATURES) for m in matches])
    gate = np.array([bool(m) and bool(m.vector[FEATURES.index("strict")]) for m in matches])
    hand, rate_hand = timed(lambda i: hand_set(claims[i], sources[i]), n)
    words, rate_words = timed(lambda i: wice.overlap(claims[i], sources[i]), n)
    return Data(
        name=name,
        labels=np.array([r["label"] for r in records]),
        groups=[r["meta"]["claim_title"] for r in records],
        x=x,
        gate=gate,
        hand_scores=np.array([s for s, _ in hand]),
        hand_said=np.array([ok and s >= HAND_SUPPORTED for s, ok in hand]),
        word_scores=np.array(words, dtype=float),
        rates={"model": rate_model, "hand": rate_hand, "words": rate_words},
    )


def cross_validate(
    data: Data, recipes: dict[str, Recipe], k: int, repeats: int
) -> dict[str, list[tuple[Array, Array]]]:
    """Out-of-fold (scores, supported verdicts) of every row, for each reshuffle."""
    runs: dict[str, list[tuple[Array, Array]]] = {}
    x, labels, groups, gate = data.x, data.labels, data.groups, data.gate
    for seed in range(repeats):
        for name, recipe in recipes.items():
            got = out_of_fold(x, labels, groups, gate, k, seed, recipe)
            runs.setdefault(name, []).append(got)
        said = gated_out_of_fold(data.hand_scores, gate, labels, groups, k, seed)
        runs.setdefault("hand-set, CV", []).append((data.hand_scores, said))
        said = overlap_out_of_fold(data.word_scores, labels, groups, k, seed)
        runs.setdefault("word overlap", []).append((data.word_scores, said))
    return runs


def table(title: str, data: Data, runs: dict[str, list[tuple[Array, Array]]]) -> None:
    """Print each row's mean figures over its runs, the first run's 95 % bootstrap
    interval and its claims per CPU-second."""
    labels, groups = data.labels, data.groups
    print(
        f"{title}: {len(labels)} claims ({sum(labels == 'supported')} supported,"
        f" {sum(labels == 'partially_supported')} partially), {len(set(groups))} groups;"
        " mean [95 % CI]"
    )
    head = "".join(f"{k:>22}" for k in ("BA s/not", "AUROC s/not", "BA s/rest", "AUROC s/rest"))
    print(f"{'':20}{head}{'claims/CPU-s':>14}")
    keys = ("ba_not", "auroc_not", "ba_rest", "auroc_rest")
    for name, results in runs.items():
        each = [figures(s, d, labels) for s, d in results]
        ci = bootstrap(*results[0], labels, groups, BOOTSTRAP)
        cells = "".join(
            f"{np.mean([e[k] for e in each]):>8.3f} [{ci[k][0]:.3f}, {ci[k][1]:.3f}]" for k in keys
        )
        kind = "hand" if name.startswith("hand") else "words" if name == "word overlap" else "model"
        print(f"{name:20}{cells}{data.rates[kind]:>14.0f}")


def transfer(fitted: Fitted, fit_on: Data, data: Data) -> dict[str, list[tuple[Array, Array]]]:
    """Every scorer as fitted on ``fit_on`` (thresholds too), applied to ``data`` unchanged."""
    scores = fitted.model.predict(data.x)
    everyone = np.ones(len(fit_on.labels), bool)
    word_threshold = best_threshold(fit_on.word_scores, fit_on.labels, everyone)
    hand_threshold = best_threshold(fit_on.hand_scores, fit_on.labels, fit_on.gate)
    return {
        "fitted model": [(scores, fitted.said(scores, data.gate))],
        "hand-set, CV": [(data.hand_scores, (data.hand_scores >= hand_threshold) & data.gate)],
        "word overlap": [(data.word_scores, data.word_scores >= word_threshold)],
        "hand-set": [(data.hand_scores, data.hand_said)],
    }


def main(argv: list[str] | None = None) -> int:
    """Print the tables; with ``--write``, also write the coefficients fitted on all of dev."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--data", type=Path, default=wice.WICE)
    parser.add_argument("--write", type=Path, default=None, help="coefficients module to write")
    parser.add_argument("--nested", action="store_true", help="add features selected in folds")
    parser.add_argument("--ablation", action="store_true", help="drop each candidate in turn")
    parser.add_argument("--citint", type=Path, default=None, help="Citation-Integrity folder")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no WiCE data at {args.data}", file=sys.stderr)
        return 2
    dev = prepare("WiCE dev", wice.load(args.data))
    recipes = make_recipes(args.nested, args.ablation)
    runs = cross_validate(dev, recipes, args.folds, args.repeats)
    runs["hand-set"] = [(dev.hand_scores, dev.hand_said)]
    table(f"WiCE dev, {args.folds}-fold grouped by article x {args.repeats}", dev, runs)

    kept = recipes["fitted model"].columns or ()
    fitted = train(dev.x, dev.labels, dev.groups, dev.gate, recipes["fitted model"])
    weights = zip(kept, fitted.model.weights, strict=True)
    print(
        "fitted on all of WiCE dev: "
        + ", ".join(f"{FEATURES[c]} {w:+.3f}" for c, w in weights)
        + f"; SUPPORTED={fitted.supported:.4f} PARTIAL={fitted.partial:.4f} STRICT={fitted.strict}"
    )
    if args.write:
        args.write.write_text(module_text(fitted, len(dev.labels), args), "utf-8")
        print(f"wrote {args.write}")
    if args.citint:
        import citint

        train_set = prepare("Citation-Integrity train", citint.load(args.citint, "train"))
        runs = cross_validate(train_set, {"fitted model": recipes["fitted model"]}, args.folds, 1)
        runs["hand-set"] = [(train_set.hand_scores, train_set.hand_said)]
        table(
            f"Citation-Integrity train, {args.folds}-fold grouped by cited passage", train_set, runs
        )
        held = prepare(
            "Citation-Integrity dev+test",
            citint.load(args.citint, "dev") + citint.load(args.citint, "test"),
        )
        table(
            "Citation-Integrity dev+test, every scorer as fitted on WiCE dev",
            held,
            transfer(fitted, dev, held),
        )
    return 0


def module_text(fitted: Fitted, n: int, args: argparse.Namespace) -> str:
    """The Python source of ``citecheck/verifier/coefficients.py`` for a fitted model."""
    model = fitted.model
    rows = "".join(
        f'    ("{FEATURES[c]}", {float(m):.6g}, {float(s):.6g}, {float(w):.6g}),\n'
        for c, m, s, w in zip(model.columns, model.mean, model.scale, model.weights, strict=True)
    )
    return f'''"""The fitted support model: each feature's standardisation and weight, and the
verdict thresholds on its probability. Generated; do not edit by hand. Produced by::

    python benchmarks/support_cv.py --folds {args.folds} --write citecheck/verifier/coefficients.py

from WiCE dev ({n} claims; Kamoi et al., EMNLP 2023): a logistic regression (L2 penalty
{LAMBDA:g} on standardised features) of supported against the rest. That script says how
features and thresholds are chosen; docs/verification.md gives the cross-validated figures.
"""

MODEL: tuple[tuple[str, float, float, float], ...] = (
    # feature (citecheck/verifier/features.py), mean, scale, weight of (value - mean) / scale
{rows})
INTERCEPT = {model.intercept:.6g}
SUPPORTED = {fitted.supported:.4f}
"""Least probability of a ``supported`` verdict."""
PARTIAL = {fitted.partial:.4f}
"""Least probability of ``partially_supported`` (below it: ``unsupported``)."""
STRICT = {fitted.strict!r}
"""Whether ``supported`` also needs every name and number of the claim somewhere in the sources."""
'''


if __name__ == "__main__":
    raise SystemExit(main())
