"""Code actions: the fixes of ``citecheck fix`` as quick fixes, "fix all safe" as a source
action, and a suppression comment for any finding.

Every edit is planned by the fixer ``fix`` uses (:func:`citecheck.api.fix_finding` for one
finding, :func:`citecheck.api.fix_text` for all), on the text of the version the server
last checked, and sent as a ``TextDocumentEdit`` naming that version: an editor whose
buffer has moved on since refuses it, so a stale version is never edited.
"""

from __future__ import annotations

from lsprotocol import types

from citecheck.server.diagnostics import Checked

FIX_ALL = "source.fixAll.citecheck"
QUICKFIX = types.CodeActionKind.QuickFix


def _edit(checked: Checked, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    doc = types.OptionalVersionedTextDocumentIdentifier(uri=checked.uri, version=checked.version)
    return types.WorkspaceEdit(
        document_changes=[types.TextDocumentEdit(text_document=doc, edits=list(edits))]
    )


def replacement(checked: Checked, new: str) -> list[types.TextEdit]:
    """One edit turning the checked text into ``new``: the span between their common head
    and tail (none when they are equal)."""
    old = checked.text
    if old == new:
        return []
    head = 0
    limit = min(len(old), len(new))
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    rng = checked.positions.range(head, len(old) - tail)
    return [types.TextEdit(range=rng, new_text=new[head : len(new) - tail])]


def fix_all(checked: Checked) -> types.CodeAction | None:
    """ "Fix all safe": what ``citecheck fix`` would write (None when it changes nothing)."""
    from citecheck.api import fix_text

    result = fix_text(checked.text, path=checked.path, fmt=checked.fmt, settings=checked.settings)
    edits = replacement(checked, result.text)
    if not edits:
        return None
    n = sum(result.fixed.values())
    return types.CodeAction(
        title=f"citecheck: fix all safe ({n} finding{'s' * (n != 1)})",
        kind=FIX_ALL,
        edit=_edit(checked, edits),
    )


def quick_fix(checked: Checked, diag: types.Diagnostic) -> types.CodeAction | None:
    """The fix of one finding (None when ``fix`` has none for it, or it would change what
    a sentence cites); an unsafe one says so in its title and is never preferred."""
    from citecheck.api import fix_finding

    data = diag.data if isinstance(diag.data, dict) else {}
    kind, code = data.get("fix"), str(diag.code)
    if kind not in ("safe", "unsafe"):
        return None
    where = (code, int(data["line"]), int(data["column"]))
    edits = fix_finding(
        checked.text, where, path=checked.path, fmt=checked.fmt, settings=checked.settings
    )
    if not edits:
        return None
    pos = checked.positions
    text_edits = [types.TextEdit(range=pos.range(e.start, e.end), new_text=e.new) for e in edits]
    rule = data.get("rule", code)
    title = f"citecheck: fix {code} {rule}" + (" (unsafe: removes an entry)" * (kind == "unsafe"))
    return types.CodeAction(
        title=title,
        kind=QUICKFIX,
        diagnostics=[diag],
        is_preferred=kind == "safe",
        edit=_edit(checked, text_edits),
    )


def suppress(checked: Checked, diag: types.Diagnostic) -> types.CodeAction | None:
    """Insert ``<!-- citecheck: ignore RULE -->`` on its own line before the block the
    finding is in (see Suppressions in the README)."""
    data = diag.data if isinstance(diag.data, dict) else {}
    rule = data.get("rule") or str(diag.code)
    start = checked.positions.offset(diag.range.start)
    doc, _ = checked.parsed
    blocks = [b for b in doc.blocks if b.start <= start < max(b.end, b.start + 1)]
    inner = min(blocks, key=lambda b: b.end - b.start, default=None)
    at = inner.start if inner is not None else start
    line = checked.positions.position(at).line
    head = checked.positions.offset(types.Position(line, 0))
    indent = checked.text[head:at]
    indent = indent[: len(indent) - len(indent.lstrip())]
    eol = "\r\n" if "\r\n" in checked.text else "\r" if "\r" in checked.text else "\n"
    comment = f"{indent}<!-- citecheck: ignore {rule} -->{eol}"
    here = types.Position(line, 0)
    insert = types.TextEdit(range=types.Range(here, here), new_text=comment)
    return types.CodeAction(
        title=f"citecheck: suppress {rule} here",
        kind=QUICKFIX,
        diagnostics=[diag],
        edit=_edit(checked, [insert]),
    )


def actions(
    checked: Checked, diags: list[types.Diagnostic], only: list[str] | None
) -> list[types.CodeAction]:
    """The actions for the diagnostics of a range (ours only), and "fix all safe"."""
    wanted = only or []
    out: list[types.CodeAction] = []

    def asked(kind: str) -> bool:
        return not wanted or any(kind == k or kind.startswith(k + ".") for k in wanted)

    if asked(QUICKFIX):
        for diag in diags:
            data = diag.data if isinstance(diag.data, dict) else {}
            if diag.source != "citecheck" or data.get("version") != checked.version:
                continue  # another tool's, or found in a version the buffer has left
            for action in (quick_fix(checked, diag), suppress(checked, diag)):
                if action is not None:
                    out.append(action)
    if asked(FIX_ALL) and any(f.fix == "safe" for f in checked.report.findings):
        action = fix_all(checked)
        if action is not None:
            out.append(action)
    return out
