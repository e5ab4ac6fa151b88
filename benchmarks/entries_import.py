"""Build ``tests/data/entries/*.jsonl`` from labelled reference strings of real papers.

AnyStyle (github.com/inukshuk/anystyle, BSD licence) ships ``res/parser/gold.xml``: 1,669
reference strings taken from the reference lists of real papers (as PDF-to-text gives them:
hyphenation breaks, ligatures, numbered labels) with every segment labelled by hand by the
project (``author``, ``date``, ``title``, ``journal``, ``volume``, ``pages`` …). The gold
fields of each line here are those labels, normalised only in form (surrounding punctuation
dropped; ``volume`` ``12(3)`` split into volume and issue; the year read from ``date``).

The style of each entry is read from the labelled structure (which segment follows which,
and the punctuation between them), by :func:`style_of` below, not from the parser under test.

GROBID (github.com/kermitt2/grobid, Apache licence) ships the training corpus of its
citation model, ``grobid-trainer/resources/dataset/citation/corpus/``: 7,895 ``<bibl>``
entries from the reference lists of 453 real papers (arXiv, PubMed Central, journals),
labelled in TEI (``<author>``, ``<title level="a|j|m">``, ``<biblScope unit="volume">``,
``<idno type="arXiv|DOI|PMID|PMC|ISBN">`` …). :func:`grobid` reads it into the same
labels, so the same rule names the style; it adds the identifiers AnyStyle's set lacks.
``python benchmarks/entries_import.py --grobid DIR > tests/data/entries/grobid.jsonl``
(DIR holding the corpus files of commit ``b8d6bec302189e29a6c358ea513f8be834004a86``).

Run: ``python benchmarks/entries_import.py anystyle-gold.xml anystyle-core.xml >
tests/data/entries/anystyle.jsonl`` (the files from ``git show
c6f5fb2fa6e8ce9456ad1e1e88d6bba5f3d7731d:res/parser/gold.xml`` and ``…:res/parser/core.xml``;
``core.xml`` holds 1,514 more, the hand-labelled strings of AnyStyle's default model).
"""

from __future__ import annotations

import json
import random
import re
import sys
import xml.etree.ElementTree as ET

REPO = "inukshuk/anystyle"
COMMIT = "c6f5fb2fa6e8ce9456ad1e1e88d6bba5f3d7731d"
PER_STYLE = 40

_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)([a-z])?\b|\bn\.\s?d\.|\bin press\b", re.I)
_VOL = re.compile(
    r"(?:vol\.?|volume|bd\.?)?\s*(\d+[A-Z]?)\s*(?:\(([^)]+)\)|,?\s*(?:no\.?|nr\.?|issue)\s*(\w+))?",
    re.I,
)
_PAGES = re.compile(r"(\w?\d+)\s*(?:[-–—‐]+\s*(\w?\d+))?")


def _strip(value: str) -> str:
    return " ".join(value.split()).strip(" ,.;:()[]")


def style_of(labels: list[str], seg: dict[str, str]) -> str | None:
    """The citation style the labelled entry is written in, or None when it reads as none
    of those benchmarked. ``labels`` are the segment labels in order, ``seg`` their text."""
    author = seg.get("author", "")
    date = seg.get("date", "")
    title = seg.get("title", "")
    number = seg.get("citation-number", "")
    volume = seg.get("volume", "")
    if "author" not in labels or "title" not in labels:
        return None
    a_i, t_i = labels.index("author"), labels.index("title")
    d_i = labels.index("date") if "date" in labels else -1
    quoted = bool(re.match(r"^\s*[“\"‘'«]", title))
    paren_date = bool(re.match(r"^\s*\(", date))
    inverted = bool(re.match(r"^[^\W\d]+(?:[ -][^\W\d]+)?,\s", author))
    vancouver_names = bool(re.match(r"^[^\W\d][\w'’-]+(?: [\w'’-]+)? [A-Z]{1,3}(?:,|\.|$)", author))
    initial_first = bool(re.match(r"^(?:[A-Z]\.\s?-?){1,3}\s*[^\W\d]", author))
    if re.match(r"^\[?[A-Z][A-Za-z+]{1,4}\d{2}[a-z]?\]?$", number):
        return "bibtex-alpha"
    if number:
        if vancouver_names and re.search(r";", date + volume + seg.get("journal", "")):
            return "vancouver"
        if vancouver_names and "." not in author.split(",")[0]:
            return "vancouver"
        if quoted or re.search(r"\bvol\.|\bpp\.", volume + seg.get("pages", "")):
            return "ieee"
        if d_i == len(labels) - 1 or (paren_date and d_i > t_i):
            return "nature"
        if (
            initial_first
            and d_i > t_i
            and re.search(r"\d+\s*\(\d+\)\s*:", volume + seg.get("pages", ""))
        ):
            return "bibtex-plain"
        if initial_first and d_i == a_i + 1:
            return "acm"
        return "numbered-other"
    if d_i == a_i + 1:
        if paren_date:
            if "&" in author or re.search(r"\(\d{4}[a-z]?\)\.", date):
                return "apa"
            return "harvard" if inverted else "natbib"
        if not inverted and not vancouver_names:
            return "acm"
        return "chicago-author-date"
    if d_i > t_i:
        if quoted:
            if re.search(r"\bvol\.|\bpp\.", volume + seg.get("pages", "")) or initial_first:
                return "ieee"
            if re.search(r"\bno\.", volume) or re.match(r"^\s*\(", date) or "publisher" in labels:
                return "chicago-notes"
            return "mla"
        if vancouver_names:
            return "vancouver"
        if re.search(r"\d+\s*\(\d+\)\s*:", volume + seg.get("pages", "")) or (
            initial_first and d_i == len(labels) - 1
        ):
            return "bibtex-plain"
        if paren_date and d_i == len(labels) - 1:
            return "nature"
        if inverted and "publisher" in labels:
            return "mla"
        return "chicago-notes" if inverted else "bibtex-plain"
    return None


