import pytest
from rasa.shared.nlu.training_data.message import Message

from components.agent_mode import AgentModeDetector


def run(text, intent="nlu_fallback", metadata=None):
    message = Message(
        data={
            "text": text,
            "metadata": metadata,
            "intent": {"name": intent, "confidence": 0.2},
            "entities": [],
        }
    )
    AgentModeDetector().process([message])
    return message


@pytest.mark.parametrize(
    "text, intent",
    [("/agent", "agent_mode_on"), ("/agent on", "agent_mode_on")]
    + [("/agent off", "agent_mode_off"), (" /Agent OFF ", "agent_mode_off")],
)
def test_command_sets_its_intent_with_full_confidence(text, intent):
    assert run(text).get("intent") == {"name": intent, "confidence": 1.0}


def test_other_text_keeps_its_classification():
    message = run("I need an agent", intent="human_handoff", metadata={"mode": "agent"})
    assert message.get("intent")["name"] == "human_handoff"
    assert message.get("entities") == []
