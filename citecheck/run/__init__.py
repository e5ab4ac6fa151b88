"""Running checks over many files: the files to check, process pools and Dask.

Takes paths and settings; gives one report per file, in order, from :mod:`citecheck.api`.
Never looks inside a report's findings.
"""
