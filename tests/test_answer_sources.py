"""How answer engines write their sources, read: Gemini's source numbers flattened into
CJK text, a copied Perplexity answer's site-named links, ChatGPT's entity wrappers (no
citations), arrays (no citation groups), and an answer's closing framing (no claims)."""

from __future__ import annotations

import pytest

from citecheck.api import analyse, check_text
from citecheck.model import Document
from citecheck.parser.flatnumbers import HABIT, flat_habit
from citecheck.parser.nonmarkers import among_arrays, is_array
from citecheck.parser.stance import own_stance


def parsed(text: str, path: str = "answer.md") -> Document:
    doc, _ = analyse(text, path=path)
    return doc


def codes(text: str, path: str = "answer.md") -> list[str]:
    return [f.code for f in check_text(text, path=path).findings]


# Gemini's flattened source numbers

_GEMINI = "检索增强生成已成为将外部知识集成到模型输出中的关键技术 {n}。\n\n"


def test_flattened_numbers_are_read_as_a_habit() -> None:
    text = "".join(_GEMINI.format(n=n) for n in range(1, HABIT + 1))
    doc = parsed(text)
    assert [m.keys for m in doc.markers] == [(str(n),) for n in range(1, HABIT + 1)]
    assert all(s.covered_by for s in doc.sentences if s.claim)


def test_too_few_flattened_numbers_are_quantities() -> None:
    text = "".join(_GEMINI.format(n=n) for n in range(1, HABIT))
    assert not flat_habit(text)
    assert parsed(text).markers == []


@pytest.mark.parametrize(
    ("sentence", "keys"),
    [
        ("一个简单的“索引、检索、生成”管道 3，在企业级应用中面临瓶颈。", ("3",)),
        ("其分块策略（例如，默认的 1024 令牌）4。", ("4",)),
        ("和“模块化 RAG” (Modular RAG) 3。", ("3",)),
        ("复杂的分析型查询从较大的分块中获益最多 7, 8。", ("7", "8")),
    ],
)
def test_flattened_number_forms(sentence: str, keys: tuple[str, ...]) -> None:
    habit = "".join(_GEMINI.format(n=n) for n in range(10, 10 + HABIT))
    doc = parsed(habit + sentence + "\n")
    assert doc.markers[-1].keys == keys


@pytest.mark.parametrize(
    "sentence",
    [
        "每周学习 5 天。",
        "峰值吞吐量为每秒 41 令牌。",
        "第 1 部分：检索。",
        "之前和之后的 3 句。",
        "图 6：语音波形。",
        "具体波形及采样时间段见图6。",
        "流B依赖于流A且权重是4，流C的权重是12。",
        "4.3 历史奥运项目评估实验 33",
    ],
)
def test_quantities_stay_words(sentence: str) -> None:
    habit = "".join(_GEMINI.format(n=n) for n in range(10, 10 + HABIT))
    doc = parsed(habit + sentence + "\n")
    assert len(doc.markers) == HABIT


def test_latin_text_has_no_flattened_numbers() -> None:
    text = "".join(f"The pipeline has stage {n}.\n\n" for n in range(1, 20))
    assert not flat_habit(text)


# Site-named links

_CHIPS = (
    "Amazon's tool scored candidates from one to five. [reuters](https://www.reuters.com/a)\n\n"
    "It was trained on ten years of resumes. [aclu](https://www.aclu.org/news/b)\n\n"
    "HireVue dropped facial analysis in 2021.[fortune+2](https://fortune.com/2021/c)\u200b\n\n"
)


def test_site_named_links_cite_their_pages() -> None:
    doc = parsed(_CHIPS)
    assert [m.keys for m in doc.markers] == [("1",), ("2",), ("3",)]
    assert [r.url for r in doc.references] == [
        "https://www.reuters.com/a",
        "https://www.aclu.org/news/b",
        "https://fortune.com/2021/c",
    ]


def test_one_site_named_link_is_a_link() -> None:
    text = "The code lives on [github](https://github.com/example/project) and builds at once.\n"
    assert parsed(text).markers == []


def test_a_link_named_otherwise_is_not_a_chip() -> None:
    text = _CHIPS + "See the [Reuters story](https://www.reuters.com/a) for details.\n"
    assert len(parsed(text).markers) == 3


# ChatGPT's entity wrappers

