"""URL keys: a plain address is canonicalised without w3lib exactly as w3lib does it."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from w3lib.url import canonicalize_url

from citecheck.text.urls import plain_canonical, url_key

_ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_LABEL = st.text(_ALNUM + "-", min_size=1, max_size=12)
_TLD = st.builds(str.__add__, st.sampled_from("aZx"), st.text(_ALNUM, max_size=4))
_HOST = st.builds(lambda labels, tld: ".".join([*labels, tld]), st.lists(_LABEL, max_size=3), _TLD)
_SEGMENT = st.text(_ALNUM + "._~!$&'()*+,=:@-", max_size=10)
_PATH = st.lists(_SEGMENT, max_size=4).map(lambda s: "".join("/" + x for x in s))
_NAME = st.text(_ALNUM + "._~-", min_size=1, max_size=6)
_FIELD = st.builds(
    lambda name, value: name if value is None else f"{name}={value}",
    _NAME,
    st.none() | st.text(_ALNUM + "._~-", max_size=6),
)
_QUERY = st.lists(_FIELD, max_size=5).map(lambda f: "?" + "&".join(f) if f else "")
_FRAGMENT = st.none() | st.text(_ALNUM + "._~!$&'()*+,;=:@/?-", max_size=8)
_PLAIN_URL = st.builds(
    lambda scheme, host, path, query, fragment: (
        f"{scheme}://{host}{path}{query}" + ("" if fragment is None else "#" + fragment)
    ),
    st.sampled_from(["http", "https"]),
    _HOST,
    _PATH,
    _QUERY,
    _FRAGMENT,
)
# Near misses: what w3lib changes and plain_canonical must leave to it.
_ODD = st.text("aZ0/.?&=#%+;:@[]-_~ \t\\", max_size=12)


@settings(max_examples=400)
@given(_PLAIN_URL)
@example("http://Example.ORG")
@example("https://a.org/x?b=2&a&b=1#/route")
@example("https://en.wikipedia.org/wiki/Harbour_seal_(disambiguation)")
def test_a_plain_address_is_canonicalised_as_w3lib_does(url: str) -> None:
    got = plain_canonical(url)
    if "/." in re.split(r"[?#]", url, maxsplit=1)[0]:  # a dot segment: w3lib's to resolve
        assert got is None
    else:
        assert got == canonicalize_url(url, keep_fragments=True)


@settings(max_examples=400)
@given(st.builds(str.__add__, _PLAIN_URL, _ODD) | st.builds(str.__add__, _ODD, _PLAIN_URL))
@example("http://a.org/x?=b")
@example("http://a.org/x?a=b=c")
@example("http://a.org/x?a+b=1")
@example("http://a.org/r%C3%A9sum%c3%a9")
@example("http://a.org/a/../b")
@example("http://0x7f.1/")
@example("http://a.org:80/")
@example("http://user@a.org/")
@example("http://a.org./x")
@example("http://a.org/x;p?q")
@example("HTTP://a.org/")
def test_any_other_address_is_left_to_w3lib_or_canonicalised_alike(url: str) -> None:
    got = plain_canonical(url)
    if got is not None:
        assert got == canonicalize_url(url, keep_fragments=True)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("https://www.Example.org/a/?utm_source=x&b=2&a=1#top", "http://example.org/a?a=1&b=2"),
        ("https://example.org/r%C3%A9sum%C3%A9", "https://example.org/r%c3%a9sum%c3%a9"),
        ("https://example.org/b?q", "HTTPS://EXAMPLE.ORG/b?q="),
    ],
)
def test_spellings_of_one_address_share_a_key(one: str, other: str) -> None:
    assert url_key(one) == url_key(other) is not None


def test_a_doi_s_resolver_addresses_are_one_address():
    from citecheck.text.urls import url_key

    one = url_key("https://doi.org/10.2139/ssrn.327880")
    assert one == url_key("https://dx.doi.org/10.2139/SSRN.327880")
    assert one == url_key("http://doi.org/10.2139/ssrn.327880")
    assert one != url_key("https://doi.org/10.2139/ssrn.327881")
    assert url_key("https://example.org/doi.org/10.1/x") != url_key("https://doi.org/10.1/x")
