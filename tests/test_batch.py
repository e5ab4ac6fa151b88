"""Batch runs: worker processes give the serial output byte for byte; walking; stdin names."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli.app import app
from citecheck.cli.progress import Bar, wanted
from citecheck.config.settings import Settings
from citecheck.run.batch import MAX_CHUNK, Job, chunk_size, run_jobs
from citecheck.run.files import expand
from citecheck.run.paths import check_paths

ROOT = Path(__file__).parents[1]
ARTICLE = (ROOT / "fixtures" / "000_75297bddb94e8c7d.txt").read_text("utf-8")


@pytest.fixture(autouse=True)
def _plain_env(monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(app, list(args), input=stdin)


@pytest.fixture
def corpus(tmp_path, monkeypatch) -> Path:
    """Forty articles in two formats and nested folders, some broken, one unreadable."""
    lines = ARTICLE.splitlines(keepends=True)
    for i in range(40):
        body = "".join(lines[: 2 + i % 6] + lines[7:]) if i % 3 else ARTICLE
        if i % 5 == 0:
            body = body.replace("[1][2][3]", "[1][2][9]")
        folder = tmp_path / "docs" / f"part{i % 4}"
        folder.mkdir(parents=True, exist_ok=True)
        suffix = ".md" if i % 4 == 1 else ".txt"
        (folder / f"article{i:02d}{suffix}").write_text(body, "utf-8")
    (tmp_path / "docs" / "part2" / "binary.txt").write_bytes(b"\x00\x01 not text")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "json", "concise", "sarif", "junit", "github"])
def test_jobs_output_is_byte_identical_to_serial(corpus, fmt):
    serial = run("check", "docs", "--jobs", "1", "--format", fmt, "--no-color")
    parallel = run("check", "docs", "--jobs", "2", "--format", fmt, "--no-color")
    assert serial.exit_code == parallel.exit_code == 2  # the binary file
    assert parallel.stdout == serial.stdout
    assert parallel.stderr == serial.stderr
    assert serial.stdout.count("article") > 40


def test_results_keep_the_input_order(corpus):
    paths = sorted(str(p.relative_to(corpus)) for p in (corpus / "docs").rglob("article*"))
    backwards = list(reversed(paths))
    for jobs in (1, 2):
        report = check_paths(backwards, jobs=jobs)
        assert [f.path for f in report.files] == backwards


def test_run_jobs_pool_equals_serial_with_stdin_in_between(corpus, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    paths = [str(p) for p in sorted((corpus / "docs").rglob("*.txt"))][:6]
    jobs = [Job(p, Settings()) for p in paths[:3]]
    jobs += [Job("-", Settings(), display="pasted.md")]
    jobs += [Job(p, Settings()) for p in paths[3:]]
    pooled = run_jobs(jobs, workers=2)
    assert [getattr(r, "path", None) for r in pooled] == [*paths[:3], "pasted.md", *paths[3:]]
    again = run_jobs([j for j in jobs if j.path != "-"], workers=1)
    assert [r for r in pooled if r.path != "pasted.md"] == again


def test_chunks_stay_small_in_number_and_size():
    assert chunk_size(1, 2) == 1
    assert chunk_size(100, 2) == 7
    assert chunk_size(10_000, 2) == MAX_CHUNK
    assert chunk_size(10_000, 64) == 20
    total, workers = 10_000, 8
    tasks = -(-total // chunk_size(total, workers))
    assert workers <= tasks <= workers * 8


def test_progress_counts_every_file(corpus):
    seen: list[tuple[int, int]] = []
    check_paths(["docs"], jobs=2, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (41, 41)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


# --- walking --------------------------------------------------------------------------------


def test_walking_skips_vcs_dependencies_and_virtual_environments(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in (
        "keep/a.md",
        "keep/b.txt",
        "keep/c.rst",
        ".git/notes.md",
        "node_modules/pkg/README.md",
        "env/lib/readme.txt",
        ".venv/x.md",
        "pkg.egg-info/PKG-INFO.txt",
        "notes/env.txt",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", "utf-8")
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr/bin\n", "utf-8")
    assert list(expand(["."])) == ["keep/a.md", "keep/b.txt", "keep/c.rst", "notes/env.txt"]


def test_exclude_globs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("docs/a.md", "docs/drafts/b.md", "docs/old/c.txt", "docs/d.txt", "e.md"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", "utf-8")
    # a folder's own files come before those of its subfolders
    assert list(expand(["."], ("drafts",))) == ["e.md", "docs/a.md", "docs/d.txt", "docs/old/c.txt"]
    assert list(expand(["docs"], ("docs/old", "*.md"))) == ["docs/d.txt"]
    assert list(expand(["docs/a.md", "e.md", "./e.md"], ("docs/**/*.md",))) == ["e.md"]
    result = run("check", ".", "--exclude", "docs", "--exclude", "*.md", "-f", "json")
    assert '"files": []' in result.stdout


# --- stdin ----------------------------------------------------------------------------------


def test_stdin_filename_names_detects_format_and_finds_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "citecheck.toml").write_text(
        'per-file-ignores = {"drafts/*.md" = ["not-a-reference"]}\n', "utf-8"
    )
    markdown = ARTICLE.replace("References:", "## References")
    plain = run("check", "-", "-f", "concise", stdin=ARTICLE)
    assert plain.stdout.splitlines()[0].startswith("-:2:1 warning CC001")
    sniffed = run("check", "-", "-f", "json", stdin=markdown)  # "## References" is Markdown
    assert '"format": "markdown"' in sniffed.stdout
    named = run("check", "--stdin-filename", "docs/drafts/new.md", "-f", "json", stdin=markdown)
    assert '"path": "docs/drafts/new.md"' in named.stdout
    assert '"format": "markdown"' in named.stdout
    assert "CC008" not in named.stdout  # per-file-ignores of docs/citecheck.toml
    assert "CC010" in named.stdout
    elsewhere = run("check", "--stdin-filename", "notes/new.md", "-f", "concise", stdin=markdown)
    assert "notes/new.md:15:1 warning CC008" in elsewhere.stdout


def test_progress_bar_only_on_a_terminal_outside_ci():
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert wanted(Tty(), {}) is True
    assert wanted(io.StringIO(), {}) is False
    for name in ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE"):
        assert wanted(Tty(), {name: "true"}) is False
    assert wanted(Tty(), {"TERM": "dumb"}) is False


def test_progress_bar_waits_before_drawing():
    quiet = io.StringIO()
    with Bar(quiet, delay=3600) as bar:
        for done in range(1, 100):
            bar(done, 100)
    assert quiet.getvalue() == ""
    drawn = io.StringIO()
    with Bar(drawn, delay=0) as bar:
        bar(1, 100)
        assert bar.progress is not None
    assert bar.progress.finished is False


def test_cli_prints_no_progress_when_not_a_terminal(corpus):
    result = run("check", "docs", "--jobs", "2", "-f", "concise")
    assert (
        result.stderr
        == "citecheck: docs/part2/binary.txt: binary file (contains NUL bytes); not checked\n"
    )


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("*.md", "a/b.md", True),
        ("drafts", "docs/drafts/x.md", True),
        ("docs/*.md", "docs/a/b.md", False),
        ("docs/**/*.md", "docs/a/b.md", True),
        ("docs/**/*.md", "docs/b.md", True),
        ("docs/", "docs/y.md", True),
        ("./docs/a.md", "docs/a.md", True),
        ("d[!o]cs/*", "dacs/x", True),
        ("d[!o]cs/*", "docs/x", False),
        ("docs/a.md", "../docs/a.md", False),
    ],
)
def test_globs(pattern, path, expected):
    from citecheck.config.globs import matches

    assert matches(pattern, path) is expected
