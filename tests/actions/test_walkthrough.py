import pytest

from actions.diagnostics.walkthrough import TOTAL_STEPS
from actions.walkthrough import (
    ActionAskStepDone,
    ActionFinishWalkthrough,
    ValidateEnableWalkthroughForm,
)
from tests.actions.conftest import make_tracker, responses

FORM = ValidateEnableWalkthroughForm()
DOMAIN_SLOTS = ["walkthrough_mode", "step_done"]


@pytest.mark.parametrize(
    "slots, required",
    [
        ({}, ["walkthrough_mode"]),
        ({"walkthrough_mode": "all"}, ["walkthrough_mode"]),
        ({"walkthrough_mode": "step", "enable_step": 3}, DOMAIN_SLOTS),
        (
            {"walkthrough_mode": "step", "enable_step": TOTAL_STEPS},
            ["walkthrough_mode"],
        ),
    ],
)
async def test_required_slots(dispatcher, slots, required):
    assert (
        await FORM.required_slots(DOMAIN_SLOTS, dispatcher, make_tracker(slots), {})
        == required
    )


def test_confirmed_step_moves_on(dispatcher):
    tracker = make_tracker({"enable_step": 2})
    assert FORM.validate_step_done(True, dispatcher, tracker, {}) == {
        "enable_step": 3,
        "step_done": None,
    }


def test_last_step_completes(dispatcher):
    tracker = make_tracker({"enable_step": TOTAL_STEPS - 1})
    assert FORM.validate_step_done(True, dispatcher, tracker, {}) == {
        "enable_step": TOTAL_STEPS,
        "step_done": True,
    }


def test_ask_shows_the_next_step(dispatcher):
    ActionAskStepDone().run(dispatcher, make_tracker({"enable_step": 4}), {})
    assert responses(dispatcher) == ["utter_enable_step_5", "utter_step_prompt"]


@pytest.mark.parametrize(
    "mode, said",
    [
        (
            "all",
            ["utter_enable_wizard_all", "utter_enable_portal_all", "utter_enable_done"],
        ),
        ("step", ["utter_enable_done"]),
    ],
)
def test_finish_resets_the_walkthrough(dispatcher, mode, said):
    events = ActionFinishWalkthrough().run(
        dispatcher, make_tracker({"walkthrough_mode": mode}), {}
    )
    assert responses(dispatcher) == said
    assert {e["name"]: e["value"] for e in events} == {
        "walkthrough_mode": None,
        "enable_step": 0,
        "step_done": None,
    }
