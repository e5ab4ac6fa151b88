"""One work under two listings, and two works under one identifier.

duplicate-reference compares addresses (DOI, URL) and outlet titles; a paper listed once
in APA and again in IEEE style has neither in common: ``Darais, D., … & Van Horn, D.
(2017). Abstracting definitional interpreters.`` and ``D. Darais, … and D. Van Horn,
"Abstracting Definitional Interpreters," 2017``. Those are one work when the authors'
surnames, the year and the title (case, quotes and punctuation aside) agree. A preprint
and its published version (an arXiv id and a DOI) are one work when authors and title
agree, whatever their years.

The other way round, one DOI on two entries whose authors and titles differ is a slip in
one of them, not one source listed twice; and one document at two locators
(``…/policy.pdf#page=3`` and ``#page=5``, ``p. 4`` and ``p. 9``) is one source cited at
two places, which a fix must not merge. Two entries its writer set apart by the letter
after the year (``2019a``, ``2019b``) under two titles are two works
(:func:`lettered_apart`).
"""

from __future__ import annotations

import re

from citecheck.model import Reference
from citecheck.text.recache import lazy

_PUNCTUATION = lazy(r"[^\w\s]")
_NOT_NAMES = frozenset(
    ("and", "et", "al", "eds", "ed", "by", "with", "in", "the", "of", "und", "y", "editors")
)
_ARXIV_ID = lazy(r"\barxiv\s*[:/]\s*(\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?/\d{7})", re.I)
# The fragments that name a place in a document (PDF open parameters, text fragments);
# an ordinary anchor (``#comments``) names a part of the page the URL already is.
_PLACE = lazy(r"(?:^|&)(?:page=\d+|nameddest=[^&]+|:~:text=[^&]+)", re.I)
# A page named in an entry's text: "p. 4", "pp. 4–9", "pages 4", and as other languages
# abbreviate it: German "S. 6" (Seite), Spanish "pág. 6", Italian "pag. 6", Dutch
# "blz. 6", Russian "С. 6" and "стр. 6"; "S. 2001" after a name is an initial and a year.
_PAGES = lazy(
    r"\b(?:pp?\.?|pages?|(?:(?-i:S)|[Сс])\.(?!\s*(?:1[5-9]|20)\d\d\b)|seiten?|p[áa]gs?\.|blz\."
    r"|стр\.)\s*(\d+(?:\s*[-–]\s*\d+)?)",
    re.I,
)
_MAX_AUTHORS = 300  # characters of authors before a title; more is not a name list
_OTHER_TITLE = 60  # token-set ratio under which two titles are different works


_BACK_REFERENCE = lazy(r"^(?:ibid|ibidem|idem|id|op\.? ?cit|loc\.? ?cit|see above)\b", re.I)


def text_key(ref: Reference) -> str | None:
    """An entry's whole text as compared (case and punctuation aside), when it is long
    enough to name one source: two notes that read the same are one. "Ibid." and its
    kin point at the note before them, so their text is no source of its own."""
    words = title_words(ref.text)
    if len(words.split()) < 3 or _BACK_REFERENCE.match(ref.text.lstrip()):
        return None
    return words


def title_words(text: str | None) -> str:
    """A title as compared: lower case, without quotes or punctuation."""
    return " ".join(_PUNCTUATION.sub(" ", text or "").casefold().split())


def _names(head: str) -> tuple[str, ...]:
    """The surnames in the words before a title (initials, "and", "et al." left out)."""
    return tuple(w for w in head.split() if len(w) > 1 and w not in _NOT_NAMES and w.isalpha())


def _head(ref: Reference, title: str) -> tuple[str, ...] | None:
    """The surnames before ``title`` (as :func:`title_words` gives it) in an entry's
    text, or None when the title is not there after a short run of words."""
    text = " " + title_words(ref.text) + " "
    at = text.find(" " + title + " ") if title else -1
    if at <= 0 or at > _MAX_AUTHORS:
        return None
    return _names(text[:at]) or None


def first_author(ref: Reference) -> str | None:
    """The first surname an entry's text opens with, lower case (``darais`` of both
    ``Darais, D., …`` and ``D. Darais, …``)."""
    names = _names(title_words(ref.text[:_MAX_AUTHORS]))
    return names[0] if names else None


def surnames(ref: Reference) -> tuple[str, ...]:
    """The surnames before an entry's own title, or () when the title does not follow a
    short run of names."""
    return _head(ref, title_words(ref.title)) or ()


def arxiv_id(ref: Reference) -> str | None:
    """The arXiv id an entry writes as ``arXiv:2308.06256`` (any version), lower case."""
    m = _ARXIV_ID.search(ref.text)
    return m.group(1).casefold() if m else None


def preprint(ref: Reference) -> bool:
    """Whether an entry lists an arXiv preprint."""
    return (
        arxiv_id(ref) is not None
        or "arxiv.org/" in (ref.url or "")
        or ((ref.doi or "").casefold().startswith("10.48550/"))
    )


