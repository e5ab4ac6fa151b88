"""The judged uncited-claim findings as a labelled set of sentences: which ones a gate keeps.

The evaluators' verdicts (``/work/realdocs/<split>-eval/verdicts-after.json``, keyed
file → ``line:col:CODE`` → ``[verdict, cause]``) judge each ``uncited-claim`` (CC001)
finding true or false. This script checks every judged document with the citecheck on
``PYTHONPATH`` (in process), joins its CC001 findings to the verdicts by position, and
keeps the sentence, the document's profile and the verdict. A verdict whose key the build
no longer reports is dropped and counted. Then::

    python benchmarks/claimset.py /work/realdocs --out /tmp/claims.jsonl        # tune splits
    python benchmarks/claimset.py /work/realdocs --splits 9a,9b,9c --out ...    # check split
    python benchmarks/claimset.py --compare BASE.jsonl AFTER.jsonl   # what a gate removed

``--compare`` reads two sets made by two builds from the same verdicts: a labelled finding
of BASE the AFTER build no longer reports is *removed*; per split it prints the true and
false findings before, those removed, and the precision of CC001 before and after.
The documents' text is never written to the repository: the set goes where ``--out``
says (the sentences are kept there to read them, not committed).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

TUNE = ("6", "7a", "7b", "8a", "8b")
CHECK = ("9a", "9b", "9c")


def _document(root: Path, split: str, name: str) -> Path | None:
    """The file ``name`` of a split (``root/holdout<split>/<kind>/<name>``), if present."""
    hits = sorted((root / f"holdout{split}").glob(f"*/{name}"))
    return hits[0] if hits else None


def collect(root: Path, splits: list[str]) -> tuple[list[dict[str, str]], Counter[str]]:
    """The labelled CC001 findings of ``splits`` and, per split, how many were dropped."""
    from citecheck.api import analyse_file, check_file

    rows: list[dict[str, str]] = []
    dropped: Counter[str] = Counter()
    for split in splits:
        verdicts = json.loads(
            (root / f"holdout{split}-eval" / "verdicts-after.json").read_text(encoding="utf-8")
        )["verdicts"]
        for name, keyed in sorted(verdicts.items()):
            judged = {k: v for k, v in keyed.items() if k.endswith(":CC001")}
            if not keyed:
                continue
            path = _document(root, split, name)
            if path is None:
                dropped[split] += len(judged)
                continue
            report = check_file(str(path))
            doc, _ = analyse_file(str(path))
            blocks = _paragraphs(doc)
            found = {f"{f.line}:{f.column}:CC001": f for f in report.findings if f.code == "CC001"}
            unjudged = {k: ["unjudged", ""] for k in found if k not in judged}
            for key, (verdict, cause) in sorted((judged | unjudged).items()):
                finding = found.get(key)
                rows.append(
                    {
                        "split": split,
                        "kind": path.parent.name,
                        "file": name,
                        "key": key,
                        "label": verdict,
                        "cause": cause,
                        "profile": report.profile,
                        "reported": "yes" if finding is not None else "no",
                        "text": finding.text if finding is not None else "",
                        "paragraph": blocks.get(finding.text, []) if finding is not None else [],
                    }
                )
    return rows, dropped


def _paragraphs(doc: object) -> dict[str, list[str]]:
    """Each claim's text → the texts of the claims of its paragraph (block)."""
    by_block: dict[int, list[str]] = {}
    for s in doc.sentences:  # type: ignore[attr-defined]
        if s.claim:
            by_block.setdefault(s.block, []).append(s.text)
    return {t: texts for texts in by_block.values() for t in texts}


def compare(base: list[dict[str, str]], after: list[dict[str, str]]) -> None:
    """Print, per split, the labelled findings BASE reports and which of them AFTER removed."""
    now = {(r["split"], r["file"], r["key"]): r["reported"] == "yes" for r in after}
    table: dict[str, Counter[str]] = {}
    for r in base:
        if r["reported"] != "yes":
            continue
        c = table.setdefault(r["split"], Counter())
        c[r["label"]] += 1
        if not now.get((r["split"], r["file"], r["key"]), False):
            c["removed " + r["label"]] += 1
    print("split  true false  removed-true removed-false  precision before→after  recall kept")
    total: Counter[str] = Counter()
    for split, c in sorted(table.items()):
        total.update(c)
        _line(split, c)
    _line("all", total)


def _line(split: str, c: Counter[str]) -> None:
    t, f = c["true"], c["false"]
    rt, rf = c["removed true"], c["removed false"]
    before = t / (t + f) if t + f else 0.0
    kept = (t - rt) + (f - rf)
    after = (t - rt) / kept if kept else 0.0
    recall = (t - rt) / t if t else 1.0
    print(f"{split:5} {t:5} {f:5}  {rt:12} {rf:13}  {before:7.1%} → {after:6.1%}  {recall:10.1%}")


def main(argv: list[str] | None = None) -> int:
    """Build a labelled set (``root``) or compare two (``--compare``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=Path("/work/realdocs"))
    parser.add_argument("--splits", default=",".join(TUNE))
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BASE", "AFTER"))
    args = parser.parse_args(argv)
    if args.compare:
        base, after = ([json.loads(x) for x in p.open(encoding="utf-8")] for p in args.compare)
        compare(base, after)
        return 0
    rows, dropped = collect(args.root, args.splits.split(","))
    if args.out:
        with args.out.open("w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts: dict[str, Counter[str]] = {}
    for r in rows:
        c = counts.setdefault(r["split"], Counter())
        c[r["label"] if r["reported"] == "yes" else "gone"] += 1
    for split in args.splits.split(","):
        c = counts.get(split, Counter())
        print(
            f"holdout{split}: {c['true']} true, {c['false']} false still reported, "
            f"{c['unjudged']} reported but not judged; "
            f"{c['gone'] + dropped[split]} judged keys no longer match (dropped)",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
