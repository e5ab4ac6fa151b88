"""The fitting and measuring of ``support_cv.py``: a small logistic regression in numpy,
balanced accuracy and AUROC, fitted thresholds, grouped folds, backward elimination and a
bootstrap over groups. Labels are WiCE's (``supported``, ``partially_supported``,
``not_supported``); "s/not" leaves the partially supported out, "s/rest" keeps them as
negatives.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

LAMBDA = 100.0
"""L2 penalty on the standardised weights (not the intercept)."""
TOLERANCE = 0.002
"""Most mean AUROC a dropped feature may cost in backward elimination."""
FOLDS = 5
"""Folds of the inner cross-validation of backward elimination."""
Array = np.ndarray


# -- a small logistic regression -------------------------------------------------------------


@dataclass(frozen=True)
class Model:
    """Standardisation (mean, scale), weights and intercept of a fitted logistic model."""

    columns: tuple[int, ...]
    mean: Array
    scale: Array
    weights: Array
    intercept: float

    def predict(self, x: Array) -> Array:
        """Probability of support of each row of the full feature matrix ``x``."""
        z = (x[:, self.columns] - self.mean) / self.scale
        return np.asarray(1.0 / (1.0 + np.exp(-(z @ self.weights + self.intercept))))


def fit(x: Array, target: Array, columns: Sequence[int]) -> Model:
    """Fit an L2-penalised logistic regression by Newton's method (targets in [0, 1])."""
    cols = tuple(columns)
    sub = x[:, cols]
    mean, scale = sub.mean(0), sub.std(0)
    scale[scale == 0] = 1.0
    z = np.c_[np.ones(len(sub)), (sub - mean) / scale]
    beta = np.zeros(z.shape[1])
    penalty = LAMBDA * np.eye(z.shape[1])
    penalty[0, 0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(z @ beta)))
        grad = z.T @ (p - target) + penalty @ beta
        hess = (z * (p * (1 - p))[:, None]).T @ z + penalty
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-10:
            break
    return Model(cols, mean, scale, beta[1:], float(beta[0]))


# -- measures --------------------------------------------------------------------------------


def auroc(scores: Array, positive: Array) -> float:
    """Area under the ROC curve (Mann-Whitney U, ties counted half)."""
    pos, neg = scores[positive], scores[~positive]
    if not len(pos) or not len(neg):
        return float("nan")
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(wins / (len(pos) * len(neg)))


def balanced(predicted: Array, positive: Array) -> float:
    """Balanced accuracy: the mean recall of the two classes."""
    return float((predicted[positive].mean() + (~predicted[~positive]).mean()) / 2)


TASKS = ("not", "rest")


def task_mask(labels: Array, task: str) -> Array:
    """The claims of a task: s/not leaves the partially supported out."""
    return labels != "partially_supported" if task == "not" else np.ones(len(labels), bool)


def figures(scores: Array, said: Array, labels: Array) -> dict[str, float]:
    """BA of the verdicts ``said`` (supported or not) and AUROC of ``scores``, both tasks."""
    out = {}
    for task in TASKS:
        keep = task_mask(labels, task)
        positive = labels[keep] == "supported"
        out[f"ba_{task}"] = balanced(said[keep], positive)
        out[f"auroc_{task}"] = auroc(scores[keep], positive)
    return out


def best_threshold(scores: Array, labels: Array, gate: Array) -> float:
    """The threshold on ``scores`` (with ``gate``) of the best mean BA of the two tasks."""
    best, chosen = -1.0, 0.5
    for threshold in np.unique(scores):
        said = (scores >= threshold) & gate
        value = sum(
            balanced(said[m], labels[m] == "supported") for m in map(task_mask, [labels] * 2, TASKS)
        )
        if value > best + 1e-12:
            best, chosen = value, float(threshold)
    return chosen


def partial_threshold(scores: Array, labels: Array) -> float:
    """The threshold of the best BA of "partly or wholly supported" against not supported."""
    positive = labels != "not_supported"
    best, chosen = -1.0, 0.0
    for threshold in np.unique(scores):
        value = balanced(scores >= threshold, positive)
        if value > best + 1e-12:
            best, chosen = value, float(threshold)
    return chosen


# -- cross-validation ------------------------------------------------------------------------


def group_folds(groups: Sequence[str], k: int, seed: int) -> Array:
    """Fold number of each claim; all claims of one group share a fold."""
    names = sorted(set(groups))
    random.Random(seed).shuffle(names)
    fold = {name: i % k for i, name in enumerate(names)}
    return np.array([fold[g] for g in groups])


TARGET = {"supported": 1.0, "partially_supported": 0.0, "not_supported": 0.0}


