"""Fix many files: each one read, fixed, then written or shown as a diff; errors collected.

An input problem (unreadable, read-only, changed while being fixed) costs only its own
file: the others are still fixed, and the caller reports the problems and exits 2.
"""

from __future__ import annotations

import difflib
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from citecheck.api import fix_text
from citecheck.config.settings import Settings
from citecheck.model.errors import InputError
from citecheck.report import InputProblem
from citecheck.run.files import display_path, expand
from citecheck.run.originals import Original, read, write


@dataclass(slots=True)
class FileFix:
    """What fixing one file did (or, with ``diff``, would do)."""

    path: str
    fixed: Counter[str]
    diff: str = ""
    text: str | None = None
    """The fixed text of standard input, to print."""
    unsafe: int = 0
    """Findings left that ``--unsafe`` would fix."""


@dataclass(slots=True)
class FixRun:
    """Every file's fix and every file that could not be fixed."""

    files: list[FileFix] = field(default_factory=list)
    errors: list[InputProblem] = field(default_factory=list)

    @property
    def changed(self) -> list[FileFix]:
        """The files the fix changed (or would change)."""
        return [f for f in self.files if f.fixed or f.diff]


def unified(path: str, old: str, new: str) -> str:
    """A unified diff of two texts, headed ``a/path`` and ``b/path`` as git writes them."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    return "".join(
        line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
        for line in lines
    )


def _stdin(settings: Settings, name: str | None) -> tuple[Original, str]:
    from citecheck.run.files import read_path

    text = read_path("-", settings.encoding)
    return Original("-", b"", text, b"", "utf-8"), name or "-"


def _found(path: str) -> dict[str, str] | None:
    """The addresses ``verify --lookup --write-sources`` saved for the article at ``path``
    (key → URL, from ``<stem>.sources/sources.toml``), or None. Raises :class:`InputError`
    for a manifest that cannot be read."""
    from citecheck.model.errors import ConfigError
    from citecheck.sources.snapshots import Snapshots, default_dir

    folder = default_dir(path)
    if folder is None:
        return None
    try:
        return Snapshots(folder, None).addresses or None
    except ConfigError as exc:
        raise InputError(display_path(path), str(exc)) from None


def fix_file(
    path: str, settings: Settings, *, unsafe: bool, diff: bool, name: str | None = None
) -> FileFix:
    """Fix one file (``-``: standard input) and write it back unless ``diff``. The pages
    a search found for its title-only entries (saved beside it by ``verify --lookup
    --write-sources``) are reported by source-found, and written in with ``unsafe``.

    Raises :class:`InputError` when the file cannot be read, decoded or written, or holds
    a whole HTML page (whatever its name: see :func:`citecheck.reader.sniff.is_html_page`).
    """
    if path == "-":
        original, shown = _stdin(settings, name)
    else:
        original, shown = read(path, settings.encoding), display_path(path)
    from citecheck.reader.sniff import is_html_page

    if is_html_page(original.text):
        raise InputError(shown, "holds an HTML page; fix rewrites plain text and Markdown only")
    found = _found(path)
    result = fix_text(
        original.text,
        path=name or path if path != "-" else name,
        settings=settings,
        unsafe=unsafe,
        found=found,
    )
    done = FileFix(shown, result.fixed, unsafe=result.unsafe_left)
    if diff and result.changed:
        done.diff = unified(shown, original.text, result.text)
    if path == "-":
        done.text = result.text
    elif result.changed and not diff:
        write(original, result.text)
    return done


def fix_paths(
    paths: Iterable[str],
    settings_for: Callable[[str], Settings],
    *,
    unsafe: bool = False,
    diff: bool = False,
    exclude: tuple[str, ...] = (),
    stdin_filename: str | None = None,
) -> FixRun:
    """Fix files and directories (walked as ``check`` walks them), one after another.

    HTML and Word files are never rewritten: their text is not the file's bytes; nor is
    reStructuredText, whose calls (``[#]_``) are read as the numbers they render as. Named
    on the command line, each is an input error; found in a walked folder, it is skipped.
    """
    from citecheck.reader import detect_format

    run = FixRun()
    paths = list(paths)
    for path in expand(paths, exclude):
        name = stdin_filename if path == "-" else None
        if detect_format(name or path) in ("html", "docx", "rst"):
            if path in paths:
                problem = (
                    "fix rewrites plain text and Markdown only; HTML, Word and"
                    " reStructuredText are left as they are"
                )
                run.errors.append(InputProblem(path=display_path(path), message=problem))
            continue
        try:
            run.files.append(
                fix_file(path, settings_for(name or path), unsafe=unsafe, diff=diff, name=name)
            )
        except InputError as exc:
            run.errors.append(InputProblem(path=exc.path, message=exc.problem))
        except KeyboardInterrupt:
            raise
        except Exception as exc:  # a defect must not cost the other files their fixes
            detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
            run.errors.append(
                InputProblem(
                    path=display_path(path), message=f"internal error ({detail}); not fixed"
                )
            )
    sys.stdout.flush()
    return run


def _names(fixed: Counter[str]) -> str:
    from citecheck.checker import find_rule

    parts = []
    for code, n in sorted(fixed.items()):
        rule = find_rule(code)
        parts.append(f"{rule.NAME if rule else code} {n}")
    return ", ".join(parts)


def _count(n: int) -> str:
    return f"{n} finding{'' if n == 1 else 's'}"


def report_lines(run: FixRun, *, diff: bool, unsafe: bool) -> list[str]:
    """What ``citecheck fix`` says: a line per changed file, then a summary line."""
    verb = "would fix" if diff else "fixed"
    lines = [
        f"{f.path}: {verb} {_count(f.fixed.total())} ({_names(f.fixed)})"
        for f in run.changed
        if f.fixed
    ]
    total = sum(f.fixed.total() for f in run.files)
    files = len(run.files)
    where = f"{len(run.changed)} of {files} file{'' if files == 1 else 's'}"
    summary = f"{verb.capitalize()} {_count(total)} in {where}" if total else "Nothing to fix"
    if not total:
        summary += f" in {files} file{'' if files == 1 else 's'}"
    left = sum(f.unsafe for f in run.files)
    if left and not unsafe:
        summary += f"; {left} more fixable with --unsafe"
    if run.errors:
        summary += f"; {len(run.errors)} file{'' if len(run.errors) == 1 else 's'} not fixed"
    return [*lines, summary + "."]
