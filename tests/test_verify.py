"""``citecheck verify`` end to end: the README's worked example, offline, from snapshots."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli.app import app

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
    assert on_six and on_six[0]["verdict"] != "supported" and on_six[0]["score"] < 0.2


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


ARTICLE = """Harbour news

The harbour reopened on Monday after the storm. [1] Ferries will run a reduced timetable
until the end of the month. [2] A new pier is planned for next year. [3]

References:
1. Port Weekly: Harbour reopens. {ok}
2. Ferry Times: Reduced timetable. {gone}
3. Coast Daily: New pier planned. {forbidden}
"""


def test_verify_over_http_reports_dead_and_blocked_sources(tmp_path, monkeypatch):
    """A real server on 127.0.0.1: a page, a 404 and a 403, fetched with --allow-private."""
    from pageserver import serving

    with serving() as site:
        site.page(
            "/ok",
            "<html><head><title>Harbour reopens</title></head><body><article>"
            "<p>The harbour reopened on Monday after the storm, the port authority said.</p>"
            "</article></body></html>",
        )
        site.page("/gone", "<p>Not here</p>", status=404)
        site.page("/forbidden", "<p>No robots</p>", status=403)
        article = tmp_path / "harbour.txt"
        article.write_text(
            ARTICLE.format(
                ok=site.url("/ok"), gone=site.url("/gone"), forbidden=site.url("/forbidden")
            ),
            "utf-8",
        )
        monkeypatch.chdir(tmp_path)
        result = RUNNER.invoke(app, ["verify", str(article), "--allow-private", "--format", "json"])
    report = json.loads(result.stdout)
    found = {(f["rule"], f["severity"], f["line"]) for f in report["files"][0]["findings"]}
    assert ("source-unavailable", "warning", 8) in found  # 404: the link is dead
    assert ("source-unavailable", "info", 9) in found  # 403: blocked, not dead
    assert ("unverified-claim", "info", 3) in found
    verdicts = {c["cites"][0]: c["verdict"] for c in report["files"][0]["claims"]}
    assert verdicts["1"] == "supported"
    assert verdicts["2"] == verdicts["3"] == "unverifiable"
    assert (tmp_path / ".citecheck-cache").is_dir()
    assert article.read_text("utf-8").startswith("Harbour news")


def test_verify_without_allow_private_never_reads_loopback(tmp_path, monkeypatch):
    from pageserver import serving

    with serving() as site:
        site.page("/ok", "<p>The harbour reopened on Monday after the storm.</p>")
        article = tmp_path / "harbour.txt"
        article.write_text(
            ARTICLE.format(ok=site.url("/ok"), gone=site.url("/ok"), forbidden=site.url("/ok")),
            "utf-8",
        )
        monkeypatch.chdir(tmp_path)
        result = RUNNER.invoke(app, ["verify", str(article), "--format", "json"])
        assert site.hits("/ok") == 0
    report = json.loads(result.stdout)
    assert {c["verdict"] for c in report["files"][0]["claims"]} == {"unverifiable"}
