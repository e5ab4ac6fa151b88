"""Verification figures for ``bench.py``: WiCE dev claims per CPU-second, and cost per
claim against the length of the cited source, each from its own script in a child process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _script(name: str, *args: str, timeout: float) -> dict[str, Any]:
    """Run ``benchmarks/<name> --json``; its figures, or ``{"skipped": why}``."""
    cmd = [sys.executable, str(HERE / name), "--json", *args]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"skipped": f"{name} ran over {timeout:.0f} s"}
    if done.returncode != 0:
        why = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
        return {"skipped": why}
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def verification(timeout: float = 900.0) -> dict[str, Any]:
    """Both verification measurements: ``{"wice": {...}, "scale": {...}}``.

    ``wice`` holds the claim count and, per row of ``wice.py`` (verify, verifier, overlap,
    always), its rate in claims per CPU-second; ``scale`` is what ``verify_scale.py`` prints.
    """
    wice = _script("wice.py", timeout=timeout)
    if "figures" in wice:
        wice = {"claims": wice["claims"], **wice["figures"]}
    return {"wice": wice, "scale": _script("verify_scale.py", timeout=timeout)}
