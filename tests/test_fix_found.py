"""``fix --unsafe`` writes the page a search found into a title-only entry: the addresses
come from ``verify --lookup --write-sources`` (SearXNG replayed on 127.0.0.1, as in
test_search.py), the file is rewritten atomically, byte for byte as expected, and a fix
never makes a sentence cite another entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from recordings import Replay
from test_search import ARTICLE, RUNNER, _serve, _verify, site  # noqa: F401

from citecheck.api import fix_text
from citecheck.cli.app import app
from citecheck.fixer import fix
from citecheck.fixer.meaning import meaning

GUARDIAN = "/guardian/airline"
REUTERS = "/reuters/storm"


def _found_then_fix(tmp_path: Path, site, *fix_args: str):  # noqa: F811
    replay = Replay(site)
    _serve(site, replay)
    folder = tmp_path / "article.sources"
    folder.mkdir()
    manifest = folder / "sources.toml"
    first = _verify(tmp_path, site, "--lookup", "--write-sources", str(manifest))
    assert first.exit_code in (0, 1), first.stderr
    searched = replay.hits("/search")
    article = tmp_path / "article.md"
    done = RUNNER.invoke(app, ["fix", str(article), *fix_args])
    assert replay.hits("/search") == searched  # fix never searches
    return article, done


def test_unsafe_fix_writes_the_found_pages_into_their_entries(tmp_path, site):  # noqa: F811
    article, done = _found_then_fix(tmp_path, site, "--unsafe")
    assert done.exit_code == 0, done.stderr
    expected = ARTICLE.replace(
        "1. The Guardian: Airline fined over months of delays",
        f"1. The Guardian: Airline fined over months of delays {site.url(GUARDIAN)}",
    ).replace(
        "2. Reuters: Storm shuts three Gulf ports",
        f"2. Reuters: Storm shuts three Gulf ports {site.url(REUTERS)}",
    )
    assert article.read_bytes() == expected.encode("utf-8")
    assert not list(tmp_path.glob("article.md.*"))  # the atomic write left no temporary
    again = RUNNER.invoke(app, ["fix", str(article), "--unsafe"])
    assert again.exit_code == 0 and article.read_bytes() == expected.encode("utf-8")


def test_safe_fix_leaves_title_only_entries_alone(tmp_path, site):  # noqa: F811
    article, done = _found_then_fix(tmp_path, site)
    assert done.exit_code == 0, done.stderr
    assert article.read_bytes() == ARTICLE.encode("utf-8")


MARKDOWN = """\
Regulators fined the airline for months of delays [1]. Rates rose [2].

## References

