"""Answer transcripts whose lists restart per answer, Chinese reports' source lines, and
author-year callouts in Chinese and in Word manuscripts (fixtures/kinds/per-answer-lists,
source-lines, fullwidth-callouts, same-year-callouts)."""

from __future__ import annotations

from pathlib import Path

from citecheck.api import analyse, check_file, check_text
from citecheck.config.settings import Settings

KINDS = Path(__file__).parents[1] / "fixtures" / "kinds"


def codes(text: str, path: str) -> list[str]:
    return [f"{f.line} {f.code}" for f in check_text(text, path=path).findings]


# --- answers whose Citations: lists restart at 1 ---------------------------------------

TRANSCRIPT_HTML = """<html><head><title>Perplexity transcript</title></head><body>
<h1>Perplexity and the harbour ferries</h1>
<h2>Prompt 1:</h2>
<p>Would you say that electric boats are worth it? How would the unions react?</p>
<h2>Perplexity:</h2>
<p>The harbour authority ordered four electric ferries in 2021.[2] The first entered
service in March 2023 on the Northside route.[1]</p>
<p>Citations:<br>
[1] https://ferries.example.org/annual-report-2023<br>
[2] https://news.example.com/2021/06/harbour-orders-electric-ferries<br>
[3] https://blog.example.net/why-ferries-matter</p>
<h2>Prompt 2:</h2>
<p>Given the above, how did passengers respond?</p>
<h2>Perplexity:</h2>
<p>Ridership on the Northside route rose by 12 percent in the first year[1]. A survey
found that 70 percent of riders preferred the quieter boats[2][4].</p>
<p>Citations:<br>
[1] https://ferries.example.org/ridership-2024<br>
[2] https://survey.example.edu/ferry-riders<br>
[3] https://ferries.example.org/annual-report-2023</p>
</body></html>
"""


def test_each_answer_cites_its_own_list_in_html(tmp_path: Path) -> None:
    path = tmp_path / "transcript.html"
    path.write_text(TRANSCRIPT_HTML, "utf-8")
    report = check_file(str(path))
    found = [(f.code, f.message.split(" is ")[0].split(" has ")[0]) for f in report.findings]
    # No second definitions: the second list starts again at 1. Each list's uncited entry
    # is reported, and [4] of the second answer is dangling in its own list of three.
    assert "CC007" not in {c for c, _ in found}, found
    assert found.count(("CC003", '[3] "https://blog.example.net/why-ferries-matter"')) == 1
    assert ("CC003", '[3] "https://ferries.example.org/annual-report-2023"') in found
    assert ("CC002", "[4]") in found


def test_markers_resolve_to_the_list_after_them() -> None:
    text = (KINDS / "per-answer-lists" / "transcript.md").read_text("utf-8")
    doc, res = analyse(text, path="transcript.md")
    served = [s.serves for s in doc.sections]
    assert all(span is not None for span in served) and len(served) == 2
    second = doc.sections[1]
    for link in res.links:
        assert link.reference is not None
        in_second = served[1] is not None and served[1][0] <= link.marker.start < served[1][1]
        assert (link.reference.section == 1) == in_second
    assert second.title == "Citations"


def test_lists_that_end_the_document_keep_one_numbering() -> None:
    # A wiki's Notes then References, both after the text: no restart, one numbering.
    text = (
        "# Ferries\n\nThe first boat sailed in 1901.[1] The route closed in 1950.[2]\n\n"
        "## Notes\n\n1. Harbour Trust annual report, 1901.\n\n"
        "## References\n\n1. City Herald: Ferry route closes, 1950.\n"
    )
    doc, _ = analyse(text, path="wiki.md")
    assert [s.serves for s in doc.sections] == [None, None]


def test_prompt_labels_are_the_users_turn() -> None:
    text = (KINDS / "per-answer-lists" / "transcript.md").read_text("utf-8")
    doc, _ = analyse(text, path="transcript.md")
    prompts = [s for s in doc.sentences if "electric boats are worth it" in s.text]
    assert prompts and not any(s.claim for s in prompts)


def test_bold_label_keeps_its_sentence_and_first_marker() -> None:
    text = (
        "# T\n\nIntro.\n\n1. **Criticism**: Historians likened it to a salute[1][2]. "
        "Critics said it harms[1].\n\nCitations:\n[1] https://a.example/x\n"
        "[2] https://b.example/y\n"
    )
    doc, _ = analyse(text, path="a.md")
    assert [m.raw for m in doc.markers] == ["[1]", "[2]", "[1]"]


# --- Chinese reports: > 来源： lines and a 来源列表 table --------------------------------


def test_source_lines_cite_the_entries_they_name() -> None:
    text = (KINDS / "source-lines" / "report.md").read_text("utf-8")
    doc, res = analyse(text, path="report.md")
    titles = {r.key: r.title for r in doc.references}
    assert len(titles) == 4  # one entry per table row, no header row
    cited = {k for link in res.links if link.reference is not None for k in [link.key]}
    assert cited == {"1", "2", "3"}
    claims = [s for s in doc.sentences if "2021" in s.text and "订购" in s.text]
    assert claims and claims[0].covered_by == ("1",)
    assert not any("方法论" in s.text or "工会" in s.text for s in doc.sentences if s.claim)


