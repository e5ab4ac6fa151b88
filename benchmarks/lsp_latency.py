"""How fast the language server answers an edit, against a cold ``citecheck check``.

For a Markdown article of about 2 KB, 20 KB and 200 KB (seeded, from ``generate.py``),
measures in one run:

- the wall time of one cold ``citecheck check FILE`` (median of ``--cold`` runs), and
- the time from a ``textDocument/didChange`` (the whole text, one word changed) to the
  ``publishDiagnostics`` of that version, with the server's default debounce (median of
  ``--edits`` edits, each waited for),

and prints their ratio (target ≤ 0.1× at 20 KB), and the same ratio in CPU time (the
server's user and system time over the timed edits, per edit, against the cold check's),
which a machine busy with other work moves less than it moves wall time. Then the server's
resident memory at the start and at the end of ``--soak`` edits of the 20 KB article (flat
is the target), and the cold start of ``citecheck check`` on the mission's article against
the bare import of the runtime dependencies (``cold_start.measure``; target ≤ 1.5×).

    python benchmarks/lsp_latency.py [--edits 15] [--cold 3] [--soak 1000] [--before TREE]
                                     [--json OUT]

Needs the ``server`` extra. Child processes cache bytecode, as an installed package does
(``benchrun.child_env``). Files are written to a temporary folder and removed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from benchrun import CHILD_ENV, child_env, citecheck_cmd  # noqa: E402
from cold_start import lines as cold_start_lines  # noqa: E402
from cold_start import measure as cold_start  # noqa: E402
from generate import big_text  # noqa: E402
from lsprotocol import types  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

SIZES = {"2 KB": 2_000, "20 KB": 20_000, "200 KB": 200_000}
WAIT = 600.0


def markdown(size: int, seed: int = 7) -> str:
    """A Markdown article of about ``size`` bytes: a title, numbered paragraphs, a numbered
    ``## References`` list (the generator's long text, dressed as Markdown)."""
    text = big_text(random.Random(f"lsp:{seed}"), size)
    head, _, tail = text.partition("\nReferences:\n")
    title, _, body = head.partition("\n")
    items = [line[2:] for line in tail.splitlines() if line.startswith("- ")]
    paragraphs = "\n\n".join(p for p in body.split("\n") if p.strip())
    refs = "\n".join(f"{i}. {item}" for i, item in enumerate(items, 1))
    return f"# {title}\n\n{paragraphs}\n\n## References\n\n{refs}\n"


def cpu_s(pid: int) -> float:
    """CPU seconds (user and system) a process has used so far, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc (Linux)."""
    status = Path(f"/proc/{pid}/status").read_text()
    found = re.search(r"VmRSS:\s+(\d+) kB", status)
    return int(found.group(1)) / 1024 if found else float("nan")


class Client:
    """A pygls client on ``citecheck server``, timing didChange → publishDiagnostics."""

    def __init__(self) -> None:
        self.lsp = LanguageClient("lsp-latency", "1")
        self.arrived: dict[tuple[str, int], float] = {}
        self.event = asyncio.Event()

        @self.lsp.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _published(params: types.PublishDiagnosticsParams) -> None:
            self.arrived[params.uri, params.version or 0] = time.perf_counter()
            self.event.set()

    async def start(self, root: Path) -> int:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        await self.lsp.start_io(sys.executable, "-m", "citecheck", "server", env=env, cwd=root)
        caps = types.ClientCapabilities()
        await self.lsp.initialize_async(
            types.InitializeParams(capabilities=caps, root_uri=root.as_uri())
        )
        self.lsp.initialized(types.InitializedParams())
        assert self.lsp._server is not None
        return self.lsp._server.pid

    async def wait(self, uri: str, version: int) -> float:
        async def arrived() -> float:
            while (uri, version) not in self.arrived:
                self.event.clear()
                await self.event.wait()
            return self.arrived.pop((uri, version))

        return await asyncio.wait_for(arrived(), WAIT)

    async def open(self, uri: str, text: str) -> None:
        item = types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        self.lsp.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
        await self.wait(uri, 1)

    async def edit(self, uri: str, version: int, text: str) -> float:
        """Send one whole-text change; seconds until its diagnostics arrive."""
        doc = types.VersionedTextDocumentIdentifier(uri=uri, version=version)
        change = types.TextDocumentContentChangeWholeDocument(text=text)
        sent = time.perf_counter()
        self.lsp.text_document_did_change(
            types.DidChangeTextDocumentParams(text_document=doc, content_changes=[change])
        )
        return await self.wait(uri, version) - sent

    async def stop(self) -> None:
        await self.lsp.shutdown_async(None)
        self.lsp.exit(None)
        await self.lsp.stop()