def gold_of(labels: list[str], seg: dict[str, str]) -> dict[str, object]:
    """The gold fields of one labelled entry."""
    gold: dict[str, object] = {}
    if "author" in seg:
        gold["author_block"] = _strip(seg["author"])
    if "title" in seg:
        gold["title"] = _strip(seg["title"]).strip("“”\"‘’'«» ,.")
    if m := _YEAR.search(seg.get("date", "")):
        gold["year"] = (m.group(1) + (m.group(2) or "")) if m.group(1) else m.group(0).lower()
    venue = seg.get("journal") or seg.get("container-title")
    if venue:
        venue = re.sub(r"^\s*(?:in|in:)\s+", "", venue, flags=re.I)
        gold["venue"] = _strip(venue)
    elif "publisher" in seg:
        gold["venue"] = _strip(seg["publisher"])
    volume = re.sub(r"^\s*\(?\d{4}\)?\s*;", "", seg.get("volume", ""))  # "1999;50:"
    if volume and (m := _VOL.search(volume)):
        gold["volume"] = m.group(1)
        if m.group(2) or m.group(3):
            gold["issue"] = _strip(m.group(2) or m.group(3))
    if "pages" in seg and (m := _PAGES.search(seg["pages"])):
        gold["pages"] = m.group(1) + ("-" + m.group(2) if m.group(2) else "")
    for name in ("issue",):
        if name in seg and (m := re.search(r"\w+(?:[-–/]\w+)?", seg[name])):
            gold[name] = m.group()
    if "arxiv" in seg:
        plain = re.sub(r"\s+", "", seg["arxiv"])
        if m := re.search(r"\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?", plain):
            gold["arxiv"] = m.group()
    if "pmid" in seg and (m := re.search(r"\d+", seg["pmid"])):
        gold["pmid"] = m.group()
    if "pmcid" in seg and (m := re.search(r"\d+", seg["pmcid"])):
        gold["pmcid"] = "PMC" + m.group()
    if "doi" in seg and (m := re.search(r"10\.\d{4,9}/\S+", re.sub(r"\s+", "", seg["doi"]))):
        gold["doi"] = m.group().rstrip(".,;")
    if "url" in seg:
        gold["url"] = re.sub(r"\s+", "", seg["url"]).rstrip(".,;")
    if "isbn" in seg:
        gold["isbn"] = re.sub(r"[^\dX]", "", seg["isbn"].upper().replace("ISBN", ""))
    return gold


_TEI = {
    "author": "author",
    "orgName": "author",
    "date": "date",
    "publisher": "publisher",
    "pubPlace": "location",
    "ptr": "url",
}
_IDNO = {"doi": "doi", "arxiv": "arxiv", "pmid": "pmid", "pmc": "pmcid", "isbn": "isbn"}
_SCOPE = {"vol": "volume", "volume": "volume", "issue": "issue", "pp": "pages", "page": "pages"}
GROBID = "kermitt2/grobid"
GROBID_COMMIT = "b8d6bec302189e29a6c358ea513f8be834004a86"
GROBID_DIR = "grobid-trainer/resources/dataset/citation/corpus/"
PER_STYLE_GROBID = 12
PER_ID = 12


def _tei_label(el: ET.Element, has_a: bool) -> str | None:
    """The AnyStyle label of a GROBID TEI element, or None for one not scored."""
    tag = el.tag.rsplit("}", 1)[-1]
    if tag == "title":
        level = el.get("level")
        if level == "a" or (level == "m" and not has_a):
            return "title"
        return {"j": "journal", "m": "container-title"}.get(level or "")
    if tag == "biblScope":
        return _SCOPE.get(el.get("unit") or el.get("type") or "")
    if tag == "idno":
        return _IDNO.get((el.get("type") or "").lower())
    return _TEI.get(tag)


