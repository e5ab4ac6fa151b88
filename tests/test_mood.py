"""The mood of a sentence: instructions, prescriptions and the writer's summing up are no
claims in a document that speaks in its own voice (parser/mood.py, parser/claimgate.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.api import check_file, check_text
from citecheck.config.settings import Settings
from citecheck.parser.mood import concluding, designed, imperative, plan_labelled, prescriptive

PLAN = Path(__file__).parents[1] / "fixtures" / "kinds" / "answer-plan" / "home-server.md"


@pytest.mark.parametrize(
    "text",
    [
        "Provision a Linux VM with 4 vCPU and 8 GB RAM.",
        "Set up Python virtualenv/poetry.",
        "Optionally install Zep or Letta for long-term memory.",
        "Environment Setup**: Provision a Linux VM (or cloud VPS).",
        "In an `LXC` backup container, run `restic` to sync the worlds.",
        "For example, prompt ChatGPT with a short tool definition.",
        "If a major issue arises (e.g., OS corruption, a bad update), revert the VM.",
        "Always review and test AI-generated code.",
        "Return to **Worlds**, click the pencil on the new world.",
    ],
)
def test_imperative(text):
    assert imperative(text)


@pytest.mark.parametrize(
    "text",
    [
        "Set theory is a branch of mathematics.",
        "Use of force was authorised in 1990.",
        "Host:** Proxmox VE on Mac Mini 2019.",
        "Keep the Distinction: management is only via Tailscale.",
        "Graphiti provides an MCP server.",
        "Install base grew by 40% in 2020.",
        "The installer runs in two minutes.",
    ],
)
def test_not_imperative(text):
    assert not imperative(text)


@pytest.mark.parametrize(
    "text",
    [
        "The panel will run in its own container.",
        "It must never expose the console.",
        "These should be re-parameterized after 5–10 paid pilots.",
        "A platform with vendor APIs would capture market share.",
        "Another workflow might trigger daily jobs.",
    ],
)
def test_prescriptive(text):
    assert prescriptive(text)


@pytest.mark.parametrize(
    "text",
    [
        "n8n connects to 400+ apps.",
        "Tools like the Vercel AI SDK can route requests to different models.",
        'The minister said that "the bridge will open in May".',
    ],
)
def test_not_prescriptive(text):
    assert not prescriptive(text)


@pytest.mark.parametrize(
    "text",
    [
        "In summary, the architecture is multi-layered.",
        "Overall, this architecture is within reach of a homelab user.",
        "Net: on Monad there are trading bots but none that scan prices.",
        "Assumption: early SOM depends on a narrow coverage wedge.",
        "Purpose: reconcile GAAP and non-GAAP figures.",
        "**Next steps:** pilot with five customers.",
        "优先级**：MVP 聚焦 1—3 日本地行程。",
        "Conclusion All sources and evidence indicate that the support is incomplete.",
        "Conclusion: the extension never adds the second character.",
        "Summary: the design keeps traffic apart.",
    ],
)
def test_concluding(text):
    assert concluding(text)


@pytest.mark.parametrize(
    "text",
    [
        "In practice, the web browser provides JavaScript APIs for I/O.",
        "Overall growth slowed to 2% in 2019.",
        "Graphiti/Zep memory: a real-time knowledge graph engine.",
        "In 1998, the purpose of the fund changed.",
        "Conclusion Island is a small island off the coast of Western Australia.",
        "Conclusions drawn by the court were upheld in 2019.",
        "Summary judgment was granted in March.",
    ],
)
def test_not_concluding(text):
    assert not concluding(text)


@pytest.mark.parametrize(
    "text",
    [
        "The system centers on an agent framework built with LangGraph.",
        "This choice maximizes Realms-like behaviour and simplifies migration.",
        "The MVP is deliberately narrow.",
        "This startup concept is feasible if it is built as an interpretation layer.",
    ],
)
def test_designed(text):
    assert designed(text)


@pytest.mark.parametrize(
    "text",
    [
        "The platform launched in 2019 with 5 million users.",
        "Graphiti provides a real-time knowledge graph.",
        "The UI libraries support plugging in providers like OpenAI.",
        "The systematic review covered Europe.",
    ],
)
def test_not_designed(text):
    assert not designed(text)


def test_a_plan_in_its_own_voice_is_asked_only_for_its_facts():
    report = check_file(str(PLAN))
    assert report.profile == "article"
    assert [f.text for f in report.findings if f.code == "CC001"] == [
        "Tailscale builds its mesh network on the WireGuard protocol.",
        "Crafty Controller added Bedrock support in version 4.0.",
    ]


def test_profile_article_asked_explicitly_asks_the_plan_too():
    texts = [f.text for f in check_file(str(PLAN), Settings(profile="article")).findings]
    panel = "The panel will run in its own container and talk to the server through its HTTP API."
    assert panel in texts
    assert "Provision a Linux VM with 4 vCPU and 8 GB RAM on the Proxmox host." in texts


NEWS = """# Council approves the bridge

The council approved the new bridge on Monday after a long debate. [1]

The bridge will open to traffic in June 2026.
The mayor said the city could not wait any longer.
Construction should cost about 40 million euros.

## References

1. City Herald: Council approves bridge
"""


def test_a_news_story_keeps_its_future_and_modal_claims():
    """Where the writer never speaks of themselves, "will" and "should" report what others
    plan or expect: still claims."""
    uncited = [f.text for f in check_text(NEWS, path="news.md").findings if f.code == "CC001"]
    assert "The bridge will open to traffic in June 2026." in uncited
    assert "Construction should cost about 40 million euros." in uncited


def test_a_prescription_that_leans_on_others_is_still_asked():
    text = PLAN.read_text(encoding="utf-8").replace(
        "It must never expose the console to family members.",
        "It must follow the most widely used backup scheme in the industry.",
    )
    uncited = [f.text for f in check_text(text, path="plan.md").findings if f.code == "CC001"]
    assert "It must follow the most widely used backup scheme in the industry." in uncited


GUIDE = """# Deploying the recorder

Vercel hosts the frontend of the recorder app. [1]

Store audio files in Supabase Storage with the JS client.
Deploy the FastAPI service on Heroku with a Procfile.
Poll the transcriptions table every few seconds.
Provision a Postgres database before the first upload.
The service should split recordings longer than 25 MB into chunks.
OpenAI's Whisper API accepts files of up to 25 MB.

## References

1. Vercel documentation: Deploying Next.js
"""


def test_instructions_make_a_guide_speak_in_its_own_voice():
    """Three instructions and no "we": the guide speaks to its reader, so its
    prescriptions are let go; its uncited fact about a product is still asked."""
    uncited = [f.text for f in check_text(GUIDE, path="guide.md").findings if f.code == "CC001"]
    assert uncited == ["OpenAI's Whisper API accepts files of up to 25 MB."]


def test_a_plan_label_is_the_labelled_half_of_the_summing_up():
    assert plan_labelled("Assumption: early SOM depends on a narrow coverage wedge.")
    assert plan_labelled("Nächste Schritte: Pilot in München starten.")
    assert plan_labelled("目标：缩短风险团队的分析时间。")
    assert not plan_labelled("In summary, the architecture is multi-layered.")
    assert not plan_labelled("Graphiti provides an MCP server.")