1. The Guardian: Airline fined over months of delays
2. Reuters: [Rates rise again](https://www.reuters.com/rates)
"""


def test_the_address_takes_the_form_the_list_writes_others():
    found = {"1": "https://www.theguardian.com/airline", "2": "https://www.reuters.com/other"}
    result = fix(MARKDOWN, analyse=_analyse(), unsafe=True, found=found)
    assert result.text == MARKDOWN.replace(
        "delays\n2.",
        "delays [https://www.theguardian.com/airline](https://www.theguardian.com/airline)\n2.",
    )  # entry 2 lists an address already: never changed
    assert result.fixed["CC209"] == 1


def test_an_entry_with_a_doi_is_never_changed():
    text = "Water boils at 100 C [1].\n\n## References\n\n1. Smith J. Boiling. doi:10.1000/xyz\n"
    result = fix(text, analyse=_analyse(), unsafe=True, found={"1": "https://example.org/a"})
    assert result.text == text and not result.changed


def test_without_unsafe_nothing_is_added():
    result = fix_text(MARKDOWN, unsafe=False, found={"1": "https://www.theguardian.com/a"})
    assert result.text == MARKDOWN


def _cited_entries(text: str) -> tuple[frozenset[int], ...]:
    """Per sentence, the positions in the list of the entries its markers resolve to."""
    from citecheck.api import analyse

    doc, res = analyse(text)
    place = {id(r): n for n, r in enumerate(doc.references)}
    by_link = {(id(k.marker), k.key): k.reference for k in res.links}
    return tuple(
        frozenset(
            place[id(ref)]
            for m in s.markers
            for k in m.keys
            if (ref := by_link.get((id(m), k))) is not None
        )
        for s in doc.sentences
    )


@pytest.mark.parametrize(
    "found",
    [
        {"1": "https://www.theguardian.com/airline"},
        {"1": "https://www.theguardian.com/airline", "2": "https://www.reuters.com/x"},
        {"2": "https://www.reuters.com/x", "9": "https://example.org/none"},
    ],
)
def test_a_fix_never_changes_which_entry_a_sentence_cites(found):
    result = fix(MARKDOWN, analyse=_analyse(), unsafe=True, found=found)
    assert result.changed == ("1" in found)
    assert _cited_entries(result.text) == _cited_entries(MARKDOWN)
    assert meaning_of(result.text).sources.total() == meaning_of(MARKDOWN).sources.total()


def test_an_address_another_entry_lists_is_not_written():
    """Entry 2 lists the page: written into entry 1 too, the two would be one source."""
    same = "https://www.reuters.com/rates"
    result = fix(MARKDOWN, analyse=_analyse(), unsafe=True, found={"1": same})
    assert result.text == MARKDOWN and not result.changed


def meaning_of(text: str):
    from citecheck.api import analyse
    from citecheck.config.settings import Settings
    from citecheck.fixer import _context

    return meaning(_context(analyse, text, None, None, Settings())[0])


@pytest.mark.parametrize("url", ["", "ftp://example.org/a", "not a url"])
def test_only_web_addresses_are_written(url):
    result = fix(MARKDOWN, analyse=_analyse(), unsafe=True, found={"1": url})
    assert result.text == MARKDOWN


def _analyse():
    from citecheck.api import analyse

    return analyse


def test_verify_reports_each_found_page_as_an_unsafe_fix(tmp_path, site):  # noqa: F811
    import json

    replay = Replay(site)
    _serve(site, replay)
    done = _verify(tmp_path, site, "--lookup")
    assert done.exit_code in (0, 1), done.stderr
    findings = json.loads(done.stdout)["files"][0]["findings"]
    found = [(f["line"], f["message"], f["fix"]) for f in findings if f["code"] == "CC209"]
    assert found == [
        (6, f"[1] found: {site.url(GUARDIAN)} (search)", "unsafe"),
        (7, f"[2] found: {site.url(REUTERS)} (search)", "unsafe"),
    ]
    ignored = json.loads(_verify(tmp_path, site, "--lookup", "--ignore", "CC209").stdout)
    assert not [f for f in ignored["files"][0]["findings"] if f["code"] == "CC209"]


def test_an_ignored_or_suppressed_source_found_is_not_written(tmp_path, site):  # noqa: F811
    article, done = _found_then_fix(tmp_path, site, "--unsafe", "--ignore", "source-found")
    assert done.exit_code == 0, done.stderr
    assert article.read_bytes() == ARTICLE.encode("utf-8")
    suppressed = ARTICLE.replace(
        "1. The Guardian:",
        "<!-- citecheck: ignore source-found -- the page is paywalled -->\n1. The Guardian:",
    )
    article.write_text(suppressed, encoding="utf-8")
    again = RUNNER.invoke(app, ["fix", str(article), "--unsafe"])
    assert again.exit_code == 0, again.stderr
    assert article.read_text("utf-8") == suppressed.replace(
        "2. Reuters: Storm shuts three Gulf ports",
        f"2. Reuters: Storm shuts three Gulf ports {site.url(REUTERS)}",
    )


def test_a_safe_fix_says_how_many_an_unsafe_fix_would_write(tmp_path, site):  # noqa: F811
    _, done = _found_then_fix(tmp_path, site)
    assert "; 2 more fixable with --unsafe" in done.stdout, done.stdout


def test_an_address_written_into_another_entry_is_refused(monkeypatch):
    """The check of meaning accepts the found address in its own entry only: an addition
    that lands in the next entry changes which source a sentence cites, and is dropped."""
    from citecheck.fixer import found as found_module

    real = found_module.addition

    def misplaced(text, ref, url, refs, code=found_module.CODE):
        edit = real(text, ref, url, refs, code)
        other = refs[1]
        end = other.start + len(text[other.start : other.end].rstrip())
        return None if edit is None else type(edit)(end, "", edit.new, edit.rule)

    text = MARKDOWN.replace("[Rates rise again](https://www.reuters.com/rates)", "Rates rise")
    found = {"1": "https://www.theguardian.com/airline"}
    assert fix(text, analyse=_analyse(), unsafe=True, found=found).changed
    monkeypatch.setattr(found_module, "addition", misplaced)
    result = fix(text, analyse=_analyse(), unsafe=True, found=found)
    assert result.text == text and not result.changed
