"""Seeded article generator for the benchmark: news articles in plain text and Markdown.

Plain-text articles follow the shape of ``fixtures/000_75297bddb94e8c7d.txt``: a headline,
paragraphs one per line carrying markers such as ``[1][2]``, and a ``References:`` list of
``- Outlet: Title`` items. Markdown articles use footnotes (``[^1]``), reference-style links
with link-reference definitions (``[text][3]``, ``[3]: https://… "Title"``) or a numbered
``## References`` list. Both carry the defects editors meet in drafts: uncited claims,
dangling markers, unused and duplicate sources, commentary in the reference list,
placeholders, attributions to outlets, editorial and code brackets.

Everything depends only on the seed: no network, no clock, no global random state.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

OUTLETS = (
    ("The New York Times", "nytimes.com"),
    ("Reuters", "reuters.com"),
    ("BBC News", "bbc.com"),
    ("CNN", "cnn.com"),
    ("Associated Press", "apnews.com"),
    ("The Guardian", "theguardian.com"),
    ("The Washington Post", "washingtonpost.com"),
    ("Financial Times", "ft.com"),
    ("Al Jazeera", "aljazeera.com"),
    ("Bloomberg", "bloomberg.com"),
    ("Politico", "politico.com"),
    ("NPR", "npr.org"),
    ("Harbour Gazette", "harbourgazette.example"),
    ("Northern Ledger", "northernledger.example"),
    ("The Valley Courier", "valleycourier.example"),
    ("Civic Monitor", "civicmonitor.example"),
)
SUBJECTS = (
    "The finance ministry",
    "The central bank",
    "Opposition lawmakers",
    "Health authorities",
    "The regional governor",
    "Local residents",
    "The transport agency",
    "Union leaders",
    "The city council",
    "Energy regulators",
    "Prosecutors",
    "The defence ministry",
    "Farmers' groups",
    "The state utility",
    "Several European governments",
    "U.S. officials",
    "The prime minister",
    "Independent analysts",
)
VERBS = (
    ("announced", "Announces"),
    ("rejected", "Rejects"),
    ("approved", "Approves"),
    ("postponed", "Postpones"),
    ("criticised", "Criticises"),
    ("confirmed", "Confirms"),
    ("expanded", "Expands"),
    ("suspended", "Suspends"),
    ("proposed", "Proposes"),
    ("defended", "Defends"),
    ("challenged", "Challenges"),
    ("unveiled", "Unveils"),
)
ACTIONS = ("expand", "restrict", "review", "fund", "phase out", "overhaul", "cap", "subsidise")
TOPICS = (
    "water rationing",
    "rail freight",
    "border controls",
    "fishing quotas",
    "wildfire prevention",
    "grain exports",
    "housing subsidies",
    "teacher salaries",
    "data privacy rules",
    "offshore wind farms",
    "fuel taxes",
    "vaccine supplies",
    "coastal flood defences",
    "hospital waiting lists",
    "mining licences",
    "airport expansion",
    "pension reform",
    "drug cartels",
    "steel tariffs",
    "public broadcasting",
    "electricity prices",
    "refugee resettlement",
    "cross-border trade",
    "satellite launches",
)
PLACES = (
    "Mexico",
    "Brazil",
    "Kenya",
    "Norway",
    "the Philippines",
    "Poland",
    "Chile",
    "Vietnam",
    "Canada",
    "Morocco",
    "New Zealand",
    "the European Union",
    "Texas",
    "Ontario",
)
QUALIFIERS = (
    "on Tuesday",
    "after weeks of negotiations",
    "despite strong opposition from industry groups",
    "earlier this year",
    "in a move that surprised many observers",
    "citing rising costs and a shortage of staff",
    "following a series of protests in the capital",
    "ahead of next month's elections",
    "after an independent review found serious shortcomings",
    "in a statement released late on Friday",
    "amid growing pressure from neighbouring countries",
    "for the second time in three years",
)
FOLLOWUPS = (
    "The decision is expected to affect about {n} million people over the next {m} years.",
    "Officials said the measure would cost roughly {n} billion dollars by {year}.",
    "Critics argue that the plan does little to address the underlying problems.",
    "Supporters say the change is long overdue and will save money in the long run.",
    "The proposal still needs the approval of parliament, where the governing coalition "
    "holds a narrow majority.",
    "No timetable for the next steps has been published so far.",
    "Similar measures were introduced in {place} in {year}, with mixed results.",
    "Prices rose by {n} percent in the first quarter, according to official figures.",
    "The agency has not responded to requests for comment.",
    "Talks between the two sides are due to resume later this month.",
    "The U.S. Department of State said it was monitoring the situation closely.",
    "Mr. Alvarez, a former adviser, said the numbers did not add up.",
)
QUOTES = (
    '"We will not back down on this," said a spokesperson for the ministry.',
    '"This is a turning point for the whole region," one analyst said.',
    '"Nobody asked the people who will actually pay for it," a local resident told reporters.',
)
QUESTIONS = (
    "What happens next for {topic}?",
    "Will the plan survive the next budget?",
)
COMMENTARY = (
    "This development in {topic} has sparked debates in the realm of politics and general "
    "news, as well as economy-and-business, due to its potential legal implications and the "
    "diplomatic complexities that surround it in {place} and beyond.",
    "The coverage of {topic} in {place} has brought crime-and-justice and public policy into "
    "the limelight, with officials preparing new measures and the controversy surrounding "
    "the decision, which many observers had not expected this year.",
)
PLACEHOLDERS = ("[citation needed]", "[source?]", "[TK]", "[citation]")
EDITORIAL = ("[sic]", "[...]", "[the committee]")
MIN_SIZE, MAX_SIZE = 2000, 4000
REFERENCE_HEADINGS = ("References:", "References:", "References:", "Sources:", "References")


@dataclass(slots=True)
class _Source:
    outlet: str
    domain: str
    title: str
    slug: str


@dataclass(slots=True)
class _Plan:
    """What one article talks about and which sources it has."""

    rng: random.Random
    topic: str
    place: str
    sources: list[_Source] = field(default_factory=list)


def _title_case(words: str) -> str:
    small = {"a", "an", "and", "of", "to", "in", "on", "for", "the", "as", "at", "by"}
    out = [w if w in small and i else w[:1].upper() + w[1:] for i, w in enumerate(words.split())]
    return " ".join(out)


def _source(plan: _Plan, topic: str | None = None) -> _Source:
    rng = plan.rng
    outlet, domain = rng.choice(OUTLETS)
    topic = topic or rng.choice(TOPICS)
    subject = rng.choice(SUBJECTS).removeprefix("The ")
    verb = rng.choice(VERBS)[1]
    action = rng.choice(ACTIONS)
    title = f"{_title_case(subject)} {verb} Plan to {_title_case(action)} {_title_case(topic)}"
    if rng.random() < 0.4:
        title += f" in {plan.place}"
    slug = "-".join(title.lower().replace("'", "").split())[:80]
    return _Source(outlet, domain, title, slug)


def _sentence(plan: _Plan, topic: str) -> str:
    rng = plan.rng
    roll = rng.random()
    if roll < 0.55:
        subject = rng.choice(SUBJECTS)
        verb = rng.choice(VERBS)[0]
        action = rng.choice(ACTIONS)
        return f"{subject} {verb} a plan to {action} {topic} {rng.choice(QUALIFIERS)}."
    if roll < 0.9:
        return rng.choice(FOLLOWUPS).format(
            n=rng.randint(2, 90),
            m=rng.randint(2, 12),
            year=rng.randint(2009, 2025),
            place=plan.place,
        )
    if roll < 0.97:
        return rng.choice(QUOTES)
    return rng.choice(QUESTIONS).format(topic=topic)


def _attribution(plan: _Plan, cite: int) -> tuple[str, int]:
    """A sentence crediting an outlet; usually it cites that outlet's source."""
    rng = plan.rng
    source = plan.sources[cite - 1]
    if rng.random() < 0.25:
        other = [i for i, s in enumerate(plan.sources, 1) if s.outlet != source.outlet]
        cite = rng.choice(other) if other else cite
    form = rng.randrange(3)
    topic = plan.topic
    if form == 0:
        text = f"According to {source.outlet}, officials in {plan.place} are reviewing {topic}."
    elif form == 1:
        text = f"{source.outlet} reported that the talks on {topic} had stalled again."
    else:
        text = f"The plan, according to {source.outlet}, would change how {topic} is funded."
    return text, cite


