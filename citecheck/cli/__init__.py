"""Command line: arguments in, a report written and an exit code out.

Takes the words a user typed; gives settings to :mod:`citecheck.api`, the report to a
format, and 0, 1 or 2 to the shell. Never decides a finding, a count or a severity.
"""

from citecheck.cli.app import app, main

__all__ = ["app", "main"]
