"""The Dask recipe: a two-worker LocalCluster gives the serial result, file by file."""

from __future__ import annotations

import dataclasses
import importlib
import math
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from citecheck.api import check_text
from citecheck.config.settings import Settings
from citecheck.report import FileReport, FileStats, Finding, InputProblem
from citecheck.run.paths import check_one

ROOT = Path(__file__).parents[1]
FIXTURES = sorted(
    p for suffix in ("*.txt", "*.md") for p in (ROOT / "fixtures").rglob(suffix) if p.is_file()
)
WAIT = 600  # seconds; generous, a loaded 2-core machine may take long and that is no failure


def test_missing_extra_is_one_line_naming_the_extra(monkeypatch):
    for name in [n for n in sys.modules if n == "dask" or n.startswith("dask.")]:
        monkeypatch.setitem(sys.modules, name, None)  # as if it were not installed
    monkeypatch.delitem(sys.modules, "citecheck.run.distributed", raising=False)
    with pytest.raises(ImportError) as caught:
        importlib.import_module("citecheck.run.distributed")
    message = str(caught.value)
    assert "pip install 'citecheck[dask]'" in message
    assert "dask is missing" in message
    assert "\n" not in message


def test_a_check_does_not_load_dask():
    article = ROOT / "fixtures" / "000_75297bddb94e8c7d.txt"
    check = ["-m", "citecheck", "check", str(article), "--format", "json"]
    command = [sys.executable, "-X", "importtime", *check]
    done = subprocess.run(command, check=False, capture_output=True, text=True)
    assert done.returncode == 1, done.stderr[-500:]  # the article's warnings: it was checked
    loaded = {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines()}
    assert "citecheck" in loaded
    assert not loaded & {"dask", "distributed", "pandas", "pyarrow", "numpy"}


dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")
distributed = pytest.importorskip("distributed")
cd = pytest.importorskip("citecheck.run.distributed")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """Two worker processes of one thread each, no dashboard, patient timeouts."""
    patient = {
        "distributed.comm.timeouts.connect": "120s",
        "distributed.comm.timeouts.tcp": "300s",
        "distributed.scheduler.worker-ttl": None,  # a starved worker is slow, not dead
    }
    with (
        dask.config.set(patient),
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,  # no dashboard; the scheduler's HTTP port is any free one
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            memory_limit=0,  # other people's load must not pause or restart a worker
            silence_logs=40,
        ) as cluster,
        distributed.Client(cluster, timeout="120s", set_as_default=False) as running,
    ):
        running.wait_for_workers(2, timeout=WAIT)
        yield running


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> list[str]:
    """Every text and Markdown fixture copied to one folder, a binary file, a missing one."""
    folder = tmp_path_factory.mktemp("archive")
    paths = []
    for i, source in enumerate(FIXTURES):
        copy = folder / f"{i:03d}-{source.name}"
        copy.write_bytes(source.read_bytes())
        paths.append(str(copy))
    (folder / "binary.txt").write_bytes(b"\x00\x01 not text")
    return [*paths, str(folder / "binary.txt"), str(folder / "missing.md")]


def computed(client: Any, checked: Any) -> tuple[Any, Any]:
    futures = client.compute([checked.findings, checked.files])
    findings, files = (future.result(timeout=WAIT) for future in futures)
    return findings, files


def records(frame: Any) -> list[dict[str, Any]]:
    """Rows as plain Python values, NA and NaN as None."""
    return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


def _plain(value: Any) -> Any:
    if value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def finding_key(finding: Finding) -> tuple[str, int, int, str, str]:
    return finding.path, finding.line, finding.column, finding.code, finding.message


def assert_same(findings: Any, files: Any, serial: list[Any]) -> None:
    """The frames hold what the serial reports say: every finding, and each file's counts."""
    assert list(findings.columns) == [f.name for f in dataclasses.fields(Finding)]
    got = sorted((Finding(**row) for row in records(findings)), key=finding_key)
    want = sorted(
        (f for r in serial if isinstance(r, FileReport) for f in r.findings), key=finding_key
    )
    assert got == want
    rows = records(files)
    assert [row["path"] for row in rows] == [r.path for r in serial]  # the input's order
    for row, report in zip(rows, serial, strict=True):
        if isinstance(report, InputProblem):
            assert row["problem"] == report.message
            continue
        assert row["problem"] is None
        assert (row["format"], row["profile"]) == (report.format, report.profile)
        severities = Counter(f.severity for f in report.findings)
        assert row["findings"] == len(report.findings)
        assert (row["errors"], row["warnings"], row["infos"]) == (
            severities["error"],
            severities["warning"],
            severities["info"],
        )
        assert (
            FileStats(**{k: row[k] for k in (f.name for f in dataclasses.fields(FileStats))})
            == report.stats
        )


