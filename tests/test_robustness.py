"""Bad input never breaks citecheck: a valid report, or one line naming the file and exit 2.

Each case runs the real command line in a subprocess (so a traceback or a hang would show)
next to a good file, which must still be checked and reported, and most also run through the
library API. Large inputs go through the API only, to keep the run short.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from citecheck.api import check_text
from citecheck.cli.app import app
from citecheck.cli.formats import FORMATS, renderer
from citecheck.cli.formats.json import schema as report_schema
from citecheck.config.settings import Settings
from citecheck.model.errors import InputError
from citecheck.reader import decode
from citecheck.report import FileReport, Report, summarise
from citecheck.run.files import read_path
from citecheck.run.paths import check_paths

GOOD = """\
Harbour bridge reopens

The harbour bridge reopened to traffic on Friday after eight months of repairs. [1]

References:
1. Harbour News: Bridge reopens after repairs
"""

# An uncited claim on line 3 and a dangling marker on line 5: positions to compare.
ARTICLE = """\
Harbour bridge reopens

The city council approved the new budget on Monday after a long debate.

The harbour bridge reopened to traffic on Friday after eight months of repairs. [1][7]

References:
1. Harbour News: Bridge reopens after repairs
"""
ARTICLE_FINDINGS = [(3, 1, "CC001"), (5, 84, "CC002")]


def cli(
    *args: str, cwd: Path, stdin: bytes = b"", real: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run ``citecheck``; fail on a traceback or a hang.

    ``real`` runs a fresh interpreter (what a user or CI sees: a traceback would be printed,
    a blocking read would hang); otherwise the command runs in this process, which is faster.
    """
    if real:
        env = {**os.environ, "NO_COLOR": "1"}
        env.setdefault("PYTHONIOENCODING", "utf-8")
        env.pop("GITHUB_ACTIONS", None)
        proc = subprocess.run(
            [sys.executable, "-m", "citecheck", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            timeout=120,
            env=env,
            check=False,
        )
        code = proc.returncode
        stdout = proc.stdout.decode("utf-8", "replace")
        stderr = proc.stderr.decode("utf-8", "replace")
    else:
        runner = CliRunner(env={"NO_COLOR": "1", "GITHUB_ACTIONS": None})
        with contextlib.chdir(cwd):
            result = runner.invoke(app, list(args), input=stdin)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        code, stdout, stderr = result.exit_code, result.stdout, result.stderr
    out = subprocess.CompletedProcess(list(args), code, stdout, stderr)
    assert "Traceback" not in out.stderr, out.stderr
    assert out.returncode in (0, 1, 2), out
    return out


def json_report(proc: subprocess.CompletedProcess[str]) -> dict:  # type: ignore[type-arg]
    data = json.loads(proc.stdout)
    jsonschema.validate(data, json.loads(report_schema()))  # a valid report, by the schema
    return data  # type: ignore[no-any-return]


def positions(report: FileReport) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.code) for f in report.findings if f.severity != "info"]


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def assert_input_error(
    tmp_path: Path, name: str, *fragments: str, args: tuple[str, ...] = (), real: bool = False
) -> str:
    """The file is one error line with exit 2; good.txt beside it is still checked."""
    proc = cli("check", "--format", "json", *args, name, "good.txt", cwd=tmp_path)
    assert proc.returncode == 2, proc
    data = json_report(proc)
    assert [f["path"] for f in data["files"]] == ["good.txt"]
    assert [e["path"] for e in data["errors"]] == [name]
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"citecheck: {name}: "), lines
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    # The text report says the same, on one line of standard error as well.
    text = cli("check", *args, name, "good.txt", cwd=tmp_path, real=real)
    assert text.returncode == 2
    assert [line for line in text.stderr.splitlines() if line.strip()] == lines
    return lines[0]


def assert_checked(tmp_path: Path, name: str, *args: str, alone: bool = False) -> dict:  # type: ignore[type-arg]
    """The file gives a valid report, next to good.txt, without input errors."""
    names = [name] if alone else [name, "good.txt"]
    proc = cli("check", "--format", "json", *args, *names, cwd=tmp_path)
    data = json_report(proc)
    assert data["errors"] == [], data["errors"]
    assert [f["path"] for f in data["files"]] == names
    assert proc.returncode in (0, 1)
    return data["files"][0]  # type: ignore[no-any-return]


# --- Encodings -------------------------------------------------------------------------


