from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message

from components.locale_detector import LocaleDetector, current_locale

DOMAIN = Domain.from_yaml(
    "version: '3.1'\nslots:\n  language:\n    type: text\n    mappings:\n"
    "      - type: from_entity\n        entity: language\n"
)


def tracker(language=None, source=None):
    events = []
    if source:
        events.append(UserUttered("x", parse_data={"locale": {"source": source}}))
    if language:
        events.append(SlotSet("language", language))
    return DialogueStateTracker.from_events("t", events, slots=DOMAIN.slots)


def run(text, tracker=None, metadata=None, intent="inform"):
    message = Message(
        data={"text": text, "metadata": metadata, "intent": {"name": intent}}
    )
    LocaleDetector().process([message], tracker=tracker)
    return message


def language_entities(message):
    return [e for e in message.get("entities", []) if e["entity"] == "language"]


def test_locale_change_becomes_a_language_entity():
    message = run("password writeback virker ikke", tracker())
    assert [e["value"] for e in language_entities(message)] == ["da"]
    assert message.get("locale")["source"] == "text"


def test_unchanged_locale_adds_no_entity():
    assert language_entities(run("virker det nu?", tracker("da", "text"))) == []


def test_explicit_request_has_a_span_even_without_tracker():
    text = "kan du svare på svenska?"
    (entity,) = language_entities(run(text))
    assert (
        entity["value"] == "sv" and text[entity["start"] : entity["end"]] == "svenska"
    )


def test_parsing_without_a_conversation_sets_no_detected_locale():
    assert language_entities(run("password writeback virker ikke")) == []


def test_channel_hint_from_metadata():
    message = run("1.6.16.0", tracker(), metadata={"locale": "et-EE"})
    assert [e["value"] for e in language_entities(message)] == ["et"]


def test_lang_command_is_a_switch_language_intent():
    message = run("/lang sl", tracker("en", "default"))
    assert message.get("intent")["name"] == "switch_language"


def test_unsupported_language_is_published():
    message = run("Passwort-Rückschreiben funktioniert nicht", tracker("da", "text"))
    assert message.get("locale") == {
        "language": "en",
        "source": "text",
        "unsupported": "de",
    }


def test_helpers():
    assert current_locale(None) == (None, None)
    assert current_locale(tracker("sv", "explicit")) == ("sv", "explicit")
