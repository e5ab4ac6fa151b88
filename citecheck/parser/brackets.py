"""The marker grammar: which brackets are citations, placeholders or neither.

Numeric groups (``[1]``, ``[1, 2]``, ``[1-3]``, ``[1–3]``) are citations; so are footnote
references (``[^1]``). A label (``[RFC2119]``, ``[Smith 2020]``, ``[a]``) is a citation
when it matches a reference label or has the shape of a citation key (``[a]`` only when a
note ``a`` exists). Everything else
(``[sic]``, ``[...]``, ``remain[s]``, ``[0, 1]``, ``[Page 9]``, ``[time-secfrac]``) is not.
"""

from __future__ import annotations

import re

from citecheck.model import Marker, MarkerKind, Placeholder
from citecheck.parser.codebrackets import code_bracket
from citecheck.parser.enginemarks import unbracketed
from citecheck.parser.labelforms import canonical_label, normalise_label
from citecheck.parser.labelranges import numbered_label
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
from citecheck.parser.numericgroups import parse_numeric
from citecheck.text.recache import lazy
from citecheck.text.vocab import PLACEHOLDER

__all__ = ["classify"]

# ``[attached_file:1]``: an answer engine's citation of a file the user attached, which
# the export does not include.
_ATTACHED = lazy(r"^attached_file:\d{1,3}$")
_ATTACHED_PROBLEM = (
    "answer-engine citation of an attached file that names no entry of a reference list"
)
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
_NUMERIC = lazy(r"^[\s,;\-–—]*\d[\d\s,;\-–—]*$")
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
# A wiki's note groups: ``[n 1]``, ``[note 1]``, ``[lower-alpha 1]``, ``[list 1]``, ``[‡ 1]``.
_NOTE_GROUP = lazy(
    r"^(?:n|nb|note|notes|lower-alpha|upper-alpha|lower-roman|upper-roman|lower-greek|list"
    r"|[†‡§])[ \u00a0]\d{1,3}$",
    re.I,
)


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
        return unbracketed(m)
    start, end = m.span()
    raw = m.group()
    if subscript(text, start, end) and normalise_label(content) not in labels:
        return None  # ``A[i][0]``, ``x[1]``, ``T[k]``: an index, in any format
    if content.isdigit() and content.isascii() and content[0] != "0":
        # The commonest marker, ``[12]``, read at once: no placeholder, footnote, prefix or
        # interval is all digits, and a number that is not a year is a numeric group.
        if is_year(content, numbers) or is_index(text, start, end) or too_long(content):
            return None
        if code_bracket(text, start, end):  # ``[1] * n``: a list literal of code
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
            or code_bracket(text, start, end)  # ``f()[0]``, ``[0] * 32``, ``.*[0-9]``
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
