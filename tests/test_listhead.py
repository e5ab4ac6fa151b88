"""A reference section that opens with a numbered list and runs on into back matter its
heading levels do not close (see :mod:`citecheck.parser.listhead`)."""

from __future__ import annotations

from pathlib import Path

import docx

from citecheck.model import BlockKind, NonReference, Reference
from citecheck.parser import parse
from citecheck.parser.listhead import numbered_head
from tests.test_docx_structure import check


def _ref(key: str | None, start: int, text: str, url: str | None = None) -> Reference:
    return Reference(key, start, start + 10, text, BlockKind.ITEM, url=url)


def _sourced(ref: Reference) -> bool:
    return "19" in ref.text or "20" in ref.text


def _prose(n: int, start: int) -> list[Reference]:
    return [_ref(None, start + 20 * i, "A sentence of the abstract page.") for i in range(n)]


def test_the_numbered_run_ends_where_prose_starts() -> None:
    listed = [
        _ref("1", 0, "A. Writer. Title. 2018."),
        _ref("2", 20, "B. Writer. Title. 2013."),
        _ref("3", 40, "Title. (last accessed)"),
        _ref(None, 60, "https://example.org/a", url="https://example.org/a"),
        *_prose(5, 80),
    ]
    assert numbered_head(listed, [], _sourced) == 70


def test_a_run_of_two_is_no_list() -> None:
    listed = [_ref("1", 0, "A. 2018."), _ref("2", 20, "B. 2013."), *_prose(5, 40)]
    assert numbered_head(listed, [], _sourced) is None


def test_numbers_out_of_order_or_not_from_one_are_no_run() -> None:
    listed = [_ref(k, 20 * i, "A. 2018.") for i, k in enumerate(("2", "3", "4"))]
    assert numbered_head([*listed, *_prose(4, 100)], [], _sourced) is None
    listed = [_ref(k, 20 * i, "A. 2018.") for i, k in enumerate(("1", "3", "4", "5"))]
    assert numbered_head([*listed, *_prose(4, 100)], [], _sourced) is None


def test_a_run_that_shows_too_few_sources_is_no_list() -> None:
    """Numbered steps or cases (``1 Open the file``) show no source: not a list."""
    listed = [_ref(k, 20 * i, "Do this step now.") for i, k in enumerate(("1", "2", "3"))]
    assert numbered_head([*listed, *_prose(4, 100)], [], _sourced) is None


def test_a_run_that_is_the_whole_section_is_left_alone() -> None:
    listed = [_ref(k, 20 * i, "A. 2018.") for i, k in enumerate(("1", "2", "3"))]
    assert numbered_head(listed, [], _sourced) is None


def test_an_item_set_aside_ends_the_run() -> None:
    listed = [_ref(k, 20 * i, "A. 2018.") for i, k in enumerate(("1", "2", "3"))]
    code = NonReference(60, 70, "import numpy as np", "commentary")
    assert numbered_head([*listed, *_prose(3, 80)], [code], _sourced) == 50


_MARKDOWN = """# Topics

Earlier work recommended courses from syllabi [1]. Another weighted by grades [2].

## References

[1] A. Takemori. "Applying doc2vec to course recommendation". IPSJ. 2018.

[2] T. Nishimori. "A course recommender built on study records". IPSJ. 2013.

[3] "Trying out topic models quickly". (last accessed 2020-12-19)

https://example.org/notes/topic-models

"""


def test_markdown_list_then_unheaded_pages() -> None:
    pages = "\n\n".join(f"Paragraph {i} of the abstract page says what was done." for i in range(9))
    doc = parse(_MARKDOWN + pages + "\n", "markdown")
    assert [r.key for r in doc.references if r.key] == ["1", "2", "3"]
    assert all("abstract page" not in r.text for r in doc.references)


def test_word_thesis_with_abstract_appendix_and_thanks_after_the_list(tmp_path: Path) -> None:
    """A Word thesis whose 参考文献 list is followed by an abstract page, an appendix and
        acknowledgements set as plain paragraphs (a program's source among them, set aside as no
    source): the list is read and its callouts resolve."""
    d = docx.Document()
    d.add_heading("関連研究", 1)
    d.add_paragraph("竹森ら[1]は、科目を推薦するシステムを設計した。西森ら[2]は類似度を用いた。")
    d.add_heading("参考文献", 1)
    d.add_paragraph("[1] 竹森太郎. “科目推薦の検討”. 情報処理学会. 2018.")
    d.add_paragraph("[2] 西森次郎. “科目推薦システム”. 情報処理学会. 2013.")
    d.add_paragraph("[3] “トピックモデルを試した”. （最終閲覧日：2020年12月19日）")
    d.add_paragraph("https://example.org/items/topic")
    for line in (
        "トピックモデルを用いた履修レコメンドシステム",
        "所属：情報コミュニケーション論講座",
        "学籍番号：0000000",
        "本論文ではトピックモデルを用いた履修レコメンドシステムについて記す。",
        "大学生が受講できる授業の数は大変多くなっている。",
        "シラバスデータは五年分のものを用いた。",
        "付録",
        "ソースコード",
        "import pandas as pd import numpy as np topic_num = 6 grades = [0] * topic_num",
        "謝辞",
        "研究室の方々には大変お世話になりました。",
    ):
        d.add_paragraph(line)
    path = tmp_path / "thesis.docx"
    d.save(str(path))
    found, parsed = check(path)
    assert [r["key"] for r in parsed["references"] if r["key"]] == ["1", "2", "3"]
    assert [f["code"] for f in found if f["code"] == "CC002"] == []
    assert [f["message"] for f in found if f["code"] == "CC003"] == [
        '[3] "トピックモデルを試した" is never cited'
    ]
