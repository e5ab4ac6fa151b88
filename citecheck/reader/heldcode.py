"""A Markdown file whose document is held in code blocks by a conversion.

Two conversions put a whole document inside Markdown code, where a Markdown reader reads
nothing:

- a language model's reply that wraps the converted paper in one ```` ```markdown ````
  fence (a line of chat before it, sometimes nested ```` ``` ```` fences for tables inside
  it, which CommonMark takes for the wrapper's end);
- Pandoc's rendering of an RFC's HTML page, where each page is a ```` ``` newpage ````
  (or bare) fenced block of the RFC's plain text and the first page an indented block.

When most of the file's text is such code, and that code holds prose (sentences, not
program text), the code is the document: :func:`held_in_code` gives the copy to read,
the same length line for line so that positions stay the file's own. Code in an
ordinary Markdown file (a README's examples, a post's snippets) is a small part of its
text, or program text, and stays code.
"""

from __future__ import annotations

from citecheck.text.recache import lazy

_FENCE = lazy(r"^[ \t]{0,3}(?:`{3,}|~{3,})[ \t]*([^`\n]*?)[ \t\r]*$")
# The tags a fence of prose carries: a Markdown or plain-text block, and Pandoc's
# ``newpage`` class (the ``<pre class="newpage">`` of an RFC's HTML page, one per page).
_WRAPPER_TAGS = frozenset({"markdown", "md"})
_PROSE_TAGS = frozenset({"", "text", "txt", "plain", "plaintext", "none", "newpage"})
_WORD = lazy(r"\b[A-Za-z][a-z]{1,}\b")
_CODE_CHARS = lazy(r"[{};=<>$\\|]")
_HELD = 0.6  # share of the file's non-space characters in prose code
_PROSE_LINES = 0.4  # share of the code's non-blank lines that read as prose
_WRAPPED = 0.8  # share of the file's non-space characters inside a wrapper fence


def held_in_code(text: str) -> tuple[str, str] | None:
    """``("markdown", copy)`` for a document inside a Markdown wrapper fence (the copy
    has the wrapper's two fence lines blanked), ``("text", copy)`` for a document in
    code blocks of plain text (the copy is the file as Markdown masks it, with the prose
    code blocks' text put back and every fence line blank), or None for a file whose text
    is not held in code. Copies have ``text``'s length and line breaks."""
    if "```" not in text and "~~~" not in text:
        return None
    wrapped = _unwrapped(text)
    if wrapped is not None:
        return "markdown", wrapped
    paged = _paged(text)
    return None if paged is None else ("text", paged)


def _solid(s: str) -> int:
    return len(s) - s.count(" ") - s.count("\n") - s.count("\t")


def _unwrapped(text: str) -> str | None:
    """The file with a wrapper fence's opening and closing lines blanked: a ``markdown``
    fence opening within the first three non-blank lines, closed by the file's last fence
    line (bare, at most three non-blank lines after it), around most of the text."""
    lines = text.split("\n")
    fences = [i for i, line in enumerate(lines) if _FENCE.match(line)]
    if not fences:
        return None
    first = fences[0]
    m = _FENCE.match(lines[first])
    assert m is not None
    tag = m.group(1).split(" ")[0].lower() if m.group(1) else ""
    if tag not in _WRAPPER_TAGS or sum(1 for x in lines[:first] if x.strip()) > 3:
        return None
    last = fences[-1] if len(fences) > 1 else len(lines)
    if last < len(lines):
        end = _FENCE.match(lines[last])
        assert end is not None
        if end.group(1) or sum(1 for x in lines[last + 1 :] if x.strip()) > 3:
            return None
    inside = _solid("\n".join(lines[first + 1 : last]))
    if inside < _WRAPPED * _solid(text) or not _prose(lines[first + 1 : last]):
        return None
    out = list(lines)
    out[first] = " " * len(lines[first])
    if last < len(lines):
        out[last] = " " * len(lines[last])
    return "\n".join(out)


def _prose(lines: list[str]) -> bool:
    """Whether enough of ``lines`` (non-blank) read as prose: four words or more and
    next to no program punctuation."""
    filled = [x for x in lines if x.strip()]
    if not filled:
        return False
    prose = sum(
        1 for x in filled if len(_WORD.findall(x)) >= 4 and len(_CODE_CHARS.findall(x)) <= 2
    )
    return prose >= _PROSE_LINES * len(filled)


def _fenced_share(text: str) -> float:
    """The share of ``text``'s non-space characters between fence lines, fences paired in
    turn (a quick bound before the Markdown parse that finds the code blocks)."""
    inside, held = False, 0
    for line in text.split("\n"):
        if _FENCE.match(line):
            inside = not inside
        elif inside:
            held += _solid(line)
    return held / max(1, _solid(text))


def _paged(text: str) -> str | None:
    """The text reader's copy of a document in plain-text code blocks (see
    :func:`held_in_code`), or None."""
    if _fenced_share(text) < _HELD - 0.2:  # most files: no second Markdown parse
        return None
    import pyromark

    from citecheck.reader.bytemap import ByteMap

    bmap = ByteMap(text)
    blocks: list[list[tuple[int, int]]] = []
    prose_tag = False
    for event, rng in pyromark.events_with_range(text):
        if isinstance(event, str):
            continue
        kind, value = next(iter(event.items()))
        if kind == "Start" and isinstance(value, dict) and "CodeBlock" in value:
            code = value["CodeBlock"]
            info = code["Fenced"] if isinstance(code, dict) else ""
            prose_tag = (info.split(" ")[0].lower() if info else "") in _PROSE_TAGS
            blocks.append([])
        elif kind == "End" and value == "CodeBlock":
            if not prose_tag:
                blocks.pop()
            prose_tag = False
        elif kind == "Text" and prose_tag and blocks:
            blocks[-1].append((bmap.char(rng["start"]), bmap.char(rng["end"])))
    spans = [s for b in blocks for s in b]
    if not blocks or sum(_solid(text[s:e]) for s, e in spans) < _HELD * _solid(text):
        return None
    if not _prose("".join(text[s:e] for s, e in spans).split("\n")):
        return None
    from citecheck.reader.markdown import read_markdown

    masked = list(read_markdown(text).masked)
    for s, e in spans:
        masked[s:e] = text[s:e]
    return "".join(masked)