def test_a_bag_of_files_gives_the_serial_result(client, archive):
    settings = Settings()
    paths = db.from_sequence(archive, npartitions=8)
    findings, files = computed(client, cd.check_files(paths, settings))
    serial = [check_one(p, settings, None, False, None) for p in archive]
    assert_same(findings, files, serial)
    assert len(findings) > 100
    assert files["problem"].notna().sum() == 2  # the binary file and the missing one
    assert len(client.scheduler_info()["workers"]) == 2


def test_a_parquet_column_of_texts_gives_the_serial_result(client, archive, tmp_path):
    settings = Settings(scope="sentence")  # settings reach the workers
    names = [Path(p).name for p in archive[:-2]]
    texts: list[str | None] = [Path(p).read_text("utf-8") for p in archive[:-2]]
    table = pd.DataFrame({"id": [*names, "empty.md"], "text": [*texts, None]})
    table.to_parquet(tmp_path / "archive.parquet", row_group_size=40)
    frame = dd.read_parquet(tmp_path / "archive.parquet", split_row_groups=True)
    assert frame.npartitions > 2
    findings, files = computed(
        client, cd.check_texts(frame, text="text", path="id", settings=settings)
    )
    serial: list[Any] = [
        check_text(t, path=n, settings=settings) for n, t in zip(names, texts, strict=True)
    ]
    serial.append(InputProblem(path="empty.md", message="no text to check"))
    assert_same(findings, files, serial)
    by_default = sum(len(check_text(t, path=n).findings) for n, t in zip(names, texts, strict=True))
    assert len(findings) > by_default  # sentence scope: more uncited claims


def test_both_frames_share_one_check_of_each_file(archive, monkeypatch):
    calls: Counter[str] = Counter()

    def counting(path: str, *rest: Any) -> FileReport | InputProblem:
        calls[path] += 1
        return check_one(path, *rest)

    monkeypatch.setattr(cd, "check_one", counting)
    checked = cd.check_files(db.from_sequence(archive[:12], npartitions=3))
    dask.compute(checked.findings, checked.files, scheduler="sync")
    assert calls == Counter(archive[:12])


def test_meta_matches_what_the_partitions_hold(archive):
    checked = cd.check_files(db.from_sequence(archive[:6], npartitions=2))
    findings, files = dask.compute(checked.findings, checked.files, scheduler="sync")
    assert findings.dtypes.to_dict() == checked.findings.dtypes.to_dict()
    assert files.dtypes.to_dict() == checked.files.dtypes.to_dict()
    assert list(files.columns) == list(cd.FILE_DTYPES)


def test_a_missing_column_is_named():
    frame = dd.from_pandas(pd.DataFrame({"id": ["a"], "body": ["b"]}), npartitions=1)
    with pytest.raises(KeyError, match="'text'"):
        cd.check_texts(frame, path="id")


def test_verification_on_dask_workers_gives_the_serial_result(client, tmp_path):
    """Each Dask worker verifies articles whose pages are read by extraction workers of its
    own (child processes of a Dask worker process): same claims as a run here."""
    from pageserver import serving
    from test_verify_stress import article, page

    from citecheck.sources.model import SourceOptions

    with serving(("127.0.0.1",)) as site:
        urls = []
        for n in range(6):
            site.page(f"/news/{n}", page(n))
            urls.append(site.url(f"/news/{n}"))
        texts = [article(urls[k : k + 3], k) for k in (0, 3)]

        def verify(text: str, cache: str) -> list[tuple[str, str, float]]:
            options = SourceOptions(allow_private=True, cache_dir=Path(cache))
            report = check_text(text, path="news.md", sources=options)
            return [(c.text, c.verdict, c.score) for c in report.claims]

        futures = client.map(verify, texts, [str(tmp_path / f"c{k}") for k in range(2)])
        remote = client.gather(futures)
        here = [verify(text, str(tmp_path / f"here{k}")) for k, text in enumerate(texts)]
    assert remote == here
    assert [v for claims in here for _, v, _ in claims] == ["supported"] * 6


def test_every_task_result_can_move_between_workers(archive):
    """A distributed scheduler may send any task's result to another worker, so each must
    pickle: a partition held as a generator cannot, and the compute then waits for ever."""
    import pickle

    checked = cd.check_files(db.from_sequence(archive[:6], npartitions=2))
    graph = dict(checked.findings.__dask_graph__()) | dict(checked.files.__dask_graph__())
    keys = list(graph)
    results = dask.get(graph, keys)
    assert len(results) == len(keys) > 4
    for key, result in zip(keys, results, strict=True):
        assert type(pickle.loads(pickle.dumps(result))) is type(result), key
