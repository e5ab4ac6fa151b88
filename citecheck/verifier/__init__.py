"""The verifier stage: pure functions that compare a claim with the text of its sources.

``quotes`` (quotations and where a source printed them), ``numbers`` (one normaliser for
counts, money, percentages, scales and dates), ``titles`` (page title against listed title)
and ``support`` (the lexical support score, verdict and evidence passages).
"""