def _markers(numbers: list[int]) -> str:
    return "".join(f"[{n}]" for n in numbers)


def _cites(plan: _Plan, used: set[int]) -> list[int]:
    rng = plan.rng
    n = len(plan.sources)
    picks = sorted(rng.sample(range(1, n + 1), k=min(n, rng.choice((1, 1, 2, 2, 3)))))
    used.update(picks)
    return picks


def _defect_marker(plan: _Plan, cites: list[int], roll: float) -> str | None:
    """A defective marker for a paragraph, or None for an ordinary one."""
    rng = plan.rng
    if roll < 0.04:
        return " " + rng.choice(PLACEHOLDERS)
    if roll < 0.10:
        return f" [{len(plan.sources) + rng.randint(1, 3)}]"  # dangling
    if roll < 0.12:
        return " " + rng.choice(("[0]", "[3-1]", "[1,,2]"))  # malformed
    if roll < 0.15:
        return f" [{cites[0]}][{cites[0]}]"  # the same source twice
    return None


Decorate = Callable[[str, list[int]], str]


def _numeric(body: str, cites: list[int]) -> str:
    return body + " " + _markers(cites)


def _paragraphs(plan: _Plan, target: int, decorate: Decorate) -> list[str]:
    """Body paragraphs with citations until the body is about ``target`` characters long."""
    rng = plan.rng
    out: list[str] = []
    used: set[int] = set()
    size = 0
    uncited = rng.random() < 0.35
    while size < target:
        topic = plan.topic if rng.random() < 0.6 else rng.choice(TOPICS)
        sentences = [_sentence(plan, topic) for _ in range(rng.randint(1, 4))]
        cites = _cites(plan, used)
        if rng.random() < 0.35:
            text, cite = _attribution(plan, rng.randint(1, len(plan.sources)))
            sentences.insert(rng.randrange(len(sentences) + 1), text)
            cites = sorted({*cites, cite})
            used.add(cite)
        if rng.random() < 0.08:
            sentences[0] = sentences[0][:-1] + f" {rng.choice(EDITORIAL)}" + sentences[0][-1]
        body = " ".join(sentences)
        roll = rng.random()
        if uncited and out and roll < 0.25:
            uncited = False
        elif (defect := _defect_marker(plan, cites, roll)) is not None:
            body += defect
        else:
            body = decorate(body, cites)
        out.append(body)
        size += len(body) + 1
    return out


