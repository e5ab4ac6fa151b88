"""``citecheck fix`` and ``check --fix`` on real files: diffs, atomic writes, encodings,
bad input (read-only, changed while fixing, undecodable), marks and counts in reports."""

from __future__ import annotations

import codecs
import json
import os
import stat

import jsonschema
import pytest
from typer.testing import CliRunner

from citecheck.checker import RULES
from citecheck.checker.docs import explanation
from citecheck.cli.app import app
from citecheck.cli.formats.json import schema
from citecheck.fixer import APPLICABILITY

ARTICLE = """\
Harbour bridge reopens

The harbour bridge reopened to traffic on Friday after repairs. [1][1]

Engineers replaced 40 steel cables and resurfaced the deck. [2]

References:
1. Harbour News: Bridge reopens after repairs
2. City Engineering Office: Bridge works completed
3. City Budget Office: Repair costs
"""
FIXED = ARTICLE.replace("[1][1]", "[1]")
CLEAN = FIXED.replace("3. City Budget Office: Repair costs\n", "")


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(app, list(args), input=stdin)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, "utf-8")
    return path


def test_diff_shows_the_change_and_writes_nothing(article):
    result = run("fix", "--diff", str(article))
    assert result.exit_code == 1
    assert f"--- a/{article}" in result.stdout and f"+++ b/{article}" in result.stdout
    assert (
        "-The harbour bridge reopened to traffic on Friday after repairs. [1][1]" in result.stdout
    )
    assert "+The harbour bridge reopened to traffic on Friday after repairs. [1]" in result.stdout
    assert article.read_text("utf-8") == ARTICLE


def test_fix_writes_keeps_the_mode_and_a_second_run_changes_nothing(article):
    article.chmod(0o640)
    result = run("fix", str(article))
    assert result.exit_code == 0, result.output
    assert article.read_text("utf-8") == FIXED
    assert stat.S_IMODE(article.stat().st_mode) == 0o640
    assert "fixed 1 finding (duplicate-citation 1)" in result.stdout
    assert "1 more fixable with --unsafe" in result.stdout
    again = run("fix", "--diff", str(article))
    assert again.exit_code == 0 and again.stdout == ""
    assert not [p for p in article.parent.iterdir() if p.name.startswith(".citecheck-")]


def test_unsafe_removes_the_uncited_entry(article):
    assert run("fix", "--unsafe", str(article)).exit_code == 0
    assert article.read_text("utf-8") == CLEAN


def test_select_limits_what_is_fixed(article):
    assert run("fix", "--unsafe", "--select", "uncited-reference", str(article)).exit_code == 0
    assert article.read_text("utf-8") == ARTICLE.replace(
        "3. City Budget Office: Repair costs\n", ""
    )


@pytest.mark.parametrize(
    ("bom", "codec", "newline"),
    [
        (b"", "utf-8", "\r\n"),
        (codecs.BOM_UTF8, "utf-8", "\r\n"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "\n"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "\r"),
    ],
)
def test_encoding_bom_and_line_endings_are_kept(tmp_path, bom, codec, newline):
    path = tmp_path / "article.txt"
    path.write_bytes(bom + ARTICLE.replace("\n", newline).encode(codec))
    assert run("fix", str(path)).exit_code == 0
    assert path.read_bytes() == bom + FIXED.replace("\n", newline).encode(codec)


def test_a_read_only_file_is_one_line_and_exit_2_and_the_others_are_fixed(tmp_path, article):
    locked = tmp_path / "locked.txt"
    locked.write_text(ARTICLE, "utf-8")
    locked.chmod(0o444)
    result = run("fix", str(locked), str(article))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"citecheck: {locked}: read-only file; not fixed"]
    assert locked.read_text("utf-8") == ARTICLE
    assert article.read_text("utf-8") == FIXED


def test_a_read_only_file_with_nothing_to_fix_is_no_error(tmp_path):
    locked = tmp_path / "clean.txt"
    locked.write_text(CLEAN, "utf-8")
    locked.chmod(0o444)
    assert run("fix", str(locked)).exit_code == 0


def test_a_file_changed_while_fixing_is_not_overwritten(tmp_path, article, monkeypatch):
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE, "utf-8")
    from citecheck.run import fix as batch

    real = batch.fix_text
    edited = ARTICLE.replace("on Friday", "on Saturday")

    def meanwhile(text, **kw):
        result = real(text, **kw)
        if kw.get("path") == str(article):
            article.write_text(edited, "utf-8")  # an editor saves while fix runs
        return result

    monkeypatch.setattr(batch, "fix_text", meanwhile)
    result = run("fix", str(article), str(other))
    assert result.exit_code == 2
    assert "changed while being fixed; not written" in result.stderr
    assert article.read_text("utf-8") == edited  # the other edit is not lost
    assert other.read_text("utf-8") == FIXED


