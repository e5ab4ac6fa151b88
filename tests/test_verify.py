"""``citecheck verify`` end to end: the README's worked example, offline, from snapshots."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli import app

EXAMPLE = Path(__file__).parents[1] / "fixtures" / "verify"
RUNNER = CliRunner()


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the worked example (article, its .sources/ folder and its citecheck.toml)."""
    folder = tmp_path / "verify"
    shutil.copytree(EXAMPLE, folder)
    return folder


def _verify(folder: Path, *args: str) -> tuple[int, dict]:
    cache = folder.parent / "cache"
    result = RUNNER.invoke(
        app,
        [
            "verify",
            str(folder / "mexico.txt"),
            "--offline",
            "--cache-dir",
            str(cache),
            "--format",
            "json",
            *args,
        ],
    )
    return result.exit_code, json.loads(result.stdout)


def test_the_worked_example_gives_the_findings_the_readme_shows(example, monkeypatch):
    monkeypatch.chdir(example)
    code, report = _verify(example)
    found = {(f["rule"], f["line"]) for f in report["files"][0]["findings"]}
    assert found == {
        ("uncited-claim", 2),
        ("possible-miscitation", 6),
        ("unsupported-claim", 6),  # line 6 cites the Post but says what the BBC reported
        ("quote-not-found", 6),  # the Post wrote "Trump tamer"
        ("title-mismatch", 10),  # CNN's page carries another headline
        ("not-a-reference", 15),
        ("not-a-reference", 16),
    }
    assert code == 1
    assert not (example.parent / "cache").exists(), "snapshots only: nothing cached"


def test_claims_carry_verdicts_scores_and_evidence_with_offsets(example, monkeypatch):
    monkeypatch.chdir(example)
    _, report = _verify(example)
    file = report["files"][0]
    claims = file["claims"]
    assert [c["line"] for c in claims] == sorted(c["line"] for c in claims)
    assert {c["verdict"] for c in claims} <= {
        "supported",
        "partially_supported",
        "unsupported",
        "unverifiable",
    }
    sources = {p.stem: p for p in (example / "mexico.sources").iterdir()}
    for claim in claims:
        assert 0 <= claim["score"] <= 1
        for evidence in claim["evidence"]:
            assert evidence["key"] in claim["cites"]
            assert Path(evidence["source"]).name == sources[evidence["key"]].name
            assert evidence["end"] > evidence["start"]
    stats = file["stats"]
    assert stats["verified"] == len(claims)
    assert sum(stats[v] for v in ("supported", "partially_supported", "unsupported")) + stats[
        "unverifiable"
    ] == len(claims)
    on_six = [c for c in claims if c["line"] == 6 and c["column"] == 1]
    assert on_six and on_six[0]["verdict"] == "unsupported"


def test_without_min_quote_words_two_the_nickname_is_not_checked(example, monkeypatch):
    (example / "citecheck.toml").unlink()
    monkeypatch.chdir(example)
    _, report = _verify(example)
    assert "quote-not-found" not in {f["rule"] for f in report["files"][0]["findings"]}


def test_check_reads_no_source(example, monkeypatch):
    monkeypatch.chdir(example)
    result = RUNNER.invoke(app, ["check", str(example / "mexico.txt"), "--format", "json"])
    report = json.loads(result.stdout)
    assert not any(f["code"].startswith("CC2") for f in report["files"][0]["findings"])
    assert report["files"][0]["claims"] is None


def test_a_missing_snapshot_offline_is_unverifiable(example, monkeypatch):
    (example / "mexico.sources" / "6.html").unlink()
    monkeypatch.chdir(example)
    _, report = _verify(example)
    findings = {(f["rule"], f["line"]) for f in report["files"][0]["findings"]}
    assert ("unverified-claim", 6) in findings
    assert ("quote-not-found", 6) not in findings
    stats = report["files"][0]["stats"]
    assert stats["unverifiable"] == 2


def test_the_text_format_shows_the_table_of_claims(example, monkeypatch):
    monkeypatch.chdir(example)
    result = RUNNER.invoke(
        app, ["verify", "mexico.txt", "--offline", "--cache-dir", "../cache", "--no-color"]
    )
    out = result.stdout
    assert "mexico.txt: claims checked against their sources" in out
    assert "unsupported" in out and "supported" in out
    assert "claims verified:" in out.splitlines()[-1]
