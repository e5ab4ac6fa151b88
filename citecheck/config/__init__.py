"""Configuration: settings, where they come from, globs, suppressions and baselines.

Takes ``pyproject.toml``, ``citecheck.toml`` and command-line values; gives validated,
frozen :class:`~citecheck.config.settings.Settings`. Never reads an article's prose.
"""
