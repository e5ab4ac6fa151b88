"""The mood cues in Spanish, French, German, Portuguese, Japanese and Chinese answers
(parser/foreignmood.py, read through parser/mood.py and parser/claimgate.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.api import check_file
from citecheck.parser.claimgate import framing
from citecheck.parser.mood import concluding, prescriptive

KIND = Path(__file__).parents[1] / "fixtures" / "kinds" / "foreign-mood"


@pytest.mark.parametrize(
    "text",
    [
        "En resumen, la arquitectura separa datos y reglas.",
        "En résumé, le système reste simple.",
        "Zusammenfassend: Das System ist klein.",
        "Zusammenfassend lässt sich sagen, dass das System klein bleibt.",
        "Fazit: Das lohnt sich für Teams in Berlin.",
        "Em resumo, a API expõe apenas leitura.",
        "Objectif : réduire la latence à Paris.",
        "Próximos passos: validar o MVP com a equipe de Crédito.",
        "Nächste Schritte: Pilot in München starten.",
        "まとめると、本システムは三層構造である。",
        "目的：配送ルートを最適化する。",
        "综上所述，该方案可行。",
        "下一步：与信贷部门一起验证 MVP。",
    ],
)
def test_concluding(text):
    assert concluding(text)


@pytest.mark.parametrize(
    "text",
    [
        "Insgesamt 500 Menschen starben bei dem Unglück.",
        "Zusammenfassende Statistiken zeigen einen Anstieg um 5 %.",
        "Los aranceles subieron en 2019.",
        "La empresa fue fundada en 1998 en Madrid.",
        "总部位于北京。",
    ],
)
def test_not_concluding(text):
    assert not concluding(text)


@pytest.mark.parametrize(
    "text",
    [
        "El sistema debe validar cada consulta.",
        "Deben exponer la misma interfaz que los modelos de Roboflow.",
        "Se recomienda fijar la versión de raylib.",
        "Le système doit rester simple.",
        "Das System sollte klein bleiben.",
        "A API deve expor apenas leitura.",
        "システムはリアルタイムで計算する必要がある。",
        "系统应该支持离线模式。",
    ],
)
def test_prescriptive(text):
    assert prescriptive(text)


@pytest.mark.parametrize(
    "text",
    [
        "O aumento deve-se à inflação.",
        "La empresa fue fundada en 1998.",
        "東京は日本の首都である。",
    ],
)
def test_not_prescriptive(text):
    assert not prescriptive(text)


@pytest.mark.parametrize(
    "text",
    [
        "Wir empfehlen PostgreSQL.",
        "Nous proposons une architecture.",
        "Este informe resume las opciones.",
        "Haben Sie Fragen, schreiben Sie uns.",
        "本報告書が明らかにしたように、製品は存在しない。",
        "我们建议使用 PostgreSQL。",
        "Tu idea es un proyecto excelente para aprender programación.",
        "La estrategia que te recomiendo es distinta.",
        "Danach startet dein Server neu.",
    ],
)
def test_self_talk(text):
    assert framing(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sie wurde 1990 gegründet.",
        "Ti-6Al-4V is the most used titanium alloy.",
        "Het plan is om te bouwen in 2020.",
        "Mieszkam tu od 2010 roku.",
        "Os dados nos últimos anos cresceram.",
        "迷你电脑很流行。",
    ],
)
def test_not_self_talk(text):
    assert not framing(text)


@pytest.mark.parametrize("name", ["plan-es.md", "plan-de.txt"])
def test_a_plan_in_its_own_voice_keeps_its_history(name):
    lines = {f.line for f in check_file(str(KIND / name)).findings if f.code == "CC001"}
    assert lines == {6, 7}
