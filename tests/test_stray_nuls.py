"""A text with a few stray NUL bytes (a PDF extract that wrote a figure's labels as UTF-16)
is read with them dropped, and says so once; a real binary file (an image, compressed or
random bytes, UTF-16 without a byte-order mark) is still refused with one line."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli.app import app
from citecheck.model.errors import InputError
from citecheck.reader import decode
from tests.test_robustness import ARTICLE  # an uncited claim and a dangling marker

# What a PDF extractor wrote for a figure's axis labels: "Percentage" as UTF-16BE, glyph
# codes shifted (each character one NUL and one byte), among ordinary UTF-8 prose.
FIGURE = b"\r\n\x003\x00H\x00U\x00F\x00H\x00Q\x00W\x00D\x00J\x00H\r\n\r\n"
ROOMY = "\n\n".join(
    f"Paragraph {n} keeps the prose of the paper, as a PDF extractor wrote it, at length."
    for n in range(12)
)


def _with_figure(text: str, copies: int = 1) -> bytes:
    """The article with the figure's bytes after its first paragraph, ``copies`` times."""
    head, rest = text.split("\n\n", 1)
    return head.encode() + FIGURE * copies + rest.encode()


def _check(tmp_path: Path, name: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner(env={"NO_COLOR": "1"}).invoke(
        app, ["check", *args, str(tmp_path / name)], catch_exceptions=False
    )
    return result.exit_code, result.stdout, result.stderr


def test_stray_nuls_are_dropped_and_the_text_is_checked(tmp_path: Path) -> None:
    """The same findings as the file without its figure, and one mention of the NULs."""
    (tmp_path / "clean.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "extract.txt").write_bytes(_with_figure(ARTICLE + "\n" + ROOMY))
    (tmp_path / "plain.txt").write_text(ARTICLE + "\n" + ROOMY, encoding="utf-8")
    code, out, err = _check(tmp_path, "extract.txt", "--format", "json")
    assert code == 1 and err == ""
    report = json.loads(out)["files"][0]
    assert report["nul_bytes"] == FIGURE.count(0) == 10
    _, plain, _ = _check(tmp_path, "plain.txt", "--format", "json")
    codes = [f["code"] for f in report["findings"]]
    assert codes == [f["code"] for f in json.loads(plain)["files"][0]["findings"]]
    assert "CC002" in codes  # [7]
    _, said, _ = _check(tmp_path, "extract.txt")
    assert said.count("10 stray NUL bytes dropped (not read)") == 1
    _, clean, _ = _check(tmp_path, "clean.txt", "--format", "json")
    assert json.loads(clean)["files"][0]["nul_bytes"] is None


def test_the_text_reads_without_its_nuls() -> None:
    text = decode(b"Figure 3 \x00A\x00x\x00i\x00s shows it. " + b"Prose goes on. " * 40, "a.txt")
    assert "\x00" not in text and "Figure 3 Axis shows it." in text
    assert getattr(text, "nuls", 0) == 4


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),  # an image
        random.Random(7).randbytes(20000),  # compressed: about one NUL in 256 bytes
        "UTF-16 text without a byte-order mark, a line or two.\n".encode("utf-16-le") * 20,
        b"text\x00more text",  # one NUL in fourteen bytes
        b"%PDF-1.7\n" + random.Random(3).randbytes(5000) + b"\nendstream",
    ],
    ids=["png", "random", "utf16", "short", "pdf"],
)
def test_binary_files_are_still_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="binary file"):
        decode(data, "blob.txt")


def test_too_many_nuls_in_a_text_are_binary() -> None:
    """Over 2 % NULs is no stray figure: refused, also with an explicit encoding."""
    data = b"Prose with a NUL here \x00 and there.\n" * 40
    with pytest.raises(InputError, match="binary file"):
        decode(data, "a.txt")
    with pytest.raises(InputError, match="binary file"):
        decode(data, "a.txt", "latin-1")
    kept = decode(data[:360] + b"Plain prose goes on for a long while. " * 30, "a.txt", "latin-1")
    assert "\x00" not in kept and getattr(kept, "nuls", 0) == 10


def test_fix_leaves_a_text_with_stray_nuls_alone(tmp_path: Path) -> None:
    """``fix`` would write the file back without its NULs: it refuses, and the file keeps
    its bytes."""
    data = _with_figure(ARTICLE.replace("[1][7]", "[1][1]") + "\n" + ROOMY)
    path = tmp_path / "extract.txt"
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["fix", str(path)])
    assert result.exit_code == 2
    assert "stray NUL bytes (dropped on reading); not fixed" in result.stderr
    assert path.read_bytes() == data
