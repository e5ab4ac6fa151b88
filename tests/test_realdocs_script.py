"""benchmarks/realdocs.py: a document citecheck could not check is listed as such and fails
the run, never counted as a document with no findings."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from benchscripts import load


def _command(tmp_path: Path) -> str:
    """An executable that runs this interpreter's citecheck (what ``--citecheck`` names)."""
    script = tmp_path / "cc"
    script.write_text(f'#!/bin/sh\nexec {sys.executable} -m citecheck "$@"\n', "utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


def test_an_unchecked_document_is_listed_and_fails_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    realdocs = load("realdocs")
    docs = tmp_path / "docs" / "s" / "word"
    docs.mkdir(parents=True)
    (docs / "broken.docx").write_bytes(b"this is not a zip archive")
    (docs / "fine.txt").write_text("The bridge reopened on Monday.\n", "utf-8")
    manifest = tmp_path / "MANIFEST.tsv"
    manifest.write_text(
        "split\tkind\tfile\trepo\tcommit\tpath\tnote\n"
        "s\tword\tbroken.docx\to/r\tc\tp\tn\n"
        "s\tword\tfine.txt\to/r\tc\tp\tn\n",
        "utf-8",
    )
    argv = ["realdocs.py", str(tmp_path / "docs"), "s", "--manifest", str(manifest)]
    monkeypatch.setattr(sys, "argv", [*argv, "--citecheck", _command(tmp_path)])
    assert realdocs.main() == 1
    out = capsys.readouterr().out
    assert "NOT CHECKED  word           broken.docx: " in out
    assert "fine.txt" in out and "not checked: 1 document(s)" in out
