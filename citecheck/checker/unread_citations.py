"""Reference list that the document cites in a style citecheck did not read.

What it does
    Reports, once per file, a reference list that is largely uncited although the body
    shows citations: at least 5 keyed entries, under a quarter of them cited, and in the
    body at least 3 marks that look like citations the parser did not take as markers
    (HTML or Unicode superscript numerals, numeric groups in parentheses or brackets, or
    the surnames of the uncited entries' first authors). The likeliest reason is a marker
    style citecheck does not read, so the per-entry ``uncited-reference`` and per-sentence
    ``uncited-claim`` findings of that file would be false alarms by the dozen: while this
    rule is selected and reports a file, those two rules report nothing for it. Ignore this
    rule (``--ignore unread-citations``) to see them. A draft whose body shows no such marks
    (it truly cites nothing) is not reported here: ``uncited-reference`` reports its list
    once, at the list's heading. A text with no reference list at all whose body cites by numbers in
    parentheses (``(12)``, ``(13–17)``, ``(13, 15)``: a journal's body extracted without its
    back matter) is reported once too, at its first callout.

    A plain text laid out in two columns side by side (``pdftotext -layout`` of a
    two-column journal page: each line joins a line of the left column to one of the
    right) is reported once, at its first such line, and no other rule reports anything
    for it: its sentences, citations and list interleave and cannot be read.

    A Jekyll post that cites with jekyll-scholar's Liquid tags (``{% cite key %}``,
    ``{% reference key %}``) whose keys name no entry of the post's own list (the list is
    built by ``{% bibliography %}`` from a ``.bib`` file elsewhere) is reported once, as a
    note at the first tag: its citations were not read.

    A Pandoc source that cites by key (``[@smith-2004]``) a bibliography it does not hold
    (the ``.bib`` file its front matter names, ``bibliography: refs.bib``, or one its site's
    build supplies) is told once, as a note at the first key: the keys were read as
    citations (they cover the claims beside them, and are never dangling), but their
    entries and sources were not checked.

    A document in which citecheck read no marker and no reference list at all, but whose
    body shows at least 5 marks that look like citations (superscript numerals, numbers in
    parentheses or brackets, author-year callouts such as ``(Smith et al., 2020)`` or
    ``（黄雪茹, 2025）``, an Internet-Draft's ``{{RFC8446}}``), is reported once too, at the
    first mark: it would otherwise pass without a single finding, although nothing in it
    was checked.

    A numbered reference list that was read but resolves few of the numbers the text cites
    (over half of at least 5 distinct cited numbers from 10 up find no entry, or find an
    empty number in a list that also holds at least half as many unlabelled entries: OCR
    or a layout set the labels apart from the entries) is reported once too, as a note at
    the first such marker, naming the numbers not resolved; dangling-citation and
    not-a-reference then say nothing about those numbers and the list's items (see
    :mod:`citecheck.checker.misread`). Numbers that lie beyond a complete, contiguous list,
    and empty notes among labelled ones, are reported as dangling as before.

Why is this bad?
    citecheck cannot say which claims are cited when it cannot read the citations: every
    finding about coverage would be noise, and the real faults hide among them.

Example
    ```text
    As Cialdini showed in his study of 1990, people do what they believe others do.
    Nolan's survey of 2008 found the same. Bicchieri's book of 2016 explains why.

    ## References
    1. Cialdini, R. (1990). Influence of descriptive norms. J. Soc. Psych., 12, 1-10.
    2. Nolan, M. (2008). Normative social influence is underdetected. PSPB, 34, 913-923.
    3. Bicchieri, C. (2016). Norms in the wild. Oxford University Press.
    4. Barceló, K. (2021). Mask wearing in 40 countries. Nat. Hum. Behav., 5, 100-110.
    5. Rudert, L. (2020). Social norms and masks. Soc. Psych., 51, 400-410.
    ```

Use instead
    ```text
    People do what they believe others do (Cialdini, 1990). Nolan (2008) found the
    same, and Bicchieri (2016) explains why.

    ## References
    1. Cialdini, R. (1990). Influence of descriptive norms. J. Soc. Psych., 12, 1-10.
    2. Nolan, M. (2008). Normative social influence is underdetected. PSPB, 34, 913-923.
    3. Bicchieri, C. (2016). Norms in the wild. Oxford University Press.
    ```

Fix
    Not fixable: write the citations in a style citecheck reads (numbered brackets,
    footnotes, author-year), or report the style as an issue.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from citecheck.checker.base import Context, Violation, first_line_end
from citecheck.checker.misread import describe, misread
from citecheck.checker.silentmarks import SUP_HTML, silent
from citecheck.checker.unlisted import unlisted_callouts
from citecheck.model import BlockKind, Reference
from citecheck.text.recache import lazy
from citecheck.text.vocab import READING_HEADING

CODE = "CC013"
NAME = "unread-citations"
SEVERITY = "warning"
ENABLED = True

HIDES = frozenset({"CC001", "CC003"})
"""The rules silent for a file this rule reports (uncited-claim, uncited-reference)."""

LEAST_ENTRIES = 5
"""Fewer keyed entries than this and an uncited list is too small to tell a style from."""
CITED_SHARE = 0.25
"""Under this share of entries cited, the list is largely uncited."""
LEAST_MARKS = 3
"""Marks in the body that look like unread citations, at least."""

_SUP_UNICODE = lazy(r"(?<=[^\s\d⁰¹²³⁴⁵⁶⁷⁸⁹])[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])")
_NUMERIC_GROUP = lazy(
    r"[(\[](\d{1,3}(?:\s*[,–-]\s*\d{1,3}){0,8})[)\]]"  # (1–5), (1, 2, 15), [3]
)
_NUMBERS = lazy(r"\d{1,3}")


def _entries(ctx: Context) -> list[Reference]:
    """The keyed entries uncited-reference looks at (reading lists and shadowed copies
    aside)."""
    sections = ctx.doc.sections
    reading = {i for i, s in enumerate(sections) if s.covers or READING_HEADING.search(s.title)}
    return [
        r
        for r in ctx.doc.references
        if r.key is not None and id(r) not in ctx.res.shadowed and r.section not in reading
    ]


def _marks(ctx: Context, uncited: list[Reference], listed: int) -> int:
    """How many marks in the body look like citations the parser did not read."""
    doc = ctx.doc
    read = {(m.start, m.end) for m in doc.markers}
    body = [
        doc.text[b.start : b.end]
        for b in doc.blocks
        if b.section is None and b.kind in (BlockKind.PARAGRAPH, BlockKind.ITEM)
    ]
    text = "\n".join(body)
    count = len(SUP_HTML.findall(text)) + len(_SUP_UNICODE.findall(text))
    for m in _NUMERIC_GROUP.finditer(text):
        numbers = [int(n) for n in _NUMBERS.findall(m.group(1))]
        if numbers and all(1 <= n <= listed for n in numbers) and (m.start(), m.end()) not in read:
            count += 1
    # A surname counts as a callout with its entry's year after it in the same sentence
    # (``Cialdini (1990)``, ``Nolan's survey of 2008``): a title's word read as an entry's
    # author (``Oracle``, ``Trade`` of a web page's title) named in the prose is none.
    called = {(name, r.year) for r in uncited if r.year and (name := _first_surname(r))}
    for name, year in called:
        if len(name) > 2 and re.search(rf"\b{re.escape(name)}\b{_BEFORE_YEAR}\b{year}", text):
            count += 1
    return count


# What may stand between a callout's surname and its year: words of the same sentence,
# ``et al.`` among them (``Parker et al. 2018``, ``Nolan's survey of 2008``).
_BEFORE_YEAR = r"(?:et\s+al\.|[^.!?\n]){0,80}?"


def _first_surname(ref: Reference) -> str | None:
    """The first author's surname: from the entry's scholarly fields where read, else the
    list parser's first author (``Cialdini, R.`` → ``Cialdini``, ``R. Cialdini`` →
    ``Cialdini``)."""
    if ref.fields and ref.fields.authors and ref.fields.authors[0].surname:
        return ref.fields.authors[0].surname.split()[-1]
    if not ref.authors or not ref.authors[0].split():
        return None
    first = ref.authors[0]
    return first.split(",", 1)[0].split()[-1] if "," in first else first.split()[-1]


def unread(ctx: Context) -> Violation | None:
    """Whether the document's citations are not read: its reference list is largely
    uncited while its body shows citations not read (thresholds :data:`LEAST_ENTRIES`,
    :data:`CITED_SHARE`, :data:`LEAST_MARKS`), or it has no list and its body cites by
    numbers in parentheses (:func:`citecheck.checker.unlisted.unlisted_callouts`).
    Returns the one finding to report, or None."""
    if (at := interleaved(ctx)) is not None:
        return Violation(
            at,
            first_line_end(ctx.doc.text, at, at + 1),
            "the text is laid out in two columns side by side (a PDF extracted with its "
            "layout kept): each line joins a line of the left column to one of the right, so "
            "its sentences, citations and reference list cannot be read; no other rule is "
            "reported for this file",
        )
    if (liquid := _liquid(ctx)) is not None:
        return liquid
    listed = _listed(ctx)
    if listed is not None:
        total, cited, first = listed
        end = first_line_end(ctx.doc.text, first.start, first.end)
        return Violation(
            first.start,
            end,
            f"{total - cited} of {total} references are never cited, yet the text shows "
            "citations citecheck did not read (superscripts, numbers in parentheses or "
            "authors' names): the citation style is likely unread, so uncited-claim and "
            "uncited-reference are not reported for this file",
        )
    callouts = unlisted_callouts(ctx.doc)
    if not callouts:
        return None
    numbers = {int(k) for m in callouts for k in m.keys}
    callout = callouts[0]
    return Violation(
        callout.start,
        callout.end,
        f"the text cites by numbers in parentheses ({len(callouts)} callouts naming "
        f"{len(numbers)} numbers, first {callout.raw}) but holds no "
        "reference list to resolve them: add the list, or check the complete document; "
        "uncited-claim and uncited-reference are not reported for this file",
    )


def _liquid(ctx: Context) -> Violation | None:
    """An info line for a Jekyll post whose jekyll-scholar tags (``{% cite key %}``) name
    no entry of its own list: their bibliography is a ``.bib`` file the post does not hold
    (see :mod:`citecheck.parser.citekeys`), so its claims' citations are not read."""
    from citecheck.parser.citekeys import liquid_cites

    tags = liquid_cites(ctx.doc.text)
    if not tags:
        return None
    read = [m.start for m in ctx.doc.markers]
    if any(s <= at < e for s, e in tags for at in read):
        return None  # the post's own list resolves them
    start, end = tags[0]
    return Violation(
        start,
        end,
        f"{len(tags)} jekyll-scholar citations ({{% cite … %}}) name entries of a .bib file "
        "this post does not hold: they were not read, so uncited-claim and "
        "uncited-reference are not reported for this file",
        severity="info",
    )


