"""Answer-engine exports: Gemini's ``<sup>N</sup>`` in CJK text, ChatGPT deep research's
escaped link markers and headingless source list, and a report's own stance (proposals,
recommendations, self-reference) that is no claim."""

from __future__ import annotations

import pytest

from citecheck.api import analyse, check_text
from citecheck.model import Document
from citecheck.parser.stance import own_stance

WORKS_CITED = (
    "#### **Works cited**\n\n"
    "1. Scripting the Unreal Editor, accessed December 11, 2025, <https://example.org/a>\n\n"
    "2. Slate UI Framework, accessed December 11, 2025, <https://example.org/b>\n\n"
    "3. Tencent/puerts on GitHub, accessed December 11, 2025, <https://example.org/c>\n"
)


def parsed(text: str, path: str = "report.md") -> Document:
    doc, _ = analyse(text, path=path)
    return doc


def keys(text: str, path: str = "report.md") -> list[tuple[str, ...]]:
    return [m.keys for m in parsed(text, path).markers]


# Raised numbers in CJK text


@pytest.mark.parametrize(
    "sentence",
    [
        "迅速成为资产批量处理的首选 <sup>1</sup>。",
        "引入了强类型脚本开发环境（V8/Node.js） <sup>1</sup>。",
        "推荐并深度支持 **Node.js** 后端 <sup>1</sup>。",
        "不会阻塞编辑器的主线程 UI <sup>1</sup>。",
        "日本語のテキストでも引用できる<sup>1</sup>。",
    ],
)
def test_sup_after_cjk_text_cites(sentence: str) -> None:
    assert keys(f"# 报告\n\n{sentence}\n\n{WORKS_CITED}") == [("1",)]


@pytest.mark.parametrize(
    "sentence",
    [
        "该房间面积为 120 m<sup>2</sup>，很大。",  # a unit's power
        "约有 10<sup>3</sup> 个像素。",  # an exponent
        "面积约 3 km <sup>2</sup>。",  # a symbol, a space away
        "碳同位素写作 <sup>14</sup>C。",  # glued to the next word
    ],
)
def test_sup_that_is_no_citation_in_cjk_text(sentence: str) -> None:
    assert keys(f"# 报告\n\n{sentence}\n\n{WORKS_CITED}") == []


def test_sup_alone_in_a_table_cell_cites() -> None:
    table = (
        "| 维度 | 来源 |\n| :-- | :-- |\n| **生态** | <sup>2</sup> |\n"
        "| 性能 | 较快 <sup>3</sup> |\n"
    )
    assert keys(f"# 报告\n\n{table}\n{WORKS_CITED}") == [("2",), ("3",)]


def test_sup_after_cjk_text_in_html() -> None:
    page = (
        "<p>迅速成为资产批量处理的首选<sup>1</sup>。主线程不会被阻塞（V8）<sup>2</sup>。</p>\n"
        "<h2>References</h2>\n<ol>\n<li>Scripting the Unreal Editor, 2025.</li>\n"
        "<li>Slate UI Framework, 2025.</li>\n</ol>\n"
    )
    assert keys(page, "page.html") == [("1",), ("2",)]


# ChatGPT deep research through Word to Markdown

SOURCES = (
    "------------------------------------------------------------------------\n\n"
    "[\\[1\\]](https://arxiv.org/abs/2005.14165#:~:text=few) "
    "[\\[13\\]](https://arxiv.org/abs/2005.14165#:~:text=many) "
    "\\[2005.14165\\] Language Models are Few-Shot Learners\n\n"
    "<https://arxiv.org/abs/2005.14165>\n\n"
    "[\\[2\\]](https://openai.com/index/gpt-4-research/#:~:text=We) GPT-4 \\| OpenAI\n\n"
    "<https://openai.com/index/gpt-4-research/>\n"
)


