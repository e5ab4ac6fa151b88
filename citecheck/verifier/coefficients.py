"""The fitted support model: each feature's standardisation and weight, and the
verdict thresholds on its probability. Generated; do not edit by hand. Produced by::

    python benchmarks/support_cv.py --folds 5 --write citecheck/verifier/coefficients.py

from WiCE dev (349 claims; Kamoi et al., EMNLP 2023): a logistic regression (L2 penalty
100 on standardised features) of supported against the rest. That script says how
features and thresholds are chosen; docs/verification.md gives the cross-validated figures.
"""

MODEL: tuple[tuple[str, float, float, float], ...] = (
    # feature (citecheck/verifier/features.py), mean, scale, weight of (value - mean) / scale
    ("lexical", 0.396038, 0.271889, 0.171149),
    ("coverage", 0.629537, 0.223432, 0.1324),
    ("words", 0.540057, 0.254701, 0.0910121),
    ("names", 0.823606, 0.271164, 0.0951415),
    ("numbers", 0.613336, 0.425428, 0.11756),
    ("anywhere", 0.719861, 0.221404, 0.140277),
    ("names_anywhere", 0.661891, 0.473066, 0.137597),
    ("numbers_anywhere", 0.679083, 0.435059, 0.163329),
    ("strict", 0.510029, 0.499899, 0.213009),
    ("rare", 0.57359, 0.221403, 0.0868031),
    ("bigrams", 0.22039, 0.199917, 0.0988031),
    ("bm25", 0.337298, 0.19275, 0.0916027),
    ("missing", 1.6181, 0.648604, -0.10984),
    ("elsewhere", 0.0903248, 0.120754, 0.0122194),
)
INTERCEPT = -0.935627
SUPPORTED = 0.2855
"""Least probability of a ``supported`` verdict."""
PARTIAL = 0.1462
"""Least probability of ``partially_supported`` (below it: ``unsupported``)."""
STRICT = True
"""Whether ``supported`` also needs every name and number of the claim somewhere in the sources."""
