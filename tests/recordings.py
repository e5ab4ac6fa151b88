"""Recorded answers of the scholarly indexes, replayed on 127.0.0.1.

The recordings (``tests/data/recordings``, origin in its README) are VCR.py cassettes of
habanero's tests (Crossref, content negotiation), arxiv.py's fixtures (the arXiv API), R
vcr cassettes of openalexPro's tests (the OpenAlex API, ``openalexPro/``) and SearXNG JSON
answers (``searxng/``).
:class:`Replay` mounts them on a :class:`pageserver.Site` under ``/crossref``,
``/openalex``, ``/arxiv`` and ``/doi``, answering each request with the first answer
whose path and query parameters it matches, else with Crossref's recorded 404.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from pageserver import Request, Site

RECORDINGS = Path(__file__).parent / "data" / "recordings"
_DROP = {"transfer-encoding", "content-length", "connection"}


@dataclass
class Answer:
    """One recorded answer: the URI asked, the status, headers and body as served."""

    uri: str
    status: int
    headers: dict[str, str]
    body: bytes


def cassette(name: str) -> list[Answer]:
    """The answers of one habanero cassette (``habanero/<name>.yaml``), in order."""
    import yaml

    data = yaml.safe_load((RECORDINGS / "habanero" / f"{name}.yaml").read_text("utf-8"))
    out = []
    for interaction in data["interactions"]:
        response = interaction["response"]
        body = response["body"]["string"]
        headers = {k: v[0] for k, v in response["headers"].items() if k.lower() not in _DROP and v}
        data_bytes = body if isinstance(body, bytes) else body.encode("utf-8")
        out.append(
            Answer(interaction["request"]["uri"], response["status"]["code"], headers, data_bytes)
        )
    return out


def openalex(name: str) -> list[Answer]:
    """The answers of one openalexPro cassette (``openalexPro/<name>.yml``, or ``.yml.gz``
    for the two large ones, gzipped here byte for byte), in order. R's vcr keeps bodies
    decoded, so the recorded ``content-encoding: gzip`` is not sent with them."""
    import yaml

    folder = RECORDINGS / "openalexPro"
    plain = folder / f"{name}.yml"
    raw = (
        plain.read_bytes()
        if plain.exists()
        else gzip.decompress(plain.with_suffix(".yml.gz").read_bytes())
    )
    out = []
    for interaction in yaml.safe_load(raw.decode("utf-8"))["http_interactions"]:
        response = interaction["response"]
        drop = _DROP | {"content-encoding"}
        headers = {k: str(v) for k, v in response["headers"].items() if k.lower() not in drop}
        body = response["body"]["string"].encode("utf-8")
        out.append(Answer(interaction["request"]["uri"], response["status"], headers, body))
    return out


def arxiv(name: str) -> Answer:
    """One arxiv.py fixture (``arxiv.py/<name>.json``): the Atom feed as arXiv sent it."""
    data = json.loads((RECORDINGS / "arxiv.py" / f"{name}.json").read_text("utf-8"))
    headers = {"Content-Type": "application/atom+xml; charset=UTF-8"}
    return Answer(data["url"], data["status_code"], headers, data["body"].encode("utf-8"))


def searxng(name: str, status: int | None = None, **headers: str) -> Answer:
    """One recorded SearXNG answer (``searxng/<name>``: a JSON body, or the limiter's
    plain-text 429 for a ``.txt``), served with ``status`` (default: 200, or 429 for the
    limiter's text, 400 for ``no-query``) and extra ``headers`` (``Retry_After="1"``)."""
    path = RECORDINGS / "searxng" / name
    text = path.suffix == ".txt"
    kind = "text/plain; charset=utf-8" if text else "application/json"
    default = 429 if text else 400 if name.startswith("no-query") else 200
    sent = {"Content-Type": kind, **{k.replace("_", "-"): v for k, v in headers.items()}}
    return Answer(name, status or default, sent, path.read_bytes())


@dataclass
class _Route:
    params: dict[str, str]
    answers: list[Answer]
    repeat: bool = True
    hits: int = 0


@dataclass
class Replay:
    """Recorded answers served on ``site`` (see the module)."""

    site: Site
    routes: dict[str, list[_Route]] = field(default_factory=dict)

    def base(self, index: str) -> str:
        """The base URL to configure for ``index`` (crossref, openalex, arxiv, doi)."""
        return self.site.url("/arxiv/api/query" if index == "arxiv" else f"/{index}")

    def urls(self) -> dict[str, str]:
        """The ``index-urls`` setting pointing every index here."""
        return {name: self.base(name) for name in ("crossref", "openalex", "arxiv", "doi")}

    def add(self, path: str, *answers: Answer, repeat: bool = True, **params: str) -> None:
        """Answer GET ``path`` whose query has ``params`` with ``answers`` in turn (the
        last again and again when ``repeat``)."""
        self.routes.setdefault(path, []).append(_Route(params, list(answers), repeat))
        self.site.routes[path] = self._serve

    def hits(self, path: str) -> int:
        """How many requests ``path`` answered."""
        return sum(r.hits for r in self.routes.get(path, []))

    def _serve(self, request: Request) -> None:
        parts = urlsplit(request.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        for route in self.routes.get(parts.path, []):
            if any(query.get(k) != v for k, v in route.params.items()) or not route.answers:
                continue
            route.hits += 1
            answer = route.answers[0]
            if len(route.answers) > 1 or not route.repeat:
                route.answers.pop(0)
            request.answer(answer.status, answer.body, answer.headers)
            return
        missing = cassette("test_works_bad_id_warn")[0]
        request.answer(missing.status, missing.body, missing.headers)