def _kept_outside(ctx: Context) -> Violation | None:
    """An info line for a Pandoc source whose ``[@key]`` citations name entries of a
    bibliography it does not hold (see :mod:`citecheck.parser.pandocbib`): the keys were
    read as citations, but their entries, and so their sources, were not checked."""
    doc = ctx.doc
    if doc.bibliography is None:
        return None
    from citecheck.parser.pandocbib import is_outside_key

    keyed = [m for m in doc.markers if is_outside_key(m.raw)]
    if not keyed:
        return None
    keys = {m.raw.lstrip("-@[#").rstrip("]") for m in keyed}
    where = f"the bibliography {doc.bibliography}" if doc.bibliography else "a bibliography"
    first = keyed[0]
    return Violation(
        first.start,
        first.end,
        f"{len(keyed)} citations by key ({len(keys)} keys, first {first.raw}) name entries "
        f"of {where} that this file does not hold: they were read as citations, but their "
        "entries and sources were not checked",
        severity="info",
    )


def interleaved(ctx: Context) -> int | None:
    """The offset of the first line of a plain text laid out in two columns side by side
    (see :mod:`citecheck.parser.columns`), or None."""
    if ctx.doc.fmt != "text" or ctx.doc.wiki or ctx.doc.spec:
        return None  # a markup's source (wikitext, RFC XML): its blanks are no columns
    from citecheck.parser.columns import side_by_side

    return side_by_side(ctx.doc.text)