def cv_auroc(x: Array, labels: Array, groups: Sequence[str], columns: list[int], k: int) -> float:
    """Mean of the two tasks' out-of-fold AUROC of a model on ``columns`` (one shuffle)."""
    target = np.array([TARGET[y] for y in labels])
    folds = group_folds(groups, k, 1000)
    scores = np.zeros(len(labels))
    for f in range(k):
        train = folds != f
        scores[~train] = fit(x[train], target[train], columns).predict(x[~train])
    return float(np.mean([auroc(scores[m], labels[m] == "supported") for m in _masks(labels)]))


def _masks(labels: Array) -> list[Array]:
    return [task_mask(labels, task) for task in TASKS]


def select(x: Array, labels: Array, groups: Sequence[str], k: int) -> list[int]:
    """Backward elimination by grouped cross-validated AUROC (see the module doc)."""
    columns = list(range(x.shape[1]))
    current = cv_auroc(x, labels, groups, columns, k)
    while len(columns) > 1:
        trials = [
            (cv_auroc(x, labels, groups, [c for c in columns if c != d], k), d) for d in columns
        ]
        value, drop = max(trials)
        if value < current - TOLERANCE:
            break
        columns.remove(drop)
        current = max(current, value)
    return columns


@dataclass(frozen=True)
class Fitted:
    """A model with its verdict thresholds and whether ``supported`` needs ``strict``."""

    model: Model
    supported: float
    partial: float
    strict: bool

    def said(self, scores: Array, gate: Array) -> Array:
        """Whether each claim is called supported."""
        return (scores >= self.supported) & (gate if self.strict else True)


@dataclass(frozen=True)
class Recipe:
    """How to fit: the feature columns (``None``: select them by backward elimination on
    the training claims) and whether ``supported`` also needs every name and number."""

    columns: tuple[int, ...] | None
    strict: bool


def train(x: Array, labels: Array, groups: Sequence[str], gate: Array, recipe: Recipe) -> Fitted:
    """Fit the weights and the thresholds on the given claims (and select the features when
    the recipe says so); ``gate`` says whether each claim's names and numbers are somewhere."""
    target = np.array([TARGET[y] for y in labels])
    columns = recipe.columns
    if columns is None:
        columns = tuple(select(x, labels, groups, FOLDS))
    use_strict = recipe.strict
    model = fit(x, target, columns)
    scores = model.predict(x)
    use = gate if use_strict else np.ones(len(labels), bool)
    threshold = best_threshold(scores, labels, use)
    return Fitted(model, threshold, partial_threshold(scores, labels), use_strict)


def out_of_fold(
    x: Array, labels: Array, groups: Sequence[str], gate: Array, k: int, seed: int, recipe: Recipe
) -> tuple[Array, Array]:
    """Out-of-fold scores and supported verdicts of the whole fitting procedure."""
    folds = group_folds(groups, k, seed)
    scores, said = np.zeros(len(labels)), np.zeros(len(labels), bool)
    for f in range(k):
        tr = folds != f
        kept = [g for g, t in zip(groups, tr, strict=True) if t]
        fitted = train(x[tr], labels[tr], kept, gate[tr], recipe)
        scores[~tr] = fitted.model.predict(x[~tr])
        said[~tr] = fitted.said(scores[~tr], gate[~tr])
    return scores, said


def overlap_out_of_fold(
    scores: Array, labels: Array, groups: Sequence[str], k: int, seed: int
) -> Array:
    """Word overlap's supported verdicts with its threshold fitted on the training folds."""
    return gated_out_of_fold(scores, np.ones(len(labels), bool), labels, groups, k, seed)


def gated_out_of_fold(
    scores: Array, gate: Array, labels: Array, groups: Sequence[str], k: int, seed: int
) -> Array:
    """Supported verdicts of a fixed score (and ``gate``) with the threshold fitted on the
    training folds."""
    folds = group_folds(groups, k, seed)
    said = np.zeros(len(labels), bool)
    for f in range(k):
        tr = folds != f
        threshold = best_threshold(scores[tr], labels[tr], gate[tr])
        said[~tr] = (scores[~tr] >= threshold) & gate[~tr]
    return said


def bootstrap(
    scores: Array, said: Array, labels: Array, groups: Sequence[str], reps: int
) -> dict[str, tuple[float, float]]:
    """95 % intervals of each figure, resampling articles (groups) with replacement."""
    names = sorted(set(groups))
    rows = {name: [] for name in names}
    for i, g in enumerate(groups):
        rows[g].append(i)
    rng = np.random.default_rng(0)
    draws: dict[str, list[float]] = {}
    for _ in range(reps):
        picked = rng.integers(0, len(names), len(names))
        idx = np.array([i for p in picked for i in rows[names[p]]])
        for key, value in figures(scores[idx], said[idx], labels[idx]).items():
            draws.setdefault(key, []).append(value)
    return {
        key: (float(np.nanpercentile(v, 2.5)), float(np.nanpercentile(v, 97.5)))
        for key, v in draws.items()
    }
