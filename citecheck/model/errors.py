"""Errors a user can cause; caught once in the CLI and printed as one line."""

from __future__ import annotations


class CitecheckError(Exception):
    """Base class of the errors citecheck reports as exit code 2."""


class InputError(CitecheckError):
    """A file that cannot be read, decoded or is not text."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ConfigError(CitecheckError):
    """A configuration file or option that cannot be used."""
