"""The fitted support model: its features, its shipped coefficients and the script that fits
them (benchmarks/support_cv.py) on WiCE dev and on a small data set written here."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from benchscripts import load

from citecheck.sources.model import Source
from citecheck.verifier import coefficients
from citecheck.verifier.features import FEATURES, match
from citecheck.verifier.support import probability, support

WICE = Path(__file__).resolve().parents[2] / "shared" / "bench" / "wice" / "dev.jsonl"


def page(sentences: list[str]) -> Source:
    spans, at = [], 0
    for sentence in sentences:
        spans.append((at, at + len(sentence)))
        at += len(sentence) + 1
    return Source(
        key="1",
        location="https://example.org/1",
        final_url=None,
        status=200,
        state="ok",
        problem=None,
        title=None,
        site_name=None,
        date=None,
        text=" ".join(sentences),
        sentences=tuple(spans),
        origin="snapshot",
    )


PAGE = page(
    [
        "The council voted on Tuesday to close the old town to cars from next spring.",
        "Shops in the old town said they feared losing customers.",
        "The harbour festival drew 40,000 visitors last summer.",
    ]
)


@pytest.fixture(scope="module")
def cv() -> ModuleType:
    return load("support_cv")


@pytest.fixture(scope="module")
def fitting() -> ModuleType:
    return load("fitting")


def test_features_of_a_claim_the_page_says_and_one_it_does_not() -> None:
    said = match("The council voted to close the old town to cars.", [PAGE])
    other = match("The mayor of Lisbon banned 12 boats from the river.", [PAGE])
    assert said is not None and other is not None
    assert len(said.vector) == len(FEATURES)
    f = dict(zip(FEATURES, said.vector, strict=True))
    g = dict(zip(FEATURES, other.vector, strict=True))
    assert f["coverage"] == 1.0 and f["strict"] == 1.0 and f["bigrams"] > 0.5
    assert g["coverage"] < 0.3 and g["strict"] == 0.0 and g["numbers_anywhere"] == 0.0
    assert f["negation"] == 0.0
    denied = match("The council did not vote to close the old town to cars.", [PAGE])
    assert denied is not None and dict(zip(FEATURES, denied.vector, strict=True))["negation"]
    assert probability(said.vector) > coefficients.SUPPORTED > probability(other.vector)


def test_the_verdict_follows_the_coefficients() -> None:
    assert support("The council voted to close the old town to cars.", [PAGE]).verdict == (
        "supported"
    )
    # every word is on the page but the number is not: never supported (STRICT)
    result = support("The harbour festival drew 50,000 visitors last summer.", [PAGE])
    assert coefficients.STRICT and result.verdict != "supported"
    assert 0.0 < result.score < 1.0
    assert coefficients.PARTIAL < coefficients.SUPPORTED
    assert {name for name, *_ in coefficients.MODEL} <= set(FEATURES)


def test_fit_and_measures_on_data_we_know(fitting: ModuleType) -> None:
    cv = fitting
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 3))
    target = (x[:, 0] - x[:, 1] + 0.3 * rng.normal(size=400) > 0).astype(float)
    model = cv.fit(x, target, (0, 1))
    assert model.weights[0] > 0 > model.weights[1]
    labels = np.where(target == 1, "supported", "not_supported")
    assert cv.auroc(model.predict(x), labels == "supported") > 0.95
    assert cv.auroc(np.array([0.9, 0.8, 0.1]), np.array([True, True, False])) == 1.0
    assert cv.balanced(np.array([True, False, True, False]), np.array([1, 1, 0, 0]) == 1) == 0.5
    groups = [f"g{i // 3}" for i in range(30)]
    folds = cv.group_folds(groups, 5, 0)
    for g in set(groups):
        assert len({folds[i] for i in range(30) if groups[i] == g}) == 1
    assert sorted(set(folds)) == [0, 1, 2, 3, 4]


def _records(n: int) -> list[dict]:
    out = []
    for i in range(n):
        label = ("supported", "partially_supported", "not_supported")[i % 3]
        claim = {
            "supported": f"The council of town {i} voted to close the old town to cars.",
            "partially_supported": f"The council of town {i} closed the port in {2000 + i}.",
            "not_supported": f"A bakery in village {i} won a national bread prize.",
        }[label]
        evidence = [f"The council of town {i} voted to close the old town to cars.", "It rained."]
        out.append(
            {
                "claim": claim,
                "evidence": evidence,
                "label": label,
                "meta": {"id": f"r{i}", "claim_title": f"article {i // 2}"},
            }
        )
    return out


def test_the_script_prints_its_table_and_writes_coefficients(
    cv: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "dev.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in _records(60)), "utf-8")
    out = tmp_path / "coefficients.py"
    assert cv.main(["--data", str(data), "--repeats", "1", "--write", str(out)]) == 0
    printed = capsys.readouterr().out
    for row in ("fitted model", "hand-set, CV", "word overlap", "hand-set"):
        assert f"\n{row} " in printed
    namespace: dict = {}
    exec(compile(out.read_text("utf-8"), str(out), "exec"), namespace)
    assert [name for name, *_ in namespace["MODEL"]] == [n for n, *_ in coefficients.MODEL]
    assert 0.0 < namespace["SUPPORTED"] < 1.0 and namespace["STRICT"] is True
    assert cv.main(["--data", str(tmp_path / "missing.jsonl")]) == 2


@pytest.mark.skipif(not WICE.exists(), reason="../shared/bench/wice is absent")
def test_the_shipped_coefficients_are_what_the_script_fits_on_wice_dev(cv: ModuleType) -> None:
    import wice

    dev = cv.prepare("WiCE dev", wice.load(WICE))
    recipe = cv.make_recipes(False, False)["fitted model"]
    fitted = cv.train(dev.x, dev.labels, dev.groups, dev.gate, recipe)
    assert fitted.supported == pytest.approx(coefficients.SUPPORTED, abs=1e-4)
    assert fitted.partial == pytest.approx(coefficients.PARTIAL, abs=1e-4)
    assert fitted.model.intercept == pytest.approx(coefficients.INTERCEPT, rel=1e-4)
    for (_, mean, scale, weight), m, s, w in zip(
        coefficients.MODEL, fitted.model.mean, fitted.model.scale, fitted.model.weights, strict=True
    ):
        assert (m, s, w) == pytest.approx((mean, scale, weight), rel=1e-4, abs=1e-6)
