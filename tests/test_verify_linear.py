"""Verification costs work linear in the cited source's length, and a source is read once.

The articles of ``benchmarks/verify_scale.py`` (claims restating, misquoting or changing the
numbers of sentences planted in a snapshot source of news-like sentences) are verified as
``citecheck verify --offline`` verifies them, under cProfile, which counts every Python and C
function call: the same count on a busy machine as on an idle one, so nothing here depends
on the machine's speed.

- A source ten times longer, the claims the same, costs at most ``BOUND`` times the calls
  (linear: about ten; a quadratic step: about a hundred).
- Each claim added to an article costs at most ``PER_CLAIM_SENTENCE`` calls per sentence of
  the source it cites: a claim may scan the source's prepared sentences (BM25 tests each one
  for a query term and the best are picked: two calls a sentence, plus a few thousand a
  claim to score its passages), but must not read the source again (cut it into terms,
  extract its numbers: twenty to forty calls a sentence; 35 before numbers were cached).
"""

from __future__ import annotations

import cProfile
import shutil
import sys
from pathlib import Path

import pytest
from benchscripts import load

from citecheck.api import check_file
from citecheck.config.settings import Settings
from citecheck.sources.model import SourceOptions

verify_scale = load("verify_scale")

SMALL = 200
FACTOR = 10
CLAIMS = 12
BOUND = 15
PER_CLAIM_SENTENCE = 8.0
OPTIONS = SourceOptions(offline=True, use_cache=False)
SETTINGS = Settings(select=("ALL",))


def _clear_caches() -> None:
    """Empty citecheck's memo caches, so a count does not depend on what ran before."""
    for name, module in list(sys.modules.items()):
        if name == "citecheck" or name.startswith("citecheck."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def _repeated(article: Path, times: int) -> Path:
    """The article with its claims written ``times`` times over, citing the same snapshot."""
    lines = article.read_text("utf-8").split("\n")
    claims = [line for line in lines if line.endswith(" [1]")]
    rest = [line for line in lines if not line.endswith(" [1]")]
    folder = article.parent / f"x{times}"
    folder.mkdir(exist_ok=True)
    out = folder / article.name
    out.write_text("\n".join([rest[0], *claims * times, *rest[1:]]), "utf-8")
    shutil.copytree(article.with_suffix(".sources"), out.with_suffix(".sources"))
    return out


def calls(article: Path, claims: int) -> int:
    """How many function calls verifying an article of ``claims`` claims makes (after a
    warm-up, so imports are not counted, and with empty caches)."""
    warm = verify_scale.build(article.parent, 20, 6)
    check_file(str(warm), SETTINGS, sources=OPTIONS)
    _clear_caches()
    profile = cProfile.Profile()
    profile.enable()
    try:
        report = check_file(str(article), SETTINGS, sources=OPTIONS)
    finally:
        profile.disable()
    assert len(report.claims or []) == claims
    return sum(entry.callcount for entry in profile.getstats())


@pytest.fixture(scope="module")
def counts(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[int, int], int]:
    """Calls at SMALL and FACTOR * SMALL sentences with CLAIMS claims, and at FACTOR * SMALL
    with the same claims written four times."""
    folder = tmp_path_factory.mktemp("verify-linear")
    small = verify_scale.build(folder, SMALL, CLAIMS)
    large = verify_scale.build(folder, FACTOR * SMALL, CLAIMS)
    return {
        (SMALL, CLAIMS): calls(small, CLAIMS),
        (FACTOR * SMALL, CLAIMS): calls(large, CLAIMS),
        (FACTOR * SMALL, 4 * CLAIMS): calls(_repeated(large, 4), 4 * CLAIMS),
    }


def test_the_articles_run_every_verification_rule(tmp_path: Path) -> None:
    article = verify_scale.build(tmp_path, SMALL, CLAIMS)
    report = check_file(str(article), SETTINGS, sources=OPTIONS)
    codes = {f.code for f in report.findings}
    assert {"CC203", "CC204", "CC205"} <= codes
    verdicts = {c.verdict for c in report.claims or []}
    assert {"supported", "unsupported"} <= verdicts


def test_work_grows_linearly_with_the_source(counts: dict[tuple[int, int], int]) -> None:
    small, large = counts[SMALL, CLAIMS], counts[FACTOR * SMALL, CLAIMS]
    assert large <= BOUND * small, f"{FACTOR}x the sentences cost {large / small:.1f}x the calls"


def test_claims_share_one_reading_of_the_source(counts: dict[tuple[int, int], int]) -> None:
    n = FACTOR * SMALL
    added = counts[n, 4 * CLAIMS] - counts[n, CLAIMS]
    per = added / (3 * CLAIMS * n)
    assert per <= PER_CLAIM_SENTENCE, f"each claim costs {per:.1f} calls per source sentence"


def test_the_benchmark_is_deterministic_and_measures(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        verify_scale.build(tmp_path / name, 50, 6, seed=3)
    for written in ("scale-50.txt", "scale-50.sources/1.txt"):
        assert (tmp_path / "a" / written).read_bytes() == (tmp_path / "b" / written).read_bytes()
    figures = verify_scale.measure(sizes=(20, 200), repeat=1, wice=False)
    assert set(figures["sizes"]) == {20, 200} and set(figures["growth"]) == {"20->200"}
    assert figures["sizes"][200]["verified"] == verify_scale.CLAIMS
    assert figures["wice"] is None
