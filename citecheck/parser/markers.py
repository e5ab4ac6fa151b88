"""The marker grammar: which brackets are citations, placeholders or neither.

Numeric groups (``[1]``, ``[1, 2]``, ``[1-3]``, ``[1–3]``) are citations; so are footnote
references (``[^1]``). A label (``[RFC2119]``, ``[Smith 2020]``, ``[a]``) is a citation
when it matches a reference label or has the shape of a citation key (``[a]`` only when a
note ``a`` exists). Everything else
(``[sic]``, ``[...]``, ``remain[s]``, ``[0, 1]``, ``[Page 9]``, ``[time-secfrac]``) is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from citecheck.model import Marker, MarkerKind, Placeholder
from citecheck.parser.labelranges import label_run, numbered_label
from citecheck.parser.nonmarkers import (
    LINE,
    MEDIA,
    ORCID,
    SPACED,
    TOKENS,
    among_arrays,
    attached,
    in_abnf,
    is_array,
    is_index,
    is_interval,
    is_math,
    is_value,
    is_year,
    subscript,
    symbol,
    too_long,
)
from citecheck.text.recache import lazy
from citecheck.text.vocab import PLACEHOLDER, TEMPLATE_PLACEHOLDER

# Bounded content keeps the scan linear on adversarial input such as 1 MB of "[".
BRACKET = lazy(r"\[([^\[\]\n]{0,100}(?:\n[^\[\]\n]{0,100})?)\]")
# What else a scan looks for: answer-engine markers (``【8†source】``), the private-use
# residue of an answer engine's citations (``\ue200cite\ue202turn0search1\ue201``, or
# ``citeturn0search1`` once the private-use characters are dropped), and placeholders that
# are not bracketed (``{{citation needed}}``, ``(TK)``, ``TK:``).
# Every alternative opens with a literal character, so that the regular expression engine
# skips ahead to the next ``[``, ``【``, ``c``, ``{``, ``(`` or ``T`` instead of trying each
# position (``T(?<!\wT)K:`` is ``\bTK:`` written that way). Groups: 1 bracket content,
# 2 answer-engine marker content, 3 and 4 citation residue, 5 template, 6 a writer's
# placeholder in parentheses (``(TK)``, ``(CITE)``, ``(CITATION NEEDED)``), 7 ``TK:``,
# 8 the residue of a copied ChatGPT answer (``:contentReference[oaicite:0]{index=0}``).
_TOKEN = lazy(
    BRACKET.pattern
    + r"|【([^【】\n]{1,60})】"
    + r"|\ue200([^\ue200\ue201\n]{0,200})\ue201|c(ite(?:turn\d+[a-z]+\d+)+)"
    + r"|\{(\{[^{}\n]{1,120}\}\})|\(((?:TK|CITE|CITATION(?: NEEDED)?)\))|T(?<!\wT)(K:)"
    + r"|:(contentReference\[oaicite:\d{1,4}\](?:\{index=\d{1,4}\})?)"
)
_TURN = lazy(r"^(?:turn\d+[a-z]+\d+)+(?:†[^【】]*)?$")
# What else ChatGPT wraps in the same private-use characters: a name it links to its own
# entity card (``\ue200entity\ue202["people","Robert M. Wald","…"]\ue201``) or a gallery
# of images. Neither names a source: the text around it reads the name, and only
# ``cite``/``filecite`` wrappers are citations.
_WRAPPER = lazy(r"^(?:entity|image_group|navlist|product_entity)\ue202")
# ``[attached_file:1]``: an answer engine's citation of a file the user attached, which
# the export does not include.
_ATTACHED = lazy(r"^attached_file:\d{1,3}$")
_ATTACHED_PROBLEM = (
    "answer-engine citation of an attached file that names no entry of a reference list"
)
_FULLWIDTH = lazy(r"^\s*(\d+)(?::\d+)*\s*(?:†.*)?$")
# ``[web: 11]``, ``[file: 2]``, ``[image: 3]``: an answer engine's marker naming the kind of
# source it cites (Perplexity), with the colon.
_PREFIX = lazy(
    r"^\s*(?:(?:sources?|refs?\.?|references?|citations?|cite)\s*:?|(?:web|file|image)\s*:)"
    r"\s*(?=\d)",
    re.I,
)
# ``[^1]``, ``[^note-a]``, and the note groups of wiki pages (``[^n 1]``, ``[^‡ 2]``).
_FOOTNOTE = lazy(r"^\^(?:\w[\w.-]*|[*†‡§])(?: \d{1,3})?$")
_QUANTIFIER = frozenset("+*?{")
_LETTER = lazy(r"^[a-z]{1,2}$")
_DASH = lazy(r"^\s*[-–—]\s*$")
_NUMERIC = lazy(r"^[\s,;\-–—]*\d[\d\s,;\-–—]*$")
_RANGE = lazy(r"^(\d+)\s*[-–—]\s*(\d+)$")
_EDITORIAL = lazy(r"^(?:sic|sic!|\.\.\.|…|\s*|x|X|!\w+|page \d+|emphasis (?:added|mine))$", re.I)
_SHAPES = lazy(
    r"""^(?:
      (?:RFC|BCP|STD|FYI|ISO|IEEE|ECMA)[\s-]?\d+(?:[-:]\d+)*          # standards
    | I-D\.[\w.-]+                                                    # Internet-Drafts
    | [A-Z][A-Z0-9]*(?:[-_./+][A-Z0-9]+)*                             # ABNF, JWT-BCP, ITU-R-TF
    | \p{Lu}[\w'’.-]+(?:\s+(?:et\ al\.?|and|&)(?:\s+\p{Lu}[\w'’-]+)?)?,?\s+\(?\d{4}[a-z]?\)?
    )$""".replace(r"\p{Lu}", "[A-Z]"),
    re.X,
)
_NOT_KEYS = frozenset({"TODO", "FIXME", "XXX", "NOTE", "WIP", "DRAFT", "EDIT", "UPDATE", "SIC"})
# A label with an annotation in round brackets inside the marker; the annotation is words
# (``[RFC2616 (the HTTP/1.1 spec)]``), not a formula's subscripts (``[PEA(I0.25SCN0.75)]``).
_ANNOTATED = lazy(
    r"^([A-Za-z][\w.-]*\d[\w.-]*|[A-Z][A-Z0-9-]+)\s*[(（](?=[^()（）]*(?:\s|[a-z]{3}))[^()（）]+[)）]$"
)
# A numbered citation with a locator: ``[3, Section 17.4]``, ``[2, p. 5]``, ``[7, Thm. 2.1]``,
# ``[4, Ch. 3]``, ``[1, §2]``, ``[5, pp. 10–12]``, ``[6, Lemma 4]``.
_LOCATED = lazy(
    r"^\s*([1-9]\d{0,3})\s*,\s*(?:pp?|pgs?|pages?|sec|sects?|sections?|ch|chap|chapters?|§§?"
    r"|thms?|theorems?|lemmas?|lem|props?|propositions?|cor|corollary|defs?|definitions?"
    r"|eqs?|equations?|figs?|figures?|tables?|tab|app|appendix|part|vol|col|para|¶|ex"
    r"|exercises?|examples?|lines?|ll?|algorithm|alg|remark|claim|problem"
    # German, French, Spanish, Portuguese and Russian: "[11, S. 513f.]", "[4, Kap. 2]", "[2, с. 15]"
    r"|s|seiten?|kap|kapitel|abschn|abb|bd|cap|pág|págs|pag|chap|t|с|стр|гл|рис|табл)\.?\s*"
    r"[\w.§–—-]{1,20}(?:\s*(?:[-–—,]|and)\s*[\w.]{1,12})?\s*$",
    re.I,
)
_MAX_RANGE = 500


# A note group's mark (``[‡ 1]``, a wiki's primary sources) is part of the label: ``[‡ 1]``
# is not reference 1.
_NOT_WORD = lazy(r"[^\w†‡§]+|_+")
# A wiki's note groups: ``[n 1]``, ``[note 1]``, ``[lower-alpha 1]``, ``[list 1]``, ``[‡ 1]``.
_NOTE_GROUP = lazy(
    r"^(?:n|nb|note|notes|lower-alpha|upper-alpha|lower-roman|upper-roman|lower-greek|list"
    r"|[†‡§])[ \u00a0]\d{1,3}$",
    re.I,
)
_WRAPPED = lazy(r"-\s*\n\s*")
_BLANKS = lazy(r"\s+")
_SEPARATORS = lazy(r"[,;]")


def normalise_label(label: str) -> str:
    """Return the form labels are compared in: case and punctuation ignored."""
    return _NOT_WORD.sub("", label).casefold()


def canonical_label(label: str) -> str:
    """Join a label wrapped across lines (``ITU-R-\\n  TF``) and squeeze its spaces."""
    label = _WRAPPED.sub("-", label.strip())
    return _BLANKS.sub(" ", label)


@dataclass(slots=True)
class Scan:
    """Markers and placeholders found in one stretch of text."""

    markers: list[Marker]
    placeholders: list[Placeholder]


def parse_numeric(content: str) -> tuple[tuple[str, ...], str | None]:
    """Expand a numeric group into keys; return a problem description when malformed."""
    keys: list[str] = []
    problem: str | None = None
    for piece in _SEPARATORS.split(content):
        part = piece.strip()
        if not part:
            problem = problem or "empty element"
            continue
        if part.isdigit():
            if int(part) == 0:
                problem = problem or "reference numbers start at 1"
                continue
            keys.append(str(int(part)))
            continue
        m = _RANGE.match(part)
        if not m:
            problem = problem or f"{part!r} is not a number or a range"
            continue
        lo, hi = int(m.group(1)), int(m.group(2))
        if lo == 0:
            problem = problem or f"range {part!r} starts at 0; reference numbers start at 1"
        elif hi <= lo:
            problem = problem or f"range {part!r} runs backwards"
        elif hi - lo > _MAX_RANGE:
            problem = problem or f"range {part!r} spans more than {_MAX_RANGE} references"
        else:
            keys.extend(str(n) for n in range(lo, hi + 1))
    return tuple(keys), problem


def _unbracketed(m: re.Match[str]) -> Marker | Placeholder | None:
    """Decide what an answer-engine marker, citation residue or template is."""
    start, end = m.span()
    raw = m.group()
    if m.group(2) is not None:
        number = _FULLWIDTH.match(m.group(2))
        if _TURN.match(m.group(2)):  # ``【turn0search7】``: residue in lenticular brackets
            problem = "answer-engine citation residue that names no entry of a reference list"
            return Marker(start, end, raw, (), MarkerKind.NUMERIC, problem=problem)
        if number is None or int(number.group(1)) == 0:
            problem = "an answer-engine marker that names no source number"
            return Marker(start, end, raw, (), MarkerKind.NUMERIC, problem=problem)
        return Marker(start, end, raw, (str(int(number.group(1))),), MarkerKind.NUMERIC)
    if m.group(3) is not None and _WRAPPER.match(m.group(3)):
        return None  # ``\ue200entity\ue202["people","Name",…]\ue201``: a name, not a citation
    if m.group(3) is not None or m.group(4) is not None or m.group(8) is not None:
        problem = "answer-engine citation residue that names no entry of a reference list"
        return Marker(start, end, raw, (), MarkerKind.NUMERIC, problem=problem)
    if raw.startswith("{{"):
        name = raw[2:-2].split("|", 1)[0].strip()
        return Placeholder(start, end, raw) if TEMPLATE_PLACEHOLDER.match(name) else None
    return Placeholder(start, end, raw)


def classify(
    text: str,
    m: re.Match[str],
    labels: frozenset[str],
    numbers: frozenset[str],
    lettered: bool = False,
) -> Marker | Placeholder | None:
    """Decide what one bracket (or other marker-like token) is.

    ``labels`` are the normalised labels of the document's references, ``numbers`` their
    numbers; ``lettered`` says the document has lettered notes, so ``[b]`` is a citation.
    """
    content = m.group(1)
    if content is None:
        return _unbracketed(m)
    start, end = m.span()
    raw = m.group()
    if subscript(text, start, end) and normalise_label(content) not in labels:
        return None  # ``A[i][0]``, ``x[1]``, ``T[k]``: an index, in any format
    if content.isdigit() and content.isascii() and content[0] != "0":
        # The commonest marker, ``[12]``, read at once: no placeholder, footnote, prefix or
        # interval is all digits, and a number that is not a year is a numeric group.
        if is_year(content, numbers) or is_index(text, start, end) or too_long(content):
            return None
        return Marker(start, end, raw, (content,), MarkerKind.NUMERIC)
    stripped = content.strip()
    if PLACEHOLDER.match(stripped):
        return Placeholder(start, end, raw)
    if stripped.startswith("^") and len(stripped) > 1:
        # ``[^:/?#]+`` in a regular expression is a character class, not a footnote.
        if not _FOOTNOTE.match(stripped) or text[end : end + 1] in _QUANTIFIER:
            return None
        return Marker(start, end, raw, (stripped,), MarkerKind.FOOTNOTE)
    if _ATTACHED.match(stripped):
        return Marker(start, end, raw, (), MarkerKind.NUMERIC, problem=_ATTACHED_PROBLEM)
    prefix = _PREFIX.match(content)  # [Source 1], [Ref. 2]
    if prefix and numbered_label(content, labels):
        # ``[Ref12]`` among entries labelled ``Ref1``, ``Ref2``… (reST citations)
        return Marker(start, end, raw, (stripped,), MarkerKind.LABEL)
    if prefix:
        content = content[prefix.end() :]
    if located := _LOCATED.match(content):  # [3, Section 17.4], [2, p. 5], [7, Thm. 2]
        return Marker(start, end, raw, (str(int(located.group(1))),), MarkerKind.NUMERIC)
    if _NUMERIC.match(content):
        if not prefix and (
            is_math(content)
            or is_array(content)
            or is_interval(content, numbers)
            or is_value(text, start)
            or among_arrays(text, start, end)
            or is_year(content, numbers)
            or is_index(text, start, end)
        ):
            return None
        if SPACED.search(content) or ORCID.match(content) or too_long(content):
            return None  # a vector ``[1 0]``, an ORCID iD, tag numbers (see ``too_long``)
        keys, problem = parse_numeric(content)
        return Marker(start, end, raw, keys, MarkerKind.NUMERIC, problem=problem)
    if _EDITORIAL.match(stripped):
        return None
    label = canonical_label(content)
    if note := _ANNOTATED.match(label):  # ``[RFC2616(the HTTP/1.1 spec)]``: the label cites
        label = note.group(1)
    if normalise_label(label) in labels:
        return Marker(start, end, raw, (label,), MarkerKind.LABEL)
    if lettered and _LETTER.match(stripped) and not attached(text, start, end, True):
        return Marker(start, end, raw, (stripped,), MarkerKind.LABEL)
    if _NOTE_GROUP.match(stripped):
        return Marker(start, end, raw, (label,), MarkerKind.LABEL)
    if label.upper() in _NOT_KEYS or label.upper() in MEDIA or label.upper() in TOKENS:
        return None
    if LINE.match(label) or symbol(label):
        return None
    if not _SHAPES.match(label):
        return None
    if attached(text, start, end, True) or in_abnf(text, start):
        return None
    return Marker(start, end, raw, (label,), MarkerKind.LABEL)


def _range_of(first: Marker, last: Marker, text: str) -> Marker:
    """Join an IEEE range written as two markers (``[1]–[3]``) into one marker."""
    keys, problem = parse_numeric(f"{first.keys[0]}-{last.keys[0]}")
    raw = text[first.start : last.end]
    return Marker(first.start, last.end, raw, keys, first.kind, first.group, problem)


def _single(marker: Marker) -> bool:
    return marker.kind is MarkerKind.NUMERIC and len(marker.keys) == 1 and not marker.problem


def scan(
    text: str,
    start: int,
    end: int,
    labels: frozenset[str] = frozenset(),
    numbers: frozenset[str] = frozenset(),
    lettered: bool = False,
) -> Scan:
    """Find markers and placeholders in ``text[start:end]``; group adjacent markers.

    Offsets are into ``text``; see :func:`classify` for ``labels``, ``numbers`` and
    ``lettered``. Markers written side by side (``[1][2]``, ``[4], [5]``) share a group, and
    an IEEE range ``[1]–[3]`` becomes one marker citing 1, 2 and 3 (``[Ref1]–[Ref3]`` one
    citing Ref1, Ref2 and Ref3 when all three are references: :mod:`.labelranges`).
    """
    markers: list[Marker] = []
    placeholders: list[Placeholder] = []
    group = 0
    prev_end = -1
    for m in _TOKEN.finditer(text, start, end):
        found = classify(text, m, labels, numbers, lettered)
        if isinstance(found, Placeholder):
            placeholders.append(found)
        elif found is not None:
            between = text[prev_end : found.start] if prev_end >= 0 else "x"
            if between and _DASH.match(between):
                if _single(found) and _single(markers[-1]):
                    run: Marker | None = _range_of(markers[-1], found, text)
                else:  # ``[Ref6]_ - [Ref13]_``
                    run = label_run(
                        markers[-1], found, text, lambda k: normalise_label(k) in labels
                    )
                if run is not None:
                    markers[-1] = run
                    prev_end = found.end
                    continue
            if between.strip(" \t\n,;") != "":
                group += 1
            found.group = group
            prev_end = found.end
            markers.append(found)
    return Scan(markers, placeholders)


def groups(markers: list[Marker]) -> Iterator[list[Marker]]:
    """Yield runs of markers that share a group number."""
    run: list[Marker] = []
    for marker in markers:
        if run and marker.group != run[-1].group:
            yield run
            run = []
        run.append(marker)
    if run:
        yield run
