"""The options only ``verify`` takes, declared once: where the sources are read from, the
cache, the network's limits and hosts, the scholarly indexes, and the pages a search found
(see :mod:`citecheck.cli.options` for those every checking command takes)."""

from __future__ import annotations

from typing import Annotated

import typer

SourcesDir = Annotated[
    str | None,
    typer.Option(metavar="DIR", help="Folder of source snapshots (default: <article>.sources/)."),
]
CacheDir = Annotated[str, typer.Option(metavar="DIR", help="Cache of fetched sources.")]
FetchDeadline = Annotated[
    float | None,
    typer.Option(
        metavar="SECONDS",
        min=0.001,
        help="Longest one source may take: robots.txt, redirects, retries, connecting, "
        "headers and body (default 60).",
    ),
]
MaxAge = Annotated[
    float,
    typer.Option(metavar="DAYS", min=0, help="Fetch again what is cached for longer."),
]
RunDeadline = Annotated[
    float | None,
    typer.Option(
        metavar="SECONDS",
        min=0.001,
        help="Longest all fetching may take; what is not fetched by then is "
        "source-unavailable (default: no limit).",
    ),
]
Offline = Annotated[
    bool, typer.Option(help="Read snapshots and the cache only; never open a socket.")
]
Mailto = Annotated[
    str | None,
    typer.Option(
        metavar="EMAIL",
        help="With --lookup: an address sent to Crossref and OpenAlex (their polite pool).",
    ),
]
AllowPrivate = Annotated[
    list[str] | None,
    typer.Option(
        "--allow-private",
        metavar="[HOSTS]",
        help="Also fetch from these loopback or private hosts, addresses or networks "
        "(127.0.0.1, 10.0.0.0/8, intranet.example; comma-separated, repeatable); alone, "
        "from any of them. Link-local and cloud metadata addresses only when named.",
    ),
]
SearchUrl = Annotated[
    str | None,
    typer.Option(
        metavar="URL",
        help="With --lookup: a SearXNG /search endpoint (format=json enabled) through "
        "which references with no URL are found on their outlet's site.",
    ),
]
LookupOpt = Annotated[
    bool | None,
    typer.Option(
        "--lookup/--no-lookup",
        help="Look every reference up in Crossref, doi.org, arXiv and OpenAlex: does the "
        "work exist, and does the entry describe it (reference-not-found, "
        "reference-mismatch)? With --offline, only answers already cached.",
    ),
]
WriteSources = Annotated[
    str | None,
    typer.Option(
        metavar="FILE",
        help="Add the pages a search found to this sources.toml (key = URL), for later "
        "--offline runs with --sources its folder.",
    ),
]
VerifyJobs = Annotated[
    int | None,
    typer.Option("--jobs", "-j", metavar="N", min=1, help="Worker processes (default: 1)."),
]
