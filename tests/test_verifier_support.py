"""The lexical support verifier: verdicts, scores and evidence offsets on sources we write."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from benchscripts import load
from hypothesis import given
from hypothesis import strategies as st

from citecheck.sources.model import Source
from citecheck.verifier.parts import claim_parts
from citecheck.verifier.support import support

PAGE = [
    "Mexico's president, Claudia Sheinbaum, rejected any U.S. military presence on Monday.",
    "She told reporters in Mexico City that cooperation would continue on intelligence.",
    "The menu, the weather and the sports results follow.",
    "Officials said 1,200 troops had been sent to the northern border in March 2025.",
    "Analysts expect talks to resume next month.",
]


def source(sentences: list[str], key: str = "1", state: str = "ok") -> Source:
    spans, at = [], 0
    for sentence in sentences:
        spans.append((at, at + len(sentence)))
        at += len(sentence) + 1
    return Source(
        key=key,
        location=f"https://example.org/{key}",
        final_url=None,
        status=200,
        state=state,  # type: ignore[arg-type]
        problem=None,
        title="Mexico rejects US military presence",
        site_name=None,
        date=None,
        text=" ".join(sentences) if state == "ok" else "",
        sentences=tuple(spans) if state == "ok" else (),
        origin="snapshot",
    )


def test_supported_with_evidence_offsets() -> None:
    page = source(PAGE)
    result = support("Sheinbaum rejected a U.S. military presence in Mexico.", [page])
    assert result.verdict == "supported"
    assert 0.0 < result.score <= 1.0
    best = result.evidence[0]
    assert page.text[best.start : best.end] == best.text
    assert "Sheinbaum" in best.text
    assert best.key == "1" and best.source == "https://example.org/1"


def test_joins_facts_from_two_places() -> None:
    claim = "Sheinbaum rejected U.S. troops, and 1,200 troops went to the border in March 2025."
    result = support(claim, [source(PAGE)])
    assert result.verdict == "supported"
    assert len(result.evidence) == 2


@pytest.mark.parametrize(
    "claim",
    [
        "Officials said 1,500 troops had been sent to the northern border in March 2025.",
        "Officials said 1,200 troops had been sent to the northern border in April 2025.",
        "Officials said 1,200 troops had been sent to the northern border in March 2024.",
    ],
)
def test_a_changed_number_or_date_is_not_supported(claim: str) -> None:
    result = support(claim, [source(PAGE)])
    assert result.verdict == "partially_supported"


def test_a_missing_name_lowers_the_score() -> None:
    right = support("Sheinbaum rejected a U.S. military presence.", [source(PAGE)])
    wrong = support("Obrador rejected a U.S. military presence.", [source(PAGE)])
    assert wrong.score < right.score
    assert wrong.verdict != "supported"


def test_unrelated_claim_is_unsupported() -> None:
    result = support("The orchestra premiered a new symphony by a young composer.", [source(PAGE)])
    assert result.verdict == "unsupported"
    assert result.score < 0.2


def test_spelled_numbers_match() -> None:
    claim = "Officials said one thousand two hundred troops went to the northern border."
    assert support(claim, [source(PAGE)]).verdict == "supported"


def test_unverifiable_without_text() -> None:
    dead = source(PAGE, state="dead")
    result = support("Sheinbaum rejected a U.S. military presence.", [dead])
    assert result.verdict == "unverifiable"
    assert result.evidence == ()
    assert support("Sheinbaum rejected it.", []).verdict == "unverifiable"


def test_best_source_wins() -> None:
    other = source(["The orchestra played a symphony."], key="2")
    result = support("Sheinbaum rejected a U.S. military presence.", [other, source(PAGE)])
    assert result.verdict == "supported"
    assert result.evidence[0].key == "1"


def test_claim_parts() -> None:
    parts = claim_parts("On 12 March 2023, Sheinbaum rejected 1,200 U.S. troops in Mexico City.")
    kinds = {p.text: p.kind for p in parts}
    assert kinds["12 March 2023"] == "number" and kinds["1,200"] == "number"
    assert kinds["Sheinbaum"] == "name" and kinds["Mexico"] == "name"
    assert kinds["rejected"] == "word" and kinds["troops"] == "word"
    assert "March" not in kinds


WICE = Path(__file__).resolve().parents[2] / "shared" / "bench" / "wice" / "dev.jsonl"


@pytest.fixture(scope="module")
def wice() -> ModuleType:
    return load("wice")


@pytest.mark.skipif(not WICE.exists(), reason="../shared/bench/wice is absent")
def test_wice_benchmark_runs_on_a_few_records(wice: ModuleType) -> None:
    records = wice.load(WICE, limit=12)
    assert len(records) == 12
    page = wice.snapshot(records[0])
    assert page.sentences and page.text[slice(*page.sentences[0])] == " ".join(
        records[0]["evidence"][0].split()
    )
    figures = wice.evaluate(records)
    assert set(figures) == {"verify", "verifier", "overlap", "always"}
    for row in figures.values():
        for key in ("ba_not", "ba_rest", "auroc_rest"):
            assert 0.0 <= row[key] <= 1.0 or row[key] != row[key]  # nan when one class
    assert figures["always"]["ba_rest"] == 0.5


def test_benchmark_metrics(wice: ModuleType) -> None:
    assert wice.auroc([0.9, 0.8, 0.1], [True, True, False]) == 1.0
    assert wice.auroc([0.5, 0.5], [True, False]) == 0.5
    assert wice.balanced([True, False, True, False], [True, True, False, False]) == 0.5
    assert wice.tuned([0.9, 0.8, 0.1], [True, True, False]) == (1.0, 0.8)


_sentence = st.lists(
    st.sampled_from(["Mexico", "rejected", "troops", "1,200", "March", "2025", "the", "on", "he"]),
    min_size=1,
    max_size=12,
).map(" ".join)


@given(_sentence, st.lists(_sentence, min_size=1, max_size=8))
def test_score_and_offsets_hold_for_any_text(claim: str, sentences: list[str]) -> None:
    page = source(sentences)
    result = support(claim, [page])
    assert 0.0 <= result.score <= 1.0
    for evidence in result.evidence:
        assert page.text[evidence.start : evidence.end] == evidence.text
        assert 0.0 <= evidence.score <= 1.0


@given(_sentence)
def test_a_claim_is_supported_by_itself(claim: str) -> None:
    result = support(claim, [source([claim])])
    assert result.verdict in ("supported", "unverifiable")


def test_a_count_needs_its_noun_beside_it() -> None:
    claim = "It took five years to make the film and three years to write it."
    apart = source(
        [
            "The director is back after five years with a new film to make.",
            "His hit 3 Idiots made him famous, and he took years to write it.",
        ]
    )
    beside = source(
        [
            "The director is back after five years with a new film to make.",
            "He took three years to write it.",
        ]
    )
    assert support(claim, [apart]).score < support(claim, [beside]).score
    assert support(claim, [beside]).verdict == "supported"


def test_a_hyphenated_name_is_found_in_its_pieces() -> None:
    page = source(["The archive tells the story of African Americans in the horse industry."])
    result = support("The archive tells the story of African-Americans in racing.", [page])
    assert result.score > support("The archive tells the story of Peruvians.", [page]).score
    assert support(
        "The archive tells the story of African-Americans in the horse industry.", [page]
    ).verdict == ("supported")
