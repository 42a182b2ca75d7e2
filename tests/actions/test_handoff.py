from actions.handoff import ActionHandoff, ActionSuggestReenable
from tests.actions.conftest import make_tracker, responses


def test_suggest_reenable_remembers(dispatcher):
    events = ActionSuggestReenable().run(dispatcher, make_tracker(), {})
    assert responses(dispatcher) == ["utter_reenable_writeback"]
    assert events == [
        {
            "event": "slot",
            "timestamp": None,
            "name": "reenable_suggested",
            "value": True,
        }
    ]


def test_handoff_frames_the_summary(dispatcher):
    slots = {"user_type": "synced", "license": "aad_p1", "aadc_version": "2.3.20.0"}
    ActionHandoff().run(dispatcher, make_tracker(slots), {})
    said = responses(dispatcher)
    assert said[0] == "utter_handoff_intro" and said[-1] == "utter_handoff_next"
    assert said[1:-1] == [
        "utter_summary_header",
        "utter_summary_user_type_synced",
        "utter_summary_license_covered",
        "utter_summary_aadc_version",
        "utter_summary_next_engineer",
    ]
