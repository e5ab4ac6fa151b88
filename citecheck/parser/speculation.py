"""Sentences in which an answer speculates, weighs or concludes: no claims.

An answer engine asked for an opinion (a Perplexity transcript: "would you say…?", "how
would the press cover it?") answers with hypotheticals, predictions, concessions and
conclusions around the facts it cites. None of them states something a source could back:

- a conditional with a hypothetical main clause (``If Musk were to join …, it would …``,
  ``If viewed as unintentional, some might argue …``);
- a prediction hedged as such (``… would likely downplay the incident``, ``these would
  likely vary widely``, ``Would strongly suggest …``);
- a conclusion drawn from the points just made (``Given these points, …``, ``it is
  reasonable to conclude that …``);
- a view ascribed to unnamed people who might hold it (``some might argue``, ``could lead
  some to speculate``) and the answer's concessions (``While some may argue …``,
  ``… that cannot be ignored``).

A summary that states findings (``In conclusion, flavonoid research has progressed from
…``, ``It's important to note that flavonoids are not a substitute for …``) stays a claim:
holdout2's judgments count such sentences of a deep-research report as claims.

The judging rules of the project's real-document sets count these as no claims
(``benchmarks/realdocs/judged-holdout5-before.md``, cause H5: "speculation, prediction,
hypothetical or opinion in the answer (analysis, conclusion, hedging), not a claim").
A sentence that reports who holds the view (``Analysts said the bank would likely …``) is
a claim about them and is left as it is.
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

_LEAD = r"^[\"“*_\s]*(?:[A-Z][\w'’ &/-]{0,40}:[*_]*\s+)?(?:however|but|and|still|yet)?,?\s*"
_SPECULATES = lazy(
    # A hypothetical: "If …, … would/could/might …".
    rf"{_LEAD}if\b[^.;]{{1,200}},[^.;]{{0,120}}\b(?:would|could|might)\b"
    # A conclusion from the points the answer has just made ("Given these points, …"; not
    # "Given its safety profile, the extract is used …", which states a fact).
    rf"|{_LEAD}given\s+(?:these|those|the\s+above|all\s+(?:this|these))"
    r"(?:\s+(?:points|factors|considerations|facts|circumstances|concerns))?\s*,"
    # The answer's concessions.
    rf"|{_LEAD}while\s+(?:some|others|many|it['’]s|it\s+is)\b"
    rf"|{_LEAD}would\s+(?:strongly\s+|likely\s+)?(?:suggest|indicate|mean|imply)\b",
    re.I,
)
_HEDGES = lazy(
    r"\bwould\s+(?:likely|probably|possibly|further|strongly)\b"
    r"|\b(?:some|others|many|one)\s+(?:might|may|could)\s+(?:argue|see|view|say|speculate"
    r"|consider|interpret|feel|conclude)\b"
    r"|\blead\s+some\s+to\s+speculate\b|\bit\s+is\s+reasonable\s+to\s+conclude\b"
    r"|\bcannot\s+be\s+ignored\b",
    re.I,
)
# Who holds the view, reported: "Analysts said the bank would likely …" is a claim.
_REPORTED = lazy(
    r"\b(?:says?|said|states?|stated|according\s+to|reports?|reported|told|predicts?"
    r"|predicted|expects?|expected|forecasts?|warns?|warned|estimates?|estimated)\b",
    re.I,
)


def speculates(sentence: str) -> bool:
    """Whether a sentence speculates, predicts, concedes or concludes (see the module).
    ``sentence`` is one sentence of the masked text, spaces collapsed."""
    if not (_SPECULATES.match(sentence) or _HEDGES.search(sentence)):
        return False
    return not _REPORTED.search(sentence)
