"""Items of a design: a slot of the plan filled in, or a bare noun phrase, is no claim where
an article speaks in its own voice (parser/designitems.py, parser/claimgate.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.api import check_file
from citecheck.parser.designitems import designated, fragment, slotted

AUDIT = Path(__file__).parents[1] / "fixtures" / "kinds" / "design-items" / "audit.md"


@pytest.mark.parametrize(
    "text",
    [
        "Physical host:** Proxmox VE on Mac Mini 2019.",
        "Backend engineer: schema services, APIs, versioning, exports.",
        "Estimations:** Low (0-1d): copy fixes, toasts.",
        "Codex Prompt:** “Refactor the components to use semantic colour tokens.”",
        "Open Questions / Limitations:** The codebase was not fetched.",
        "Risk: generative systems can output plausible but wrong interpretations.",
        "UX-02:** Missing hover and focus states.",
        "REQ-001: The exporter writes one file per world.",
        "Optional: Cloudflare Tunnel for exposing web UIs without opening ports.",
    ],
)
def test_slotted(text):
    assert slotted(text)


@pytest.mark.parametrize(
    "text",
    [
        "WireGuard (self-hosted):** Traditional VPN requiring port forwarding.",
        "TCPShield:** Primarily targeted at Java servers.",
        "Python 3.12: released in October 2023.",
        "Founded: 1998 in Menlo Park.",
        "Guard rails: confirmations on destructive actions.",
        "The panel is small.",
    ],
)
def test_not_slotted(text):
    assert not slotted(text)


@pytest.mark.parametrize(
    "text",
    [
        "Crafty Controller (or AMP/Pterodactyl) panel.",
        "Tailscale client for secure admin VPN access.",
        "Custom friendly admin web app + API.",
        "Digest emails + Slack webhook notifications.",
        "Optional integrations (Slack, Notion, Jira, CRM).",
        "Reverse proxy (e.g., Caddy or Nginx) terminating HTTPS for the panel.",
    ],
)
def test_fragment(text):
    assert fragment(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tailscale builds its mesh network on the WireGuard protocol.",
        "Apple makes iPhones.",
        "Rust guarantees memory safety.",
        "Python runs on Linux.",
        "Google bought YouTube in 2006.",
        "Crafty Controller added Bedrock support.",
        "Prices soar.",
        "It matters.",
        "Host: Proxmox VE on a Mac Mini.",
        "DuckDB führt analytische Abfragen im Prozess der Anwendung aus.",
        "Syncthing.",
        "Most apps use SQLite.",
        "LLMs hallucinate often.",
        "The UI libraries (e.g. assistant-ui) support plugging in providers like OpenAI.",
    ],
)
def test_not_fragment(text):
    assert not fragment(text)


@pytest.mark.parametrize(
    "text",
    [
        "Stage 1 (output-only):** precomputed, standardized interpretations.",
        "Stage 1 is public-company data; Stage 2 may involve customer documents.",
        "L0–L2 are infrastructure, not product.",
        "L4 (agent-callable skills library) is the moat once L3 is mature.",
        "Option A is usually the right MVP bet.",
    ],
)
def test_designated(text):
    assert designated(text)


@pytest.mark.parametrize(
    "text",
    [
        "Phase 3 trials showed a 40% reduction in strokes.",
        "Stage 4 cancer has a low survival rate.",
        "Stage 2 of the Tour de France was won by Pogačar.",
        "Stage 2 was cancelled in 2020.",
        "Layer 2 networks such as Arbitrum are growing.",
    ],
)
def test_not_designated(text):
    assert not designated(text)


def test_an_answer_in_its_own_voice_keeps_its_claims_about_products():
    lines = {f.line for f in check_file(str(AUDIT)).findings if f.code == "CC001"}
    # the products of the world, described with a verb or under their own name, are asked
    assert {6, 7, 9, 10} <= lines
    # the design's slots, its bare noun phrases and the audit's numbered findings are not
    assert not lines & {18, 19, 20, 21, 22, 24, 28, 29, 33, 34, 35}
