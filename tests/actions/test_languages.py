import pytest

from actions.languages import ActionValidateSlotMappings
from tests.actions.conftest import make_tracker, responses

DOMAIN = {
    "slots": {
        "supported_languages_noted": {
            "type": "bool",
            "mappings": [{"type": "custom"}],
        }
    }
}


def message(unsupported, source="text"):
    return {
        "entities": [],
        "locale": {"language": "en", "source": source, "unsupported": unsupported},
    }


async def validate(dispatcher, slots, latest_message):
    return await ActionValidateSlotMappings().run(
        dispatcher, make_tracker(slots, latest_message), DOMAIN
    )


async def test_notes_supported_languages_once(dispatcher):
    events = await validate(dispatcher, {}, message("de"))
    assert responses(dispatcher) == ["utter_supported_languages"]
    assert [(e["name"], e["value"]) for e in events] == [
        ("supported_languages_noted", True)
    ]


async def test_not_again(dispatcher):
    events = await validate(
        dispatcher, {"supported_languages_noted": True}, message("de")
    )
    assert events == [] and dispatcher.messages == []


@pytest.mark.parametrize(
    "latest_message",
    [message(None), message("de", source="explicit"), {"entities": []}],
    ids=["supported", "asked-for-unsupported", "no-locale"],
)
async def test_not_without_an_unsupported_text(dispatcher, latest_message):
    assert await validate(dispatcher, {}, latest_message) == []
    assert dispatcher.messages == []


LANGUAGE_DOMAIN = {
    "slots": {
        "language": {
            "type": "text",
            "mappings": [
                {"type": "from_entity", "entity": "language"},
                {"type": "custom"},
            ],
        }
    }
}


@pytest.mark.parametrize(
    "slots, metadata, language",
    [
        ({}, {"locale": "da-DK"}, "da"),
        ({}, {"language": "sl-SI"}, "sl"),
        ({}, {"locale": "de-DE"}, None),
        ({}, None, None),
        ({"language": "sv"}, {"locale": "da-DK"}, None),
    ],
    ids=["hint", "language-key", "unsupported-hint", "no-hint", "locale-kept"],
)
async def test_language_from_the_hint_only_when_none_is_set(
    dispatcher, slots, metadata, language
):
    latest = {"intent": {"name": "greet"}, "entities": [], "metadata": metadata}
    events = await ActionValidateSlotMappings().run(
        dispatcher, make_tracker(slots, latest), LANGUAGE_DOMAIN
    )
    set_language = [e["value"] for e in events if e["name"] == "language"]
    assert set_language == ([language] if language else [])
    assert dispatcher.messages == []