def _plan(rng: random.Random) -> _Plan:
    plan = _Plan(rng, rng.choice(TOPICS), rng.choice(PLACES))
    count = rng.randint(3, 8)
    plan.sources = [_source(plan, plan.topic if i < 2 else None) for i in range(count)]
    return plan


def _headline(plan: _Plan) -> str:
    rng = plan.rng
    verb = rng.choice(VERBS)[1].lower()
    return (
        f"{plan.place} {verb} {plan.topic} plan after {rng.choice(('protests', 'talks', 'delays'))}"
    )


def _reference_items(plan: _Plan) -> list[str]:
    rng = plan.rng
    items = [f"{s.outlet}: {s.title}" for s in plan.sources]
    if rng.random() < 0.15:
        items.append(f"{rng.choice(OUTLETS)[0]}: {_source(plan).title}")  # unused source
    if rng.random() < 0.12:
        items.append(items[rng.randrange(len(plan.sources))] + ".")  # duplicate
    if rng.random() < 0.25:
        for _ in range(rng.randint(1, 2)):
            items.append(rng.choice(COMMENTARY).format(topic=plan.topic, place=plan.place))
    return items


def text_article(rng: random.Random) -> str:
    """Return one plain-text article of 2–4 KB in the shape of the mission's article."""
    plan = _plan(rng)
    size = rng.randint(MIN_SIZE, MAX_SIZE - 500)
    head = _headline(plan)
    tail = [rng.choice(REFERENCE_HEADINGS)] + ["- " + i for i in _reference_items(plan)]
    fixed = len(head) + sum(len(t) + 1 for t in tail) + 2
    body = _fit(_paragraphs(plan, max(size - fixed, 300), _numeric), MAX_SIZE - fixed)
    return "\n".join([head, *body, *tail]) + "\n"


def _fit(paragraphs: list[str], room: int) -> list[str]:
    """Drop trailing paragraphs until the body fits in ``room`` characters."""
    while len(paragraphs) > 2 and sum(len(p) + 1 for p in paragraphs) > room:
        paragraphs.pop()
    return paragraphs


def _url(s: _Source, rng: random.Random) -> str:
    return f"https://www.{s.domain}/{rng.randint(2019, 2025)}/{s.slug}"


def _definitions(plan: _Plan, style: str) -> list[str]:
    rng = plan.rng
    sources = list(enumerate(plan.sources, 1))
    if rng.random() < 0.2:
        sources.append((len(sources) + 1, _source(plan)))  # defined, never cited
    out: list[str] = []
    if style == "footnote":
        for n, s in sources:
            out.extend([f'[^{n}]: {s.outlet}, "{s.title}," <{_url(s, rng)}>', ""])
    elif style == "linkdef":
        out.extend(f'[{n}]: {_url(s, rng)} "{s.outlet}: {s.title}"' for n, s in sources)
    else:
        out.extend(["## References", ""])
        out.extend(f"{n}. {s.outlet}: [{s.title}]({_url(s, rng)})" for n, s in sources)
    return out