def test_source_lines_in_plain_text() -> None:
    text = (KINDS / "source-lines" / "report-plain.txt").read_text("utf-8")
    assert codes(text, "report.txt") == ["17 CC001", "22 CC003"]


def test_one_source_line_is_not_a_habit() -> None:
    text = (
        "# Ferries\n\nThe authority ordered four boats in 2021.\n\n"
        "Source: Harbour Trust annual report\n\n## Sources\n\n"
        "1. Harbour Trust - Annual report 2021\n"
    )
    _, res = analyse(text, path="a.md")
    assert not res.links


# --- author-year: full-width parentheses, 等, no list -----------------------------------


def _docx(tmp_path: Path, paragraphs: list[str], refs: list[str], name: str) -> Path:
    import docx

    d = docx.Document()
    d.add_heading("绪论" if not refs else "Introduction", 1)
    for text in paragraphs:
        d.add_paragraph(text)
    if refs:
        d.add_heading("References", 1)
        for text in refs:
            d.add_paragraph(text)
    path = tmp_path / name
    d.save(str(path))
    return path


def test_thesis_with_callouts_and_no_list_in_word(tmp_path: Path) -> None:
    path = _docx(
        tmp_path,
        [
            "生成式人工智能在软件工程教育中的应用已进入场景深化阶段（黄雪茹，2025）。",
            "国内高校的试点项目表明，代码审查工具可以自动识别常见错误（李秀等, 2025）。",
            "学生对生成式工具的依赖正在上升（Ebert & Louridas, 2023）。",
            "知识图谱可以把离散的知识组织成网络。教师的角色也在改变（White et al., 2024）。",
        ],
        [],
        "thesis.docx",
    )
    report = check_file(str(path))
    assert [f.code for f in report.findings] == ["CC004"]  # one signal, no storm
    assert report.findings[0].message.startswith("4 citation markers (first 黄雪茹，2025)")


def test_chinese_callout_keys() -> None:
    text = (KINDS / "fullwidth-callouts" / "thesis.md").read_text("utf-8")
    doc, _ = analyse(text, path="thesis.md")
    assert [m.keys for m in doc.markers] == [
        ("黄雪茹, 2025",),
        ("李秀等, 2025",),
        ("Ebert & Louridas, 2023",),
        ("White et al., 2024",),
        ("张惠彬, 2025",),
    ]


def test_chinese_callouts_find_their_entries() -> None:
    text = (
        "# 绪论\n\n应用已进入场景深化阶段（黄雪茹，2025）。"
        "工具可以识别常见错误（李秀等，2025）。\n\n"
        "## 参考文献\n\n黄雪茹. 生成式人工智能与教育[J]. 教育研究, 2025, 3: 1-9.\n\n"
        "李秀, 王明, 张华. 代码审查工具的应用[J]. 软件学报, 2025, 4: 10-19.\n"
    )
    _, res = analyse(text, path="a.md")
    assert [link.reference is not None for link in res.links] == [True, True]


# --- author-year: same author and year without letters, combined, misnamed -------------

REFS = [
    "Chang, X., Li, Y., Zhao, Y., 2017. Effects of carbon permits allocation methods on "
    "remanufacturing. Journal of Cleaner Production 152, 281-294.",
    "Dou, G., Guo, H., Zhang, Q., 2019. Pricing of new and remanufactured products. Omega 85, "
    "1-12.",
    "Fu, S., Chen, W., Ding, J., 2023. Is carbon asset pledge financing contributing to the "
    "economy? Energy Policy 172, 113-125.",
    "Fu, K., Li, Y., Mao, H., 2023. Quota allocation and carbon abatement of remanufacturers. "
    "Computers & Industrial Engineering 176, 108-120.",
    "Van der Laan, E., Salomon, M., 1997. Production planning and inventory control with "
    "remanufacturing. European Journal of Operational Research 102, 264-278.",
    "Zhang, L., Ren, J., Zhang, G., 2024. Optimal dynamic strategy for emission reduction. "
    "Computers & Operations Research 161, 106-118.",
    "Zhang, M., Wang, N., Liu, H., 2024. Cap allocation rules for an online platform supply "
    "chain. Annals of Operations Research 333, 701-725.",
]


def test_same_year_works_combined_and_misnamed_callouts_in_word(tmp_path: Path) -> None:
    path = _docx(
        tmp_path,
        [
            "Pledge financing eases the capital constraint of remanufacturers (Zhang et al., "
            "2024; Zhang et al., 2024). Fu et al. (2023) examine allocation rules, and later "
            "Fu et al. (2023) study pledges. The demand function follows earlier research "
            "(Dou et al., 2019 and Chang et al., 2017). Returned products are remanufactured "
            "(Van and Salomon, 1997).",
        ],
        REFS,
        "manuscript.docx",
    )
    report = check_file(str(path), Settings(select=("ALL",)))
    found = [(f.code, f.message) for f in report.findings if f.code != "CC001"]
    assert found == [
        (
            "CC002",
            "(Van and Salomon, 1997) has no entry in References; did you mean [5] "
            '"Van der Laan, E., Salomon, M., 1997"?',
        )
    ]


