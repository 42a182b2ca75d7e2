"""Bot Framework activities in and out: what Rasa needs from them, what we send.

Pure functions over the activity JSON (see the Bot Framework Activity schema).
"""

import re
from typing import Any, Dict, List, Optional

# Teams client details worth passing on to the locale policy and the actions.
CLIENT_INFO_FIELDS = ("locale", "country", "platform", "timezone")
WELCOME_TEXT = "/greet"


def _client_info(activity: Dict[str, Any]) -> Dict[str, str]:
    for entity in activity.get("entities") or []:
        if isinstance(entity, dict) and entity.get("type") == "clientInfo":
            return {
                field: entity[field]
                for field in CLIENT_INFO_FIELDS
                if isinstance(entity.get(field), str) and entity[field]
            }
    return {}


def activity_metadata(activity: Dict[str, Any]) -> Dict[str, Any]:
    """Message metadata for Rasa: the locale hint, Teams' clientInfo, attachments.

    `locale` is the activity's own locale, or the Teams client's when the
    activity has none; `client_info` holds the clientInfo entity's fields.
    """
    metadata: Dict[str, Any] = {}
    client_info = _client_info(activity)
    locale = activity.get("locale") or client_info.get("locale")
    if isinstance(locale, str) and locale:
        metadata["locale"] = locale
    if client_info:
        metadata["client_info"] = client_info
    if activity.get("attachments"):
        metadata["attachments"] = activity["attachments"]
    return metadata


def message_text(activity: Dict[str, Any]) -> str:
    """The user's text without the @mention of the bot.

    In channels and group chats Teams only delivers messages that mention the
    bot, and the mention (`<at>Bot name</at>`) is part of the text.
    """
    text = activity.get("text") or ""
    bot_id = (activity.get("recipient") or {}).get("id")
    for entity in activity.get("entities") or []:
        if (
            isinstance(entity, dict)
            and entity.get("type") == "mention"
            and (entity.get("mentioned") or {}).get("id") == bot_id
            and entity.get("text")
        ):
            text = text.replace(entity["text"], " ")
    return re.sub(r"\s+", " ", text).strip()


def bot_was_added(activity: Dict[str, Any]) -> bool:
    """Whether a conversationUpdate says the bot itself joined the conversation."""
    if activity.get("type") != "conversationUpdate":
        return False
    bot_id = (activity.get("recipient") or {}).get("id")
    return any(
        isinstance(member, dict) and member.get("id") == bot_id
        for member in activity.get("membersAdded") or []
    )


def card_actions(buttons: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Rasa buttons as Bot Framework card actions.

    `messageBack` shows the title in the chat and sends the payload (such as
    `/affirm`) to the bot; Rasa's channel passes Rasa's button dicts on as they
    are, which Teams does not understand.
    """
    return [
        {
            "type": "messageBack",
            "title": button.get("title", ""),
            "displayText": button.get("title", ""),
            "text": button.get("payload", button.get("title", "")),
        }
        for button in buttons
    ]


def reply_activity(activity: Dict[str, Any], content: Dict[str, Any]) -> Dict[str, Any]:
    """A message activity answering `activity`, in its conversation and thread."""
    reply: Dict[str, Any] = {
        "type": "message",
        "from": activity.get("recipient"),
        "recipient": activity.get("from"),
        "conversation": activity.get("conversation"),
        "replyToId": activity.get("id"),
        "textFormat": "markdown",
    }
    if activity.get("locale"):
        reply["locale"] = activity["locale"]
    reply.update(content)
    return reply


def conversation_id(activity: Dict[str, Any]) -> Optional[str]:
    """The activity's conversation id (a channel thread has its own)."""
    return (activity.get("conversation") or {}).get("id")