def _markdown_decorator(plan: _Plan, style: str) -> Decorate:
    rng = plan.rng
    n = len(plan.sources)

    def footnote(body: str, cites: list[int]) -> str:
        if rng.random() < 0.06:
            cites = [n + rng.randint(1, 4)]  # no such footnote
        return body + "".join(f"[^{c}]" for c in cites)

    def linkdef(body: str, cites: list[int]) -> str:
        cite = rng.choice(cites) if rng.random() > 0.06 else n + rng.randint(1, 4)
        outlet = plan.sources[min(cite, n) - 1].outlet
        form = rng.randrange(3)
        if form == 0:
            return f"{body} As [{outlet} reported][{cite}], the details remain unclear."
        if form == 1:
            return f"{body} See [the full report][{cite}] for the figures."
        return f"{body} [{cite}]"

    return {"footnote": footnote, "linkdef": linkdef}.get(style, _numeric)


def markdown_article(rng: random.Random) -> str:
    """Return one Markdown article of 2–4 KB: footnotes, link definitions or a numbered list."""
    plan = _plan(rng)
    style = rng.choice(("footnote", "linkdef", "numbered"))
    size = rng.randint(MIN_SIZE + 100, MAX_SIZE - 500)
    head = [f"# {_title_case(_headline(plan))}", ""]
    tail = _definitions(plan, style)
    fixed = sum(len(t) + 1 for t in head + tail) + 20
    paragraphs = _paragraphs(plan, max(size - fixed, 300), _markdown_decorator(plan, style))
    # Room for the blank lines between paragraphs and the blocks mixed in below.
    paragraphs = _fit(paragraphs, MAX_SIZE - fixed - 140 - len(paragraphs))
    out = head
    for i, para in enumerate(paragraphs):
        out.extend([para, ""])
        if i == 1 and rng.random() < 0.5:
            out.extend(["## Background", ""])
        elif i == 2 and rng.random() < 0.3:
            out.extend(["```python", "weights = scores[0] + scores[1]  # [1] is code", "```", ""])
        elif i == 3 and rng.random() < 0.3:
            out.extend(["> [!NOTE]", "> Figures are provisional; `data[2]` is revised.", ""])
        elif i == 4 and rng.random() < 0.3:
            out.extend(["- [x] Confirm the numbers", "- [ ] Ask the ministry", ""])
    out.extend(tail)
    return "\n".join(out) + "\n"


def big_text(rng: random.Random, size: int) -> str:
    """Return one long plain-text document of about ``size`` bytes.

    It reads like many articles joined under one headline, numbered continuously, with a
    single reference list at the end: references grow with the document.
    """
    lines = ["Collected reporting on regional policy"]
    items: list[str] = []
    total = len(lines[0]) + 13
    while total < size:
        plan = _plan(rng)
        base = len(items)
        body = [_shift(p, base) for p in _paragraphs(plan, rng.randint(1500, 3000), _numeric)]
        lines.extend(body)
        items.extend(f"{s.outlet}: {s.title}" for s in plan.sources)
        total += sum(len(p) + 1 for p in body) + sum(len(i) + 3 for i in items[base:])
    lines.append("References:")
    lines.extend("- " + item for item in items)
    return "\n".join(lines) + "\n"


def _shift(paragraph: str, base: int) -> str:
    """Renumber the markers of one article so that they follow the previous articles."""
    import re

    def bump(m: re.Match[str]) -> str:
        return "[" + ",".join(str(int(n) + base) for n in m.group(1).split(",")) + "]"

    return re.sub(r"\[(\d+(?:,\d+)*)\]", bump, paragraph)


@dataclass(frozen=True, slots=True)
class Generated:
    """What :func:`write_corpus` wrote."""

    files: int
    bytes: int


def write_corpus(folder: Path, count: int, kind: str, seed: int) -> Generated:
    """Write ``count`` articles of ``kind`` (``text`` or ``markdown``) into ``folder``."""
    rng = random.Random(f"{kind}:{seed}")
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    suffix = ".txt" if kind == "text" else ".md"
    make = text_article if kind == "text" else markdown_article
    for i in range(count):
        data = make(rng).encode("utf-8")
        # Spread over subfolders as editorial drafts usually are; keeps folders small.
        sub = folder / f"{i // 1000:02d}"
        if i % 1000 == 0:
            sub.mkdir(exist_ok=True)
        (sub / f"article-{i:05d}{suffix}").write_bytes(data)
        total += len(data)
    return Generated(count, total)


def write_big(path: Path, size: int, seed: int) -> int:
    """Write one long plain-text document of about ``size`` bytes; return its size."""
    data = big_text(random.Random(f"big:{seed}"), size).encode("utf-8")
    path.write_bytes(data)
    return len(data)
