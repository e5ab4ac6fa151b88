"""Checked files are never touched: content, modification time and the folder's listing stay
the same after runs with every command and option (formats, scopes, selections, jobs,
baselines, stdin, inspection commands)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli.app import app
from citecheck.cli.formats import FORMATS

ROOT = Path(__file__).resolve().parent.parent
PAST = 1_000_000_000  # 2001-09-09: any write would move the modification time

FILES = {
    "article.txt": (ROOT / "fixtures" / "000_75297bddb94e8c7d.txt").read_bytes(),
    "notes.md": (
        b"# Notes\n\n<!-- citecheck: ignore uncited-claim -->\n"
        b"The council approved the budget on Monday evening.\n\n"
        b"Turnout reached a record high this year, officials said. [^1][2]\n\n"
        b"[^1]: City Herald, 2020.\n\n## References\n\n1. City Herald: Budget approved\n"
    ),
    "crlf.txt": b"Bridge\r\n\r\nThe bridge reopened on Friday after repairs. [1][1]\r\n\r\n"
    b"References\r\n1. Harbour News: Bridge reopens\r\n2. Harbour News: Bridge reopens\r\n",
    "sub/legacy.txt": "Café owners said rents rose. [1]\n\nReferences\n1. A: B\n".encode("latin-1"),
    # Bytes no encoding decodes (noise without NUL bytes): an input error.
    "sub/noise.txt": bytes((i * 167 + 13) % 255 + 1 for i in range(6000)),
    "citecheck.toml": b'scope = "paragraph"\n',
}


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            out[path.relative_to(folder).as_posix()] = (path.read_bytes(), path.stat().st_mtime_ns)
    return out


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "drafts"
    for name, data in FILES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    monkeypatch.chdir(folder)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    result = CliRunner().invoke(app, ["check", ".", "--write-baseline", "baseline.json"])
    assert result.exit_code == 2  # noise.txt is no text: the run says so, and goes on
    for path in folder.rglob("*"):
        os.utime(path, ns=(PAST * 10**9, PAST * 10**9))
    return folder


RUNS = [
    *[["check", ".", "--format", name] for name in FORMATS],
    *[["check", ".", "--scope", scope] for scope in ("paragraph", "sentence")],
    *[["check", ".", "--fail-on", level] for level in ("error", "warning", "info", "never")],
    ["check", ".", "--select", "ALL", "--min-claim-words", "3"],
    ["check", ".", "--ignore", "uncited-claim,CC003", "--fail-under", "50"],
    ["check", ".", "--quiet", "--no-color"],
    ["check", ".", "--jobs", "1"],
    ["check", ".", "--jobs", "2", "--format", "json"],
    ["check", ".", "--exclude", "*.md", "--exclude", "sub"],
    ["check", ".", "--config", "citecheck.toml"],
    ["check", "sub/legacy.txt", "--encoding", "latin-1"],
    ["check", ".", "--baseline", "baseline.json"],
    ["check", "article.txt", "notes.md", "crlf.txt", "article.txt"],
    *[
        [cmd, name, "--format", fmt]
        for cmd in ("parse", "refs")
        for fmt in ("text", "json")
        for name in ("article.txt", "notes.md", "crlf.txt")
    ],
    ["parse", "sub/legacy.txt", "--encoding", "latin-1"],
    ["config", "notes.md"],
    ["config", ".", "--format", "json"],
]


def test_no_run_touches_a_checked_file(drafts: Path, tmp_path: Path) -> None:
    before = snapshot(drafts)
    assert set(before) == {*FILES, "baseline.json"}
    runner = CliRunner()
    for args in RUNS:
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 1, 2), (args, result.output)
        assert "Traceback" not in result.output, args
        assert snapshot(drafts) == before, args
    out = tmp_path / "elsewhere.json"
    result = runner.invoke(app, ["check", ".", "--write-baseline", str(out)])
    assert out.is_file()
    stdin = runner.invoke(
        app, ["check", "-", "--stdin-filename", "notes.md"], input=FILES["notes.md"]
    )
    assert stdin.exit_code in (0, 1)
    assert snapshot(drafts) == before
