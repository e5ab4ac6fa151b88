"""Sentence segmentation on the 48 English "Golden Rules" of the pySBD benchmark.

Run from a clone with the package installed::

    .venv/bin/python benchmarks/golden_rules.py            # score and the failing rules
    .venv/bin/python benchmarks/golden_rules.py --verbose  # also what citecheck found

Each rule's text is written to a plain-text file and read back through
``citecheck parse FILE --format json``, reader included; a rule is correct when the
sentence texts citecheck reports equal the rule's expected sentences. The rules and their
attribution (pySBD, MIT) are in ``tests/data/golden_rules.toml``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

RULES = Path(__file__).resolve().parents[1] / "tests" / "data" / "golden_rules.toml"

Parse = Callable[[Path], dict[str, Any]]
Result = tuple[dict[str, Any], list[str]]


def load_rules() -> list[dict[str, Any]]:
    """The 48 rules: dicts with ``number``, ``name``, ``text`` and ``sentences``."""
    rules: list[dict[str, Any]] = tomllib.loads(RULES.read_text("utf-8"))["rule"]
    return rules


def parse_with_cli(path: Path) -> dict[str, Any]:
    """The JSON object ``citecheck parse PATH --format json`` prints, from a child process."""
    exe = Path(sys.executable).with_name("citecheck")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "citecheck"]
    out = subprocess.run(
        [*cmd, "parse", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    data: dict[str, Any] = json.loads(out)
    return data


def evaluate(parse: Parse) -> list[Result]:
    """Each rule with the sentences ``parse`` found for its text, in rule order."""
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for rule in load_rules():
            path = Path(tmp) / f"rule-{rule['number']:02d}.txt"
            path.write_text(rule["text"] + "\n", encoding="utf-8")
            found = [s["text"] for s in parse(path)["sentences"]]
            results.append((rule, found))
    return results


def failures(results: list[Result]) -> list[Result]:
    """The rules whose sentences differ from the expected ones."""
    return [(rule, found) for rule, found in results if found != rule["sentences"]]


def main(argv: list[str] | None = None) -> int:
    """Print the score and every failing rule with what was expected and what was found."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="show every rule's sentences")
    args = ap.parse_args(argv)
    results = evaluate(parse_with_cli)
    failed = failures(results)
    print(f"Golden Rules (pySBD, English): {len(results) - len(failed)}/{len(results)} correct")
    for rule, found in results if args.verbose else failed:
        mark = "FAIL" if found != rule["sentences"] else "ok"
        print(f"\n{mark} {rule['number']:2d}) {rule['name']}")
        print(f"   text:     {rule['text']}")
        if mark == "FAIL":
            print(f"   expected: {json.dumps(rule['sentences'], ensure_ascii=False)}")
        print(f"   found:    {json.dumps(found, ensure_ascii=False)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
