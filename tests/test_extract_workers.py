"""Extraction workers: a worker that dies or hangs costs its page only; a Ctrl-C still reports.

Real worker processes, a real server on 127.0.0.1, real HTML and PDF files built here.
A worker is stopped (SIGSTOP) before it is killed so that the page it holds is known.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from pageserver import minimal_pdf, serving

from citecheck.model import BlockKind, Reference
from citecheck.sources import load_sources
from citecheck.sources.extract import Unreadable
from citecheck.sources.extractor import Worker
from citecheck.sources.model import SourceOptions
from citecheck.sources.workers import Pool

pytestmark = pytest.mark.skipif(os.name != "posix", reason="signals to worker processes")


def html(title: str, sentence: str) -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{sentence}</p><p>The statement was issued on Monday by the city council.</p>"
        "</article></body></html>"
    ).encode()


PAGE = html("Harbour reopens", "The harbour reopened on Monday after the storm, officials said.")


def _warm(pool: Pool) -> int:
    """Have ``pool`` read one page, so that one worker is up; its process id."""
    assert "harbour reopened" in pool.extract(PAGE, "text/html", "", {}).text
    (pid,) = pool.pids()
    return pid


def test_a_worker_killed_while_reading_fails_that_page_and_the_next_page_is_read() -> None:
    with Pool(1, timeout=120) as pool:
        pid = _warm(pool)
        os.kill(pid, signal.SIGSTOP)  # the page below waits in its pipe
        got: list[BaseException | str] = []

        def read() -> None:
            try:
                got.append(pool.extract(PAGE, "text/html", "", {}).text)
            except Unreadable as exc:
                got.append(exc)

        reader = threading.Thread(target=read)
        reader.start()
        time.sleep(0.2)
        os.kill(pid, signal.SIGKILL)
        reader.join(60)
        (failure,) = got
        assert isinstance(failure, Unreadable) and failure.state == "error"
        assert failure.problem == ("the text extractor's process ended (SIGKILL) while reading it")
        assert "harbour reopened" in pool.extract(PAGE, "text/html", "", {}).text
        assert pool.pids() != [pid]


def test_a_worker_that_hangs_is_stopped_at_the_time_limit() -> None:
    with Pool(1, timeout=120.0) as pool:
        pid = _warm(pool)
        pool.timeout = 1.0
        os.kill(pid, signal.SIGSTOP)
        with pytest.raises(Unreadable) as info:
            pool.extract(PAGE, "text/html", "", {})
        assert info.value.problem == "text extraction did not finish within 1 s"
        pool.timeout = 120.0
        assert "harbour reopened" in pool.extract(PAGE, "text/html", "", {}).text


def test_a_worker_killed_while_idle_is_replaced_without_losing_a_page() -> None:
    with Pool(1) as pool:
        pid = _warm(pool)
        os.kill(pid, signal.SIGKILL)
        time.sleep(0.2)
        assert "harbour reopened" in pool.extract(PAGE, "text/html", "", {}).text


def test_closing_the_pool_leaves_no_worker() -> None:
    pool = Pool(2)
    pid = _warm(pool)
    pool.close()
    with pytest.raises(ProcessLookupError):
        for _ in range(100):  # reaped by close(); the id is gone
            os.kill(pid, 0)
            time.sleep(0.05)


def test_a_worker_leaves_when_its_parent_is_killed(tmp_path: Path) -> None:
    """SIGKILL the parent: the worker sees its input close and leaves (no orphan)."""
    script = (
        "import sys, time\n"
        "from citecheck.sources.workers import Pool\n"
        "pool = Pool(1)\n"
        f"pool.extract({PAGE!r}, 'text/html', '', {{}})\n"
        "print(pool.pids()[0], flush=True)\n"
        "time.sleep(600)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    worker = int(parent.stdout.readline())
    parent.kill()
    parent.wait(30)
    for _ in range(600):
        try:
            with open(f"/proc/{worker}/stat", encoding="ascii") as f:
                if f.read().split(")")[-1].split()[0] == "Z":
                    break  # exited; waiting for init to reap it
        except FileNotFoundError:
            break
        time.sleep(0.05)
    else:
        os.kill(worker, signal.SIGKILL)
        pytest.fail("the worker outlived its parent")


def test_a_killed_worker_costs_one_source_and_the_others_are_read(monkeypatch) -> None:
    """Through load_sources: the worker reading one page dies; that source is unreadable
    with a clear problem, the other pages of the run are read."""
    real_ask = Worker.ask

    def ask(self: Worker, job: tuple, timeout: float) -> tuple:
        if b"Reservoir" in job[0]:
            if not self.ready:
                self._read(time.monotonic() + timeout)
                self.ready = True
            os.kill(self.pid, signal.SIGKILL)
            self.proc.wait(30)
        return real_ask(self, job, timeout)

    monkeypatch.setattr(Worker, "ask", ask)
    with serving(("127.0.0.1",)) as site:
        refs = []
        for n, (title, line) in enumerate(
            [
                ("Harbour reopens", "The harbour reopened on Monday after the storm."),
                ("Reservoir full", "The reservoir holds 40 million litres of water."),
                ("Library opens", "The library opened a second reading room in May."),
                ("Bridge closes", "The bridge closed for repairs on Friday evening."),
            ]
        ):
            site.page(f"/p{n}", html(title, line))
            refs.append(Reference(str(n + 1), 0, 0, title, BlockKind.ITEM, url=site.url(f"/p{n}")))
        options = SourceOptions(allow_private=True, use_cache=False)
        sources = load_sources(None, refs, options)
    states = {k: (s.state, s.problem) for k, s in sources.items()}
    assert states["2"] == ("error", "the text extractor's process ended (SIGKILL) while reading it")
    assert {k: v[0] for k, v in states.items() if k != "2"} == {"1": "ok", "3": "ok", "4": "ok"}


def test_ctrl_c_while_fetching_still_writes_the_report(tmp_path: Path) -> None:
    """SIGINT during a slow download: the report and --output-file hold what was read."""
    with serving(("127.0.0.1",)) as site:
        site.page("/fast", html("Harbour reopens", "The harbour reopened on Monday."))
        # A body that trickles: each read is answered within a second, so neither the read
        # timeout nor (with --fetch-deadline 3600) the source's deadline can end the download
        # before the signal, however loaded the machine is.
        site.trickle("/slow")
        article = tmp_path / "news.md"
        article.write_text(
            "The harbour reopened on Monday [1].\n\nThe bridge closed on Friday [2].\n\n"
            "## References\n\n"
            f"1. Daily Post. Harbour reopens. {site.url('/fast')}\n"
            f"2. Daily Post. Bridge closes. {site.url('/slow')}\n",
            encoding="utf-8",
        )
        out = tmp_path / "report.json"
        cache = tmp_path / "cache"
        cmd = [sys.executable, "-m", "citecheck", "verify", str(article), "--allow-private"]
        cmd += ["--cache-dir", str(cache), "--format", "json", "--output-file", str(out)]
        cmd += ["--fetch-deadline", "3600"]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        until = time.monotonic() + 600  # the fast page is read and cached, the slow one waits
        while time.monotonic() < until:
            if site.hits("/slow") and list(cache.rglob("*.json")):
                break
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
    assert proc.returncode in (0, 1), err
    assert "Traceback" not in err
    (file,) = json.loads(out.read_text(encoding="utf-8"))["files"]
    verdicts = {c["cites"][0]: c["verdict"] for c in file["claims"]}
    assert verdicts == {"1": "supported", "2": "unverifiable"}
    messages = [f["message"] for f in file["findings"] if f["rule"] == "unverified-claim"]
    assert messages == ["no cited source could be read: [2] not read: the run was interrupted"]


def _pdf_with_pypdf(lines: list[str], title: str) -> bytes:
    """A PDF written by pypdf (a hand-made page, rewritten with a metadata title)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(minimal_pdf(lines))))
    writer.add_metadata({"/Title": title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


UNREADABLE = {
    "shell": (
        "<!doctype html><html><head><title>Reservoir</title>"
        "<script src='/static/js/main.4f1c.js' defer></script></head><body>"
        "<noscript>You need to enable JavaScript to run this app.</noscript>"
        "<div id='root'></div></body></html>"
    ),
    "next": (
        "<!doctype html><html><head><title>Reservoir</title></head><body>"
        "<div id='__next'></div><script id='__NEXT_DATA__' type='application/json'>"
        '{"props":{"pageProps":{}}}</script><script src="/_next/main.js"></script></body></html>'
    ),
    "wall": (
        "<!doctype html><html><head><title>Just a moment...</title></head><body>"
        "<p>Checking your browser before accessing the site.</p>"
        "<script src='/cdn-cgi/challenge-platform/h/g/orchestrate/jsch/v1'></script>"
        "</body></html>"
    ),
    "empty": "<!doctype html><html><head><title>Reservoir</title></head><body></body></html>",
}


def test_pages_with_no_text_of_their_own_are_unverified_not_unsupported(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from citecheck.cli.app import app

    claim = "The reservoir holds 40 million litres of water"
    with serving(("127.0.0.1",)) as site:
        for name, body in UNREADABLE.items():
            site.page(f"/{name}", body)
        site.page(
            "/good.pdf",
            _pdf_with_pypdf([claim + "."], "Reservoir"),
            headers={"Content-Type": "application/pdf"},
        )
        site.page(
            "/bad.pdf",
            _pdf_with_pypdf([claim + "."], "Reservoir")[:300],
            headers={"Content-Type": "application/pdf"},
        )
        names = [*UNREADABLE, "good.pdf", "bad.pdf"]
        text = "".join(f"{claim} [{n + 1}].\n\n" for n in range(len(names)))
        text += "## References\n\n" + "".join(
            f"{n + 1}. Reservoir. Water board. {site.url('/' + name)}\n"
            for n, name in enumerate(names)
        )
        article = tmp_path / "water.md"
        article.write_text(text, encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        result = CliRunner().invoke(
            app, ["verify", str(article), "--allow-private", "--format", "json"]
        )
    (file,) = json.loads(result.stdout)["files"]
    verdicts = [c["verdict"] for c in file["claims"]]
    assert verdicts == ["unverifiable"] * 4 + ["supported", "unverifiable"]
    found = sorted((f["line"], f["rule"], f["severity"]) for f in file["findings"])
    ref_line = {name: 2 * len(names) + 3 + n for n, name in enumerate(names)}
    assert found == sorted(
        [(2 * n + 1, "unverified-claim", "info") for n in (0, 1, 2, 3, 5)]
        + [(ref_line["wall"], "source-unavailable", "info")]
        + [(ref_line["bad.pdf"], "source-unavailable", "warning")]
    )
    shell = [f["message"] for f in file["findings"] if f["line"] == 1]
    assert shell == [
        "no cited source could be read: [1] the page is drawn by JavaScript; "
        "its HTML holds no article text to check"
    ]


def test_verify_reads_the_article_from_stdin_and_its_pages_through_workers(tmp_path: Path) -> None:
    with serving(("127.0.0.1",)) as site:
        site.page("/a", html("Harbour reopens", "The harbour reopened on Monday after the storm."))
        site.page("/b", html("Library opens", "The library opened a second reading room in May."))
        text = (
            "The harbour reopened on Monday after the storm [1].\n\n"
            "The library opened a second reading room in May [2].\n\n## References\n\n"
            f"1. Harbour reopens. Daily Post. {site.url('/a')}\n"
            f"2. Library opens. Daily Post. {site.url('/b')}\n"
        )
        cmd = [sys.executable, "-m", "citecheck", "verify", "-", "--allow-private"]
        cmd += ["--cache-dir", str(tmp_path / "cache"), "--format", "json"]
        done = subprocess.run(
            cmd, input=text, capture_output=True, text=True, timeout=300, check=False
        )
    (file,) = json.loads(done.stdout)["files"]
    assert [f["rule"] for f in file["findings"]] == []
    assert done.returncode == 0, done.stderr
    assert [c["verdict"] for c in file["claims"]] == ["supported", "supported"]


def test_where_a_worker_cannot_start_pages_are_read_here(monkeypatch) -> None:
    """A Python that cannot run the worker (here: a program that exits at once)."""
    from citecheck.sources import workers

    monkeypatch.setattr(workers.sys, "executable", "/bin/false")
    with Pool(2) as pool:
        assert "harbour reopened" in pool.extract(PAGE, "text/html", "", {}).text
        assert pool.broken and pool.pids() == []
        assert "harbour reopened" in pool.extract(PAGE, "text/html", "", {}).text
