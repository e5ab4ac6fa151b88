"""A writer's essay that cites by numbered callouts into a list reads as citing now and
then by its voice: sentences that speak as "I" or ask a question
(fixtures/kinds/essay-callouts)."""

from __future__ import annotations

from citecheck.api import analyse
from citecheck.parser.citeworthy import attributed
from citecheck.parser.essays import _speaks_as_i, speaks_as_writer
from citecheck.parser.habit import citing_habit

_ARGUED = (
    "Why do we keep letters?",
    "I keep every letter my grandmother wrote.",
    "Is a scan the same letter?",
    "I do not think so.",
    "What should we keep?",
)
_PLAIN = [f"The harbour handled {n} ships in the year of the survey." for n in range(10, 40)]


def _doc(sentences: list[str] | tuple[str, ...], path: str = "essay.md"):
    text = "\n\n".join(sentences) + "\n\nThe port opened in 1850 [1].\n\n## References\n\n"
    text += "1. Smith, A. Harbours. London: Dock Press, 2001.\n"
    doc, _ = analyse(text, path=path)
    return doc


def test_questions_and_first_person_make_a_writers_voice() -> None:
    assert speaks_as_writer(_doc([*_ARGUED, *_PLAIN[:20]]))
    # one voiced sentence in ten at least
    assert not speaks_as_writer(_doc([*_ARGUED, *_PLAIN, *_PLAIN]))
    # five at least, whatever the share
    assert not speaks_as_writer(_doc([*_ARGUED[:4], *_PLAIN[:5]]))


def test_a_voiced_essay_with_few_cited_paragraphs_cites_sparsely() -> None:
    doc = _doc([*_ARGUED, *_PLAIN[:20]])
    habit = citing_habit(doc, "article")
    assert habit.sparse
    report = _doc(_PLAIN[:25])
    assert not citing_habit(report, "article").sparse


def test_an_answer_export_is_no_writers_essay() -> None:
    # A thread whose answers are split by Perplexity's rule: the user's questions and the
    # assistant's "I" are the exchange's, not a writer's.
    thread = [*_ARGUED, *_PLAIN[:10], "⁂", "---", *_PLAIN[10:20]]
    from citecheck.parser.answers import answer_export

    doc = _doc(thread)
    assert answer_export(doc)
    assert not speaks_as_writer(doc)
    assert speaks_as_writer(_doc([*_ARGUED, *_PLAIN[:10], *_PLAIN[10:20]]))


def test_first_person_in_more_languages() -> None:
    assert _speaks_as_i("Eu li que o mesmo é verdade nas forças armadas.")
    assert _speaks_as_i("Meus filhos são pequenos.")
    assert not _speaks_as_i("The EU adopted the directive in 2019.")
    assert _speaks_as_i("Я считаю, что это неверно.")
    assert _speaks_as_i("私はその記事を読んだ。")
    assert not _speaks_as_i("私立大学の数は増えた。")
    assert _speaks_as_i("我认为这个说法不对。")
    assert not _speaks_as_i("我们提出了一种新方法。")


def test_an_idea_traced_to_its_origin_is_attributed() -> None:
    assert attributed("The idea goes back to Plato, whose ideals lack evil.")
    assert attributed("The custom dates back to the Romans.")
    assert not attributed("The line goes back to the station after midnight.")


def test_korean_first_person_with_its_particle() -> None:
    assert _speaks_as_i("나도 나름의 생각을 글로 다듬어 보려 한다.")
    assert _speaks_as_i("저는 그 글을 읽었습니다.")
    assert _speaks_as_i("내가 속한 회사의 입장과는 무관하다.")
    assert _speaks_as_i("우리는 그 운영사를 신뢰해야 한다.")
    # "저마다" is "each", "제 기능" is "its own function", "게임 내의" is "within the game"
    assert not _speaks_as_i("팀 안에서도 저마다 생각의 차이가 있다.")
    assert not _speaks_as_i("블록체인이 제 기능을 하려면 로직이 모두 체인 위에 있어야 한다.")
    assert not _speaks_as_i("게임 내의 모든 것은 사라진다.")
    assert not _speaks_as_i("나는이라는 말은 없다")
