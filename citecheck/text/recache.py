"""A cache of compiled regular expressions across runs, kept next to the bytecode.

CPython compiles a pattern in Python (``re._parser`` and ``re._compiler``); only the last
step, ``_sre.compile``, is C. citecheck compiles a few hundred patterns at import, which
costs more start-up time than anything else it does. The bytecode of a module is cached
in ``__pycache__``; this caches the compiled form of its patterns the same way: the
arguments of ``_sre.compile`` for each (pattern, flags), written after a run that compiled
new ones and read at the next start. The patterns built from them are the very objects
``re.compile`` would build, so matching is unchanged.

A module's own patterns are written with :func:`lazy`: compiled on their first use, not at
import, so a run compiles (or takes from the cache) only the patterns its documents need;
the author-year patterns, say, wait for a document whose entries carry a year. Only the
command line installs the cache (:func:`install`), for the life of its process; the API
leaves the ``re`` module alone. It is keyed by the interpreter's version and ``_sre``'s
magic number, and it stands aside on any interpreter whose ``re`` internals differ from the
ones it knows (CPython 3.11 to 3.13), on a file it cannot read, and it writes nothing when
bytecode is not written (``-B``, ``PYTHONDONTWRITEBYTECODE``).
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
from pathlib import Path
from types import FrameType
from typing import Any, cast

# Only a module's own patterns are kept (compiled while it is imported, or on the first use
# of a lazy one): those built from a checked document's own text (reference keys, say)
# would grow the file with every run. A file
# past this many entries is written anew with only the patterns of the run that wrote it.
LIMIT = 2048
_DEPTH = 40

_Key = tuple[str | bytes, int]
_Args = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def cache_file() -> Path:
    """Where the cache lives: under ``sys.pycache_prefix`` if set, else in ``__pycache__``."""
    tag = f"re.{sys.implementation.cache_tag}.marshal"
    here = Path(__file__).resolve().parent
    if sys.pycache_prefix:
        return Path(sys.pycache_prefix + str(here)) / tag
    return here / "__pycache__" / tag


def _stamp() -> tuple[str, int]:
    import _sre  # type: ignore[import-not-found]

    return sys.version, int(_sre.MAGIC)


class _Cache:
    def __init__(self, path: Path, known: dict[_Key, _Args]) -> None:
        self.path = path
        self.known = known
        self.used: set[_Key] = set()
        self.new = 0

    def save(self) -> None:
        """Write the cache if this run compiled new patterns (atomically; errors ignored)."""
        if not self.new or sys.dont_write_bytecode:
            return
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            known = self.known
            if len(known) > LIMIT:
                known = {k: v for k, v in known.items() if k in self.used}
            tmp.write_bytes(marshal.dumps((_stamp(), known)))
            os.replace(tmp, self.path)
        except (OSError, ValueError):
            tmp.unlink(missing_ok=True)


def _load(path: Path) -> dict[_Key, _Args]:
    try:
        stamp, known = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return known if stamp == _stamp() and isinstance(known, dict) else {}


# What a compiled pattern offers, bound once a lazy pattern is compiled.
_BOUND = (
    *("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"),
    *("scanner", "flags", "groups", "groupindex"),
)


class _Lazy:
    """A module's pattern, compiled on its first use (see :func:`lazy`)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def _compile(self) -> re.Pattern[str]:
        compiled: re.Pattern[str] = re.compile(self.pattern, self._flags)
        # The instance's own attributes now shadow the methods below: a call costs what a
        # call on the compiled pattern costs.
        for name in _BOUND:
            setattr(self, name, getattr(compiled, name))
        self._compiled = compiled
        return compiled

    def __getattr__(self, name: str) -> Any:  # flags, groups, groupindex, scanner
        if name.startswith("__") or name in ("_flags", "_compiled"):
            raise AttributeError(name)
        return getattr(self._compile(), name)

    def search(self, *args: Any, **kwargs: Any) -> Any:
        return self._compile().search(*args, **kwargs)

    def match(self, *args: Any, **kwargs: Any) -> Any:
        return self._compile().match(*args, **kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> Any:
        return self._compile().fullmatch(*args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        return self._compile().finditer(*args, **kwargs)

    def findall(self, *args: Any, **kwargs: Any) -> Any:
        return self._compile().findall(*args, **kwargs)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        return self._compile().sub(*args, **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> Any:
        return self._compile().subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        return self._compile().split(*args, **kwargs)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self._flags!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A module's pattern (a ``str`` pattern and ``re`` flags), compiled on its first use.

    Stands in for ``re.compile`` in a module's constants: ``.pattern`` is the source at
    once; the first match, search, substitution (or a look at ``flags``, ``groups``,
    ``groupindex``) compiles it, and from then on each method is the compiled pattern's
    own. Unlike a compiled pattern it is not an ``re.Pattern`` (``isinstance`` and
    ``re.compile(it)`` tell), so it is for constants used through their methods. Compiled
    on first use, it is kept in the cross-run cache as a pattern compiled at import is.
    """
    return cast("re.Pattern[str]", _Lazy(pattern, int(flags)))


_STATIC = (_Lazy._compile.__code__,)


def _importing(frame: FrameType | None) -> bool:
    """Whether a frame is (called from) the body of a module being imported, or the first
    use of a lazy pattern."""
    for _ in range(_DEPTH):
        if frame is None:
            return False
        if frame.f_code.co_filename.startswith("<frozen importlib") or frame.f_code in _STATIC:
            return True
        frame = frame.f_back
    return False


def install() -> bool:
    """Serve ``re`` compilations from the cache for the rest of the process.

    Returns False (and changes nothing) where the interpreter is not one it knows.
    """
    from re import _compiler, _parser  # type: ignore[attr-defined]

    if sys.implementation.name != "cpython" or not (3, 11) <= sys.version_info[:2] <= (3, 13):
        return False
    if getattr(_compiler.compile, "_citecheck", False):
        return True
    import _sre

    original = _compiler.compile
    debug = _compiler.SRE_FLAG_DEBUG
    cache = _Cache(cache_file(), {})
    cache.known = _load(cache.path)

    def compile(p: Any, flags: int = 0) -> Any:
        if not isinstance(p, str | bytes) or flags & debug:
            return original(p, flags)
        key = (p, flags)
        args = cache.known.get(key)
        if args is None:
            parsed = _parser.parse(p, flags)
            # Opcodes are int subclasses, which marshal does not write.
            code = [int(op) for op in _compiler._code(parsed, flags)]
            groupindex = dict(parsed.state.groupdict)
            indexgroup: list[str | None] = [None] * parsed.state.groups
            for name, i in groupindex.items():
                indexgroup[i] = name
            args = (
                int(flags | parsed.state.flags),
                code,
                parsed.state.groups - 1,
                groupindex,
                tuple(indexgroup),
            )
            if _importing(sys._getframe(1)):
                cache.known[key] = args
                cache.new += 1
        cache.used.add(key)
        return _sre.compile(p, *args)

    compile._citecheck = True  # type: ignore[attr-defined]
    _compiler.compile = compile
    atexit.register(cache.save)
    return True
