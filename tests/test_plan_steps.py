"""An implementation plan's steps are instructions to the reader, not claims: "Deploy the
frontend on …", "Upload the file to …", "To automate it, set up a webhook …"
(fixtures/kinds/plan-steps)."""

from __future__ import annotations

import pytest

from citecheck.parser.claims import addressed_to_reader


@pytest.mark.parametrize(
    "step",
    [
        "Deploy the Next.js frontend on a static host for easy scaling.",
        "Upload files with metadata for tracking, such as timestamps.",
        "After transcription, insert the result into this table.",
        "To set up, initialize a new project with the starter.",
        "Integrate the viewer's search box with the index service.",
        "Set up a webhook on the table for new rows.",
        "To automate transcription, set up a Database Webhook on the table.",
    ],
)
def test_a_plans_step_is_addressed_to_the_reader(step: str) -> None:
    assert addressed_to_reader(step)


@pytest.mark.parametrize(
    "claim",
    [
        "Set theory gives the index its model of harbours and ledgers.",
        "Setup times fell by half after the release.",
        "Deployment of the new engine took three years.",
        "Uploads doubled in the first quarter of 2023.",
    ],
)
def test_statements_that_open_with_such_a_word_stay_claims(claim: str) -> None:
    assert not addressed_to_reader(claim)
