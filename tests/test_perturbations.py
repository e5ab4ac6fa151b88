"""A changed quotation or number never passes: perturbed claims, end to end.

Claims that quote a page served on 127.0.0.1 (and their perturbations: one word of a quote
changed, a number in a quote changed, a number in a claim changed) go through
``citecheck verify --allow-private`` in a subprocess, and ``benchmarks/perturb.py`` judges
each: a perturbation must get its finding and a verdict other than ``supported``, the
original none. The sample is fixed: the page below, and the first WiCE dev records (skipped
when ``../shared`` is absent) with the benchmark's generator at a fixed seed.
"""

from __future__ import annotations

import random

import pytest
from benchscripts import load
from pageserver import serving

perturb = load("perturb")
Item = perturb.Item

PAGE = """<!doctype html><html><head><title>Storm closes the harbour</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Storm closes the harbour</h1>
<p>The generals said the storm had caused a large and distressing loss of 200 boats in the
harbour on Tuesday night, and that the port would stay closed until the end of March.</p>
<p>“We have never seen anything like it,” the harbour master told reporters, adding that
repairs to the northern pier would cost about €4.5 million and take at least six weeks.</p>
<p>Fishermen’s families gathered on the quay in the morning; many said they had lost
everything they owned in the flood, and the city council promised emergency help.</p>
</article><footer>© Harbour News</footer></body></html>"""


def _pair(kind: str, original: str, perturbed: str, changed: str = "") -> list[object]:
    return [
        Item("page-harbour", kind, "original", original, "hand", ""),
        Item("page-harbour", kind, "perturbed", perturbed, "hand", changed),
    ]


HAND = [
    *_pair(
        "quote-word",
        'The report says the storm caused "a large and distressing loss of 200 boats".',
        'The report says the storm caused "a tiny and distressing loss of 200 boats".',
    ),
    *_pair(
        "quote-word",
        'According to the report, "the generals said the storm had caused" the loss.',
        'According to the report, "the soldiers said the storm had caused" the loss.',
    ),
    *_pair(
        "quote-word",
        'The report says the storm caused "a large and distressing loss of 200 boats".',
        'The report says the storm caused "a large and disappointing loss of 200 boats".',
    ),
    *_pair(
        "quote-word",
        'The harbour master said: "We have never seen anything like it."',
        'The harbour master said: "We have often seen anything like it."',
    ),
    *_pair(
        "quote-word",
        'The families said "they had lost everything they owned [...] and the city council'
        ' promised emergency help".',
        'The families said "they had lost everything they owned [...] and the city council'
        ' refused emergency help".',
    ),
    *_pair(
        "quote-number",
        'The generals spoke of "a large and distressing loss of 200 boats in the harbour".',
        'The generals spoke of "a large and distressing loss of 300 boats in the harbour".',
    ),
    *_pair(
        "claim-number",
        "The storm destroyed 200 boats in the harbour on Tuesday night.",
        "The storm destroyed 300 boats in the harbour on Tuesday night.",
        "300",
    ),
    *_pair(
        "claim-number",
        "Repairs to the northern pier will cost about €4.5 million.",
        "Repairs to the northern pier will cost about €5.5 million.",
        "5.5",
    ),
]


def _wrong(results: list[tuple[object, str]]) -> list[str]:
    return [
        f"{outcome}: {item.variant} {item.kind}: {item.claim}"
        for item, outcome in results
        if outcome != ("alarm" if item.variant == "perturbed" else "quiet")
    ]


def test_hand_made_perturbations_of_a_served_page_are_caught() -> None:
    with serving() as site:
        site.page("/page-harbour.html", PAGE)
        results = perturb.run_items(HAND, site.url(""))
    assert len(results) == len(HAND)
    assert _wrong(results) == []


def test_a_number_in_a_quotation_is_reported_once_with_the_words_that_differ(tmp_path) -> None:
    item = HAND[11]
    assert "300 boats" in item.claim
    with serving() as site:
        site.page("/page-harbour.html", PAGE)
        folder = tmp_path / "one"
        folder.mkdir()
        perturb.write_articles([item], folder, site.url(""))
        report = perturb.verify(folder)
    (file,) = report["files"]
    found = [f for f in file["findings"] if f["code"] in ("CC203", "CC204")]
    assert [f["code"] for f in found] == ["CC203"]
    assert '"300" where the source has "200"' in found[0]["message"]
    (claim,) = file["claims"]
    assert claim["verdict"] != "supported"
    assert "quote-not-found" in claim["capped_by"]
    (misquote,) = claim["misquotes"]
    assert misquote["changes"] == [{"quoted": "300", "printed": "200"}]
    assert "200 boats" in misquote["closest"]
    assert file["stats"]["supported"] == 0


@pytest.mark.skipif(not perturb.WICE.exists(), reason="../shared/bench/wice is absent")
def test_perturbed_wice_claims_are_caught_and_originals_pass() -> None:
    pages, items = perturb.wice_sources(perturb.WICE, random.Random(7), limit=12)
    items = [i for i in items if i.kind != "claim-number"]  # labels, not quotes, decide those
    assert len(items) >= 40
    with serving() as site:
        for page in pages:
            site.page(page.path, page.body, headers={"Content-Type": page.content_type})
        results = perturb.run_items(items, site.url(""))
    assert _wrong(results) == []
