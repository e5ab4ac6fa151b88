"""Answer exports in other languages: never a paper, their advice and framing no claims,
each answer's source list its own, and a list no callout calls reported once."""

from __future__ import annotations

import pytest

from citecheck.api import analyse, check_text
from citecheck.parser.guidance import guidance
from citecheck.parser.profile import detect

LOGO = '<img src="https://r2cdn.perplexity.ai/pplx-full-logo-primary-dark%402x.png"/>\n\n'


def codes(text: str, path: str = "thread.md") -> list[tuple[int, str]]:
    report = check_text(text, path=path)
    return [(f.line, f.code) for f in report.findings]


@pytest.mark.parametrize(
    "sentence",
    [
        "Use uma rede de teste antes de publicar o contrato.",
        "Teste seu HTML no validador oficial da W3C.",
        "Para resolver o erro, adicione um id único a cada campo.",
        "Nos filtros, permita selecionar por categoria.",
        "Você pode usar a mesma carteira nos dois casos.",
        "Implementar algoritmos e estruturas de dados.",
        "Excelente pergunta: o custo varia a cada bloco.",
        "Se precisar, posso mostrar um exemplo com valores reais.",
        "Recomenda-se guardar uma cópia das chaves.",
        "Exemplo: um contrato que envia ETH para uma carteira específica.",
        "Comprueba si el proceso OneDrive corre.",
        "Publicar métricas de estado en Zabbix o Grafana.",
        "Ajusta la ruta de OneDrive según tu entorno.",
        "Voy a darte una visión detallada del cliente.",
        "Se recomienda agendar el script cada diez minutos.",
        "Vérifiez la configuration du serveur avant la mise à jour.",
        "Il est conseillé de sauvegarder vos données.",
        "Prüfen Sie die Datei vor dem Hochladen.",
        "Wenn Sie möchten, zeige ich ein Beispiel.",
        "Assicurati che il servizio sia attivo.",
        "Esta estrutura garante que seu token atenda aos requisitos mínimos.",
        "Este script se puede agendar cada 5–10 minutos con el Programador de tareas.",
        "Agora, eu quero que cries uma lista de contratos personalizados.",
        "Usar vaults e rebalanceamento para gestão ativa de portfólio.",
        "建议采用混合策略以降低风险。",
        "你可以先在测试网络上部署合约。",
    ],
)
def test_advice_and_framing_are_no_claims(sentence: str) -> None:
    assert guidance(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "A MetaMask armazena as chaves privadas localmente, criptografadas no navegador.",
        "Oferece módulos para quorum, atrasos de execução e tipos de votação.",
        "Curve Finance: Usa modelos dinâmicos para pools de stablecoins.",
        "Não, as carteiras como a MetaMask não funcionam através de contratos inteligentes.",
        "El cliente OneDrive expone información de estado vía COM/PowerShell.",
        "Microsoft retiró el cliente de sincronización antiguo en febrero de 2021.",
        "Ihre Romane wurden in zwölf Sprachen übersetzt.",
        "Sie lebte von 1950 bis zu ihrem Tod in Lübeck.",
        "Ser humano é uma condição partilhada.",
        "Mulher recebe o prémio em Lisboa.",
        "Este protocolo foi lançado em 2020 pela Chainlink Labs.",
        "Under a new law, taxes rose.",
        "Use of the drug rose by a third.",
        "Another focus is on issues of authentication (‘is the user X who she claims’).",
        "There is no medication known to be effective at preventing COVID‑19.",
        "There was no significant interaction (e.g. across age groups).",
        "Ta byla po rozpadu sovětského impéria a zániku NDR v roce 1991 rozpuštěna.",
        "FinRL 提供了三层架构的开源实作。",
    ],
)
def test_statements_stay(sentence: str) -> None:
    assert not guidance(sentence)


THREAD = (
    LOGO + "# Pergunta\n\nUma carteira guarda as chaves no dispositivo.[^1_1]\n\n"
    "### Métodos\n\nA rede de teste imita a rede principal.[^1_1]\n\n"
    "### Resultados\n\nO custo depende do gás.[^1_1]\n\n### Resumo\n\n"
    "A carteira é simples.[^1_1]\n\n[^1_1]: https://example.org/a\n\n"
)


def test_an_answer_export_is_never_a_paper() -> None:
    doc, _ = analyse(THREAD, path="thread.md")
    assert detect(doc) == "article"
    # Without the logo the headings make a paper: Resumo, Métodos and Resultados.
    doc, _ = analyse(THREAD.removeprefix(LOGO), path="thread.md")
    assert detect(doc) == "paper"


def test_a_summary_heading_repeated_is_a_thread() -> None:
    answer = "### Resumo\n\nO custo depende do gás.[1]\n\n### Métodos\n\nA rede imita.[1]\n\n"
    text = "# Tema\n\n" + answer + answer + "[1]: https://example.org/a\n"
    doc, _ = analyse(text, path="notes.md")
    assert detect(doc) == "article"


def test_a_paper_in_portuguese_stays_a_paper() -> None:
    text = (
        "# Um estudo\n\n## Resumo\n\nNós medimos o custo.\n\n## Introdução\n\nO gás varia.\n\n"
        "## Métodos\n\nMedimos blocos.\n\n## Conclusão\n\nO custo varia.\n"
    )
    doc, _ = analyse(text, path="paper.md")
    assert detect(doc) == "paper"


def test_each_answer_numbers_its_own_list() -> None:
    text = (
        "# Um\n\nA carteira guarda as chaves.[^1_1]\n\n[^1_1]: https://example.org/a\n\n"
        "# Dois\n\nA carteira assina transações.[^2_1]\n\n[^2_1]: https://example.org/a\n"
    )
    assert "CC007" not in {code for _, code in codes(text)}
    # Inside one answer's list the same page twice is still a duplicate.
    text = (
        "# Um\n\nA carteira guarda as chaves.[^1_1][^1_2]\n\n"
        "[^1_1]: https://example.org/a\n[^1_2]: https://example.org/a\n"
    )
    assert (6, "CC007") in codes(text)


REVIEW = (
    "# 綜述\n\nFinRL 提供了三層架構的開源實作。\n\n## 參考文獻（References）\n\n"
    "1. Liu, X. Y., et al. (2020). FinRL. NeurIPS Workshop.\n"
    "2. Yang, H., et al. (2023). FinGPT. IJCAI.\n"
    "3. Schulman, J., et al. (2017). Proximal Policy Optimization Algorithms. arXiv.\n"
)


def test_a_list_no_callout_calls_is_reported_once() -> None:
    report = check_text(REVIEW, path="review.md")
    uncited = [f for f in report.findings if f.code == "CC003"]
    assert [(f.line, f.message) for f in uncited] == [
        (
            5,
            "none of the 3 entries of '參考文獻（References）' is cited: the text has no inline "
            "citation (no number, footnote or author-year callout) that calls them",
        )
    ]


def test_a_list_with_one_callout_is_reported_per_entry() -> None:
    text = REVIEW.replace("開源實作。", "開源實作 [1]。")
    report = check_text(text, path="review.md")
    assert [f.line for f in report.findings if f.code == "CC003"] == [8, 9]
