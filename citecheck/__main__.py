"""``python -m citecheck``."""

from citecheck.cli.app import main

main()