_ENTITY = '\ue200entity\ue202["people","Roy P. Kerr","physicist"]\ue201'
_CITE = "\ue200cite\ue202turn0search3\ue201"


def test_entity_wrappers_are_no_citations() -> None:
    doc = parsed(f"The metric was found by {_ENTITY} in 1963. {_CITE}\n")
    assert [m.raw for m in doc.markers] == [_CITE]
    assert codes(f"The metric was found by {_ENTITY} in 1963.\n") == []


# Arrays


@pytest.mark.parametrize(
    ("content", "array"),
    [("-60, -60, -30", True), ("0, 20, 40", True), ("-10, 0, 10", True), ("1, 2, 2", False)],
)
def test_arrays(content: str, array: bool) -> None:
    assert is_array(content) is array


def test_a_value_beside_arrays_is_one() -> None:
    line = "LEFT as [-60, -60, -30] and RIGHT as [30, 60, 60]."
    assert among_arrays(line, line.index("[30"), line.index("60]") + 3)
    assert not among_arrays("Shown in [1, 2, 2].", 9, 18)
    assert parsed(line + "\n").markers == []


def test_a_duplicate_citation_is_still_one() -> None:
    assert [m.keys for m in parsed("Trees grow slowly [1, 2, 2].\n\n[1] A.\n[2] B.\n").markers]


# Closing framing and proposals

_EXPORT = (
    '<img src="https://r2cdn.perplexity.ai/pplx-full-logo-primary-dark%402x.png"/>\n\n'
    "# Which wallet?\n\nA browser wallet keeps the keys on the device.[^1_1]\n\n"
    "## Conclusion\n\nThe combination of low cost and safety creates a clear advantage.\n\n"
    "[^1_1]: https://example.org/wallets\n"
)


def test_an_answers_conclusion_holds_no_claims() -> None:
    assert "CC001" not in codes(_EXPORT)


def test_an_articles_conclusion_still_does() -> None:
    text = (
        "# Wallets\n\nA browser wallet keeps the keys on the device [1].\n\n"
        "## Conclusion\n\nThe combination of low cost and safety creates a clear advantage.\n\n"
        "## References\n\n1. Wallets. https://example.org/wallets\n"
    )
    assert "CC001" in codes(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Double down on short-form, narrative-led video and micro-influencer collaborations.",
        "**Enhance conversational interfaces**—advanced chatbots and WhatsApp commerce.",
        "Launch a behind-the-scenes page that shows the lab and the team.",
        "Suggest two-step checkouts and strategic upsells to push fresh buyers.",
        "Test a single-use offer for first purchases.",
    ],
)
def test_proposals_are_stance(sentence: str) -> None:
    assert own_stance(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["Test results show a drop of 20% in churn.", "Start times vary across the three regions."],
)
def test_nouns_that_look_like_orders_are_not(sentence: str) -> None:
    assert not own_stance(sentence)


def test_a_reports_conclusion_beside_residue_holds_no_claims() -> None:
    cite = "\ue200cite\ue202turn0search1\ue201"
    body = f"# Wallets\n\nA browser wallet keeps the keys on the device. {cite}\n\n"
    closing = "The combination of low cost and safety creates a clear advantage.\n"
    assert "CC001" not in codes(body + "## Conclusion\n\n" + closing)
    assert "CC001" in codes(body + "## Costs\n\n" + closing)


def test_an_answers_rationale_holds_no_claims() -> None:
    head = _EXPORT.split("## Conclusion", maxsplit=1)[0]
    items = (
        "- **Contratos genéricos**:\n"
        "  - **Vantagens**:\n"
        "    - Economia de tempo: implantação rápida sem desenvolvimento do zero.\n"
        "    - Segurança comprovada: menos vulnerabilidades devido a testes em produção.\n"
        "  - O contrato Governor oferece módulos para quorum e atrasos de execução.\n\n"
        "### Por que essas mudanças importam?\n\n"
        "Elas separam claramente as operações financeiras dos contratos personalizados.\n\n"
        "[^1_1]: https://example.org/wallets\n"
    )
    doc = parsed(head + items)
    claims = [" ".join(s.text.split()) for s in doc.sentences if s.claim and not s.covered_by]
    assert claims == ["O contrato Governor oferece módulos para quorum e atrasos de execução."]
