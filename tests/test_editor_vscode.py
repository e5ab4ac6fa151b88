"""The VS Code extension of ``editors/vscode`` in a real VS Code: code-server (VS Code in
the browser) loads it from an extensions folder, Chromium (driven by Playwright) opens an
article, and the test reads what the editor shows: the Problems panel, the quick fixes of a
finding and the hover of a marker.

Skipped without code-server (``$CODE_SERVER``, or ``code-server`` on the PATH; installing
it is described in ``editors/vscode/README.md``), without Debian's Chromium or Playwright,
and without the extension's one dependency, ``vscode-languageclient`` (installed from npm
into a copy of the extension when ``npm`` is there).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("pygls")

ROOT = Path(__file__).parents[1]
EXTENSION = ROOT / "editors" / "vscode"
CODE_SERVER = os.environ.get("CODE_SERVER") or shutil.which("code-server")
CHROMIUM = Path("/usr/bin/chromium")
WAIT_S = 120  # the machine may be loaded; nothing here is timed

ARTICLE = """# Harbour seals

Harbour seals haul out on sandbanks at low tide, and the colonies of the Wadden Sea have
grown since hunting stopped [1]. Pups can swim within hours of their birth [3].
The Wadden Sea population grew by 12 percent a year between 1990 and 2010, a survey found.

## References

1. Reijnders, P. Recovery of harbour seals in the Wadden Sea. https://example.org/seals
2. Seal pup behaviour. https://example.org/pups
"""

needs_code_server = pytest.mark.skipif(
    CODE_SERVER is None or not CHROMIUM.exists(),
    reason="needs code-server ($CODE_SERVER or PATH) and Debian's chromium",
)


def test_the_extension_starts_the_readme_command_line() -> None:
    # The README's VS Code settings name the same command line.
    readme = (ROOT / "README.md").read_text("utf-8").split("**VS Code**", 1)[1]
    settings = json.loads(readme.split("```json\n", 1)[1].split("```", 1)[0])
    manifest = json.loads((EXTENSION / "package.json").read_text("utf-8"))
    setting = manifest["contributes"]["configuration"]["properties"]["citecheck.command"]
    assert setting["default"] == settings["citecheck.command"] == ["citecheck", "server"]
    assert set(manifest["activationEvents"]) == {
        f"onLanguage:{lang}" for lang in ("markdown", "plaintext", "html")
    }
    assert list(manifest["dependencies"]) == ["vscode-languageclient"]


def _extension(into: Path) -> Path:
    """A copy of the extension with its dependency, in an extensions folder ``into``."""
    copy = into / "citecheck.citecheck-0.1.0"
    shutil.copytree(EXTENSION, copy, ignore=shutil.ignore_patterns("node_modules"))
    installed = EXTENSION / "node_modules"
    if installed.is_dir():
        shutil.copytree(installed, copy / "node_modules")
    elif shutil.which("npm"):
        subprocess.run(
            ["npm", "install", "--omit=dev", "--no-package-lock", "--no-audit", "--no-fund"],
            cwd=copy,
            capture_output=True,
            timeout=600,
            check=False,
        )
    if not (copy / "node_modules" / "vscode-languageclient").is_dir():
        pytest.skip("vscode-languageclient not installed (npm install in editors/vscode)")
    return copy


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def code_server(tmp_path: Path) -> Iterator[str]:
    """code-server on a loopback port with the extension, a user folder and a workspace
    holding ``seals.md``; yields the address of the workspace."""
    assert CODE_SERVER is not None
    extensions = tmp_path / "extensions"
    extensions.mkdir()
    _extension(extensions)
    # ``citecheck`` as the extension's setting names it: this interpreter and this tree (VS
    # Code takes its PATH from a login shell, so the command is named by its full path).
    command = tmp_path / "bin" / "citecheck"
    command.parent.mkdir()
    command.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m citecheck "$@"\n', "utf-8")
    command.chmod(0o755)
    user = tmp_path / "user" / "User"
    user.mkdir(parents=True)
    settings = {
        "citecheck.command": [str(command), "server"],
        "workbench.startupEditor": "none",
        "telemetry.telemetryLevel": "off",
    }
    (user / "settings.json").write_text(json.dumps(settings), "utf-8")
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    (workspace / "seals.md").write_text(ARTICLE, "utf-8")
    port = _free_port()
    config = tmp_path / "config.yaml"
    config.write_text(f"bind-addr: 127.0.0.1:{port}\nauth: none\ncert: false\n", "utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    server = subprocess.Popen(
        [
            CODE_SERVER,
            "--config",
            str(config),
            "--user-data-dir",
            str(user.parent),
            "--extensions-dir",
            str(extensions),
            "--disable-telemetry",
            "--disable-workspace-trust",
            "--disable-update-check",
        ],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/?folder={workspace}"
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


@needs_code_server
def test_vs_code_shows_the_findings_fixes_and_hover_of_citecheck_server(
    code_server: str, tmp_path: Path
) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    wait_ms = WAIT_S * 1000
    with sync_api.sync_playwright() as play:
        browser = play.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(code_server, wait_until="domcontentloaded")
            page.wait_for_selector(".monaco-workbench .explorer-folders-view", timeout=wait_ms)
            page.keyboard.press("Control+P")
            page.wait_for_selector(".quick-input-widget input", timeout=wait_ms)
            page.keyboard.type("seals.md")
            page.wait_for_selector(".quick-input-list .monaco-list-row", timeout=wait_ms)
            page.keyboard.press("Enter")
            page.wait_for_selector(".squiggly-error", timeout=wait_ms)
            page.keyboard.press("Control+Shift+M")  # the Problems panel
            rows = page.locator(".markers-panel .monaco-list-row")
            rows.nth(3).wait_for(timeout=wait_ms)
            problems = rows.all_inner_texts()
            page.screenshot(path=str(tmp_path / "problems.png"))
            # The quick fixes of the dangling marker [3] (line 4, column 76).
            page.locator(".monaco-editor .view-lines").first.click()
            page.keyboard.press("Control+G")
            page.keyboard.type("4:76")
            page.keyboard.press("Enter")
            page.keyboard.press("Control+.")
            menu = page.locator(".action-widget .monaco-list-row")
            menu.first.wait_for(timeout=wait_ms)
            actions = menu.all_inner_texts()
            page.keyboard.press("Escape")
            # The hover of the marker [1] (line 4, column 29).
            page.keyboard.press("Control+G")
            page.keyboard.type("4:29")
            page.keyboard.press("Enter")
            page.keyboard.press("F1")
            page.keyboard.type("Show or Focus Hover")
            page.wait_for_selector(".quick-input-list .monaco-list-row", timeout=wait_ms)
            page.keyboard.press("Enter")
            hover = page.locator(".monaco-hover-content").filter(has_text="Reijnders")
            hover.first.wait_for(timeout=wait_ms)
            hovered = " ".join(hover.all_inner_texts())
        finally:
            browser.close()
    found = sorted(" ".join(row.split()) for row in problems[1:])
    assert found == [
        '[2] "Seal pup behaviour" is never cited citecheck CC003 [Ln 10, Col 1]',
        '[3] has no entry in References (1–2); did you mean [2] "Seal pup behaviour"? '
        "citecheck CC002 [Ln 4, Col 76]",
        "claim has no citation (no marker in this paragraph covers it) citecheck CC001 "
        "[Ln 5, Col 1]",
    ]
    assert "citecheck: suppress dangling-citation here" in actions
    assert "1 → Reijnders, P. Recovery of harbour seals" in hovered
