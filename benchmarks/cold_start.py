"""Cold start of ``citecheck check`` against the bare import of its runtime dependencies.

One run, interleaved (each round runs every command once, so load on the machine hits
all alike), median wall and CPU time of ``--runs`` rounds::

    python benchmarks/cold_start.py [--runs 11] [--before TREE] [--json OUT]

Each command checks the mission's article (``fixtures/000_75297bddb94e8c7d.txt``,
``--format json``); the baseline is ``python -c "import typer, rich, pydantic, rapidfuzz,
sentencex, pyromark"`` in the same rounds. Three ways a process can start:

- ``installed``: bytecode and the pattern cache (``citecheck/text/recache.py``) written
  by an earlier run, as after ``pip install`` in a writable environment. This is the
  figure of ``bench.py --only cold_start`` and the one the target (≤ 1.5×) is read on;
- ``no pattern cache``: bytecode, but no pattern cache (a read-only install, or
  ``PYTHONDONTWRITEBYTECODE`` set after installing): every pattern a run uses is compiled;
- ``no bytecode``: a source tree under ``PYTHONDONTWRITEBYTECODE`` (the dependencies
  keep the bytecode pip wrote, citecheck is compiled from source in each process).

``--before TREE`` adds the same three for another source tree (``git archive REV | tar -x
-C TREE``), put first on ``PYTHONPATH``: before and after in one run. Commands run in a
temporary folder that also holds the bytecode and caches, removed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from benchrun import ARTICLE, BARE_IMPORT, Run, run  # noqa: E402

TARGET = 1.5
KINDS = ("installed", "no pattern cache", "no bytecode")


def _envs(tree: Path, work: Path) -> dict[str, dict[str, str]]:
    """The environment of each way of starting, for the source tree ``tree``."""
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    base["PYTHONPATH"] = os.pathsep.join([str(tree), *filter(None, [os.environ.get("PYTHONPATH")])])
    base.pop("PYTHONPYCACHEPREFIX", None)
    cached = work / "pycache"
    frozen = work / f"pycache-{tree.name}-frozen"
    return {
        "installed": {**base, "PYTHONPYCACHEPREFIX": str(cached)},
        "no pattern cache": {
            **base,
            "PYTHONPYCACHEPREFIX": str(frozen),
            "PYTHONDONTWRITEBYTECODE": "1",
        },
        "no bytecode": {**base, "PYTHONDONTWRITEBYTECODE": "1"},
    }


def _freeze(work: Path, tree: Path) -> None:
    """The bytecode of the ``installed`` runs, without the pattern cache, for the runs
    that may not write either."""
    frozen = work / f"pycache-{tree.name}-frozen"
    shutil.rmtree(frozen, ignore_errors=True)
    shutil.copytree(work / "pycache", frozen)
    for cache in frozen.rglob("re.*.marshal"):
        cache.unlink()


def _summary(runs: list[Run], bare: list[Run]) -> dict[str, float]:
    wall = statistics.median(r.wall for r in runs)
    cpu = statistics.median(r.cpu for r in runs)
    b_wall = statistics.median(r.wall for r in bare)
    b_cpu = statistics.median(r.cpu for r in bare)
    return {
        "wall_s": wall,
        "cpu_s": cpu,
        "ratio": wall / b_wall,
        "cpu_ratio": cpu / b_cpu if b_cpu else float("nan"),
    }


def measure(runs: int = 11, before: Path | None = None) -> dict[str, Any]:
    """Median wall and CPU seconds of each way of starting (and of ``before``'s), and
    their ratios to the bare import measured in the same rounds.

    Returns ``{"bare_import": {...}, "after": {kind: {...}}, "before": {...}}``, times in
    seconds; raises ``RuntimeError`` when a check does not exit with 0 or 1.
    """
    trees = {"after": ROOT, **({"before": before.resolve()} if before else {})}
    check = [sys.executable, "-m", "citecheck", "check", str(ARTICLE), "--format", "json"]
    bare_cmd = [sys.executable, "-c", BARE_IMPORT]
    # Run from the temporary folder: ``-m`` puts the working folder first on the path.
    with tempfile.TemporaryDirectory(prefix="citecheck-cold-") as tmp:
        work = Path(tmp)
        envs = {name: _envs(tree, work) for name, tree in trees.items()}
        bare_env = envs["after"]["installed"]
        for name, tree in trees.items():  # write bytecode and the pattern cache
            for _ in range(2):
                first = run(check, cwd=work, env=envs[name]["installed"])
                if first.code not in (0, 1):
                    raise RuntimeError(f"{name}: citecheck check exited with {first.code}")
            _freeze(work, tree)
        run(bare_cmd, cwd=work, env=bare_env)
        bare: list[Run] = []
        got: dict[str, dict[str, list[Run]]] = {n: {k: [] for k in KINDS} for n in trees}
        for _ in range(runs):
            bare.append(run(bare_cmd, cwd=work, env=bare_env))
            for name in trees:
                for kind in KINDS:
                    got[name][kind].append(run(check, cwd=work, env=envs[name][kind]))
    out: dict[str, Any] = {
        "runs": runs,
        "article": str(ARTICLE.relative_to(ROOT)),
        "bare_import": {
            "wall_s": statistics.median(r.wall for r in bare),
            "cpu_s": statistics.median(r.cpu for r in bare),
        },
    }
    for name in trees:
        out[name] = {kind: _summary(got[name][kind], bare) for kind in KINDS}
    return out


def lines(result: dict[str, Any]) -> list[str]:
    """The figures as lines of text."""
    bare = result["bare_import"]
    rows = [
        f"cold start, median of {result['runs']} interleaved rounds: bare import of the runtime "
        f"dependencies {bare['wall_s'] * 1000:.0f} ms (CPU {bare['cpu_s'] * 1000:.0f} ms)"
    ]
    for name in ("before", "after"):
        if name not in result:
            continue
        for kind in KINDS:
            f = result[name][kind]
            mark = f" (target ≤ {TARGET}×)" if kind == "installed" and name == "after" else ""
            rows.append(
                f"  {name:6} {kind:17} check {f['wall_s'] * 1000:5.0f} ms "
                f"{f['ratio']:.2f}× (CPU {f['cpu_s'] * 1000:4.0f} ms, {f['cpu_ratio']:.2f}×){mark}"
            )
    return rows


def main() -> int:
    """Measure and print; exit 1 when the ``installed`` ratio misses the target."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=11, help="interleaved rounds (default 11)")
    ap.add_argument("--before", type=Path, help="another source tree to measure alike")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args()
    result = measure(args.runs, args.before)
    print("\n".join(lines(result)))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    return 0 if result["after"]["installed"]["ratio"] <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
