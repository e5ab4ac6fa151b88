"""Citation-worthiness cues in languages other than English (parser/foreigncues.py): a
thesis in Russian, German, French, Spanish, Portuguese, Chinese, Polish, Czech or Turkish
is told of an uncited claim that leans on others' work, and not of its own work."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.api import check_text
from citecheck.config.settings import Settings
from citecheck.parser import foreigncues
from citecheck.parser.citeworthy import citation_worthy

KIND = Path(__file__).parents[1] / "fixtures" / "kinds" / "thesis-languages"

# Sentences of real theses (holdout8b's Russian diploma thesis, the dev9 German, Spanish,
# Portuguese and French ones) and their like: each needs a source in a paper.
NEEDS = [
    "Автоматическая транскрипция музыки является предметом исследований на протяжении "
    "последних 30 лет.",
    "Байесовские модели также были предложены для транскрипции музыки.",
    "Концепция облачных вычислений возникла в 2006 году.",
    "PostgreSQL – это open-source SQL база данных, выпущенная в 1997 году.",
    "Например, в Rails одним из первых был полностью реализован архитектурный стиль REST.",
    "Самые новые системы достигли определенной степени точности.",
    "Существующие системы на порядок хуже специалистов в точности и гибкости.",
    "Многоядерные архитектуры широко распространены.",
    "Существующие методы ставят целью предсказание точного значения функции полезности.",
    "Как показали исследования, пользователи предпочитают веб-интерфейс.",
    "Studien zeigen, dass Fußgänger sich anders bewegen als Radfahrer.",
    "Das Verfahren wurde 1997 von Hochreiter und Schmidhuber entwickelt.",
    "Laut Bitkom nutzen die meisten Unternehmen Cloud-Dienste.",
    "JavaScript est un langage de scripts créé en 1995 par Brendan Eich.",
    "Selon une étude récente, les applications web dominent le marché.",
    "Siguiendo los análisis presentes en la literatura, la distancia reduce los flujos.",
    "En los últimos 30 años la migración interna ha cambiado de dirección.",
    "Estudos recentes mostram que o campo se consolidou nos anos 2000.",
    "Segundo Severino, a revisão de literatura reconstitui o pensamento alheio.",
    "Sua criação partiu de um projeto em 1986, do professor Heiner Legewie.",
    "Os Simpósios nacionais da ANPUH são o evento de maior relevância para a historiografia.",
    "Um grupo de historiadores se reuniu em Natal em 2013 e fundou o Grupo de Trabalho.",
    "研究表明，深度学习方法在该任务上表现良好。",
    # the dev10 Polish, Czech and Turkish theses and their like
    "Pomimo dużego narzutu obliczeniowego, jest to najczęściej wybierana ścieżka rozwoju.",
    "Alternatywny interfejs człowiek – komputer nie jest jak dotąd powszechnie stosowany.",
    "W literaturze można znaleźć wiele sposobów rozwiązania tego problemu.",
    "Według danych GUS liczba użytkowników Internetu rośnie co roku.",
    "Aplikace byla vydána v roce 2009.",
    "Pierwsze obrazy wideo powstały już na początku XX wieku.",
    "Facebook Messenger je jedním z nejpopulárnějších komunikátorů.",
    "Araştırmalar boru hatlarının sızıntıların temel nedeni olduğunu göstermektedir.",
]
# The writer's own work, pointers into the thesis, and what no cue marks.
OWN = [
    "В данной работе рассмотрены наиболее популярные аналоги.",
    "При проектировании системы были изучены наиболее популярные аналоги.",
    "Сочетание последних двух известно, как Action Pack.",
    "Система позволяет работать с устройствами от разных производителей.",
    "Anschließend wird im Kapitel 3 auf den bisherigen Stand der Forschung Bezug genommen.",
    "Es wird aufgezeigt, welche bisherigen Ansätze sich von dem Ansatz der vorliegenden "
    "Arbeit unterscheiden.",
    "Der erste und entscheidende Grund liegt darin, dass die Modelle kurz sind.",
    "Nous verrons ensuite les différentes architectures modernes créées en 2010.",
    "Si graficamos la distribución, los datos del 2011 indican mayor concentración.",
    "Este trabajo propone un modelo de interacción espacial.",
    "Исследовать существующие системы сборки, определить их положительные стороны.",
    "Такой подход работает с любыми платформами, в отличие от существующих систем сборки.",
    "Система размещает файлы согласно иерархии каталогов пакета.",
    "В рамках работы также был предложен и реализован метод интеграции заголовков.",
    "Гибридные рекомендации, сочетающие в себе два предыдущих метода.",
    "Er ist laut Datenbank seit Januar 2022 in Steuerklasse 1 und 4 gemeldet.",
    "Primero se revisaron documentos y estudios previos para identificar barreras en la atención.",
    "A monografia está dividida em três capítulos.",
    "本文提出了一种新的分类方法。",
    "W pracy zastosowano algorytm Lucasa-Kanade do śledzenia punktów.",
    "Głównym założeniem pracy było stworzenie systemu, który może być powszechnie stosowany.",
    "Macierz B można uzyskać przez Rozkład Według Wartości Osobliwych.",
    "Obraz integralny pozwala szybko obliczyć sumę pikseli w prostokącie.",
    "V této práci je navržena aplikace, která je jednou z nejpopulárnějších.",
    "Bu çalışmada en yaygın yöntem kullanılmıştır.",
]


@pytest.mark.parametrize("text", NEEDS)
def test_a_cue_in_another_language_asks_for_a_source(text: str) -> None:
    assert citation_worthy(text, "paper")


@pytest.mark.parametrize("text", OWN)
def test_own_work_and_no_cue_ask_nothing(text: str) -> None:
    assert not citation_worthy(text, "paper")


def test_a_year_asks_only_with_an_event_of_its_own_language() -> None:
    # "Marolt [2004] представил…": a year in brackets and a Russian verb are no dated event
    assert not foreigncues.weak_signal("Marolt [2004] представил классификационный подход.")
    assert foreigncues.weak_signal("Подход был представлен в 2004 году.")
    # the thesis's own dates are no event in the world
    assert not foreigncues.weak_signal("Los datos del censo de 2011 se agregan por departamento.")


def test_portuguese_nos_is_not_french_our() -> None:
    assert not foreigncues.own_work("O campo se consolidou nos anos 2000.")
    assert foreigncues.own_work("Nos résultats montrent une amélioration.")  # French "our"


def test_czech_je_is_not_french_je() -> None:
    assert not foreigncues.own_work("Služba Firebase je jedním z nejpopulárnějších řešení.")
    assert foreigncues.own_work("Dans ce chapitre, je présente la méthode retenue.")


def test_english_cues_are_unchanged() -> None:
    assert citation_worthy("Studies show that rents rose.", "paper")
    assert not citation_worthy("We show that rents rose.", "paper")


def _lines(name: str) -> list[int]:
    text = (KIND / name).read_text("utf-8")
    report = check_text(text, fmt="markdown", settings=Settings(profile="paper"))
    return [f.line for f in report.findings if f.code == "CC001"]


def test_a_russian_thesis_is_told_of_its_uncited_claims() -> None:
    # the history of the field, a release date, popularity, "one of the first", "as
    # research showed"; not the cited sentence, the writer's analysis or the chapter pointer
    assert _lines("russian.md") == [3, 7, 9, 11, 13]


def test_theses_in_five_languages() -> None:
    assert _lines("languages.md") == [3, 5, 7, 19, 21, 27, 35]


def test_a_page_locator_in_another_language_is_read() -> None:
    # "[11, S. 513f.]" (German Seite), "[2, с. 15]" (Russian страница): reference 11, 2
    text = (
        "Laut Géron lohnt es sich, das Netz anders zu bauen [1, S. 513f.].\n\n"
        "Этот подход описан подробно [2, с. 15].\n\n"
        "# Literatur\n\n1. A. Géron, Praxiseinstieg Machine Learning. O'Reilly, 2020.\n"
        "2. И. Иванов, Машинное обучение. Москва, 2019.\n"
    )
    codes = [f.code for f in check_text(text, fmt="markdown").findings]
    assert codes == []