def variant(text: str, i: int) -> str:
    """The text with one word of its first paragraph changed (a keystroke's worth)."""
    return text.replace("\n\n", f"\n\nEdit{i % 2} ", 1)


async def latencies(folder: Path, texts: dict[str, str], edits: int, soak: int) -> dict[str, Any]:
    client = Client()
    pid = await client.start(folder)
    out: dict[str, Any] = {"edit_s": {}, "edit_cpu_s": {}, "memory": {}}
    try:
        for label, text in texts.items():
            uri = (folder / f"{label.replace(' ', '')}.md").as_uri()
            await client.open(uri, text)
            used = cpu_s(pid)
            times = [await client.edit(uri, v, variant(text, v)) for v in range(2, edits + 2)]
            out["edit_s"][label] = statistics.median(times)
            out["edit_cpu_s"][label] = (cpu_s(pid) - used) / edits
        uri = (folder / "20KB.md").as_uri()
        start = rss_mb(pid)
        base = edits + 2
        for v in range(base, base + soak):
            await client.edit(uri, v, variant(texts["20 KB"], v))
        out["memory"] = {"edits": soak, "start_mb": start, "end_mb": rss_mb(pid)}
    finally:
        await client.stop()
    return out


def cold_check(cli: list[str], path: Path, runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user and system) of a cold ``citecheck check
    FILE`` (after one warm-up run)."""
    env = {**(CHILD_ENV or os.environ), "PYTHONPATH": str(ROOT)}
    subprocess.run([*cli, "check", str(path)], capture_output=True, check=False, env=env)
    times, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run([*cli, "check", str(path)], capture_output=True, check=False, env=env)
        times.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times), statistics.median(cpus)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--edits", type=int, default=15, help="timed edits per article")
    ap.add_argument("--cold", type=int, default=3, help="cold checks per article")
    ap.add_argument("--soak", type=int, default=1000, help="edits for the memory figure")
    ap.add_argument("--startup-runs", type=int, default=11, help="rounds of the cold start")
    ap.add_argument("--before", type=Path, help="another source tree for the cold start")
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()
    cli = citecheck_cmd()
    result: dict[str, Any] = {"articles": {}}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        child_env(folder)
        texts = {label: markdown(size) for label, size in SIZES.items()}
        for label, text in texts.items():
            (folder / f"{label.replace(' ', '')}.md").write_text(text, "utf-8")
        served = asyncio.run(latencies(folder, texts, args.edits, args.soak))
        for label, text in texts.items():
            cold, cold_cpu = cold_check(cli, folder / f"{label.replace(' ', '')}.md", args.cold)
            edit, edit_cpu = served["edit_s"][label], served["edit_cpu_s"][label]
            result["articles"][label] = {
                "bytes": len(text.encode()),
                "cold_check_s": cold,
                "edit_to_diagnostics_s": edit,
                "ratio": edit / cold,
                "cold_check_cpu_s": cold_cpu,
                "edit_cpu_s": edit_cpu,
                "cpu_ratio": edit_cpu / cold_cpu,
            }
            print(
                f"{label:>6} ({len(text.encode()):>7,} B): didChange→publishDiagnostics "
                f"{edit * 1000:7.1f} ms, cold check {cold * 1000:7.1f} ms, ratio {edit / cold:.3f}×"
                f" (CPU {edit_cpu * 1000:.1f} ms / {cold_cpu * 1000:.1f} ms, "
                f"{edit_cpu / cold_cpu:.3f}×)"
            )
    mem = served["memory"]
    result["memory"] = mem
    print(
        f"memory over {mem['edits']} edits of the 20 KB article: "
        f"RSS {mem['start_mb']:.1f} MB at start, {mem['end_mb']:.1f} MB at end"
    )
    start = cold_start(args.startup_runs, args.before)
    result["cold_start"] = start
    print("\n".join(cold_start_lines(start)))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
