"""The language server through a real client: ``python -m citecheck server`` as a
subprocess, spoken to with pygls's own LanguageClient over its stdin/stdout."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

pytest.importorskip("pygls")
from lsprotocol import types
from pygls.exceptions import JsonRpcMethodNotFound
from pygls.lsp.client import LanguageClient

from citecheck.api import fix_text

ROOT = Path(__file__).parents[1]
DUPLICATES = (ROOT / "fixtures/rules/duplicate-citation/fail.txt").read_text("utf-8")
WAIT = 120.0  # seconds: the machine may be loaded; nothing here is timed
ARTICLE = """# Harbour plan

The council approved a new harbour plan on Monday after a long debate. [1]

Critics said the cost had doubled since the first estimate was published. [2]

## References

1. Port Gazette: Council approves harbour plan
"""


class Session:
    """A client talking to one server process, collecting what it publishes."""

    def __init__(self, client: LanguageClient) -> None:
        self.client = client
        self.published: dict[str, types.PublishDiagnosticsParams] = {}
        self.changed = asyncio.Event()
        self.messages: list[str] = []
        self.registered: list[str] = []

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _published(params: types.PublishDiagnosticsParams) -> None:
            self.published[params.uri] = params
            self.changed.set()

        @client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def _register(params: types.RegistrationParams) -> None:
            self.registered.extend(r.method for r in params.registrations)

        @client.feature(types.WINDOW_SHOW_MESSAGE)
        def _shown(params: types.ShowMessageParams) -> None:
            self.messages.append(params.message)

    async def diagnostics(
        self, uri: str, version: int, when: Callable[[list[types.Diagnostic]], bool] = bool
    ) -> list[types.Diagnostic]:
        """Wait for the diagnostics of a version of a document that ``when`` accepts."""

        async def wait() -> list[types.Diagnostic]:
            while True:
                got = self.published.get(uri)
                if got is not None and got.version == version and when(got.diagnostics):
                    return list(got.diagnostics)
                self.changed.clear()
                await self.changed.wait()

        return await asyncio.wait_for(wait(), WAIT)

    def open(self, uri: str, text: str, language: str = "markdown") -> None:
        item = types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))

    def change(self, uri: str, version: int, text: str) -> None:
        doc = types.VersionedTextDocumentIdentifier(uri=uri, version=version)
        whole = types.TextDocumentContentChangeWholeDocument(text=text)
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(text_document=doc, content_changes=[whole])
        )

    async def actions(
        self, uri: str, diags: list[types.Diagnostic], only: list[str] | None = None
    ) -> list[types.CodeAction]:
        rng = types.Range(types.Position(0, 0), types.Position(10_000, 0))
        params = types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diags[0].range if diags else rng,
            context=types.CodeActionContext(diagnostics=diags, only=only),
        )
        got = await asyncio.wait_for(self.client.text_document_code_action_async(params), WAIT)
        return [a for a in got or [] if isinstance(a, types.CodeAction)]


def run(body: Callable[[Session], Awaitable[None]], root: Path, init: object = None) -> int:
    """Start a server, initialise it with ``root`` as the workspace, run ``body``, shut it
    down; return the server's exit status."""

    async def main() -> int:
        client = LanguageClient("citecheck-test", "1")
        session = Session(client)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        await client.start_io(sys.executable, "-m", "citecheck", "server", env=env, cwd=root)
        caps = types.ClientCapabilities(
            workspace=types.WorkspaceClientCapabilities(
                did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                    dynamic_registration=True
                )
            )
        )
        params = types.InitializeParams(
            capabilities=caps, root_uri=root.as_uri(), initialization_options=init
        )
        await asyncio.wait_for(client.initialize_async(params), WAIT)
        client.initialized(types.InitializedParams())
        try:
            await body(session)
        finally:
            await asyncio.wait_for(client.shutdown_async(None), WAIT)
            client.exit(None)
            await asyncio.wait_for(client.stop(), WAIT)
        assert client._server is not None
        return client._server.returncode

    return asyncio.run(main())


