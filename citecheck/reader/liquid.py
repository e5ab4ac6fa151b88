"""Code blocks written with Jekyll's Liquid tags: ``{% highlight lang %}`` … ``{% endhighlight %}``.

A Jekyll post shows code between Liquid's ``highlight`` tags, not in a Markdown fence, so a
Markdown reader takes the code for prose: a post that shows how to write a footnote
(``[^1]: The footnote text`` inside the tags) seems to define the note twice. Each such
block is turned into a fenced code block in the copy the Markdown parser reads (the tag
lines become ``~~~`` fences of the same length, so offsets do not move); the text itself
is unchanged.
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

_BLOCK = lazy(
    r"^([ \t]{0,3}\{%-?[ \t]*highlight\b[^%\n]*-?%\}[ \t]*)$(.*?)"
    r"^([ \t]{0,3}\{%-?[ \t]*endhighlight[ \t]*-?%\}[ \t]*)$",
    re.M | re.S,
)


def liquid_code(text: str) -> str:
    """``text`` with each Liquid ``highlight`` block fenced as code (see the module); the
    same length, line for line. Blocks whose code holds a ``~~~`` fence are left alone."""
    if "endhighlight" not in text:
        return text
    parts: list[str] = []
    pos = 0
    for m in _BLOCK.finditer(text):
        if "~~~" in m.group(2):
            continue
        parts.append(text[pos : m.start()])
        parts.append(_fence(m.group(1)))
        parts.append(m.group(2))
        parts.append(_fence(m.group(3)))
        pos = m.end()
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def _fence(line: str) -> str:
    """A ``~~~`` fence as long as the tag line it replaces (a tag is longer than three)."""
    return "~~~" + " " * (len(line) - 3)
