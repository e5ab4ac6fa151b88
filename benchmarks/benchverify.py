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

    ``scale`` is what :func:`verify_scale.measure` returns (CPU per claim at 100, 1,000
    and 10,000 source sentences, growth against linear, and WiCE dev claims per CPU-second
    through ``verify``, median of three fresh processes); ``wice`` holds ``wice.py``'s claim
    count and, per row (verify, verifier, overlap, always), its figures, for the word-overlap
    baseline's rate. Either is ``{"skipped": why}`` when it could not be measured.
    """
    from verify_scale import measure

    wice = _script("wice.py", timeout=timeout)
    if "figures" in wice:
        wice = {"claims": wice["claims"], **wice["figures"]}
    try:
        scale = measure()
    except subprocess.CalledProcessError as exc:
        scale = {"skipped": f"verify_scale.py: a child exited with {exc.returncode}"}
    return {"wice": wice, "scale": scale}
