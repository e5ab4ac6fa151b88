"""A helper of the tests that run the benchmark scripts: import one as a module."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def load(name: str) -> ModuleType:
    """Import ``benchmarks/<name>.py`` afresh as the module ``citecheck_bench_<name>``.

    The scripts are not a package. The module is put in ``sys.modules`` before it runs,
    since dataclasses look their module up there.
    """
    key = f"citecheck_bench_{name}"
    spec = importlib.util.spec_from_file_location(key, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module
    spec.loader.exec_module(module)
    return module
