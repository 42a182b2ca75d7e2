import pytest

from channels.botframework.activity import (
    activity_metadata,
    bot_was_added,
    card_actions,
    conversation_id,
    message_text,
    reply_activity,
)

BOT = {"id": "28:bot", "name": "Writeback Assistant"}
USER = {"id": "29:user", "name": "Agent"}
CLIENT_INFO = {
    "type": "clientInfo",
    "locale": "sv-SE",
    "country": "SE",
    "platform": "Windows",
    "timezone": "Europe/Stockholm",
}


@pytest.mark.parametrize(
    "activity, expected",
    [
        (
            {"locale": "da-DK", "entities": [CLIENT_INFO]},
            {
                "locale": "da-DK",
                "client_info": {
                    "locale": "sv-SE",
                    "country": "SE",
                    "platform": "Windows",
                    "timezone": "Europe/Stockholm",
                },
            },
        ),
        (
            {"entities": [{"type": "clientInfo", "locale": "et-EE"}]},
            {"locale": "et-EE", "client_info": {"locale": "et-EE"}},
        ),
        ({"locale": "sl-SI"}, {"locale": "sl-SI"}),
        ({"entities": [{"type": "mention"}]}, {}),
        (
            {"attachments": [{"contentType": "image/png"}]},
            {"attachments": [{"contentType": "image/png"}]},
        ),
    ],
)
def test_activity_metadata(activity, expected):
    assert activity_metadata(activity) == expected


def test_the_bots_mention_is_removed_from_the_text():
    activity = {
        "text": "<at>Writeback Assistant</at> writeback virker ikke <at>Anna</at>",
        "recipient": BOT,
        "entities": [
            {
                "type": "mention",
                "text": "<at>Writeback Assistant</at>",
                "mentioned": BOT,
            },
            {"type": "mention", "text": "<at>Anna</at>", "mentioned": USER},
        ],
    }
    assert message_text(activity) == "writeback virker ikke <at>Anna</at>"


def test_message_text_without_mentions_is_kept():
    assert message_text({"text": "  hej  ", "recipient": BOT}) == "hej"


@pytest.mark.parametrize(
    "activity, added",
    [
        ({"type": "conversationUpdate", "membersAdded": [USER, BOT]}, True),
        ({"type": "conversationUpdate", "membersAdded": [USER]}, False),
        ({"type": "conversationUpdate", "membersRemoved": [BOT]}, False),
        ({"type": "message", "membersAdded": [BOT]}, False),
    ],
)
def test_bot_was_added(activity, added):
    assert bot_was_added({"recipient": BOT, **activity}) is added


def test_a_reply_goes_to_the_same_conversation_and_thread():
    activity = {
        "id": "1700000000123",
        "from": USER,
        "recipient": BOT,
        "conversation": {"id": "19:x@thread.tacv2;messageid=1700000000000"},
        "locale": "da-DK",
    }
    reply = reply_activity(activity, {"text": "Hej"})
    assert reply == {
        "type": "message",
        "from": BOT,
        "recipient": USER,
        "conversation": activity["conversation"],
        "replyToId": "1700000000123",
        "textFormat": "markdown",
        "locale": "da-DK",
        "text": "Hej",
    }
    assert conversation_id(activity) == "19:x@thread.tacv2;messageid=1700000000000"


def test_rasa_buttons_become_message_back_actions():
    assert card_actions([{"title": "Ja", "payload": "/affirm"}]) == [
        {"type": "messageBack", "title": "Ja", "displayText": "Ja", "text": "/affirm"}
    ]
