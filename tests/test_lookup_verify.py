"""``citecheck verify --lookup`` end to end: an article whose references are looked up in
recorded index answers replayed on 127.0.0.1; the findings, the JSON ``works`` and the
schema, ``--offline`` and the default (no lookup, no request)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from pageserver import serving
from recordings import Replay, arxiv, cassette
from typer.testing import CliRunner

from citecheck.cli.app import app
from citecheck.cli.formats.json import schema

RUNNER = CliRunner()
PONE = "10.1371/journal.pone.0033693"
ARTICLE = f"""\
Methylphenidate changes how children attend in class. [1]
Heat-bath walks on lattice fibres mix quickly. [2]
Lattice walks with Markov moves mix rapidly on fibres. [3]
Cnidarian frequencies were charted across the reef. [4]

## References

1. Example, A. (2012). A title nobody wrote about methylphenidate in classrooms. https://doi.org/{PONE}
2. Stanley, C., & Windisch, T. (2016). Heat-bath random walks with Markov bases. arXiv:1605.08386.
3. Windisch, T. (2016). Cold-bath random runs without Markov bases. arXiv:0000.0000.
4. Smith, J. (2011). A frequency chart of cnidarians. https://doi.org/10.1126/foo
"""


@pytest.fixture
def replay():
    with serving(("127.0.0.1",)) as site:
        r = Replay(site)
        r.add(f"/crossref/works/{PONE}", cassette("test_works_with_one_id")[0])
        r.add("/arxiv/api/query", arxiv("id_1605.08386_s0_m100_199195aa31ad"), id_list="1605.08386")
        r.add("/arxiv/api/query", arxiv("id_0000.0000_s0_m100_8b51d9633a68"), id_list="0000.0000")
        r.add("/doi/10.1126/foo", cassette(
            "test_content_negotiation_raises_an_http_error_with_bad_requests")[0])  # fmt: skip
        yield r


def _run(tmp_path: Path, replay: Replay, *args: str) -> tuple[int, dict]:
    article = tmp_path / "article.md"
    article.write_text(ARTICLE, encoding="utf-8")
    urls = "".join(f'{k} = "{v}"\n' for k, v in replay.urls().items())
    config = tmp_path / "citecheck.toml"
    config.write_text(f'mailto = "editor@example.org"\n[index-urls]\n{urls}', encoding="utf-8")
    result = RUNNER.invoke(
        app,
        ["verify", str(article), "--config", str(config), "--allow-private",
         "--cache-dir", str(tmp_path / "cache"), "--format", "json",
         "--select", "reference-not-found,reference-mismatch", *args],
    )  # fmt: skip
    return result.exit_code, json.loads(result.stdout)


def test_lookup_reports_made_up_and_misdescribed_references(tmp_path, replay):
    code, data = _run(tmp_path, replay, "--lookup")
    (file,) = data["files"]
    found = sorted((f["line"], f["code"], f["message"]) for f in file["findings"])
    assert [(line, code) for line, code, _ in found] == [
        (8, "CC208"),
        (10, "CC207"),
        (11, "CC207"),
    ]
    assert "Crossref records DOI 10.1371/journal.pone.0033693 as" in found[0][2]
    assert "(Sadasivan, 2012): the title differs (" in found[0][2]
    assert "; the first author is Sadasivan, not Example" in found[0][2]
    assert "arXiv has no work with id 0000.0000" in found[1][2]
    assert "no index knows DOI 10.1126/foo (asked Crossref and doi.org)" in found[2][2]
    works = {w["key"]: w for w in file["works"]}
    assert works["2"]["verdict"] == "found" and works["2"]["identifier"] == "1605.08386"
    assert works["2"]["title"] == "Heat-bath random walks with Markov bases"
    assert works["2"]["url"] == "https://arxiv.org/abs/1605.08386" and works["2"]["year"] == 2016
    assert works["1"]["verdict"] == "mismatch" and works["1"]["index"] == "crossref"
    assert code == 1
    jsonschema.validate(data, json.loads(schema()))


def test_offline_lookup_reads_only_the_cache(tmp_path, replay):
    _run(tmp_path, replay, "--lookup")
    asked = len(replay.site.log)
    _, data = _run(tmp_path, replay, "--lookup", "--offline")
    assert len(replay.site.log) == asked
    assert len(data["files"][0]["findings"]) == 3


def test_without_lookup_no_index_is_asked(tmp_path, replay):
    code, data = _run(tmp_path, replay)
    assert data["files"][0].get("works") is None and replay.site.log == []
    assert code == 0


def test_ignored_like_any_rule(tmp_path, replay):
    _, data = _run(tmp_path, replay, "--lookup", "--ignore", "reference-not-found")
    codes = {f["code"] for f in data["files"][0]["findings"]}
    assert codes == {"CC208"}