def apply(text: str, action: types.CodeAction, version: int) -> str:
    """Apply a code action's edits to a text, as an editor holding ``version`` would."""
    assert action.edit is not None and action.edit.document_changes
    (change,) = action.edit.document_changes
    assert isinstance(change, types.TextDocumentEdit)
    assert change.text_document.version == version, "an edit of another version"
    lines = [*text.splitlines(keepends=True), ""]
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(p: types.Position) -> int:
        return starts[p.line] + p.character

    edits = sorted(change.edits, key=lambda e: offset(e.range.start), reverse=True)
    for e in edits:
        assert isinstance(e, types.TextEdit)
        text = text[: offset(e.range.start)] + e.new_text + text[offset(e.range.end) :]
    return text


def test_diagnostics_appear_and_clear_as_the_text_changes(tmp_path: Path) -> None:
    uri = (tmp_path / "article.md").as_uri()

    async def body(s: Session) -> None:
        s.open(uri, ARTICLE)
        diags = await s.diagnostics(uri, 1)
        (dangling,) = [d for d in diags if d.code == "CC002"]
        assert dangling.source == "citecheck"
        assert dangling.severity == types.DiagnosticSeverity.Error
        assert dangling.range.start == types.Position(4, 74)
        assert dangling.range.end == types.Position(4, 77)
        assert "[2]" in dangling.message
        assert dangling.code_description is not None
        assert dangling.code_description.href.endswith("#rules")
        fixed = ARTICLE + "2. Harbour Weekly: Harbour plan costs double\n"
        s.change(uri, 2, fixed)
        assert await s.diagnostics(uri, 2, lambda d: True) == []
        s.change(uri, 3, ARTICLE)
        assert [d.code for d in await s.diagnostics(uri, 3)] == ["CC002"]

    assert run(body, tmp_path) == 0


def test_an_unused_reference_is_unnecessary(tmp_path: Path) -> None:
    uri = (tmp_path / "article.md").as_uri()
    text = ARTICLE.replace(" [2]", " [1]") + "2. Harbour Weekly: Harbour plan costs double\n"

    async def body(s: Session) -> None:
        s.open(uri, text)
        (unused,) = [d for d in await s.diagnostics(uri, 1) if d.code == "CC003"]
        assert list(unused.tags or []) == [types.DiagnosticTag.Unnecessary]
        assert unused.range.start.line == 9

    assert run(body, tmp_path) == 0


def test_quick_fixes_give_the_text_fix_gives(tmp_path: Path) -> None:
    uri = (tmp_path / "article.txt").as_uri()
    expected = fix_text(DUPLICATES, path=str(tmp_path / "article.txt")).text
    assert expected != DUPLICATES

    async def body(s: Session) -> None:
        s.open(uri, DUPLICATES, "plaintext")
        text, version = DUPLICATES, 1
        diags = await s.diagnostics(uri, version)
        (fix_all,) = await s.actions(uri, [], only=["source.fixAll"])
        assert fix_all.kind == "source.fixAll.citecheck"
        assert apply(text, fix_all, version) == expected
        while diags := [d for d in diags if d.code == "CC011"]:
            fixes = [a for a in await s.actions(uri, diags[:1]) if "fix CC011" in a.title]
            assert len(fixes) == 1 and fixes[0].is_preferred
            text, version = apply(text, fixes[0], version), version + 1
            s.change(uri, version, text)
            diags = await s.diagnostics(uri, version, lambda d: True)
        assert text == expected

    assert run(body, tmp_path) == 0


def test_a_stale_diagnostic_gets_no_fix(tmp_path: Path) -> None:
    uri = (tmp_path / "article.txt").as_uri()

    async def body(s: Session) -> None:
        s.open(uri, DUPLICATES, "plaintext")
        diags = await s.diagnostics(uri, 1)
        s.change(uri, 2, "Intro line.\n\n" + DUPLICATES)
        assert await s.actions(uri, diags[:1], only=["quickfix"]) == []
        moved = await s.diagnostics(uri, 2)
        assert moved[0].range.start.line == diags[0].range.start.line + 2
        assert await s.actions(uri, moved[:1], only=["quickfix"]) != []

    assert run(body, tmp_path) == 0