def test_escaped_link_markers_resolve_to_the_headingless_source_list() -> None:
    text = (
        "# Report\n\nGPT-3 was trained on 300 billion tokens"
        "[\\[1\\]](https://arxiv.org/abs/2005.14165#:~:text=few). It learns tasks from a few"
        " examples in its prompt[\\[13\\]](https://arxiv.org/abs/2005.14165#:~:text=many)"
        "[\\[2\\]](https://openai.com/index/gpt-4-research/#:~:text=We).\n\n" + SOURCES
    )
    doc = parsed(text)
    refs = {r.key: r for r in doc.references}
    assert sorted(refs) == ["1", "2"]
    assert refs["1"].aliases == ("13",)
    assert refs["1"].title == "[2005.14165] Language Models are Few-Shot Learners"
    assert refs["1"].url == "https://arxiv.org/abs/2005.14165"
    assert refs["2"].url == "https://openai.com/index/gpt-4-research/"
    assert [m.keys for m in doc.markers] == [("1",), ("13",), ("2",)]
    rules = [f.rule for f in check_text(text, path="report.md").findings]
    # 13 names source 1 again, for another passage: no duplicate, nothing dangles or is uncited
    assert rules == []


def test_source_under_two_numbers_in_plain_text() -> None:
    text = (
        "Report\n\nGPT-3 was trained on 300 billion tokens [1]. It learns tasks from a few"
        " examples in its prompt [2][3].\n\n"
        "[1] [2] Language Models are Few-Shot Learners\nhttps://arxiv.org/abs/2005.14165\n\n"
        "[3] GPT-4 | OpenAI\nhttps://openai.com/index/gpt-4-research/\n"
    )
    doc = parsed(text, "report.txt")
    assert [(r.key, r.aliases) for r in doc.references] == [("1", ("2",)), ("3", ())]
    assert check_text(text, path="report.txt").findings == []


def test_a_bracketed_year_is_no_second_number() -> None:
    text = (
        "Report\n\nThe survey covered 4,000 households in two regions [12].\n\n"
        "Sources\n\n[12] [2019] Household survey of the two regions. Statistics Office.\n"
    )
    refs = parsed(text, "report.txt").references
    assert [(r.key, r.aliases) for r in refs] == [("12", ())]


# A report's own stance


@pytest.mark.parametrize(
    "sentence",
    [
        "We propose criteria for theory evaluation that weigh predictive fit.",
        "In short, we invert the usual stance on explanation.",
        "Methodology:** We recommend new experimental methods for the field.",
        "This manifesto aims to reformulate theories of language.",
        "Our manifesto embraces pragmatics as part of meaning.",
        "The rest of the report elaborates these points with citations.",
        "Overall, the cognitive pillar recommends reframing acquisition research.",
        "Model Probing:** Systematically analyze existing language models.",
        "Benchmark Development:** Curate tasks that isolate specific phenomena.",
        "For instance, create a synthetic language with just enough structure.",
        "(2) Hybrid models – allow a mix of learned structure and innate biases.",
        "Study the societal impact of shifting language theory.",
        "Future models should explore data vetting and privacy-preserving learning.",
        "Linguists and AI researchers should jointly construct the new paradigm.",
        "If humans learn such a language, that suggests the needed bias.",
        "LLMs lack world grounding, but we view this as a solvable gap.",
        "This calls for research into models that learn language with vision.",
        "This report delineates a framework for food security in small gardens.",
        "本报告将从技术架构、开发工作流等多个维度详尽分析 Puerts 的适用性。",
        "建议采用混合策略：底层逻辑用 C++ 实现，界面用 TypeScript 实现。",
        "对于中大型项目团队，引入 Puerts 作为编辑器扩展的高级层是明智的。",
    ],
)
def test_own_stance_is_no_claim(sentence: str) -> None:
    assert own_stance(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # true uncited claims of the judged sets: they stay claims
        "We see this in elite athletes who react to a ball before seeing it.",
        "We now possess a growing toolkit of methods to steer sleep.",
        "This implies that all eigenvalues of a Hermitian matrix are real.",
        "This suggests that categorisation can occur in a feed-forward sweep.",
        "These ongoing costs should be distinguished from switching costs.",
        "It should be emphasized that dosage and purity are crucial.",
        "Note that this should be changed as appropriate for the metric.",
        # nouns that open declarative sentences
        "Study participants were paid 20 dollars for each session.",
        "Train services were cut by half in 2020.",
        "Support for the policy grew to 60 percent in 2021.",
        # someone else's recommendation, reported
        "The WHO says adults should get 150 minutes of exercise a week.",
        "The report found that 40 percent of households lacked broadband.",
        "Human language follows conversational maxims and norms.",
        "This study found that 40 percent of nurses had skipped a break.",
        "Python 在数字内容创作领域迅速成为资产批量处理的首选。",
        # a promise quoted from someone (tests/test_html_input.py's news page)
        "We will build the bridge before the next winter comes.",
    ],
)
def test_claims_are_no_stance(sentence: str) -> None:
    assert not own_stance(sentence)


