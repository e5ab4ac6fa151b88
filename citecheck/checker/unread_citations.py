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

from collections.abc import Iterator

from citecheck.checker.base import Context, Violation, first_line_end
from citecheck.checker.misread import describe, misread
from citecheck.checker.silentmarks import silent
from citecheck.checker.uncitedlist import uncited_list
from citecheck.checker.unlisted import unlisted_callouts

CODE = "CC013"
NAME = "unread-citations"
SEVERITY = "warning"
ENABLED = True

HIDES = frozenset({"CC001", "CC003"})
"""The rules silent for a file this rule reports (uncited-claim, uncited-reference)."""


def unread(ctx: Context) -> Violation | None:
    """Whether the document's citations are not read: its reference list is largely
    uncited while its body shows citations not read (see
    :func:`citecheck.checker.uncitedlist.uncited_list`), or it has no list and its body cites by
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
    listed = uncited_list(ctx)
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
