"""Build ``tests/data/names/grobid.jsonl`` from GROBID's labelled author blocks.

GROBID (github.com/kermitt2/grobid, Apache licence) trains its name model on author blocks
taken from the reference lists of real papers, each person labelled in TEI
(``<forename>``, ``<middlename>``, ``<lastname>``, ``<suffix>``):
``grobid-trainer/resources/dataset/name/citation/{corpus,evaluation}/*.xml`` at commit
``b8d6bec302189e29a6c358ea513f8be834004a86``. Each line here is one block: its origin,
its text and the people in order (surname, given names), every third held out.

Run: ``python benchmarks/names_import.py DIR > tests/data/names/grobid.jsonl`` (DIR holding
those files).
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

COMMIT = "b8d6bec302189e29a6c358ea513f8be834004a86"
FOLDER = "grobid-trainer/resources/dataset/name/citation/"


def people(author: ET.Element) -> list[dict[str, str]]:
    """The people of one labelled block: a part whose slot the current person has filled
    already starts the next person."""
    out: list[dict[str, str]] = []
    current: dict[str, str] = {}
    for el in author:
        tag = el.tag.rsplit("}", 1)[-1]
        value = " ".join("".join(el.itertext()).split())
        if tag not in ("forename", "middlename", "lastname", "surname") or not value:
            continue
        slot = "surname" if tag in ("lastname", "surname") else "given"
        if (tag == "forename" and current.get("given")) or (
            slot == "surname" and "surname" in current
        ):
            out.append(current)
            current = {}
        if slot == "given" and "given" in current:
            current["given"] += " " + value
        else:
            current[slot] = value
    if current:
        out.append(current)
    return [{"surname": p.get("surname", ""), "given": p.get("given", "")} for p in out]


def main(folder: str) -> None:
    k = 0
    for path in sorted(Path(folder).glob("*.xml")):
        where = "evaluation/" if path.name == "author.evaluation.tei.xml" else "corpus/"
        name = "author.tei.xml" if where == "evaluation/" else path.name
        for n, author in enumerate(
            ET.parse(path).getroot().iter("{http://www.tei-c.org/ns/1.0}author")
        ):
            names = people(author)
            if not names or any(not p["surname"] for p in names):
                continue
            text = " ".join("".join(author.itertext()).split())
            row = {
                "repo": "kermitt2/grobid",
                "commit": COMMIT,
                "path": FOLDER + where + name,
                "block": n,
                "text": text,
                "names": names,
                "split": "holdout" if k % 3 == 2 else "tune",
            }
            k += 1
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