def test_binary_file_is_one_error_line(tmp_path: Path, good: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_input_error(tmp_path, "image.txt", "binary", real=True)


def test_binary_with_an_explicit_encoding_is_still_binary(tmp_path: Path, good: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(b"text\x00more text")
    assert_input_error(tmp_path, "blob.txt", "binary", args=("--encoding", "latin-1"))


@pytest.mark.parametrize(
    ("encoding", "sample"),
    [("latin-1", "Café society"), ("cp1252", "“Quoted” café — society")],
)
def test_legacy_encoding_is_detected_and_the_option_works(
    tmp_path: Path, good: Path, encoding: str, sample: str
) -> None:
    """A file in a legacy single-byte encoding was refused (use --encoding); it is now read
    with the encoding charset-normalizer detects, which the report names; --encoding still
    decides when given."""
    text = ARTICLE.replace("Harbour bridge reopens", sample)
    (tmp_path / "legacy.txt").write_bytes(text.encode(encoding))
    report = assert_checked(tmp_path, "legacy.txt")
    assert [(f["line"], f["column"], f["code"]) for f in report["findings"]] == ARTICLE_FINDINGS
    assert report["encoding"] in ("iso8859-1", "cp1252")
    said = cli("check", "legacy.txt", cwd=tmp_path).stdout
    assert f"decoded as {report['encoding']} (not UTF-8; detected" in said
    assert read_path(str(tmp_path / "legacy.txt")) == text
    report = assert_checked(tmp_path, "legacy.txt", "--encoding", encoding)
    assert report["encoding"] is None
    got = [(f["line"], f["column"], f["code"]) for f in report["findings"]]
    assert got == ARTICLE_FINDINGS
    assert check_paths([str(tmp_path / "legacy.txt")], Settings(encoding=encoding)).errors == []


def test_undecodable_bytes_are_still_an_input_error(tmp_path: Path, good: Path) -> None:
    """Bytes no encoding makes text of (noise without NUL bytes) stay one error line."""
    noise = bytes((i * 167 + 13) % 255 + 1 for i in range(6000))
    (tmp_path / "noise.txt").write_bytes(noise)
    assert_input_error(tmp_path, "noise.txt", "not valid UTF-8", "--encoding")


def test_unknown_encoding_is_an_input_error(tmp_path: Path, good: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    proc = cli("check", "--encoding", "no-such-codec", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "no-such-codec" in proc.stderr
    for name in ("rot13", "hex"):  # codecs, but not text encodings
        with pytest.raises(InputError, match="unknown text encoding"):
            decode(b"abc", "a.txt", name)


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("utf-8-bom", codecs.BOM_UTF8 + ARTICLE.encode("utf-8")),
        ("utf-16-le", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le")),
        ("utf-16-be", codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be")),
        ("utf-32-le", codecs.BOM_UTF32_LE + ARTICLE.encode("utf-32-le")),
    ],
)
def test_unicode_with_byte_order_mark(tmp_path: Path, good: Path, label: str, data: bytes) -> None:
    (tmp_path / f"{label}.txt").write_bytes(data)
    report = assert_checked(tmp_path, f"{label}.txt")
    assert [(f["line"], f["column"], f["code"]) for f in report["findings"]] == ARTICLE_FINDINGS
    assert read_path(str(tmp_path / f"{label}.txt")) == ARTICLE


def test_escape_codec_that_makes_surrogates_is_an_input_error(tmp_path: Path, good: Path) -> None:
    (tmp_path / "escaped.txt").write_bytes(b"The claim \\ud800 is stated here [1].\n")
    args = ("--encoding", "unicode_escape")
    assert_input_error(tmp_path, "escaped.txt", "unpaired surrogates", args=args)


def test_explicit_utf8_drops_the_byte_order_mark() -> None:
    assert decode(codecs.BOM_UTF8 + b"abc", "a.txt", "utf-8") == "abc"


def test_utf16_without_byte_order_mark_suggests_the_encoding(tmp_path: Path, good: Path) -> None:
    (tmp_path / "wide.txt").write_bytes(ARTICLE.encode("utf-16-le"))
    assert_input_error(tmp_path, "wide.txt", "--encoding utf-16-le")
    report = assert_checked(tmp_path, "wide.txt", "--encoding", "utf-16-le", alone=True)
    assert [(f["line"], f["column"], f["code"]) for f in report["findings"]] == ARTICLE_FINDINGS


def test_truncated_utf16_is_an_input_error(tmp_path: Path, good: Path) -> None:
    (tmp_path / "cut.txt").write_bytes(codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le")[:-1])
    assert_input_error(tmp_path, "cut.txt", "cannot decode", real=True)


# --- Line endings -------------------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_lone_cr_count_lines_as_an_editor_does(
    tmp_path: Path, good: Path, newline: str
) -> None:
    (tmp_path / "ends.txt").write_bytes(ARTICLE.replace("\n", newline).encode("utf-8"))
    report = assert_checked(tmp_path, "ends.txt")
    assert [(f["line"], f["column"], f["code"]) for f in report["findings"]] == ARTICLE_FINDINGS
    assert positions(check_text(ARTICLE.replace("\n", newline))) == ARTICLE_FINDINGS


@pytest.mark.parametrize("char", ["\f", "\v", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])
def test_other_break_characters_do_not_end_a_line(char: str) -> None:
    text = ARTICLE.replace("Harbour bridge", f"Harbour{char}bridge")
    text = text.replace("on Monday after", f"on Monday{char}after")
    report = check_text(text)
    found = [(f.line, f.column, f.code) for f in report.findings]
    assert (5, 84, "CC002") in found
    if char != "\f":  # a line holding a form feed is page chrome (a page header) in plain text
        assert positions(report) == ARTICLE_FINDINGS
    markdown = text.replace("References:", "## References")
    assert positions(check_text(markdown, fmt="markdown")) == ARTICLE_FINDINGS


def test_mixed_line_endings() -> None:
    text = (
        "Title\r\n\rThe council approved the budget on Monday evening. [3]\n"
        "\rReferences\r\n1. A: B\n"
    )
    report = check_text(text)
    assert ("CC002", 3, 52) in [(f.code, f.line, f.column) for f in report.findings]


# --- Degenerate documents ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("empty.md", b""),
        ("blank.txt", b"   \n\t\n\r\n \x0c\n"),
        ("blank.md", b"\n\n   \n"),
        ("bom-only.txt", codecs.BOM_UTF8),
    ],
)
def test_empty_and_whitespace_only(tmp_path: Path, good: Path, name: str, content: bytes) -> None:
    (tmp_path / name).write_bytes(content)
    report = assert_checked(tmp_path, name)
    assert report["findings"] == []


def test_only_a_reference_list(tmp_path: Path, good: Path) -> None:
    (tmp_path / "refs.txt").write_text(
        "References\n1. Harbour News: Bridge reopens\n2. City Office: Works completed\n"
    )
    report = assert_checked(tmp_path, "refs.txt")
    assert [(f["line"], f["code"]) for f in report["findings"]] == [(2, "CC003"), (3, "CC003")]


def test_only_markers(tmp_path: Path, good: Path) -> None:
    (tmp_path / "marks.md").write_text("[1][2]\n\n[3, 4] [5-7] [^8]\n")
    report = assert_checked(tmp_path, "marks.md")
    assert "CC004" in {f["code"] for f in report["findings"]}


# --- Paths --------------------------------------------------------------------------------


def test_missing_path(tmp_path: Path, good: Path) -> None:
    assert_input_error(tmp_path, "missing.txt", "no such file", real=True)


def test_file_name_too_long(tmp_path: Path, good: Path) -> None:
    name = "a" * 300 + ".txt"
    assert_input_error(tmp_path, name, "file name too long")
    for command in ("parse", "refs"):
        proc = cli(command, name, cwd=tmp_path)
        assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
    proc = cli("check", "--config", name, "good.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "config file not found" in proc.stderr


def test_symlink_loop(tmp_path: Path, good: Path) -> None:
    try:
        os.symlink("loop-b.txt", tmp_path / "loop-a.txt")
        os.symlink("loop-a.txt", tmp_path / "loop-b.txt")
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links are not available here")
    assert_input_error(tmp_path, "loop-a.txt", "symbolic link", real=True)


def test_broken_symlink(tmp_path: Path, good: Path) -> None:
    try:
        os.symlink("nowhere.txt", tmp_path / "broken.txt")
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links are not available here")
    assert_input_error(tmp_path, "broken.txt", "broken symbolic link")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_fifo_is_an_input_error_and_does_not_hang(tmp_path: Path, good: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    assert_input_error(tmp_path, "pipe.txt", "named pipe", real=True)
    with pytest.raises(InputError, match="named pipe"):
        read_path(str(tmp_path / "pipe.txt"))


def test_device_is_an_input_error(tmp_path: Path, good: Path) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    proc = cli("check", "/dev/zero", "good.txt", cwd=tmp_path, real=True)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "citecheck: /dev/zero: a device, not a file; not checked"


def test_directory_named_as_a_file_is_walked(tmp_path: Path, good: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").write_text(GOOD)
    proc = cli("check", "--format", "json", "drafts", cwd=tmp_path)
    assert [f["path"] for f in json_report(proc)["files"]] == [os.path.join("drafts", "a.md")]
    with pytest.raises(InputError, match="is a directory"):
        read_path(str(tmp_path / "drafts"))


def _unreadable(path: Path) -> None:
    path.chmod(0)
    try:
        path.read_bytes()
    except PermissionError:
        return
    path.chmod(0o644)
    pytest.skip("running with privileges that read any file (root): chmod 000 does not block")


def test_directory_with_an_unreadable_file(tmp_path: Path, good: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD)
    (folder / "secret.txt").write_text(GOOD)
    _unreadable(folder / "secret.txt")
    try:
        proc = cli("check", "--format", "json", "drafts", "good.txt", cwd=tmp_path)
    finally:
        (folder / "secret.txt").chmod(0o644)
    assert proc.returncode == 2
    data = json_report(proc)
    assert [f["path"] for f in data["files"]] == [os.path.join("drafts", "a.txt"), "good.txt"]
    assert data["errors"] == [
        {"path": os.path.join("drafts", "secret.txt"), "message": "permission denied"}
    ]
    assert proc.stderr.strip().endswith("secret.txt: permission denied")


def test_permission_error_while_reading_is_reported(
    tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Runs everywhere, root included: the operating system refuses the read."""
    import citecheck.run.files

    (tmp_path / "secret.txt").write_text(GOOD)
    real_open = os.open

    def refuse(path: str, flags: int, *args: int) -> int:
        if str(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, flags, *args)

    monkeypatch.setattr(citecheck.run.files.os, "open", refuse)
    report = check_paths([str(tmp_path / "secret.txt"), str(good)])
    assert [f.path for f in report.files] == [str(good)]
    assert [(e.path, e.message) for e in report.errors] == [
        (str(tmp_path / "secret.txt"), "permission denied")
    ]


@pytest.mark.parametrize("name", ["my draft.txt", "brouillon été — ünïcode.md", "日本語 記事.txt"])
def test_names_with_spaces_and_non_ascii(tmp_path: Path, good: Path, name: str) -> None:
    (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    report = assert_checked(tmp_path, name)
    assert report["path"] == name
    proc = cli("check", "--quiet", name, cwd=tmp_path)
    assert proc.stdout.startswith(f"{name}:3:1 warning CC001")


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that stores raw bytes")
def test_undecodable_file_name_is_shown_escaped(tmp_path: Path, good: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/bad\xff\nname.txt"
    try:
        with open(raw, "wb") as fh:
            fh.write(ARTICLE.encode())
    except OSError:
        pytest.skip("the file system refuses the name")
    name = os.fsdecode(b"bad\xff\nname.txt")
    proc = cli("check", "--format", "json", name, cwd=tmp_path, real=True)
    assert [f["path"] for f in json_report(proc)["files"]] == ["bad\\xff\\nname.txt"]
    proc = cli("check", "--quiet", name, cwd=tmp_path)
    assert proc.stdout.splitlines()[0].startswith("bad\\xff\\nname.txt:3:1 warning CC001")
    gone = os.fsdecode(b"gone\xff\n.txt")
    proc = cli("check", gone, "good.txt", cwd=tmp_path, real=True)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == ["citecheck: gone\\xff\\n.txt: no such file"]


def test_output_that_the_terminal_cannot_encode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "café.txt").write_text(ARTICLE.replace("Harbour", "Café"), encoding="utf-8")
    monkeypatch.setenv("PYTHONIOENCODING", "ascii")
    for command in ("check", "parse", "refs"):
        proc = cli(command, "café.txt", cwd=tmp_path, real=True)
        assert proc.returncode in (0, 1)
        assert "caf\\xe9.txt" in proc.stdout or "Caf\\xe9" in proc.stdout


def test_empty_stdin(tmp_path: Path) -> None:
    proc = cli("check", "--format", "json", "-", cwd=tmp_path, stdin=b"", real=True)
    assert proc.returncode == 0
    data = json_report(proc)
    assert [(f["path"], f["findings"]) for f in data["files"]] == [("-", [])]


def test_binary_stdin(tmp_path: Path, good: Path) -> None:
    proc = cli("check", "-", "good.txt", cwd=tmp_path, stdin=b"\x00\x01\x02", real=True)
    assert proc.returncode == 2
    assert proc.stderr.startswith("citecheck: -: binary file")


@pytest.mark.parametrize("command", ["parse", "refs"])
def test_inspection_commands_report_bad_input_in_one_line(tmp_path: Path, command: str) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x00\x01")
    proc = cli(command, "image.txt", cwd=tmp_path, real=True)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "citecheck: error: image.txt: binary file (contains NUL bytes); not checked"
    ]
    proc = cli(command, "missing.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1


# --- Configuration ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "fragment"),
    [
        ("min-claim-words = \n", "invalid TOML"),
        ("[unclosed\n", "invalid TOML"),
        ('min-claim-words = "five"\n', "min-claim-words"),
        ('select = "uncited-claim"\n', "select"),
        ('scope = "word"\n', "scope"),
        ("fail-on = 3\n", "fail-on"),
        ("severity = []\n", "severity"),
        ("no-such-key = 1\n", "no-such-key"),
        ("min-claim-words = 0\n", "min-claim-words"),
    ],
)
def test_broken_config_is_one_line_naming_the_file(
    tmp_path: Path, good: Path, config: str, fragment: str
) -> None:
    (tmp_path / "citecheck.toml").write_text(config)
    proc = cli("check", "good.txt", cwd=tmp_path)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "citecheck.toml" in lines[0] and fragment in lines[0], lines[0]


def test_config_that_is_not_utf8(tmp_path: Path, good: Path) -> None:
    (tmp_path / "citecheck.toml").write_bytes(b"scope = '\xff'\n")
    proc = cli("check", "good.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "citecheck.toml" in proc.stderr


def test_pyproject_with_a_wrong_citecheck_table(tmp_path: Path, good: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.citecheck]\nscope = 1\n")
    proc = cli("check", "good.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "pyproject.toml" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


# --- Large and adversarial inputs (API) ---------------------------------------------------


def inside(text: str, report: FileReport) -> bool:
    """Every finding starts and ends on a line of the text, within or just past its end."""
    lengths = [len(line) for line in re.split(r"\r\n|\r|\n", text)]
    for f in report.findings:
        for line, column in ((f.line, f.column), (f.end_line, f.end_column)):
            assert 1 <= line <= len(lengths), f
            assert 1 <= column <= lengths[line - 1] + 1, f
        assert (f.line, f.column) <= (f.end_line, f.end_column), f
    return True


def _api(text: str, fmt: str = "text") -> FileReport:
    report = check_text(text, fmt=fmt, settings=Settings(select=("ALL",)))
    assert inside(text, report)
    return report


@pytest.mark.parametrize(
    ("fmt", "heading"), [("text", "References"), ("markdown", "## References\n")]
)
def test_one_5mb_line(fmt: str, heading: str) -> None:
    sentence = "The council approved the new budget on Monday evening [1]. "
    count = 5_000_000 // len(sentence)
    text = sentence * count + f"\n\n{heading}\n1. City Herald: Budget\n"
    report = _api(text, fmt)
    assert report.stats.markers == count
    assert report.stats.covered_claims == report.stats.claims == count


def test_many_findings_on_one_long_line_render_in_every_format() -> None:
    """Each format renders from a clipped window of the line, not a copy of all of it."""
    sentence = "The council approved the new budget on Monday evening [2]. "
    count = 500_000 // len(sentence)  # quadratic rendering took minutes here
    text = sentence * count + "\n\nReferences\n1. City Herald: Budget\n"
    report = check_text(text, keep_source=True)
    assert sum(f.code == "CC002" for f in report.findings) == count
    for name in FORMATS:
        out = io.StringIO()
        renderer(name)(Report(files=[report], summary=summarise([report], [])), out, False)
        assert out.getvalue()


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("text", ["[" * 1_000_000, "[" * 300_000 + "]" * 300_000])
def test_brackets(text: str, fmt: str) -> None:
    assert _api(text, fmt).findings == []


def test_100000_markers() -> None:
    # Keys above 2100: a bracketed number that reads as a year ([1999]) is not a marker.
    body = "".join(
        f"Claim number {i} is stated here in full [{i}].\n" for i in range(2101, 102_101)
    )
    report = _api(body + "\nReferences\n1. City Herald: Budget\n")
    assert report.stats.markers == 100_000
    assert sum(f.code == "CC002" for f in report.findings) == 100_000


@pytest.mark.parametrize(
    ("fmt", "heading", "item"),
    [
        ("text", "References", "[{i}] Outlet: Title {i}"),
        ("markdown", "## References", "{i}. A: B {i}"),
    ],
)
def test_100000_references(fmt: str, heading: str, item: str) -> None:
    refs = "".join(item.format(i=i) + "\n" for i in range(1, 100_001))
    report = _api(f"The budget was approved on Monday evening [1].\n\n{heading}\n\n{refs}", fmt)
    listed = report.stats.references + sum(f.code == "CC008" for f in report.findings)
    assert listed == 100_000
    assert report.stats.cited_references == 1


def test_50mb_article(tmp_path: Path) -> None:
    body = ARTICLE.split("References:", maxsplit=1)[0]
    unit = body.replace("[1][7]", "[1]")
    text = unit * (50_000_000 // len(unit)) + "References:\n1. Harbour News: Bridge reopens\n"
    path = tmp_path / "huge.txt"
    path.write_text(text, encoding="utf-8")
    report: Report = check_paths([str(path)])
    assert report.errors == []
    assert report.files[0].stats.markers == 50_000_000 // len(unit)


# --- Cases found by the fuzzer (tests/fuzz), minimised by hand ------------------------------


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_fuzz_reference_finding_ends_before_a_crlf(newline: str) -> None:
    """A two-line reference's finding ended between the CR and LF of its first line."""
    text = (
        "A claim is made here [1].\n\nReferences\n1. Reuters: A title\n"
        "2. BBC News: Talks end\n   without a deal\n"
    ).replace("\n", newline)
    report = _api(text)
    assert ("CC003", 5, 1, 5, 23) in [
        (f.code, f.line, f.column, f.end_line, f.end_column) for f in report.findings
    ]


WIDE_BLANKS = [chr(c) for c in range(128, 0x3001) if chr(c).isspace()]


@pytest.mark.parametrize("blank", WIDE_BLANKS, ids=[f"U+{ord(c):04X}" for c in WIDE_BLANKS])
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_fuzz_capital_wide_blank_full_stop(blank: str, fmt: str) -> None:
    """sentencex panicked (a Rust panic, not an exception) on "U", a wide blank and ".\""""
    text = f"U{blank}.\n[\n\nThe U.S.{blank}Army said so on Monday [1].\n\nReferences\n1. A: B\n"
    report = _api(text, fmt)
    assert report.stats.markers == 1


def test_a_defect_in_one_file_does_not_cost_the_others_their_report(
    tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import citecheck.api

    (tmp_path / "trigger.txt").write_text("This text makes the checker fail.\n")
    real = citecheck.api.check_text

    def failing(text: str, **kwargs: object) -> FileReport:
        if "makes the checker fail" in text:
            raise RecursionError("maximum recursion depth exceeded\nwhile parsing")
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(citecheck.api, "check_text", failing)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "--jobs", "1", "trigger.txt", "good.txt"])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "1 file checked" in result.stdout
    line = (
        "citecheck: trigger.txt: internal error (RecursionError: maximum recursion depth"
        " exceeded while parsing); not checked, please report this file"
    )
    assert line in result.stderr.splitlines()


@pytest.mark.parametrize("command", ["parse", "refs"])
def test_a_defect_in_one_file_does_not_cost_the_others_their_view(
    tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    import citecheck.api

    (tmp_path / "trigger.txt").write_text("This text makes the parser fail.\n")
    real = citecheck.api.analyse_file

    def failing(path: str, *args: object, **kwargs: object) -> object:
        if path.endswith("trigger.txt"):
            raise RecursionError("maximum recursion depth exceeded\nwhile parsing")
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(citecheck.api, "analyse_file", failing)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, [command, "--format", "json", "trigger.txt", "good.txt"])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stderr
    line = (
        "citecheck: error: trigger.txt: internal error (RecursionError: maximum recursion depth"
        " exceeded while parsing); not parsed, please report this file"
    )
    assert line in result.stderr.splitlines()
    assert '"good.txt"' in result.stdout
