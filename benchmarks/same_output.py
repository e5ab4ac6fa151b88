"""Whether citecheck's output is byte-identical before and after a change that must not
change behaviour (a move of modules, a refactoring).

Runs ``check``, ``check --select ALL``, ``verify --offline``, ``parse`` and ``refs`` (JSON)
and ``fix --diff --unsafe`` over every fixture, every ``../shared/cases`` file and every
``../shared/corpus`` document, and writes one SHA-256 per command and file::

    python benchmarks/same_output.py record before.json
    # … the change …
    python benchmarks/same_output.py compare before.json

``compare`` prints each output that differs and exits 1 when any does. Files are run one
by one, from the repository's root, with the installed ``citecheck`` command (or
``--citecheck``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")
COMMANDS: dict[str, list[str]] = {
    "check": ["check", "--format", "json"],
    "check-all": ["check", "--format", "json", "--select", "ALL"],
    "verify": ["verify", "--offline", "--format", "json"],
    "parse": ["parse", "--format", "json"],
    "refs": ["refs", "--format", "json"],
    "fix": ["fix", "--diff", "--unsafe"],
}


def inputs() -> list[Path]:
    """Every fixture article and every shared case and corpus document, sorted."""
    found = [p for p in (ROOT / "fixtures").rglob("*") if p.suffix in SUFFIXES]
    for folder in ("cases", "corpus"):
        found += [p for p in (SHARED / folder).glob("*") if p.suffix in SUFFIXES]
    skip = ("CASES.md", "SOURCES.md")
    return sorted(p for p in found if p.is_file() and p.name not in skip)


def digest(citecheck: str, command: list[str], path: Path) -> str:
    """SHA-256 of the exit code, standard output and standard error of one run."""
    out = subprocess.run(
        [citecheck, *command, str(path.relative_to(ROOT.parent))],
        capture_output=True,
        cwd=ROOT.parent,
        check=False,
        timeout=300,
    )
    h = hashlib.sha256(f"{out.returncode}\n".encode())
    h.update(out.stdout)
    h.update(b"\0")
    h.update(out.stderr)
    return h.hexdigest()


def run(citecheck: str) -> dict[str, str]:
    """``command path`` → digest, for every command and input (runs side by side, one
    process each)."""
    jobs = [(name, command, path) for path in inputs() for name, command in COMMANDS.items()]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        digests = pool.map(lambda job: digest(citecheck, job[1], job[2]), jobs)
        return {
            f"{name} {path.relative_to(ROOT.parent)}": d
            for (name, _, path), d in zip(jobs, digests, strict=True)
        }


def main() -> int:
    """Record the digests to a file, or compare with a recorded file."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("record", "compare"))
    ap.add_argument("file", type=Path)
    ap.add_argument("--citecheck", default="citecheck")
    args = ap.parse_args()
    now = run(args.citecheck)
    if args.mode == "record":
        args.file.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", "utf-8")
        print(f"{len(now)} outputs recorded in {args.file}")
        return 0
    before = json.loads(args.file.read_text("utf-8"))
    changed = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    for key in changed:
        print(f"differs: {key}")
    print(f"{len(now) - len(changed)}/{len(now)} outputs byte-identical")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
