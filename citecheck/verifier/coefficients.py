"""The fitted support model: each feature's standardisation and weight, and the
verdict thresholds on its probability. Generated; do not edit by hand. Produced by::

    python benchmarks/support_cv.py --folds 5 --write citecheck/verifier/coefficients.py

from WiCE dev (349 claims; Kamoi et al., EMNLP 2023): a logistic regression (L2 penalty
100 on standardised features) of supported against the rest. That script says how
features and thresholds are chosen; docs/verification.md gives the cross-validated figures.
"""

MODEL: tuple[tuple[str, float, float, float], ...] = (
    # feature (citecheck/verifier/features.py), mean, scale, weight of (value - mean) / scale
    ("lexical", 0.395526, 0.272277, 0.171161),
    ("coverage", 0.62925, 0.223661, 0.131744),
    ("words", 0.540057, 0.254701, 0.0914695),
    ("names", 0.823606, 0.271164, 0.0967964),
    ("numbers", 0.612619, 0.426248, 0.116472),
    ("anywhere", 0.718272, 0.221919, 0.131631),
    ("names_anywhere", 0.661891, 0.473066, 0.140834),
    ("numbers_anywhere", 0.676218, 0.436227, 0.153574),
    ("strict", 0.507163, 0.499949, 0.205692),
    ("rare", 0.57359, 0.221403, 0.087428),
    ("bigrams", 0.22039, 0.199917, 0.0990271),
    ("bm25", 0.337298, 0.19275, 0.0923862),
    ("missing", 1.61862, 0.64867, -0.110973),
    ("elsewhere", 0.0890224, 0.118263, -0.00215245),
)
INTERCEPT = -0.929875
SUPPORTED = 0.2864
"""Least probability of a ``supported`` verdict."""
PARTIAL = 0.1470
"""Least probability of ``partially_supported`` (below it: ``unsupported``)."""
STRICT = True
"""Whether ``supported`` also needs every name and number of the claim somewhere in the sources."""
