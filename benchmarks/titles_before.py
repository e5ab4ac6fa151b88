"""The title-mismatch figures of an earlier citecheck, on ``benchmarks/titles.json``.

Runs another checkout's parser, extractor and ``same_title`` (one title per page: the
extractor's) on the same cases as ``benchmarks/titles.py``, for a before-and-after table::

    git worktree add /tmp/before 87fba4a
    python benchmarks/titles_before.py /tmp/before DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

MANIFEST = Path(__file__).with_name("titles.json")


def main() -> int:
    tree, pages = Path(sys.argv[1]), Path(sys.argv[2])
    sys.path.insert(0, str(tree))
    from citecheck.api import analyse
    from citecheck.sources.extract import extract
    from citecheck.verifier.titles import same_title

    data = json.loads(MANIFEST.read_text(encoding="utf-8"))
    split = {p["name"]: p["split"] for p in data["pages"]}
    extracted = {}
    tally: dict[str, list[int]] = {}
    for case in data["cases"]:
        name = case["page"]
        if name not in extracted:
            extracted[name] = extract((pages / f"{name}.html").read_bytes(), "text/html")
        item = f"[1] {case['entry']}" if case["style"] == "ieee" else f"1. {case['entry']}"
        text = f"Something happened that a source reports here [1].\n\n## References\n\n{item}\n"
        doc, _ = analyse(text, fmt="markdown")
        listed = doc.references[0].title if doc.references else None
        got = extracted[name]
        flagged = bool(listed and got.title and not same_title(got.title, listed, got.site_name))
        row = tally.setdefault(split[name], [0, 0, 0, 0])
        row[0 if case["same"] else 2] += 1
        row[1 if case["same"] else 3] += flagged
    for name, (same, false, wrong, caught) in tally.items():
        print(f"{name}: false CC202 {false}/{same}  caught mismatches {caught}/{wrong}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