def grobid(folder: str) -> list[dict[str, object]]:
    """Entries of GROBID's citation corpus: per style at most ``PER_STYLE_GROBID``, and at
    most ``PER_ID`` more for each identifier kind (arXiv, PMID, PMCID, ISBN, DOI)."""
    from pathlib import Path

    by_style: dict[str, list[dict[str, object]]] = {}
    by_id: dict[str, list[dict[str, object]]] = {}
    for path in sorted(Path(folder).iterdir()):
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError:
            continue
        for n, bibl in enumerate(root.iter("{http://www.tei-c.org/ns/1.0}bibl")):
            _grobid_entry(bibl, path.name, n, by_style, by_id)
        for n, bibl in enumerate(root.iter("bibl")):
            _grobid_entry(bibl, path.name, n, by_style, by_id)
    rng = random.Random(21)
    out: list[dict[str, object]] = []
    seen: set[str] = set()
    for group, limit in ((by_id, PER_ID), (by_style, PER_STYLE_GROBID)):
        for key in sorted(group):
            entries = [e for e in group[key] if e["text"] not in seen]
            rng.shuffle(entries)
            for entry in entries[:limit]:
                seen.add(str(entry["text"]))
                out.append(entry)
    return out


def _grobid_entry(
    bibl: ET.Element,
    name: str,
    n: int,
    by_style: dict[str, list[dict[str, object]]],
    by_id: dict[str, list[dict[str, object]]],
) -> None:
    has_a = any(el.tag.rsplit("}", 1)[-1] == "title" and el.get("level") == "a" for el in bibl)
    labels: list[str] = []
    seg: dict[str, str] = {}
    for el in bibl:
        label = _tei_label(el, has_a)
        if label:
            labels.append(label)
            seg.setdefault(label, "".join(el.itertext()))
    text = " ".join("".join(bibl.itertext()).split())
    if len(text) < 20:
        return
    style = style_of(labels, seg) or "unknown"
    entry: dict[str, object] = {
        "repo": GROBID,
        "commit": GROBID_COMMIT,
        "path": GROBID_DIR + name,
        "sequence": n,
        "style": style,
        "text": text,
        "gold": gold_of(labels, seg),
    }
    kinds = [k for k in ("arxiv", "pmid", "pmcid", "isbn", "doi") if k in entry["gold"]]  # type: ignore[operator]
    if kinds:
        by_id.setdefault(kinds[0], []).append(entry)
    elif style not in ("unknown", "numbered-other"):
        by_style.setdefault(style, []).append(entry)


def main(paths: list[str]) -> None:
    chosen: dict[str, list[dict[str, object]]] = {}
    if paths[0] == "--grobid":
        _write(grobid(paths[1]), {})
        return
    for path in paths:
        _read(path, chosen)
    rng = random.Random(21)
    out = []
    for style in sorted(chosen):
        entries = chosen[style]
        rng.shuffle(entries)
        out += entries[:PER_STYLE]
    _write(out, chosen)


def _write(out: list[dict[str, object]], chosen: dict[str, list[dict[str, object]]]) -> None:
    """Print the entries in a fixed order, every third held out."""
    out.sort(key=lambda e: (str(e["path"]), int(e["sequence"])))  # type: ignore[call-overload]
    for k, entry in enumerate(out):
        entry["split"] = "holdout" if k % 3 == 2 else "tune"
        sys.stdout.write(json.dumps(entry, ensure_ascii=False) + "\n")
    for style in sorted(chosen):
        sys.stderr.write(f"{style}: {len(chosen[style])} found\n")


def _read(path: str, chosen: dict[str, list[dict[str, object]]]) -> None:
    root = ET.parse(path).getroot()
    name = "res/parser/" + path.rsplit("/", 1)[-1].removeprefix("anystyle-")
    for n, seq in enumerate(root.iter("sequence")):
        labels = [el.tag for el in seq]
        seg: dict[str, str] = {}
        for el in seq:
            seg.setdefault(el.tag, el.text or "")
        text = " ".join(" ".join((el.text or "").split()) for el in seq)
        style = style_of(labels, seg)
        if style is None or style == "numbered-other":
            continue
        chosen.setdefault(style, []).append(
            {
                "repo": REPO,
                "commit": COMMIT,
                "path": name,
                "sequence": n,
                "style": style,
                "text": text,
                "gold": gold_of(labels, seg),
            }
        )


if __name__ == "__main__":
    main(sys.argv[1:])