def test_undecodable_and_missing_files_do_not_stop_the_others(tmp_path, article):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes((i * 167 + 13) % 255 + 1 for i in range(6000)))  # no encoding fits
    result = run("fix", str(bad), str(tmp_path / "missing.txt"), str(article))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 2
    assert article.read_text("utf-8") == FIXED


def test_a_symbolic_link_stays_a_link(tmp_path, article):
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    assert run("fix", str(link)).exit_code == 0
    assert link.is_symlink() and article.read_text("utf-8") == FIXED


def test_a_directory_is_walked(tmp_path, article):
    (tmp_path / "notes.md").write_text(ARTICLE, "utf-8")
    result = run("fix", str(tmp_path))
    assert result.exit_code == 0
    assert "Fixed 2 findings in 2 of 2 files" in result.stdout


def test_stdin_prints_the_fixed_text():
    result = run("fix", "-", stdin=ARTICLE)
    assert result.exit_code == 0
    assert result.stdout == FIXED


def test_check_fix_fixes_then_reports_what_is_left(article):
    result = run("check", "--fix", "--format", "json", str(article))
    assert article.read_text("utf-8") == FIXED
    findings = [f for file in json.loads(result.stdout)["files"] for f in file["findings"]]
    assert [(f["code"], f["fix"]) for f in findings] == [("CC003", "unsafe")]
    assert result.exit_code == 1
    assert run("check", "--fix", "--unsafe", str(article)).exit_code == 0
    assert article.read_text("utf-8") == CLEAN


def test_text_output_marks_fixable_findings_and_counts_them(article):
    out = run("check", "--no-color", str(article)).stdout.splitlines()
    (head,) = [line for line in out if "CC011" in line]
    assert "CC011 duplicate-citation [*] " in head
    (uncited,) = [line for line in out if "CC003" in line]
    assert "[*]" not in uncited
    assert "[*] 1 fixable with citecheck fix (1 more with --unsafe)" in out
    assert out[-1].startswith("1 file checked")


def test_json_carries_fix_and_counts_and_matches_the_schema(article):
    data = json.loads(run("check", "--format", "json", str(article)).stdout)
    jsonschema.validate(data, json.loads(schema()))
    assert {f["code"]: f["fix"] for f in data["files"][0]["findings"]} == {
        "CC011": "safe",
        "CC003": "unsafe",
    }
    assert (data["summary"]["fixable"], data["summary"]["unsafe_fixable"]) == (1, 1)


@pytest.mark.parametrize("rule", RULES, ids=[r.NAME for r in RULES])
def test_explain_says_whether_a_rule_is_fixable(rule):
    text = explanation(rule)
    assert "\nFix\n" in text
    line = text.split("\nFix\n", 1)[1].strip()
    kind = APPLICABILITY.get(rule.CODE)
    expected = {"safe": "Safe: ", "unsafe": "Unsafe: ", None: "Not fixable"}[kind]
    assert line.startswith(expected), (rule.NAME, line)


def test_no_temporary_file_is_left_when_a_write_fails(tmp_path, article, monkeypatch):
    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    result = run("fix", str(article))
    assert result.exit_code == 2
    assert "cannot write: permission denied" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt"]
    assert article.read_text("utf-8") == ARTICLE


def test_a_legacy_encoding_given_with_encoding_is_kept(tmp_path):
    path = tmp_path / "article.txt"
    text = ARTICLE.replace("Harbour bridge", "Café bridge")
    path.write_bytes(text.encode("cp1252"))
    assert run("fix", "--encoding", "cp1252", str(path)).exit_code == 0
    assert path.read_bytes() == text.replace("[1][1]", "[1]").encode("cp1252")


def test_a_detected_legacy_encoding_is_kept(tmp_path):
    """Without --encoding, a Latin-1 file is fixed and written back in Latin-1: every byte
    outside the edit unchanged."""
    path = tmp_path / "article.txt"
    text = ARTICLE.replace("Harbour bridge", "Café bridge").replace("reopens", "reopens à Noël")
    path.write_bytes(text.encode("latin-1"))
    assert run("fix", str(path)).exit_code == 0
    assert path.read_bytes() == text.replace("[1][1]", "[1]").encode("latin-1")


def test_html_and_word_files_are_never_rewritten(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<p>The port reopened on Monday after the strike. [1][1]</p>", "utf-8")
    before = page.read_bytes()
    named = run("fix", str(page))
    assert named.exit_code == 2
    assert "fix rewrites plain text and Markdown only" in named.stderr
    walked = run("fix", str(tmp_path))
    assert walked.exit_code == 0
    assert page.read_bytes() == before
