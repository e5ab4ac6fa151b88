"""Perturbation benchmark of the quotation and number checks: is a changed quote or number
caught, and is an unchanged one let through?

    .venv/bin/python benchmarks/perturb.py --pages DIR [--wice FILE] [--seed 1] [--json]

Sources, served by a loopback HTTP server and read by ``citecheck verify --allow-private``
(the fetcher, the extractor, the verifier and the rules, as a user runs them):

- WiCE dev (``../shared/bench/wice/dev.jsonl``, Kamoi et al., EMNLP 2023): each record's
  evidence sentences as a plain-text page, one a line;
- real HTML pages (``--pages``: a folder of ``*.html``, e.g. the test pages of trafilatura,
  ``tests/cache/``): quotes come from their ``<p>`` paragraphs (lxml) that the main-content
  text (trafilatura) holds, so a quote is one a reader of the page sees.

Each source gives claims in pairs, an original and a perturbation of it:

- ``quote-word``: a claim quoting 6-14 consecutive words of a sentence, and the same with one
  word changed: an antonym or a near-synonym (a table below), else another entity (a
  capitalised word of the source that is not in the quote), else another content word;
- ``quote-number``: a quote holding a number, and the same with one digit of it changed;
- ``sentence-number``: a sentence of the source restated as a claim (so every number of it
  is in the source), and the same with one digit of one of its numbers changed;
- ``claim-number`` (WiCE): a claim labelled ``supported`` (the page backs all of it) that
  has a number in digits, and the same with one digit of it changed.

A replacement never occurs in the source (else nothing could catch it). Caught: the
perturbed claim gets the rule's finding (CC203 for a quote; CC203 or CC204, exactly one of
them, for a number in a quote; CC204 for a number in the claim) and a verdict other than
``supported``. False alarm: the original gets that finding. Items fall into halves A and B
by a hash of the source (A to tune on, B to report); nothing here is tuned. Seeded: the same
seed gives the same items.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import subprocess
import sys
import tempfile
import threading
from collections import defaultdict
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WICE = ROOT.parent / "shared" / "bench" / "wice" / "dev.jsonl"
TARGETS = {"caught": 0.95, "false_alarm": 0.05}

PAIRS = [
    "large small",
    "large big",
    "tiny huge",
    "increase decrease",
    "increased decreased",
    "rose fell\n",
    "more less",
    "higher lower",
    "first last",
    "early late",
    "earlier later",
    "won lost",
    "win lose",
    "best worst\n",
    "major minor",
    "strong weak",
    "positive negative",
    "good bad",
    "new old",
    "open closed",
    "young old",
    "long short\n",
    "public private",
    "north south",
    "east west",
    "before after",
    "always never",
    "many few",
    "most least\n",
    "success failure",
    "accepted rejected",
    "agreed refused",
    "support oppose",
    "supported opposed\n",
    "generals soldiers",
    "distressing disappointing",
    "said claimed",
    "began started",
    "city town",
    "said stated\n",
    "important significant",
    "big large",
    "small little",
    "help assist",
    "show reveal",
    "government administration\n",
    "company firm",
    "people persons",
    "children kids",
    "car vehicle",
    "country nation",
    "quickly rapidly\n",
    "announced declared",
    "died passed",
    "killed murdered",
    "built constructed",
    "received got",
    "used employed\n",
    "former previous",
    "final last",
    "women ladies",
    "men guys",
    "home house",
    "job work",
    "film movie",
    "album record\n",
    "team squad",
    "game match",
    "song track",
    "book novel",
    "election vote",
    "war conflict",
    "army military",
]
SWAPS: dict[str, list[str]] = defaultdict(list)
for _pair in PAIRS:
    _a, _b = _pair.split()
    SWAPS[_a].append(_b)
    SWAPS[_b].append(_a)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d[\d,.]*\d|\d")
_DIGITS = re.compile(r"\d+")
_QUANTITY = re.compile(r"(?<![\w.,-])\d[\d,.]*\d(?![\w-])|(?<![\w.,-])\d(?![\w.,-])")
"""A number standing as a word ("1,500", "41.3", "7"), not part of a name ("HTML4", "2D")."""


@dataclass(frozen=True)
class Item:
    """One claim of a pair: ``variant`` original or perturbed, ``how`` the change made."""

    source: str
    kind: str
    variant: str
    claim: str
    how: str
    changed: str = ""


def half(source: str) -> str:
    """A or B, by a hash of the source id (stable across runs and machines)."""
    return "AB"[hashlib.sha256(source.encode()).digest()[0] % 2]


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _present(number: str, source: str) -> bool:
    """Whether a source writes the number, or its value without separators or trailing
    zeros ("1.60" as "1.6", "1,500" as "1500")."""
    forms = {number, number.replace(",", "")}
    forms |= {f.rstrip("0").rstrip(".") for f in forms if "." in f}
    return any(re.search(rf"(?<![\d.,]){re.escape(f)}(?![\d]|[.,]\d)", source) for f in forms if f)


def change_digit(token: str, source: str, rng: random.Random) -> str | None:
    """The number with one digit changed, so that its digits occur nowhere in the source."""
    places = [i for i, c in enumerate(token) if c.isdigit()]
    for _ in range(20):
        i = rng.choice(places)
        digits = "123456789" if i == places[0] else "0123456789"
        new = token[:i] + rng.choice(digits.replace(token[i], "")) + token[i + 1 :]
        fresh = not any(d in source for d in _DIGITS.findall(new) if len(d) > 1)
        if fresh and not _present(new, source) and _DIGITS.findall(new) != _DIGITS.findall(token):
            return new
    return None


def change_word(words: list[str], source: str, rng: random.Random) -> tuple[list[str], str] | None:
    """One word of a quote changed (antonym/synonym, entity, other word) and how, or None."""
    lowered = source.lower()
    order = list(range(len(words)))
    rng.shuffle(order)
    for i in order:
        for other in SWAPS.get(words[i].lower(), []):
            new = other.capitalize() if words[i][0].isupper() else other
            changed = [*words[:i], new, *words[i + 1 :]]
            if " ".join(changed).lower() not in lowered:
                return changed, "lexicon"
    names = sorted({w for w in _WORD.findall(source) if w[0].isupper() and len(w) > 3} - set(words))
    kinds = [("entity", lambda w: w[0].isupper() and len(w) > 3, names)]
    pool = sorted(
        {w.lower() for w in _WORD.findall(source) if len(w) > 5} - {w.lower() for w in words}
    )
    kinds.append(("word", lambda w: w.isalpha() and w.islower() and len(w) > 5, pool))
    for how, fits, choices in kinds:
        places = [i for i in order if i > 0 and fits(words[i])]
        if places and choices:
            i = places[0]
            changed = [*words[:i], rng.choice(choices), *words[i + 1 :]]
            if " ".join(changed).lower() not in lowered:
                return changed, how
    return None


def quote_span(sentence: str, rng: random.Random, need_digit: bool) -> list[str] | None:
    """6-14 consecutive words of a sentence (with a number among them if asked)."""
    words = sentence.split()
    if len(words) < 6:
        return None
    for _ in range(10):
        size = rng.randint(6, min(14, len(words)))
        start = rng.randint(0, len(words) - size)
        span = [w.strip("\"'“”‘’()[]") for w in words[start : start + size]]
        span[0], span[-1] = span[0].lstrip(".,;:"), span[-1].rstrip(".,;:!?")
        if not all(span) or any(c in " ".join(span) for c in '"“”[]…'):
            continue
        if not need_digit or any(any(c.isdigit() for c in w) for w in span):
            return span
    return None


def _change_number(span: list[str], text: str, rng: random.Random) -> tuple[list[str], str] | None:
    """The first number of a quote with one digit changed."""
    for at, word in enumerate(span):
        token = next((t for t in _WORD.findall(word) if t[0].isdigit()), None)
        if token is not None:
            new = change_digit(token, text, rng)
            if new is None:
                return None
            return [*span[:at], word.replace(token, new, 1), *span[at + 1 :]], "number"
    return None


def quote_items(source_id: str, sentences: list[str], text: str, rng: random.Random) -> list[Item]:
    """The quote-word and quote-number pairs of one source."""
    items: list[Item] = []
    order = sentences_of(sentences)
    rng.shuffle(order)
    for kind in ("quote-word", "quote-number"):
        for sentence in order:
            span = quote_span(sentence, rng, kind == "quote-number")
            if span is None:
                continue
            if kind == "quote-word":
                made = change_word(span, text, rng)
            else:
                made = _change_number(span, text, rng)
            if made is None:
                continue
            changed, how = made
            for variant, words in (("original", span), ("perturbed", changed)):
                claim = f'The page says that "{" ".join(words)}".'
                items.append(Item(source_id, kind, variant, claim, how))
            break
    return items


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00c0-\u00de\d])")


def sentences_of(paragraphs: list[str]) -> list[str]:
    """The sentences of paragraphs (cut after . ! ? before a capital or a digit)."""
    return [s for p in paragraphs for s in _SENTENCE.split(p) if s]


def claim_number_items(
    source_id: str, claim: str, text: str, rng: random.Random, kind: str = "claim-number"
) -> list[Item]:
    """A claim and the same with one digit of one of its numbers changed (none when it
    quotes, or has no number written in digits)."""
    claim = _squeeze(claim)
    if any(c in claim for c in '"“”„«»[]'):
        return []
    numbers = list(_QUANTITY.finditer(claim))
    if not numbers:
        return []
    pick = rng.choice(numbers)
    new = change_digit(pick.group(), text, rng)
    if new is None:
        return []
    changed = claim[: pick.start()] + new + claim[pick.end() :]
    return [
        Item(source_id, kind, "original", claim, "number", pick.group()),
        Item(source_id, kind, "perturbed", changed, "number", new),
    ]


def _statement(sentence: str) -> bool:
    """Whether a sentence reads as a statement: 8-40 words, a capital first, a full stop last
    (headings, prompts and captions of pages are not claims anyone cites)."""
    return 8 <= len(sentence.split()) <= 40 and sentence[0].isupper() and sentence[-1] == "."


def number_items(
    source_id: str, paragraphs: list[str], text: str, rng: random.Random
) -> list[Item]:
    """A sentence of the source restated as a claim, with a number of it changed."""
    order = [s for s in sentences_of(paragraphs) if _statement(s)]
    rng.shuffle(order)
    for sentence in order:
        if pair := claim_number_items(source_id, sentence, text, rng, "sentence-number"):
            return pair
    return []


@dataclass(frozen=True)
class Page:
    """A page the loopback server serves."""

    path: str
    body: bytes
    content_type: str


def wice_sources(
    path: Path, rng: random.Random, limit: int | None = None
) -> tuple[list[Page], list[Item]]:
    """WiCE records (the first ``limit``) as plain-text pages and their claim pairs."""
    pages: list[Page] = []
    items: list[Item] = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        if limit is not None and len(pages) >= limit:
            break
        record = json.loads(line)
        source = f"wice-{record['meta']['id']}".replace("/", "_")
        sentences = [_squeeze(s) for s in record["evidence"] if not s.startswith("(meta data)")]
        text = "\n".join(sentences)
        pages.append(Page(f"/{source}.txt", text.encode(), "text/plain; charset=utf-8"))
        items += quote_items(source, sentences, text, rng)
        items += number_items(source, sentences, text, rng)
        if record["label"] == "supported":
            items += claim_number_items(source, record["claim"], text, rng)
    return pages, items


def html_sources(folder: Path, rng: random.Random) -> tuple[list[Page], list[Item]]:
    """Real HTML pages and their quote pairs: quotes from ``<p>`` paragraphs of at least ten
    words that trafilatura's main text holds."""
    import lxml.html
    import trafilatura

    pages: list[Page] = []
    items: list[Item] = []
    for path in sorted(folder.glob("*.html")):
        raw = path.read_bytes()
        try:
            tree = lxml.html.fromstring(raw)
        except (ValueError, lxml.etree.ParserError):
            continue
        html = raw.decode("utf-8", "replace")
        main = _squeeze(trafilatura.extract(html, include_comments=False) or "")
        paragraphs = [_squeeze(p.text_content()) for p in tree.iter("p")]
        kept = [p for p in paragraphs if len(p.split()) >= 10 and p in main]
        if not kept:
            continue
        source = f"page-{path.stem}"
        pages.append(Page(f"/{source}.html", raw, "text/html; charset=utf-8"))
        whole = _squeeze(tree.text_content())
        items += quote_items(source, kept, whole, rng)
        items += number_items(source, kept, whole, rng)
    return pages, items


