"""Does a claim's cited source say what the claim says? A fitted support score and verdict.

The claim's parts are looked up in its readable sources and the best passages chosen
(``windows.py``); their lexical features (``features.py``: coverage of the claim's words,
names and numbers, of its rare words, of its word pairs, whether every name and number is
somewhere, ...) go into a logistic regression whose weights and thresholds were fitted on
the WiCE dev split and are shipped as plain numbers in ``coefficients.py``
(``benchmarks/support_cv.py`` fits them and reports them out of fold).

``score`` is the model's probability that the sources support the whole claim, in [0, 1].
Verdict: ``supported`` when the score reaches ``coefficients.SUPPORTED`` and (with
``coefficients.STRICT``) every name and number of the claim is somewhere in the sources;
``partially_supported`` when it reaches ``coefficients.PARTIAL``; ``unsupported`` below;
``unverifiable`` when no source has text (or the claim has no content words).

With a ``SupportModel`` (the ``support-model`` setting, ``onnx_model.py``) a cross-encoder
scores the claim against chunks of each source instead (Tang et al. 2024, MiniCheck).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from citecheck.report import Evidence
from citecheck.sources.model import Source
from citecheck.verifier import coefficients
from citecheck.verifier.features import FEATURES, match, strict
from citecheck.verifier.windows import evidence

if TYPE_CHECKING:
    from citecheck.verifier.onnx_model import SupportModel

Verdict = Literal["supported", "partially_supported", "unsupported", "unverifiable"]

_COLUMNS = tuple(FEATURES.index(name) for name, _, _, _ in coefficients.MODEL)


@dataclass(frozen=True, slots=True)
class Support:
    """How well a claim's sources support it: the verdict, the score in [0, 1], the evidence."""

    verdict: Verdict
    score: float
    evidence: tuple[Evidence, ...]


def probability(vector: Sequence[float]) -> float:
    """The fitted model's probability of support for a feature vector (``FEATURES`` order)."""
    z = coefficients.INTERCEPT
    for column, (_, mean, scale, weight) in zip(_COLUMNS, coefficients.MODEL, strict=True):
        z += weight * (vector[column] - mean) / scale
    return 1.0 / (1.0 + math.exp(-z))


def verdict_of(score: float, names_and_numbers: bool) -> Verdict:
    """The verdict of a probability of support; ``names_and_numbers`` says whether every
    name and number of the claim is somewhere in the sources."""
    if score >= coefficients.SUPPORTED and (names_and_numbers or not coefficients.STRICT):
        return "supported"
    if score >= coefficients.PARTIAL:
        return "partially_supported"
    return "unsupported"


def support(claim: str, sources: Sequence[Source], model: SupportModel | None = None) -> Support:
    """Score how well the sources' text supports the claim (see the module doc).

    ``claim`` is one sentence without its citation markers; ``sources`` the sources it cites
    (only those with state ``ok`` and text are read). With ``model`` the cross-encoder scores
    it instead of the lexical model."""
    if model is not None:
        return model.support(claim, sources)
    found = match(claim, sources)
    if found is None:
        return Support("unverifiable", 0.0, ())
    score = probability(found.vector)
    verdict = verdict_of(score, strict(found.parts, found.anywhere))
    return Support(verdict, round(score, 4), tuple(evidence(w) for w in found.chosen))
