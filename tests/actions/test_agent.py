import inspect

import pytest
from rasa_sdk.executor import ActionExecutor, CollectingDispatcher

from actions.agent import AskWithAgentNote, note_response
from tests.actions.conftest import make_tracker, responses
from tests.domain_data import form_questions

EXECUTOR = ActionExecutor()
EXECUTOR.register_package("actions")
SLOTS = [slot for _, slot in form_questions()]


async def ask(slot, slots):
    dispatcher = CollectingDispatcher()
    result = EXECUTOR.actions[f"action_ask_{slot}"](dispatcher, make_tracker(slots), {})
    if inspect.isawaitable(result):
        await result
    return responses(dispatcher)


def test_every_form_question_is_asked_by_a_registered_action():
    assert SLOTS and all(f"action_ask_{slot}" in EXECUTOR.actions for slot in SLOTS)


def test_the_generic_base_class_is_not_an_action_of_its_own():
    assert inspect.isabstract(AskWithAgentNote)
    assert "action_ask_" not in EXECUTOR.actions


@pytest.mark.parametrize("slot", SLOTS)
async def test_agent_mode_adds_the_note_after_the_question(slot):
    said = await ask(slot, {"agent_mode": True, "enable_step": 0})
    assert said[-1] == note_response(slot)
    assert said.count(note_response(slot)) == 1
    assert len(said) >= 2


@pytest.mark.parametrize("slot", SLOTS)
@pytest.mark.parametrize("agent_mode", [False, None])
async def test_without_agent_mode_only_the_question_is_asked(slot, agent_mode):
    said = await ask(slot, {"agent_mode": agent_mode, "enable_step": 0})
    assert said and not [name for name in said if name.startswith("utter_agent_")]


@pytest.mark.parametrize("slot", [s for s in SLOTS if s != "step_done"])
async def test_the_question_is_the_slots_ask_response(slot):
    assert (await ask(slot, {"agent_mode": True}))[0] == f"utter_ask_{slot}"


async def test_the_walkthrough_shows_the_step_then_the_prompt_then_the_note():
    said = await ask("step_done", {"agent_mode": True, "enable_step": 2})
    assert said == [
        "utter_enable_step_3",
        "utter_step_prompt",
        "utter_agent_note_step_done",
    ]


async def validate_slot_mappings(slots, metadata, intent="greet"):
    from actions.languages import ActionValidateSlotMappings

    domain = {
        "slots": {
            "agent_mode": {
                "type": "bool",
                "mappings": [
                    {"type": "from_intent", "intent": "agent_mode_on", "value": True},
                    {"type": "custom"},
                ],
            }
        }
    }
    latest = {"intent": {"name": intent}, "entities": [], "metadata": metadata}
    return await ActionValidateSlotMappings().run(
        CollectingDispatcher(), make_tracker(slots, latest), domain
    )


async def test_channel_hint_turns_agent_mode_on_after_any_message():
    events = await validate_slot_mappings({}, {"mode": "agent", "locale": "da-DK"})
    assert [(e["name"], e["value"]) for e in events] == [("agent_mode", True)]


@pytest.mark.parametrize("current", [True, False])
async def test_channel_hint_never_overrides_the_command(current):
    assert (
        await validate_slot_mappings({"agent_mode": current}, {"mode": "agent"}) == []
    )


async def test_no_hint_no_agent_mode():
    assert await validate_slot_mappings({}, {"locale": "sv-SE"}) == []