def test_suppress_here_inserts_the_documented_comment(tmp_path: Path) -> None:
    uri = (tmp_path / "article.md").as_uri()

    async def body(s: Session) -> None:
        s.open(uri, ARTICLE)
        (dangling,) = await s.diagnostics(uri, 1)
        (suppress,) = [a for a in await s.actions(uri, [dangling]) if "suppress" in a.title]
        text = apply(ARTICLE, suppress, 1)
        assert "<!-- citecheck: ignore dangling-citation -->\nCritics said" in text
        s.change(uri, 2, text)
        assert await s.diagnostics(uri, 2, lambda d: True) == []

    assert run(body, tmp_path) == 0


def test_hover_definition_and_references(tmp_path: Path) -> None:
    uri = (tmp_path / "article.md").as_uri()
    doc = types.TextDocumentIdentifier(uri=uri)
    marker = types.Position(2, 72)  # inside "[1]"
    entry = types.Position(8, 5)

    async def body(s: Session) -> None:
        s.open(uri, ARTICLE)
        await s.diagnostics(uri, 1)
        c = s.client

        def at(position: types.Position) -> dict[str, object]:
            return {"text_document": doc, "position": position}

        hover = await asyncio.wait_for(
            c.text_document_hover_async(types.HoverParams(**at(marker))), WAIT
        )
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        assert "Council approves harbour plan" in hover.contents.value
        defs = c.text_document_definition_async(types.DefinitionParams(**at(marker)))
        found = await asyncio.wait_for(defs, WAIT)
        assert isinstance(found, list) and [loc.range.start.line for loc in found] == [8]
        ctx = types.ReferenceContext(include_declaration=False)
        asked = c.text_document_references_async(types.ReferenceParams(context=ctx, **at(entry)))
        refs = await asyncio.wait_for(asked, WAIT)
        assert refs is not None and [r.range.start for r in refs] == [types.Position(2, 71)]
        heading = c.text_document_hover_async(types.HoverParams(**at(types.Position(0, 2))))
        assert await asyncio.wait_for(heading, WAIT) is None

    assert run(body, tmp_path) == 0


def test_the_workspace_configuration_is_read_and_read_again(tmp_path: Path) -> None:
    uri = (tmp_path / "article.md").as_uri()
    config = tmp_path / ".citecheck.toml"
    config.write_text('ignore = ["dangling-citation"]\n', "utf-8")

    async def body(s: Session) -> None:
        s.open(uri, ARTICLE)
        assert await s.diagnostics(uri, 1, lambda d: True) == []
        config.write_text('select = ["CC002"]\n', "utf-8")
        event = types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)
        s.published.clear()
        s.client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(changes=[event])
        )
        assert [d.code for d in await s.diagnostics(uri, 1)] == ["CC002"]

    assert run(body, tmp_path) == 0


def test_bad_messages_and_unknown_methods_never_kill_the_server(tmp_path: Path) -> None:
    uri = (tmp_path / "article.md").as_uri()

    async def body(s: Session) -> None:
        server = s.client._server
        assert server is not None and server.stdin is not None
        junk = b"{not json"
        server.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(junk), junk))
        with pytest.raises(JsonRpcMethodNotFound):
            await asyncio.wait_for(s.client.protocol.send_request_async("citecheck/nothing"), WAIT)
        s.open(uri, ARTICLE)
        assert [d.code for d in await s.diagnostics(uri, 1)] == ["CC002"]

    assert run(body, tmp_path) == 0


