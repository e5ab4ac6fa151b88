"""Field accuracy of the entry reader on real reference strings with labelled fields.

Reads ``tests/data/entries/*.jsonl`` (one entry a line: origin, style, text, gold fields,
split; see ``benchmarks/entries_import.py``), runs :func:`citecheck.parser.entryfields.read_entry`
on each text and prints, per field and per style, the share of entries whose field equals
the gold one after normalisation (case, diacritics, spacing, punctuation and dashes folded;
authors compared as surnames, in order, against the names read from the labelled author
block). A field counts only on entries whose gold has it.

Run: ``python benchmarks/entry_fields.py [--split tune|holdout|all]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "entries"
NAMES = DATA.parent / "names"
FIELDS = (
    "authors",
    "year",
    "title",
    "venue",
    "volume",
    "issue",
    "pages",
    "doi",
    "arxiv",
    "pmid",
    "pmcid",
    "isbn",
    "url",
)


def norm(value: object) -> str:
    """Fold a field for comparison: no case, diacritics, punctuation or spacing."""
    text = unicodedata.normalize("NFKD", str(value or ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[\W_]+", "", text)


def load(split: str = "all") -> list[dict[str, object]]:
    """The labelled entries of ``split`` (``tune``, ``holdout`` or ``all``)."""
    rows = []
    for path in sorted(DATA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if split in ("all", row["split"]):
                rows.append(row)
    return rows


def gold_surnames(block: str) -> list[str]:
    """Surnames of a labelled author block: read by the same name reader, so the entry
    score measures where the reader finds the block, not how it splits names (names are
    scored on their own in ``tests/test_names.py``)."""
    from citecheck.parser.names import split_names

    return [norm(n.surname) for n in split_names(block)[0]]


def score(
    rows: list[dict[str, object]],
) -> tuple[dict[str, list[int]], dict[str, dict[str, list[int]]]]:
    """Per field [right, total], and per style per field [right, total]."""
    from citecheck.parser.entryfields import read_entry

    fields: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    styles: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for row in rows:
        gold = dict(row["gold"])  # type: ignore[call-overload]
        got = read_entry(str(row["text"]))
        for name in FIELDS:
            if name == "authors":
                if "author_block" not in gold:
                    continue
                want: object = gold_surnames(str(gold["author_block"]))
                have: object = [norm(n.surname) for n in got.authors]
            elif name in gold:
                want, have = norm(gold[name]), norm(getattr(got, name))
            else:
                continue
            ok = int(want == have)
            for tally in (
                fields[name],
                styles[str(row["style"])][name],
                styles[str(row["style"])]["all"],
            ):
                tally[0] += ok
                tally[1] += 1
        style_ok = int(got.style == row["style"])
        fields["style"][0] += style_ok
        fields["style"][1] += 1
    return fields, styles


def score_names(split: str = "all") -> tuple[int, int, int, int]:
    """Labelled author blocks (``tests/data/names/*.jsonl``): (blocks whose surnames are
    all right and in order, blocks, people whose surname and given initials are right,
    people)."""
    from citecheck.parser.names import split_names

    blocks = right = people = people_right = 0
    for path in sorted(NAMES.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if split not in ("all", row["split"]):
                continue
            got = split_names(row["text"])[0]
            want = row["names"]
            blocks += 1
            right += [norm(n.surname) for n in got] == [norm(p["surname"]) for p in want]
            for k, person in enumerate(want):
                people += 1
                if k < len(got) and norm(got[k].surname) == norm(person["surname"]):
                    people_right += initials(got[k].given) == initials(person["given"])
    return right, blocks, people_right, people


def initials(given: str) -> str:
    """The initials of given names: ``"Anna Maria"`` and ``"A. M."`` give ``"am"``."""
    return "".join(w[0] for w in re.split(r"[\s.\-]+", norm_keep(given)) if w)


def norm_keep(value: str) -> str:
    """Fold case and diacritics, keep word breaks."""
    text = unicodedata.normalize("NFKD", value)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="all", choices=("tune", "holdout", "all"))
    parser.add_argument("--misses", metavar="FIELD", help="print the entries this field gets wrong")
    args = parser.parse_args()
    rows = load(args.split)
    fields, styles = score(rows)
    print(f"{len(rows)} entries ({args.split})")
    print(f"{'field':<10} {'right':>6} {'of':>5} {'accuracy':>9}")
    for name in (*FIELDS, "style"):
        right, total = fields[name]
        if total:
            print(f"{name:<10} {right:>6} {total:>5} {right / total:>9.3f}")
    print()
    print(f"{'style':<20} {'n':>4} " + " ".join(f"{f[:6]:>6}" for f in FIELDS[:7]) + "    all")
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[str(row["style"])] += 1
    for style in sorted(styles):
        cells = []
        for name in FIELDS[:7]:
            right, total = styles[style][name]
            cells.append(f"{right / total:>6.2f}" if total else f"{'-':>6}")
        right, total = styles[style]["all"]
        print(f"{style:<20} {counts[style]:>4} " + " ".join(cells) + f" {right / total:>6.3f}")
    right, blocks, people_right, people = score_names(args.split)
    print(f"\nauthor blocks (GROBID): surnames in order {right}/{blocks} = {right / blocks:.3f};")
    print(
        f"  people with surname and initials right {people_right}/{people}"
        f" = {people_right / people:.3f}"
    )
    if args.misses == "names":
        from citecheck.parser.names import split_names

        for path in sorted(NAMES.glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                got = split_names(row["text"])[0]
                if args.split in ("all", row["split"]) and [norm(n.surname) for n in got] != [
                    norm(p["surname"]) for p in row["names"]
                ]:
                    print(f"\n{row['text']}\n  want {[p['surname'] for p in row['names']]}")
                    print(f"  got  {[n.surname for n in got]}")
    if args.misses and args.misses != "names":
        from citecheck.parser.entryfields import read_entry

        for row in rows:
            gold = dict(row["gold"])  # type: ignore[call-overload]
            got = read_entry(str(row["text"]))
            if args.misses == "authors" and "author_block" in gold:
                want, have = (
                    gold_surnames(str(gold["author_block"])),
                    [norm(n.surname) for n in got.authors],
                )
            elif args.misses in gold:
                want, have = norm(gold[args.misses]), norm(getattr(got, args.misses))
            else:
                continue
            if want != have:
                print(f"\n{row['style']}: {row['text']}")
                print(f"  want {gold.get(args.misses, want)!r}")
                print(f"  got  {getattr(got, args.misses)!r}")


if __name__ == "__main__":
    sys.exit(main())
