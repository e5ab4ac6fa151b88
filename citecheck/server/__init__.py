"""``citecheck server``: a Language Server Protocol server over standard input/output.

Needs the ``server`` extra (pygls and lsprotocol); :func:`serve` raises
:class:`ModuleNotFoundError` without it. See the README's "In your editor".
"""

from __future__ import annotations


def serve() -> None:
    """Serve one client over stdin/stdout until it sends ``exit`` (or closes the pipe).

    Raises :class:`ModuleNotFoundError` when pygls or lsprotocol is not installed.
    """
    from citecheck.server.app import server

    server.start_io()
