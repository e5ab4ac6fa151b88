"""The peer: markdownlint-cli2 with MD052 and MD053, installed with npm, on the same files."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from benchrun import median_run, run

MARKDOWNLINT = "markdownlint-cli2@0.22.1"


def install_markdownlint() -> Path | None:
    """Install markdownlint-cli2 with npm into a temporary folder; None without npm."""
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        return None
    prefix = Path(tempfile.gettempdir()) / f"citecheck-bench-{MARKDOWNLINT.replace('@', '-')}"
    entry = prefix / "node_modules" / "markdownlint-cli2" / "markdownlint-cli2-bin.mjs"
    if not entry.exists():
        cmd = [npm, "install", "--prefix", str(prefix), "--no-audit", "--no-fund", MARKDOWNLINT]
        done = subprocess.run(cmd, capture_output=True, check=False, timeout=300)
        if done.returncode != 0 or not entry.exists():
            return None
    return entry


# MD052 and MD053 declare parser "none" and read the micromark tokens that markdownlint
# caches for rules declaring "micromark"; with only those two enabled nothing is parsed and
# nothing is reported. This rule checks nothing: it only makes markdownlint parse.
_PARSE_RULE = """
module.exports = {
  names: ["micromark-parse"],
  description: "Parse with micromark, for MD052 and MD053",
  tags: ["benchmark"],
  parser: "micromark",
  function: () => {},
};
"""


def _peer_config(work: Path, parse: bool) -> Path:
    folder = work / ("peer-parse" if parse else "peer-only")
    folder.mkdir(exist_ok=True)
    config: dict[str, Any] = {"config": {"default": False, "MD052": True, "MD053": True}}
    if parse:
        (folder / "parse.cjs").write_text(_PARSE_RULE)
        config["config"]["micromark-parse"] = True
        config["customRules"] = [str(folder / "parse.cjs")]
    path = folder / ".markdownlint-cli2.jsonc"
    path.write_text(json.dumps(config))
    return path


def peer(entry: Path | None, work: Path, folder: Path, rep: int) -> dict[str, Any]:
    """markdownlint-cli2 with MD052 and MD053 over the same Markdown files.

    Measured twice: with only those two rules (as configured, it parses nothing and finds
    nothing) and with the micromark parse they need, which is the peer to compare with.
    """
    if entry is None:
        return {"skipped": "npm or node not available"}
    node = shutil.which("node") or "node"
    out: dict[str, Any] = {}
    for parse in (False, True):
        config = _peer_config(work, parse)
        log = config.parent / "output.txt"
        cmd = [node, str(entry), "--config", str(config), "**/*.md"]
        r = median_run([run(cmd, cwd=folder, stderr=log) for _ in range(rep)])
        if r.code not in (0, 1):
            return {"skipped": f"markdownlint-cli2 exit code {r.code}"}
        found = sum(" MD05" in line for line in log.read_text(errors="replace").splitlines())
        out["parse" if parse else "only"] = {**asdict(r), "findings": found}
    return out
