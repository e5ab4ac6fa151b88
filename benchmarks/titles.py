"""False title mismatches (CC202) on real pages cited in the usual reference styles.

``benchmarks/titles.json`` lists real HTML pages from public repositories' test fixtures
(repository, commit, path; each page is in the ``tune`` or the ``holdout`` half) and
reference entries written for them in the styles writers use (``Outlet. Title. URL``,
``Title | Outlet``, ``Title - Outlet``, ``"Title," Outlet``, ``Outlet: Title``, APA, MLA,
Chicago, IEEE, Vancouver, ``[Title](url) - Outlet``), some with a writer's changes (sentence
case, straight quotes, a dropped subtitle), and entries that give another page's title
(``"same": false``, true mismatches). The pages are not part of this repository: bring each
with ``git show COMMIT:PATH > DIR/NAME.html``, then::

    python benchmarks/titles.py DIR tune --sweep     # choose the threshold on one half
    python benchmarks/titles.py DIR holdout          # report on the other
    python benchmarks/titles.py DIR holdout --list   # every false CC202 and missed mismatch

Each entry is parsed as the only item of a reference list (``citecheck.api.analyse``), each
page is extracted as ``verify`` extracts it (``citecheck.sources.extract``), and CC202 is
decided by ``citecheck.verifier.titles`` exactly as the rule decides it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

MANIFEST = Path(__file__).with_name("titles.json")


def document(entry: str, style: str) -> str:
    """A one-claim article whose reference list holds ``entry``."""
    item = f"[1] {entry}" if style == "ieee" else f"1. {entry}"
    return f"Something happened that a source reports here [1].\n\n## References\n\n{item}\n"


def measure(pages_dir: Path, split: str) -> list[dict[str, object]]:
    """Every case of ``split``: its listed title as parsed and its best score (0-100)."""
    from citecheck.api import analyse
    from citecheck.sources.extract import extract
    from citecheck.verifier.titles import best_score, listed_readings

    data = json.loads(MANIFEST.read_text(encoding="utf-8"))
    names = {p["name"] for p in data["pages"] if split in ("all", p["split"])}
    extracted = {}
    for name in sorted(names):
        got = extract((pages_dir / f"{name}.html").read_bytes(), "text/html")
        extracted[name] = got
    rows: list[dict[str, object]] = []
    for case in data["cases"]:
        if case["page"] not in names:
            continue
        doc, _ = analyse(document(case["entry"], case["style"]), fmt="markdown")
        ref = doc.references[0] if doc.references else None
        listed = ref.title if ref is not None else None
        got = extracted[case["page"]]
        titles = got.titles or ((got.title,) if got.title else ())
        score = None
        if ref is not None and listed:  # as the rule decides: the best of every reading
            readings = listed_readings(listed, ref.text, ref.url, got.site_name)
            score = max((best_score(titles, r, got.site_name) for r in readings), default=100.0)
        rows.append({**case, "listed": listed, "score": score, "titles": titles})
    return rows


def tally(rows: list[dict[str, object]], threshold: float) -> tuple[int, int, int, int, int]:
    """(true pairs, false CC202, wrong titles, caught, entries with no title read)."""
    same = [r for r in rows if r["same"]]
    wrong = [r for r in rows if not r["same"]]
    false = sum(1 for r in same if r["score"] is not None and float(r["score"]) < threshold)  # type: ignore[arg-type]
    caught = sum(1 for r in wrong if r["score"] is not None and float(r["score"]) < threshold)  # type: ignore[arg-type]
    untitled = sum(1 for r in rows if r["listed"] is None)
    return len(same), false, len(wrong), caught, untitled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=Path, help="folder of NAME.html pages")
    parser.add_argument("split", choices=("tune", "holdout", "fresh", "all"))
    parser.add_argument("--threshold", type=float, help="default: citecheck's SAME")
    parser.add_argument("--sweep", action="store_true", help="tally thresholds 50-95")
    parser.add_argument("--list", action="store_true", help="show each error")
    args = parser.parse_args(argv)
    from citecheck.verifier.titles import SAME

    rows = measure(args.pages, args.split)
    threshold = SAME if args.threshold is None else args.threshold
    pages = len({r["page"] for r in rows})
    if args.sweep:
        print("threshold  false CC202  caught")
        for t in range(50, 100, 2):
            n, false, w, caught, _ = tally(rows, t)
            print(f"{t:9d}  {false:4d}/{n:<5d}  {caught:3d}/{w}")
    n, false, w, caught, untitled = tally(rows, threshold)
    print(
        f"{args.split}: {pages} pages, {n} entries of the same page, {w} with another title; "
        f"threshold {threshold:g}"
    )
    print(f"false CC202: {false}/{n}  caught mismatches: {caught}/{w}  no title read: {untitled}")
    if args.list:
        for r in rows:
            score = r["score"]
            bad = (r["same"] and score is not None and float(score) < threshold) or (  # type: ignore[arg-type]
                not r["same"] and (score is None or float(score) >= threshold)  # type: ignore[arg-type]
            )
            if bad or r["listed"] is None:
                print(f"\n{r['page']} [{r['style']}] same={r['same']} score={score}")
                print(f"  entry:  {r['entry']}")
                print(f"  listed: {r['listed']}")
                for t in r["titles"]:  # type: ignore[attr-defined]
                    print(f"  page:   {t}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
