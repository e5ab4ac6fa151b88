"""Findings on real public documents, per kind: the measure of false alarms.

The documents are listed with their origin (repository, commit, path) in
``benchmarks/realdocs/MANIFEST.tsv``; they are not part of this repository. Bring each
repository at its commit and copy the file to ``DIR/<split>/<kind>/<file>``, then::

    python benchmarks/realdocs.py DIR tune            # counts per kind
    python benchmarks/realdocs.py DIR tune --list     # every warning and error, to judge
    python benchmarks/realdocs.py DIR holdout2 --manifest benchmarks/realdocs/MANIFEST-holdout2.tsv

Counts are findings at warning or error level (what fails a CI run by default). A document
citecheck could not check (an input error, an internal error) is listed as NOT CHECKED with
the reason, counted apart, and makes the script exit 1: it is not a document with no
findings. Judging
them, true or false, is done by reading the documents; the judgments are kept beside the
manifest (``judged-*.md``).
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

MANIFEST = Path(__file__).with_name("realdocs") / "MANIFEST.tsv"


def rows(split: str, manifest: Path = MANIFEST) -> list[dict[str, str]]:
    """The manifest's rows of one split (``tune``, ``holdout`` or ``holdout2``)."""
    with manifest.open(encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f, delimiter="\t") if r["split"] == split]


def findings(path: Path, citecheck: str) -> tuple[list[dict[str, object]], list[str]]:
    """The warnings and errors of ``citecheck check PATH --format json``, and the reasons
    it gave for not checking the file (empty when it was checked)."""
    out = subprocess.run(
        [citecheck, "check", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(out.stdout)
    except json.JSONDecodeError:
        return [], [f"no report (exit {out.returncode}): {out.stderr.strip()[:200]}"]
    found = [f for file in report["files"] for f in file["findings"]]
    problems = [str(e["message"]) for e in report.get("errors", [])]
    return [f for f in found if f["severity"] in ("error", "warning")], problems


def main() -> int:
    """Print findings per kind (and per document) of one split."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", type=Path, help="folder holding <split>/<kind>/<file>")
    ap.add_argument("split", help="tune, holdout, or holdout2 (with its --manifest)")
    ap.add_argument(
        "--manifest",
        type=Path,
        default=MANIFEST,
        help="the manifest to read (MANIFEST-holdout2.tsv lists the holdout2 split)",
    )
    ap.add_argument("--citecheck", default="citecheck", help="the command to run")
    ap.add_argument("--list", action="store_true", help="print every finding")
    args = ap.parse_args()
    per_kind: Counter[str] = Counter()
    per_rule: Counter[str] = Counter()
    unchecked = 0
    for row in rows(args.split, args.manifest):
        path = args.root / args.split / row["kind"] / row["file"]
        if not path.is_file():
            print(f"missing: {path}", file=sys.stderr)
            continue
        found, problems = findings(path, args.citecheck)
        if problems:
            unchecked += 1
            print(f"NOT CHECKED  {row['kind']:<14} {row['file'][:90]}: {'; '.join(problems)}")
            continue
        per_kind[row["kind"]] += len(found)
        per_rule.update(str(f["rule"]) for f in found)
        print(f"{len(found):5d}  {row['kind']:<14} {row['file'][:90]}")
        if args.list:
            for f in found:
                print(f"         {f['line']}:{f['column']} {f['code']} {f['message']}")
    print()
    for kind, n in sorted(per_kind.items()):
        print(f"{kind:<14} {n:5d}")
    print(f"{'all':<14} {sum(per_kind.values()):5d}")
    print(", ".join(f"{rule} {n}" for rule, n in per_rule.most_common()))
    if unchecked:
        print(f"not checked: {unchecked} document(s)")
    return 1 if unchecked else 0


if __name__ == "__main__":
    raise SystemExit(main())
