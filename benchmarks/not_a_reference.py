"""Precision and recall of ``not-a-reference`` on a labelled set of reference-list lines.

Run from a clone with the dev extra installed::

    .venv/bin/python benchmarks/not_a_reference.py           # figures and misread lines
    .venv/bin/python benchmarks/not_a_reference.py --json    # the same as JSON

Each line of ``tests/data/not_a_reference.toml`` is put under a References heading of a
short article, once as plain text and once as Markdown, and parsed; the line counts as
flagged when the parser sets it aside as not a source. Positives are the lines labelled
``source = false``: precision is the share of flagged lines that are not sources, recall
the share of non-source lines that are flagged. A source line that yields no reference at
all is counted as lost (it is neither flagged nor listed).
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path

from citecheck.parser import parse

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "not_a_reference.toml"
_HEAD = {
    "text": "Harbour fees rise\n\nThe port raised its fees for the third year in a row. [1]\n\n"
    "References\n",
    "markdown": "# Harbour fees rise\n\nThe port raised its fees for the third year in a row."
    " [1]\n\n## References\n\n",
}


@dataclass
class Score:
    """Counts over one format (or all), with the misread lines."""

    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    true_neg: int = 0
    lost: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        flagged = self.true_pos + self.false_pos
        return self.true_pos / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        positives = self.true_pos + self.false_neg
        return self.true_pos / positives if positives else 1.0


def load(path: Path = DATA) -> list[dict[str, object]]:
    """Return the labelled lines: dicts with ``text``, ``source`` (bool) and ``style``."""
    with path.open("rb") as f:
        return list(tomllib.load(f)["line"])


def flagged(line: str, fmt: str) -> tuple[bool, bool]:
    """Parse one list line in a short article; return (set aside as not a source, listed)."""
    doc = parse(_HEAD[fmt] + line + "\n", fmt)
    return bool(doc.non_references), bool(doc.references)


def measure(lines: list[dict[str, object]]) -> dict[str, Score]:
    """Score every line in plain text and Markdown; keys ``text``, ``markdown``, ``all``."""
    scores = {"text": Score(), "markdown": Score(), "all": Score()}
    for item in lines:
        text, source = str(item["text"]), bool(item["source"])
        for fmt in ("text", "markdown"):
            hit, listed = flagged(text, fmt)
            for score in (scores[fmt], scores["all"]):
                if hit and not source:
                    score.true_pos += 1
                elif hit:
                    score.false_pos += 1
                elif not source:
                    score.false_neg += 1
                else:
                    score.true_neg += 1
                    score.lost += not listed
            if hit == source or (source and not listed):
                scores[fmt].wrong.append(("flagged: " if hit else "missed: ") + text)
    return scores


def main(argv: list[str] | None = None) -> int:
    """Print precision and recall per format and the lines misread; exit 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    lines = load()
    scores = measure(lines)
    if args.json:
        out = {
            k: {**asdict(v), "precision": v.precision, "recall": v.recall}
            for k, v in scores.items()
        }
        json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    sources = sum(bool(x["source"]) for x in lines)
    print(f"{len(lines)} lines: {sources} sources, {len(lines) - sources} not sources")
    print(f"{'format':<10} {'precision':>9} {'recall':>7}  tp  fp  fn  tn  lost")
    for name, s in scores.items():
        print(
            f"{name:<10} {s.precision:>9.3f} {s.recall:>7.3f} {s.true_pos:>3} {s.false_pos:>3}"
            f" {s.false_neg:>3} {s.true_neg:>3} {s.lost:>5}"
        )
    for name in ("text", "markdown"):
        for line in scores[name].wrong:
            print(f"  {name}: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