def _server(pages: list[Page]) -> ThreadingHTTPServer:
    routes = {p.path: p for p in pages}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            page = routes.get(self.path)
            body = page.body if page else b"not found"
            self.send_response(200 if page else 404)
            self.send_header("Content-Type", page.content_type if page else "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def write_articles(items: list[Item], folder: Path, base: str) -> dict[tuple[str, int], Item]:
    """One article per source, a claim a paragraph citing [1]: (file stem, line) → item."""
    by_source: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_source[item.source].append(item)
    where: dict[tuple[str, int], Item] = {}
    for source, claims in by_source.items():
        ext = ".html" if source.startswith("page-") else ".txt"
        lines = [f"Claims on {source}", ""]
        for item in claims:
            where[source, len(lines) + 1] = item
            lines += [f"{item.claim} [1]", ""]
        lines += ["References:", f'1. "Source {source}". {base}/{source}{ext}', ""]
        (folder / f"{source}.txt").write_text("\n".join(lines), "utf-8")
    return where


def verify(folder: Path) -> dict[str, Any]:
    """Run ``citecheck verify`` on every article of a folder; the JSON report."""
    command = [sys.executable, "-m", "citecheck", "verify", str(folder), "--allow-private"]
    command += ["--format", "json", "--fail-on", "never", "--cache-dir", str(folder / ".cache")]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=folder)
    if done.returncode != 0 or not done.stdout.strip():
        raise SystemExit(f"citecheck verify failed ({done.returncode}): {done.stderr[-2000:]}")
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def _overlaps(number: str, shown: str) -> bool:
    """Whether a finding's text shows the changed number ("76" in "76", "1,2" in "1,250")."""
    return any(d in shown for d in _DIGITS.findall(number))


