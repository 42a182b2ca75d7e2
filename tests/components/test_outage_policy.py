from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered

from components.outage_policy import failed_custom_action

CUSTOM = ["action_check_license", "configuration_check_form"]
LIVE = [UserUttered("hi"), ActionExecuted("utter_greet"), BotUttered("Hi!")]


def test_custom_action_without_events_failed():
    assert failed_custom_action(LIVE + [ActionExecuted("action_check_license")], CUSTOM)


def test_custom_action_with_events_succeeded():
    events = LIVE + [ActionExecuted("action_check_license"), BotUttered("verdict")]
    assert not failed_custom_action(events, CUSTOM)
    events = LIVE + [ActionExecuted("configuration_check_form"), SlotSet("x", 1)]
    assert not failed_custom_action(events, CUSTOM)


def test_responses_and_defaults_are_not_custom_actions():
    assert not failed_custom_action(LIVE + [ActionExecuted("utter_greet")], CUSTOM)
    assert not failed_custom_action(LIVE + [ActionExecuted("action_listen")], CUSTOM)


def test_test_stories_without_bot_utterances_are_not_judged():
    assert not failed_custom_action(
        [UserUttered("hi"), ActionExecuted("action_check_license")], CUSTOM
    )


def test_empty_tracker():
    assert not failed_custom_action([], CUSTOM)
