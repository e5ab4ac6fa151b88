"""The app's commands, each built by typer only when it is asked for.

Typer turns every registered command into a click command (reading its signature and the
annotations of each option) before it parses the command line: ten commands and about a
hundred options on every start, for the one command that runs. Here the group is built
without its commands, and its table of commands (``TyperGroup.commands``, a mapping) builds
a command the first time a name is looked up: ``citecheck check`` builds ``check``;
``citecheck --help`` lists them all, in the order they were registered, and so builds all;
a misspelt name is told apart from the registered names without building any.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer
    from typer.core import TyperGroup
    from typer.models import CommandInfo


class Commands(MutableMapping[str, Any]):
    """Command name → click command, built from typer's ``CommandInfo`` on first lookup.

    A command added later (``add_command``) is kept as given. Iteration is in order of
    registration and builds nothing; an unknown name raises ``KeyError`` (``get`` gives
    None), as a dict does.
    """

    def __init__(self, infos: dict[str, CommandInfo], app: typer.Typer) -> None:
        self._infos: dict[str, CommandInfo | None] = dict(infos)
        self._built: dict[str, Any] = {}
        self._app = app

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            info = self._infos[name]  # KeyError for a name never registered
            from typer.main import get_command_from_info

            assert info is not None
            self._built[name] = get_command_from_info(
                info,
                pretty_exceptions_short=self._app.pretty_exceptions_short,
                rich_markup_mode=self._app.rich_markup_mode,
            )
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._infos.setdefault(name, None)
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._infos[name]
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._infos)

    def __len__(self) -> int:
        return len(self._infos)


def group(app: typer.Typer) -> TyperGroup:
    """The click group of ``app`` (its callback, options and settings, as
    ``typer.main.get_group`` builds them) whose commands are :class:`Commands`.

    Raises what typer raises for a malformed app (a command without a callback)."""
    from typer.main import get_command_name, get_group

    infos = {}
    for info in app.registered_commands:
        assert info.callback is not None, "a command must have a callback"
        infos[info.name or get_command_name(info.callback.__name__)] = info
    registered, app.registered_commands = app.registered_commands, []
    try:
        built = get_group(app)
    finally:
        app.registered_commands = registered
    built.commands = Commands(infos, app)
    return built