def judge(item: Item, findings: list[dict[str, Any]], claims: list[dict[str, Any]]) -> str:
    """``alarm`` when an item gets its kind's finding (as the rules say in the module doc),
    ``double`` for a number in a quote reported twice, ``quiet`` otherwise; a perturbed
    item with its finding but a ``supported`` verdict is ``supported``."""
    if not claims:
        return "unread"
    codes = [f["code"] for f in findings if f["code"] in ("CC203", "CC204")]
    if item.kind == "quote-word":
        hit = "CC203" in codes
    elif item.kind == "quote-number":
        if len(codes) > 1:
            return "double"
        hit = bool(codes)
    elif item.variant == "perturbed":
        hit = any(f["code"] == "CC204" and _overlaps(item.changed, f["text"]) for f in findings)
    else:
        hit = "CC204" in codes
    if not hit:
        return "quiet"
    if item.variant == "perturbed":
        marked = item.changed or item.claim.split('"')[1][:20]
        mine = [c for c in claims if marked in c["text"]] or claims
        if not mine or any(c["verdict"] == "supported" for c in mine):
            return "supported"
    return "alarm"


def run_items(items: list[Item], base: str) -> list[tuple[Item, str]]:
    """Verify the articles of the items against pages served at ``base``; judge each item."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        where = write_articles(items, folder, base)
        report = verify(folder)
    findings: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    claims: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    for file in report["files"]:
        stem = Path(file["path"]).stem
        for finding in file["findings"]:
            findings[stem, finding["line"]].append(finding)
        for claim in file.get("claims") or []:
            claims[stem, claim["line"]].append(claim)
    return [(item, judge(item, findings[key], claims[key])) for key, item in where.items()]


def measure(pages: list[Page], items: list[Item]) -> list[tuple[Item, str]]:
    """Serve the pages on a loopback server and :func:`run_items`."""
    server = _server(pages)
    try:
        return run_items(items, f"http://127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()


def tally(results: list[tuple[Item, str]]) -> dict[str, dict[str, Any]]:
    """Caught and false-alarm rates by dataset, kind and half (and over all)."""
    groups: dict[str, list[tuple[Item, str]]] = defaultdict(list)
    for item, outcome in results:
        dataset = item.source.split("-")[0]
        for key in (
            f"{dataset} {item.kind} {half(item.source)}",
            f"{dataset} {item.kind} all",
            f"all {half(item.source)}",
            "all all",
        ):
            groups[key].append((item, outcome))
    table: dict[str, dict[str, Any]] = {}
    for key, rows in sorted(groups.items()):
        perturbed = [o for i, o in rows if i.variant == "perturbed"]
        original = [o for i, o in rows if i.variant == "original"]
        table[key] = {
            "pairs": len(perturbed),
            "caught": sum(o == "alarm" for o in perturbed) / max(1, len(perturbed)),
            "false_alarm": sum(o not in ("quiet", "unread") for o in original)
            / max(1, len(original)),
            "reported_twice": sum(o == "double" for o in perturbed),
            "found_but_supported": sum(o == "supported" for o in perturbed),
            "not_read_as_claim": sum(o == "unread" for i, o in rows),
        }
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--wice", type=Path, default=WICE, help="WiCE dev.jsonl (skipped if absent)"
    )
    parser.add_argument("--pages", type=Path, help="a folder of real *.html pages")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=int, help="at most this many sources of each kind")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--misses", action="store_true", help="list the items judged wrong")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    pages: list[Page] = []
    items: list[Item] = []
    for load, where in ((wice_sources, args.wice), (html_sources, args.pages)):
        if where is not None and where.exists():
            more_pages, more_items = load(where, rng)
            keep = {p.path.strip("/").rsplit(".", 1)[0] for p in more_pages[: args.limit]}
            pages += [p for p in more_pages if p.path.strip("/").rsplit(".", 1)[0] in keep]
            items += [i for i in more_items if i.source in keep]
    if not items:
        print("no sources: give --wice or --pages", file=sys.stderr)
        return 2
    results = measure(pages, items)
    table = tally(results)
    if args.json:
        print(json.dumps({"seed": args.seed, "targets": TARGETS, "figures": table}, indent=2))
    else:
        head = f"{'group':<26}{'pairs':>6}{'caught':>8}{'false':>7}{'twice':>7}{'supp':>6}"
        print(head + f"{'unread':>8}")
        for key, row in table.items():
            print(
                f"{key:<26}{row['pairs']:>6}{row['caught']:>8.3f}{row['false_alarm']:>7.3f}"
                f"{row['reported_twice']:>7}{row['found_but_supported']:>6}"
                f"{row['not_read_as_claim']:>8}"
            )
    if args.misses:
        for item, outcome in results:
            wrong = outcome != ("alarm" if item.variant == "perturbed" else "quiet")
            if wrong:
                print(f"{outcome:>9} {item.variant:<9} {item.kind:<12} {item.source}: {item.claim}")
    overall = table["all all"]
    ok = overall["caught"] >= TARGETS["caught"] and overall["false_alarm"] <= TARGETS["false_alarm"]
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