def test_a_bad_configuration_is_one_message_not_a_dead_server(tmp_path: Path) -> None:
    uri = (tmp_path / "article.md").as_uri()
    (tmp_path / ".citecheck.toml").write_text('scope = "everywhere"\n', "utf-8")

    async def body(s: Session) -> None:
        s.open(uri, ARTICLE)
        s.change(uri, 2, ARTICLE + "\n")

        async def told() -> None:
            while not any("'scope'" in m for m in s.messages):
                await asyncio.sleep(0.05)

        await asyncio.wait_for(told(), WAIT)
        assert 2 not in {p.version for p in s.published.values()}
        (tmp_path / ".citecheck.toml").write_text("", "utf-8")
        item = types.TextDocumentIdentifier(uri=(tmp_path / ".citecheck.toml").as_uri())
        s.client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=item))
        assert [d.code for d in await s.diagnostics(uri, 2)] == ["CC002"]

    assert run(body, tmp_path) == 0


def test_without_the_extra_the_command_says_so_in_one_line() -> None:
    code = "import sys; sys.modules['pygls'] = None; from citecheck.cli.app import main; main()"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code, "server"], check=False, capture_output=True, text=True, env=env
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "pip install 'citecheck[server]'" in done.stderr


def _shown(diags: list[types.Diagnostic]) -> list[tuple[object, ...]]:
    return [
        (d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.message)
        for d in diags
    ]


def test_after_many_edits_the_diagnostics_are_a_fresh_checks(tmp_path: Path) -> None:
    """The server keeps each paragraph's segmentation, claim test, markers and entries
    between versions; after edits (some sent in a burst, not waited for; an entry taken
    out or changed, a heading put in) its diagnostics are those of a fresh check of the
    text."""
    from benchscripts import load

    from citecheck.server.diagnostics import check, diagnostics
    from citecheck.server.settings import Options

    path = tmp_path / "article.md"
    uri = path.as_uri()
    text = load("lsp_latency").markdown(6_000)
    paragraphs = text.split("\n\n")
    short = "It was a plan."  # too short to be a claim
    said = "The council voted for the plan on Monday after the long debate had ended."
    burst = [
        text.replace("\n\n", "\n\nA new opening sentence that says something. ", 1),
        text.replace(paragraphs[2], paragraphs[2] + " [99]", 1),
        text.replace(paragraphs[3], "", 1),
        text.replace("## References", "## Sources", 1),
        text,
    ]
    # Each where the first paragraph's first sentence stood: the same offsets, new verdicts.
    edits = [text.replace("\n\n", f"\n\n{new}\n\n", 1) for new in (short, said, short)]
    settings = Options.of(None, str(tmp_path)).settings(str(path))
    units = lambda t: len(t.encode("utf-16-le")) // 2  # noqa: E731 - the default codec

    def fresh(edited: str) -> list[tuple[object, ...]]:
        return _shown(diagnostics(check(uri, 0, edited, "markdown", settings, units), None))

    async def body(s: Session) -> None:
        s.open(uri, text)
        await s.diagnostics(uri, 1, lambda d: True)
        for version, edited in enumerate(burst, 2):  # none waited for
            s.change(uri, version, edited)
        assert _shown(await s.diagnostics(uri, 1 + len(burst), lambda d: True)) == fresh(text)
        shown = []
        for version, edited in enumerate(edits, 2 + len(burst)):
            s.change(uri, version, edited)
            shown.append(_shown(await s.diagnostics(uri, version, lambda d: True)))
            assert shown[-1] == fresh(edited)
        flagged = [[(d[0], d[1]) for d in got].count(("CC001", 2)) for got in shown]
        assert flagged == [0, 1, 0], "the claim in its place, and only it, is uncited"
        # Entries and headings change what the kept markers and entries were read with.
        entries = [line for line in text.splitlines() if line[:1].isdigit()]
        more = [
            text.replace(entries[0] + "\n", "", 1),
            text.replace(entries[1], entries[1] + " https://example.org/moved", 1),
            text.replace("\n\n", "\n\n## A heading first\n\n", 1),
            text,
        ]
        for version, edited in enumerate(more, 2 + len(burst) + len(edits)):
            s.change(uri, version, edited)
            assert _shown(await s.diagnostics(uri, version, lambda d: True)) == fresh(edited)

    assert run(body, tmp_path) == 0
