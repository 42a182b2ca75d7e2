import pytest

from components.agent.mode import agent_command, hinted_by_channel, mode_from_hint


@pytest.mark.parametrize(
    "text, expected",
    [
        ("/agent", True),
        ("/agent on", True),
        ("  /AGENT   On ", True),
        ("/agent off", False),
        ("/Agent OFF", False),
        ("/agentx", None),
        ("/agent maybe", None),
        ("/lang sv", None),
        ("I need an agent", None),
        ("agent", None),
        ("", None),
        (None, None),
    ],
)
def test_agent_command(text, expected):
    assert agent_command(text) is expected


@pytest.mark.parametrize(
    "metadata, expected",
    [
        ({"mode": "agent"}, True),
        ({"mode": " Agent "}, True),
        ({"mode": "user"}, False),
        ({"mode": ["agent"]}, False),
        ({"locale": "da-DK"}, False),
        ({}, False),
        (None, False),
        ("mode: agent", False),
    ],
)
def test_channel_hint(metadata, expected):
    assert hinted_by_channel(metadata) is expected


@pytest.mark.parametrize(
    "current, metadata, expected",
    [
        (None, {"mode": "agent"}, True),
        (None, {"mode": "user"}, None),
        (None, None, None),
        # After /agent or /agent off the command holds.
        (True, {"mode": "agent"}, None),
        (False, {"mode": "agent"}, None),
    ],
)
def test_hint_only_sets_a_conversation_without_a_mode(current, metadata, expected):
    assert mode_from_hint(current, metadata) is expected
