from pathlib import Path

import pytest
import rasa
from rasa.shared.core.domain import Domain

from scripts.bench.conversations import OURS, STOCK, TURNS_PER_CONVERSATION
from tests.conftest import ROOT

OUR_INTENTS = set(Domain.load(str(ROOT / "domain")).intent_properties)
STOCK_INTENTS = set(
    # The domain `rasa init` copies into a new project.
    Domain.load(
        str(Path(rasa.__file__).parent / "cli" / "initial_project" / "domain.yml")
    ).intent_properties
)


@pytest.mark.parametrize(
    "conversation, intents",
    [(c, OUR_INTENTS) for c in OURS] + [(c, STOCK_INTENTS) for c in STOCK],
    ids=[c.name for c in OURS + STOCK],
)
def test_every_turn_names_an_intent_of_its_bots_domain(conversation, intents):
    assert len(conversation.turns) == TURNS_PER_CONVERSATION
    for turn in conversation.turns:
        assert turn.text.strip()
        assert turn.intent in intents, turn


def test_our_conversations_cover_every_locale_and_several_flows():
    assert {c.locale for c in OURS} == {"en", "da", "sv", "et", "sl"}
    started = {c.turns[1].intent for c in OURS}
    assert {"writeback_not_working", "connectivity_problem", "enable_writeback"} <= (
        started | {t.intent for c in OURS for t in c.turns}
    )


def test_channel_hints_agree_with_the_conversations_locale():
    for conversation in OURS:
        if conversation.metadata:
            assert conversation.metadata["locale"].split("-")[0] == conversation.locale


@pytest.mark.model
def test_our_model_reads_every_scripted_turn_as_its_intent(model_path):
    import asyncio

    from rasa.core.agent import Agent

    agent = Agent.load(str(model_path))
    wrong = []
    for conversation in OURS:
        for turn in conversation.turns:
            parsed = asyncio.run(agent.parse_message(turn.text))
            if parsed["intent"]["name"] != turn.intent:
                wrong.append((turn.text, turn.intent, parsed["intent"]["name"]))
    assert not wrong, wrong