def same_work(a: Reference, b: Reference) -> str | None:
    """Why two entries with the same authors and title are one work (``same authors, year
    and title`` or ``preprint of the same work``), or None. The title is one entry's
    found in both texts, or two near-identical titles (the parser may read another part
    of a Vancouver entry as its title)."""
    ta, tb = _bare_title(a), _bare_title(b)
    heads = None
    for title in (ta, tb):
        found = (_head(a, title), _head(b, title)) if len(title.split()) >= 2 else (None, None)
        if found[0] and found[1]:
            heads = found
            break
    if heads is None and len(ta.split()) >= 2:
        from rapidfuzz import fuzz

        from citecheck.checker.titles import marks

        if fuzz.ratio(ta, tb) >= 92 and marks(ta) == marks(tb):
            heads = (_head(a, ta), _head(b, tb))
    if heads is None or not heads[0] or not heads[1] or heads[0][0] != heads[1][0]:
        return None
    small, large = sorted((set(heads[0]), set(heads[1])), key=len)
    if not small <= large:
        return None
    if a.year is not None and a.year == b.year:
        return "same authors, year and title"
    if preprint(a) != preprint(b):
        return "preprint of the same work"
    return None


def _bare_title(ref: Reference) -> str:
    """A title as compared, less the arXiv id a preprint's entry runs into it."""
    title = _ARXIV_ID.sub(" ", ref.title or "")
    return title_words(re.sub(r"\barxiv preprint\b", " ", title, flags=re.I))


def different_works(a: Reference, b: Reference) -> bool:
    """Whether two entries that share an identifier name different works: both titles
    known and unlike, and no author in common when both name authors."""
    if not a.title or not b.title:
        return False
    from rapidfuzz import fuzz

    if fuzz.token_set_ratio(title_words(a.title), title_words(b.title)) >= _OTHER_TITLE:
        return False
    names_a, names_b = set(surnames(a)), set(surnames(b))
    return not (names_a and names_b and names_a & names_b)


def locator(ref: Reference) -> tuple[str, str]:
    """Where in its document an entry points: the URL's place (``page=5``) and the
    pages its text names (``p. 4``); two entries at two locators are not one to merge."""
    fragment = ""
    if ref.url and "#" in ref.url:
        m = _PLACE.search(ref.url.partition("#")[2])
        fragment = m.group() if m else ""
    text = ref.text.replace(ref.url or "\0", " ")
    pages = ",".join(re.sub(r"\s+", "", m.group(1)) for m in _PAGES.finditer(text))
    return fragment, pages


def anchors(ref: Reference, first: Reference) -> tuple[str, str] | None:
    """The two anchors of one page cited at two places, or None.

    ``https://example.org/guide#install`` titled "Installing" and ``…/guide#upgrade``
    titled "Upgrading" cite two parts of one page: two locators, not one entry listed
    twice. Both URLs need a fragment, the fragments must differ and so must the titles
    (case and punctuation aside); the same anchor, no anchor, one title, or a share
    button's tracking hash (Medium's ``#.68hdx6qc1``) is a duplicate.
    """
    here, there = fragment(ref.url), fragment(first.url)
    if not here or not there or here == there or _TRACKING.match(here + " " + there):
        return None
    a, b = _plain(ref.title), _plain(first.title)
    return (here, there) if a and b and a != b else None


# A share button's tracking hash on either side: ``#.68hdx6qc1`` (Medium), ``#.Xy3_abc``.
_TRACKING = lazy(r"^\.\S*|.* \.\S*$")


def fragment(url: str | None) -> str:
    """The fragment of a URL (``install`` of ``…/guide#install``), decoded; or ""."""
    if not url or "#" not in url:
        return ""
    from urllib.parse import unquote

    return unquote(url.partition("#")[2]).strip()


def _plain(title: str | None) -> str:
    return " ".join(_PUNCTUATION.sub(" ", title or "").casefold().split())


# The letter that tells apart two works of one author and year: "Smith (2019a)", "2019 b",
# "Python (o.J. - b)", "AOK (n.d.-c)".
_YEAR_LETTER = lazy(
    r"(?:\b(?:1[5-9]|20)\d\d|\bo\.\s?J\.|\bn\.\s?d\.)\s*[-–]?\s*([a-z])(?=\s*[),.;:\]])"
)


def lettered_apart(ref: Reference, first: Reference, why: str | None) -> bool:
    """Two entries whose writer set them apart by the letter after the year (``2019a`` and
    ``2019b``, ``o.J. - a`` and ``o.J. - b``) under two titles: two works by the writer's
    own account, such as two sections of one page, however alike their addresses. One DOI
    stays one work, and so does one title ("R Core Team 2022a" and "2022b", both "R: A
    language and environment…", as a reference manager letters a work cited twice)."""
    if why is None or why.startswith(("same DOI", "same arXiv")):
        return False
    if _unlettered(ref) == _unlettered(first):
        return False  # one title word for word: a tool's letters, one work listed twice
    here, there = _YEAR_LETTER.search(ref.text[:200]), _YEAR_LETTER.search(first.text[:200])
    return here is not None and there is not None and here.group(1) != there.group(1)


def _unlettered(ref: Reference) -> str:
    """The normalised title without a lettered year ("Python (o.J. - b): setUp()")."""
    plain = _YEAR_LETTER.sub("", ref.title or "")
    return " ".join(_PUNCTUATION.sub(" ", plain).casefold().split())