def test_a_repeated_callout_in_one_group_names_each_work() -> None:
    text = (KINDS / "same-year-callouts" / "manuscript.md").read_text("utf-8")
    doc, _ = analyse(text, path="m.md")
    zhang = [m.keys for m in doc.markers if m.raw.startswith("Zhang")]
    assert len(zhang) == 2 and zhang[0] != zhang[1] and all(len(k) == 1 for k in zhang)
    fu = [m.keys for m in doc.markers if "Fu et al." in m.raw]
    assert fu and all(len(k) == 2 for k in fu)  # which Fu 2023 is meant cannot be told
    wang = [m.keys for m in doc.markers if m.raw == "Wang et al. (2024)"]
    assert len(wang) == 1 and len(wang[0]) == 1  # the entry with no letter


# --- Chinese lists and papers ------------------------------------------------------------


def test_entries_that_name_a_footnote_are_answered_for_by_it() -> None:
    text = (
        "# 报告\n\n2024年中国海洋生产总值达到10.5万亿元。[^1]\n\n"
        "## 参考文献\n\n中新网. 广东海洋生产总值突破2万亿元. 2025年6月6日.[^1]\n\n"
        "国家能源局. 2025年第四季度新闻发布会. 2025年10月30日.[^2]\n\n"
        "[^1]: https://www.chinanews.com.cn/dwq/2025/06-06/10428046.shtml\n\n"
        "[^2]: https://cup.edu.cn/zklm/zygx/xxfb/d656c4b305754aee88bed162e0d38c82.htm\n"
    )
    found = check_text(text, path="a.md").findings
    # The list's two entries describe notes 1 and 2; note 2 is never cited: reported once.
    assert [(f.code, f.message[:6]) for f in found] == [("CC003", '[^2] "')]


def test_a_chinese_list_with_no_space_after_the_number(tmp_path: Path) -> None:
    path = _docx(
        tmp_path,
        [
            "在互联网技术快速发展的今日，信息的交流和使用频率获得了极大提升[1]。",
            "研究的目标是设计一个可以试运行的综合信息发布系统。",
            "[1]张瑜.医院信息管理中互联互通的应用策略见解[J].互联网周刊,2023(02):71-73.",
            "[2]朱明亮.ERP在企业信息管理中的应用探讨[J].中国管理信息化,2022,25(20):125-127.",
        ],
        [],
        "draft.docx",
    )
    report = check_file(str(path))
    assert [(f.code, f.message[:4]) for f in report.findings] == [("CC003", "[2] ")]


def test_a_chinese_thesis_reads_as_a_paper() -> None:
    text = (
        "# 摘  要\n\n本文设计并实现了一个人脸识别身份认证系统。\n\n"
        "# 第1章 绪论\n\n系统采用客户端与服务器分离的架构。\n\n"
        "# 第5章 结论与展望\n\n系统运行稳定。\n\n## 参考文献\n\n"
        "[1] 李刚.疯狂Android讲义[M].北京:电子工业出版社,2015.\n"
    )
    report = check_text(text, path="thesis.md")
    assert report.profile == "paper"
    assert [f.code for f in report.findings] == ["CC003"]


# --- an answer's speculation and conclusions ---------------------------------------------


def test_speculation_and_conclusions_are_no_claims() -> None:
    from citecheck.parser.speculation import speculates

    for sentence in (
        "If Musk were to join the administration, it would further align him with them.",
        "If viewed as unintentional, some might argue it was a harmless mistake.",
        "Given his history of avoiding criticism, he would likely downplay the incident.",
        "While some may argue that the gesture was unintentional, criticism is reasonable.",
        "These associations could lead some to speculate about his stance.",
        "Given these factors, it is reasonable to conclude that the government is fascist.",
    ):
        assert speculates(sentence), sentence
    for sentence in (
        "Analysts said the bank would likely raise rates in June.",
        "The ferry entered service in March 2023 on the Northside route.",
        "If the river floods, the road is closed, the council's rules state.",
        "Given its good safety profile, the extract is used in clinical practice.",
        "In conclusion, flavonoid research has progressed from observations to medicine.",
    ):
        assert not speculates(sentence), sentence


def test_an_answer_that_speculates_is_checked_for_its_facts_only() -> None:
    text = (
        "# Musk\n\n## Prompt 1:\n\nWould you say the press would cover it?\n\n"
        "## Perplexity:\n\nMusk spoke at the rally in January 2025.[1] The coverage would "
        "likely vary widely by outlet. He did not issue an apology afterwards.\n\n"
        "Citations:\n[1] https://news.example.com/rally\n"
    )
    found = check_text(text, path="t.md").findings
    # Only the apology, after the marker; the prediction before it is no claim.
    assert [(f.line, f.code, f.column > 80) for f in found] == [(9, "CC001", True)]