def test_stance_sentences_are_not_uncited_claims_in_an_export() -> None:
    text = (
        "# Report\n\nWe propose a new research agenda for the field. Children hear about"
        " ten million words a year. Future work should test this on child corpora.\n\n"
        "Infants tell their mother's voice from others at birth [1].\n\n"
        "## References\n\n[1] DeCasper AJ, Fifer WP. Of human bonding. Science. 1980.\n"
    )
    found = [(f.line, f.column, f.rule) for f in check_text(text, path="r.md").findings]
    assert found == [(3, 49, "uncited-claim")]


def test_source_under_two_numbers_below_a_heading_in_plain_text() -> None:
    text = (
        "Report\n\nGPT-3 was trained on 300 billion tokens [1]. It learns tasks from a few"
        " examples in its prompt [2].\n\nSources\n\n"
        "[1] [2] Language Models are Few-Shot Learners. https://arxiv.org/abs/2005.14165\n"
    )
    refs = parsed(text, "report.txt").references
    assert [(r.key, r.aliases) for r in refs] == [("1", ("2",))]
    assert refs[0].title == "Language Models are Few-Shot Learners"


# Numbers glued to words: a Gemini export's superscripts, flattened

GLUED_LIST = "".join(
    f"{n}. Source number {n}, accessed May 5, 2025, https://example.org/{n}\n" for n in range(1, 9)
)


def glued(body: str) -> list[tuple[str, ...]]:
    return keys(f"# Report\n\n{body}\n\n#### **Works cited**\n\n{GLUED_LIST}")


def test_numbers_glued_to_words_cite_when_the_document_does_it_throughout() -> None:
    body = (
        "Stories act as cognitive simulators1. Oral traditions carried survival knowledge2."
        " Storytelling is a low-risk space for problem-solving3, and it aids memory4."
        " Readers report attitudes closer to a story's message (transportation)5."
    )
    assert glued(body) == [("1",), ("2",), ("3",), ("4",), ("5",)]


def test_a_few_glued_numbers_are_no_habit() -> None:
    assert glued("Stories act as cognitive simulators1. Oral traditions carried knowledge2.") == []


def test_names_tools_and_types_with_digits_are_no_citations() -> None:
    body = (
        "Frederik Aust1 and Marius Barth2 wrote it. We used lme4 and ggplot2 in R."
        " The tensors were float32. Weights were stored as bfloat16. It ran on python3."
        " Stories act as cognitive simulators1. Oral traditions carried survival knowledge2."
        " Storytelling is a low-risk space for problem-solving3, and it aids memory4."
        " Readers report attitudes closer to a story's message (transportation)5."
    )
    assert glued(body) == [("1",), ("2",), ("3",), ("4",), ("5",)]


def test_a_bracketed_figure_label_is_a_caption() -> None:
    text = (
        "# Report\n\nMCP was released in November 2024 [1].\n\n"
        "**[Fig 1]** MCP Architecture Diagram. Generated from official MCP documentation.\n\n"
        "## References\n\n[1] Anthropic. Introducing the Model Context Protocol. 2024.\n"
    )
    assert check_text(text, path="r.md").findings == []


# A marker that cannot be read still marks what its writer cited


def _uncited(text: str, scope: str = "paragraph") -> list[str]:
    from citecheck.config.settings import Settings

    settings = Settings.model_validate({"scope": scope})
    report = check_text(text, path="report.md", settings=settings)
    return [f.text[:20] for f in report.findings if f.rule == "uncited-claim"]


def test_claims_before_residue_are_left_to_malformed_citation() -> None:
    text = (
        "Night trains returned to Europe after 2020. Ticket sales doubled within two years."
        " citeturn3search1turn4view0 The operators plan more routes.\n\n"
        "Demand is highest in winter, when fog delays many flights.\n"
    )
    assert _uncited(text) == ["The operators plan m", "Demand is highest in"]
    # Every claim needs its own marker under --scope sentence: only the one that carries
    # the residue is left to malformed-citation.
    assert _uncited(text, "sentence") == [
        "Night trains returne",
        "The operators plan m",
        "Demand is highest in",
    ]


