"""The walk of the HTML reader over the tree: what each element opens and closes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citecheck.reader.htmlkinds import BLOCKS, CODE, SKIP, Spec, aside_of_text, spec

if TYPE_CHECKING:
    from citecheck.reader.html_reader import Reader


def walk(r: Reader, top: Any) -> None:
    """Visit the tree depth first without recursion (pages nest deeply)."""
    stack: list[tuple[Any, bool]] = [(top, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            _leave(r, node)
            continue
        if node.is_text_node:
            r.text(node)
            continue
        if not node.is_element_node or not _enter(r, node):
            continue
        stack.append((node, True))
        children = list(node.iter(include_text=True))
        stack.extend((c, False) for c in reversed(children))


def _enter(r: Reader, el: Any) -> bool:
    """Open what an element starts; return whether to visit its children."""
    tag = el.tag
    if el.mem_id in r.chrome:
        return False
    if tag in SKIP:
        if tag == "pre" and el.css_first("h1, h2, h3, h4, h5, h6") is not None:
            # A <pre> left open swallows the rest of the page (its headings, paragraphs
            # and reference list): read what it holds as text.
            r.flush()
            return True
        if tag != "aside" or not aside_of_text(el):
            return False
        r.flush()  # a note of the text: read, never a claim
        r.specs.append(spec(el, r.notes))
        return True
    if tag == "br":
        r.joined = False
        return False
    if tag == "a":
        if r.link(el):
            return False
        r.links += 1
    elif (tag == "sup" and (r.cleanup_tag(el) or r.superscript(el))) or (
        tag == "span" and r.citation(el)
    ):
        return False
    if tag in CODE:
        r.code += 1
    elif tag in BLOCKS:
        if tag == "dd" and r.pair:
            r.pair, r.joined = False, False  # the entry of the <dt> label before it
            r.joined_dd.add(el.mem_id)
        elif r.specs and r.specs[-1].inner and tag in _joining(r.specs[-1]):
            r.joined = False  # a paragraph inside a list item or cell stays part of it
        else:
            _close_pair(r)
            r.flush()
            opened = spec(el, r.notes)
            opened.owner = el.mem_id
            r.specs.append(opened)
    return True


def _joining(open_spec: Spec) -> tuple[str, ...]:
    """The blocks that stay part of an open one: paragraphs, and an entry row's cells."""
    return ("p", "div", "td", "th") if open_spec.row else ("p", "div")


def _close_pair(r: Reader) -> None:
    """A ``<dt>`` label with no ``<dd>`` after it is an entry by itself."""
    if r.pair:
        r.pair = False
        r.flush()
        if r.specs:
            r.specs.pop()


def _leave(r: Reader, el: Any) -> None:
    tag = el.tag
    if tag == "aside":
        r.flush()
        r.specs.pop()
    elif tag == "a":
        r.links -= 1
        r.close_link(el)
    elif tag in CODE:
        r.code -= 1
    elif tag in BLOCKS:
        if tag == "dt" and r.specs and r.specs[-1].pair:
            r.pair, r.joined = True, False  # the entry goes on in the <dd> after it
        elif tag == "dd" and el.mem_id in r.joined_dd:
            r.joined_dd.discard(el.mem_id)
            r.flush()
            r.specs.pop()
        elif tag == "dl":
            _close_pair(r)
            r.flush()
            if r.specs:
                r.specs.pop()
        elif (
            r.specs
            and r.specs[-1].inner
            and r.specs[-1].owner != el.mem_id
            and tag in _joining(r.specs[-1])
        ):
            r.joined = False  # a paragraph inside a list item or cell
        else:
            r.flush()
            if r.specs:
                r.specs.pop()