def _listed(ctx: Context) -> tuple[int, int, Reference] | None:
    """A reference list largely uncited while the body shows marks not read: (entries,
    cited, first entry) or None."""
    entries = _entries(ctx)
    if len(entries) < LEAST_ENTRIES:
        return None
    uncited = [r for r in entries if not ctx.res.citations(r)]
    cited = len(entries) - len(uncited)
    if cited >= CITED_SHARE * len(entries):
        return None
    if _marks(ctx, uncited, len(entries)) < LEAST_MARKS:
        return None
    return len(entries), cited, min(entries, key=lambda r: r.start)


def check(ctx: Context) -> Iterator[Violation]:
    """Yield one finding for the file when its citations are not read (see :func:`unread`),
    or at the first mark of a document that shows citations but no list and no marker read
    (see :func:`silent`)."""
    found = unread(ctx)
    if found is not None:
        yield found
        return
    if (kept := _kept_outside(ctx)) is not None:
        yield kept
    if (wrong := misread(ctx)) is not None:
        end = first_line_end(ctx.doc.text, wrong.first.start, wrong.first.end)
        yield Violation(wrong.first.start, end, describe(wrong), severity="info")
    if (marks := silent(ctx)) is not None:
        count, start, end = marks
        yield Violation(
            start,
            end,
            f"{count} marks look like citations (first {ctx.doc.text[start:end]!r}) but "
            "citecheck read no marker and no reference list: the citation style or the "
            "list is likely unread, so nothing in this file was checked",
        )