def test_a_readable_marker_between_keeps_its_own_cover() -> None:
    text = (
        "Night trains returned to Europe after 2020 [1]. Ticket sales doubled within two"
        " years. The operators plan more routes [2-].\n\n## References\n\n1. Rail Weekly."
        " Night trains. 2024.\n2. Rail Weekly. Routes. 2025.\n"
    )
    assert _uncited(text) == []


# Numbered notes cited without their caret (a Perplexity download)


def test_plain_numbers_cite_numbered_notes_when_no_caret_is_called() -> None:
    text = (
        "# Trains\n\nNight trains returned after 2020.[1][2] Sales doubled.[3]\n\n# Reference\n\n"
        "[^1]: https://a.example.org/x\n\n[^2]: https://b.example.org/y\n\n"
        "[^3]: https://c.example.org/z\n"
    )
    report = check_text(text, path="answer.md")
    assert [f.rule for f in report.findings] == []
    assert report.stats.cited_references == 3


def test_plain_numbers_stay_apart_from_notes_called_by_caret() -> None:
    text = (
        "# Trains\n\nNight trains returned after 2020.[^1] Sales doubled.[1]\n\n"
        "[^1]: https://a.example.org/x\n"
    )
    found = [(f.rule, f.text) for f in check_text(text, path="answer.md").findings]
    assert found == [("dangling-citation", "[1]")]


# A study plan's steps and advice are no claims

_PLAN = (
    "# Plan\n\nThe exam has twelve papers [1].\n\n- {sentence}\n\n"
    "## References\n\n1. PSC. Rules. 2025.\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "**Goal:** Cover 80% of the syllabus.",
        "**Technique:** Practice past papers weekly.",
        "**Body (80%):** Use short paragraphs.",
        "Memorize figures from the annual economic survey.",
        "**Priority Action:** Novice aspirants must immediately focus on the essay paper.",
        "**Group 5:** *Environmental Science* is highly recommended (short syllabus).",
        "The following resources are selected from past toppers' lists.",
        "When building tools for open-ended problems, one should prioritize flexible prompts.",
    ],
)
def test_study_plan_steps_are_no_claims(sentence: str) -> None:
    text = _PLAN.format(sentence=sentence)
    assert _uncited(text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "**Cover crops:** Cover crops reduce soil erosion on sloping fields.",
        "Practice varies between provinces, and some hold the exam twice a year.",
        "Vitamin D supplements are recommended by the health ministry for infants.",
        "The WHO says adults should start screening at fifty.",
        "Future initiatives must prioritize evidence-based structural interventions.",
    ],
)
def test_statements_that_look_like_advice_stay_claims(sentence: str) -> None:
    text = _PLAN.format(sentence=sentence)
    assert len(_uncited(text)) == 1


@pytest.mark.parametrize(
    ("residue", "problem"),
    [
        (":contentReference[oaicite:0]{index=0}", "citation residue"),
        ("[attached_file:1]", "attached file"),
        ("【turn0search7†L10-L20】", "citation residue"),
    ],
)
def test_copied_residue_is_read_as_a_marker_that_names_nothing(residue: str, problem: str) -> None:
    markers = parsed(
        f"# Trains\n\nNight trains returned after 2020. Sales doubled. {residue}\n"
    ).markers
    assert [m.raw for m in markers] == [residue]
    assert problem in (markers[0].problem or "")


def test_a_copied_chatgpt_citation_link_cites_its_page() -> None:
    text = (
        "# Trains\n\nThe Brussels line closed in 2024. Its operator blamed track fees."
        " [oai_citation:2‡Rail Weekly](https://www.railweekly.com/news/brussels-2024/)\n"
    )
    doc = parsed(text)
    assert [m.kind.name for m in doc.markers] == ["LINK"]
    assert _uncited(text) == []


def test_a_sentence_that_goes_on_describing_the_report_is_no_claim() -> None:
    text = (
        "# Guide\n\nThis report provides a framework for students preparing for the exam."
        " It covers the schedule, the resources and a study plan.\n\n"
        "The exam has twelve papers [1]. It covers six compulsory subjects.\n\n"
        "## References\n\n1. PSC. Rules. 2025.\n"
    )
    assert _uncited(text) == ["It covers six compul"]
