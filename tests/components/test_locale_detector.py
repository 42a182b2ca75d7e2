import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.locale.wordlists import DA, EN, SV
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
    untrained_detector().process([message], tracker=tracker)
    return message


def untrained_detector(tmp_path=None, **config):
    storage = LocalModelStorage(tmp_path) if tmp_path else None
    return LocaleDetector.create(
        {**LocaleDetector.get_default_config(), **config},
        storage,
        Resource("locale_detector"),
        ExecutionContext(graph_schema=None),
    )


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


@pytest.fixture
def nlu_folders(tmp_path):
    for code, text in [
        ("en", "my password reset fails"),
        ("da", "nulstilling virker ikke, hav det godt"),
        ("sv", "återställningen fungerar inte, ha det gott"),
    ]:
        (tmp_path / "nlu" / code).mkdir(parents=True)
        (tmp_path / "nlu" / code / "chitchat.yml").write_text(
            f'version: "3.1"\nnlu:\n  - intent: inform\n    examples: |\n      - {text}\n',
            encoding="utf-8",
        )
    return tmp_path / "nlu"


def test_training_learns_a_scorer_that_survives_loading(
    tmp_path, nlu_folders, monkeypatch
):
    # spaCy's full tables take seconds to read; a few words show the wiring.
    monkeypatch.setattr(
        "components.locale_detector.spacy_word_masks",
        lambda: {"virker": DA, "det": DA | SV, "fungerar": SV, "my": EN},
    )
    storage = LocalModelStorage(tmp_path)
    resource = Resource("locale_detector")
    config = {"vocabulary_data": str(nlu_folders)}
    context = ExecutionContext(graph_schema=None)
    LocaleDetector.create(config, storage, resource, context).train(TrainingData())

    loaded = LocaleDetector.load(config, storage, resource, context)
    message = Message(data={"text": "hav det godt", "intent": {"name": "goodbye"}})
    loaded.process([message], tracker=tracker())
    assert message.get("locale")["language"] == "da"
    # One example per locale makes a timid scorer: a guess is all it may say.
    assert message.get("locale")["source"] in ("text", "guess")
    with storage.read_from(resource) as directory:
        stored = sorted(p.name for p in directory.iterdir())
    assert stored == ["ngrams.json", "scorer.json", "vocabulary.json", "wordlists.npz"]


def test_loading_without_a_vocabulary_falls_back_to_hand_made_markers(tmp_path):
    storage = LocalModelStorage(tmp_path)
    detector = LocaleDetector.load(
        {}, storage, Resource("missing"), ExecutionContext(graph_schema=None)
    )
    message = Message(data={"text": "password writeback virker ikke"})
    detector.process([message], tracker=tracker())
    assert message.get("locale")["language"] == "da"
