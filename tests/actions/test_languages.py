from actions.languages import ActionNoteSupportedLanguages
from tests.actions.conftest import make_tracker, responses


def message(unsupported, source="text"):
    return {
        "entities": [],
        "locale": {"language": "en", "source": source, "unsupported": unsupported},
    }


def test_notes_supported_languages_once(dispatcher):
    events = ActionNoteSupportedLanguages().run(
        dispatcher, make_tracker({}, message("de")), {}
    )
    assert responses(dispatcher) == ["utter_supported_languages"]
    assert (
        events[0]["name"] == "supported_languages_noted" and events[0]["value"] is True
    )


def test_not_again(dispatcher):
    tracker = make_tracker({"supported_languages_noted": True}, message("de"))
    assert ActionNoteSupportedLanguages().run(dispatcher, tracker, {}) == []
    assert dispatcher.messages == []


def test_not_for_supported_languages(dispatcher):
    assert (
        ActionNoteSupportedLanguages().run(
            dispatcher, make_tracker({}, message(None)), {}
        )
        == []
    )
