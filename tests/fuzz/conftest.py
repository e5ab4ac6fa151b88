"""The fuzz harness needs atheris, which is not a project dependency: never collect it."""

collect_ignore_glob = ["fuzz_*.py"]
