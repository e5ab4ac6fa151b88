"""The language server: documents in, diagnostics, actions and navigation out.

Built on pygls (the JSON-RPC transport, the protocol's types from lsprotocol and the
workspace's buffers); this module only wires its features to citecheck. One process serves
a whole editing session, so the parser's compiled patterns, the rules and the settings
loaded once stay warm from one keystroke to the next, and each open document keeps a
:class:`~citecheck.parser.memo.Memo`: a paragraph that has not changed since the last check
is not segmented or judged again (the results equal a fresh check's).

When to check: at once when the document is not already waiting for a check, and changes
that arrive before that check has started fold into it (it reads the buffer's latest
text), as ``ruff server`` checks on every change with no delay. ``debounce`` is the least
time between the starts of two checks of a document: a change sooner than that after the
last check started waits out the rest of it (0: check as soon as the previous is done).
"""

from __future__ import annotations

import asyncio
import logging
import math
import time

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from citecheck import __version__
from citecheck.parser.memo import Memo, using
from citecheck.server import actions, navigation
from citecheck.server.diagnostics import Checked, check, diagnostics, editable, fs_path
from citecheck.server.settings import Options, is_config

_WATCHED = "citecheck-config-watch"
log = logging.getLogger(__name__)


class Server(LanguageServer):
    """citecheck's language server: one per editing session."""

    def __init__(self) -> None:
        super().__init__("citecheck", __version__)
        self.options = Options()
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.last: dict[str, float] = {}
        self.memos: dict[str, Memo] = {}

    def tell(self, message: str, kind: types.MessageType = types.MessageType.Error) -> None:
        """Show one line to the user (a configuration error, a document that cannot be read)."""
        self.window_show_message(
            types.ShowMessageParams(type=kind, message=f"citecheck: {message}")
        )

    def lint(self, uri: str) -> None:
        """Check the buffer's current version and publish its diagnostics."""
        task = self.pending.pop(uri, None)
        if task is not None and task is not asyncio.current_task():
            task.cancel()  # checked now: the waiting check would see the same text
        self.last[uri] = time.monotonic()
        doc = self.workspace.text_documents.get(uri)
        if doc is None or not editable(uri):
            return
        try:
            settings = self.options.settings(fs_path(uri))
            codec = self.workspace.position_codec
            with using(self.memos.setdefault(uri, Memo())):
                checked = check(
                    uri,
                    doc.version,
                    doc.source,
                    doc.language_id,
                    settings,
                    codec.client_num_units,
                    self.options.sources(),
                )
        except Exception as exc:  # a bad config or text is one message, never a dead server
            self.tell(f"{fs_path(uri) or uri}: {exc}")
            log.exception("checking %s", uri)
            return
        self.checked[uri] = checked
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                version=doc.version,
                diagnostics=diagnostics(checked, self.options.rules_url),
            )
        )

    def later(self, uri: str) -> None:
        """Check after a change: at once, unless a check of the document is already
        waiting (it will read the latest text) or the last one started less than
        ``debounce`` ago (then when that time is up)."""
        if uri in self.pending:
            return
        wait = self.options.debounce - (time.monotonic() - self.last.get(uri, -math.inf))

        async def run() -> None:
            await asyncio.sleep(max(0.0, wait))  # 0: after the messages already read
            self.lint(uri)

        self.pending[uri] = asyncio.get_running_loop().create_task(run())

    def current(self, uri: str) -> Checked | None:
        """The check of the buffer's current version (checked now if it has moved on)."""
        doc = self.workspace.text_documents.get(uri)
        if doc is None:
            return None
        checked = self.checked.get(uri)
        if checked is None or checked.version != doc.version or checked.text != doc.source:
            self.lint(uri)
            checked = self.checked.get(uri)
        return checked if checked is not None and checked.version == doc.version else None

    def reload(self) -> None:
        """A configuration file changed: read it again and check every open document."""
        self.options.reload()
        self.memos.clear()
        for uri in list(self.workspace.text_documents):
            self.lint(uri)


server = Server()


@server.feature(types.INITIALIZE)
def _initialize(ls: Server, params: types.InitializeParams) -> None:
    root = fs_path(params.root_uri) if params.root_uri else params.root_path
    try:
        ls.options = Options.of(params.initialization_options, root)
    except (TypeError, ValueError) as exc:
        ls.options = Options.of(None, root)
        ls.tell(str(exc))


@server.feature(types.INITIALIZED)
def _initialized(ls: Server, params: types.InitializedParams) -> None:
    caps = ls.client_capabilities.workspace
    watch = caps.did_change_watched_files if caps else None
    if not (watch and watch.dynamic_registration):
        return  # the configuration is read again when saved in the editor
    glob = "**/{pyproject.toml,citecheck.toml,.citecheck.toml}"
    options = types.DidChangeWatchedFilesRegistrationOptions(
        watchers=[types.FileSystemWatcher(glob_pattern=glob)]
    )
    registration = types.Registration(
        id=_WATCHED, method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
    )
    ls.client_register_capability(types.RegistrationParams(registrations=[registration]))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def _did_open(ls: Server, params: types.DidOpenTextDocumentParams) -> None:
    ls.lint(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def _did_change(ls: Server, params: types.DidChangeTextDocumentParams) -> None:
    ls.later(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
def _did_save(ls: Server, params: types.DidSaveTextDocumentParams) -> None:
    path = fs_path(params.text_document.uri)
    if path and is_config(path):
        ls.reload()
    else:
        ls.lint(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def _did_close(ls: Server, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.checked.pop(uri, None)
    ls.last.pop(uri, None)
    ls.memos.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def _watched(ls: Server, params: types.DidChangeWatchedFilesParams) -> None:
    if any(is_config(fs_path(c.uri) or "") for c in params.changes):
        ls.reload()


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL],
        resolve_provider=False,
    ),
)
def _code_action(ls: Server, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    checked = ls.current(params.text_document.uri)
    if checked is None:
        return None
    only = [str(k) for k in params.context.only] if params.context.only else None
    return actions.actions(checked, list(params.context.diagnostics), only)


def _at(
    ls: Server, params: types.HoverParams | types.DefinitionParams | types.ReferenceParams
) -> tuple[Checked, int] | None:
    checked = ls.current(params.text_document.uri)
    if checked is None:
        return None
    return checked, checked.positions.offset(params.position)


@server.feature(types.TEXT_DOCUMENT_HOVER)
def _hover(ls: Server, params: types.HoverParams) -> types.Hover | None:
    found = _at(ls, params)
    return navigation.hover(*found) if found else None


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def _definition(ls: Server, params: types.DefinitionParams) -> list[types.Location] | None:
    found = _at(ls, params)
    return navigation.definition(*found) if found else None


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
def _references(ls: Server, params: types.ReferenceParams) -> list[types.Location] | None:
    found = _at(ls, params)
    if not found:
        return None
    return navigation.references(*found, params.context.include_declaration)
