"""The README's Neovim snippet in a real Neovim: ``nvim --headless`` starts ``citecheck
server`` as the snippet says, and the test reads what the editor got (diagnostics, code
actions, hover). Skipped without ``nvim`` (``.ci/run`` installs Debian's).

Neovim 0.11 and later run the ``vim.lsp.config`` snippet; older ones (Debian 12 ships
0.7.2) the README's snippet for them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")

ROOT = Path(__file__).parents[1]
NVIM = shutil.which("nvim")
WAIT_MS = 120_000  # the machine may be loaded; nothing here is timed

ARTICLE = """# Harbour seals

Harbour seals haul out on sandbanks at low tide, and the colonies of the Wadden Sea have
grown since hunting stopped [1]. Pups can swim within hours of their birth [3].

## References

1. Reijnders, P. Recovery of harbour seals in the Wadden Sea. https://example.org/seals
2. Seal pup behaviour. https://example.org/pups
"""

# Waits for the buffer's diagnostics, asks for the code actions of each and for the hover
# on the marker [1], writes all of it as JSON to the file named by $NVIM_OUT, and quits.
HARNESS = """
local buf = vim.api.nvim_get_current_buf()
local out = { filetype = vim.bo[buf].filetype, diagnostics = {}, actions = {}, clients = {} }
vim.wait(%(wait)d, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients
for _, c in ipairs(get_clients({ bufnr = buf })) do table.insert(out.clients, c.name) end
local uri = vim.uri_from_bufnr(buf)
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(out.diagnostics, { line = d.lnum + 1, col = d.col + 1, code = d.code,
    source = d.source, severity = d.severity, message = d.message })
  local lsp = (d.user_data and d.user_data.lsp and d.user_data.lsp.range) and { d.user_data.lsp }
    or vim.lsp.diagnostic.get_line_diagnostics(buf, d.lnum)
  local range = { start = { line = d.lnum, character = d.col },
    ["end"] = { line = d.end_lnum, character = d.end_col } }
  local got = vim.lsp.buf_request_sync(buf, "textDocument/codeAction",
    { textDocument = { uri = uri }, range = range, context = { diagnostics = lsp } }, %(wait)d)
  for _, r in pairs(got or {}) do
    for _, a in ipairs(r.result or {}) do table.insert(out.actions, a.title) end
  end
end
local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover",
  { textDocument = { uri = uri }, position = { line = 3, character = 29 } }, %(wait)d)
for _, r in pairs(hover or {}) do
  if r.result then out.hover = r.result.contents.value end
end
vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv("NVIM_OUT"))
vim.cmd("qa!")
"""


def _version(nvim: str) -> tuple[int, ...]:
    out = subprocess.run([nvim, "--version"], capture_output=True, text=True, check=True).stdout
    found = re.search(r"NVIM v(\d+)\.(\d+)", out)
    assert found, out
    return tuple(int(n) for n in found.groups())


def _snippets() -> list[str]:
    """The README's Lua snippets for Neovim, in order (0.11+ first)."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("**Neovim**", 1)[1].split("**Helix**", 1)[0]
    return re.findall(r"```lua\n(.*?)```", section, re.S)


def test_the_readme_has_a_neovim_snippet_for_old_and_new_versions() -> None:
    new, old = _snippets()
    assert "vim.lsp.config(" in new and "vim.lsp.config" not in old
    for snippet in (new, old):
        assert '{ "citecheck", "server" }' in snippet


@pytest.mark.skipif(NVIM is None, reason="needs nvim (Debian's neovim)")
def test_neovim_shows_the_findings_fixes_and_hover_of_citecheck_server(tmp_path: Path) -> None:
    assert NVIM is not None
    new, old = _snippets()
    init = tmp_path / "init.lua"
    init.write_text(new if _version(NVIM) >= (0, 11) else old, "utf-8")
    (tmp_path / "harness.lua").write_text(HARNESS % {"wait": WAIT_MS}, "utf-8")
    (tmp_path / "article.md").write_text(ARTICLE, "utf-8")
    # ``citecheck`` on the PATH, as the snippet calls it: this interpreter and this tree.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    command = bin_dir / "citecheck"
    command.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m citecheck "$@"\n', "utf-8")
    command.chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "NVIM_OUT": str(tmp_path / "out.json"),
        "XDG_STATE_HOME": str(tmp_path / "state"),  # Neovim's LSP log goes here, not ~
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [NVIM, "--headless", "-n", "-u", str(init), "article.md", "-c", "luafile harness.lua"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=3 * WAIT_MS / 1000,
        check=False,
    )
    assert (tmp_path / "out.json").exists(), done.stderr + done.stdout
    out = json.loads((tmp_path / "out.json").read_text("utf-8"))
    assert out["filetype"] == "markdown" and out["clients"] == ["citecheck"]
    found = sorted((d["line"], d["col"], d["code"], d["source"]) for d in out["diagnostics"])
    assert found == [(4, 76, "CC002", "citecheck"), (9, 1, "CC003", "citecheck")]
    assert "[3] has no entry in References (1–2)" in " ".join(
        d["message"] for d in out["diagnostics"]
    )
    assert "citecheck: fix CC003 uncited-reference (unsafe: removes an entry)" in out["actions"]
    assert "citecheck: suppress dangling-citation here" in out["actions"]
    assert out["hover"].startswith("`1` → Reijnders, P. Recovery of harbour seals")
