"""Locale work that needs the tracker after NLU.

The channel's hint for messages that skip the pipeline, and the one-time
notice for unsupported languages.
"""

from typing import Any, Dict

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction
from rasa_sdk.types import DomainDict

from actions.agent import AgentModeFromChannel
from components.locale.hint import channel_hint, normalise_hint

LANGUAGE_SLOT = "language"
NOTED_SLOT = "supported_languages_noted"


def wrote_unsupported_language(tracker: Tracker) -> bool:
    """Whether the NLU pipeline found the latest message in an unsupported language."""
    locale = (tracker.latest_message or {}).get("locale") or {}
    return bool(locale.get("unsupported")) and locale.get("source") == "text"


class ActionValidateSlotMappings(AgentModeFromChannel, ValidationAction):
    """Rasa's global slot extraction, run after every user message.

    Agent mode's channel hint comes from `AgentModeFromChannel` (actions/agent.py);
    Rasa allows only one `action_validate_slot_mappings`.

    The notice is uttered here rather than from a custom mapping action
    (`type: custom, action: ...`): Rasa 3.6 keeps only the SlotSet events of
    those, so their messages never reach the user, while the bot messages of
    `action_validate_slot_mappings` are sent before the answer.
    """

    def extract_language(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Takes the channel's hint when a message skipped the locale policy.

        A welcome sent by a channel as `/greet` is not run through the NLU
        pipeline, so only its metadata can tell the locale.
        """
        if tracker.get_slot(LANGUAGE_SLOT):
            return {}
        hinted = normalise_hint(
            channel_hint((tracker.latest_message or {}).get("metadata"))
        )
        return {LANGUAGE_SLOT: hinted} if hinted else {}

    def extract_supported_languages_noted(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Utters the notice the first time an unsupported language appears."""
        if tracker.get_slot(NOTED_SLOT) or not wrote_unsupported_language(tracker):
            return {}
        dispatcher.utter_message(response="utter_supported_languages")
        return {NOTED_SLOT: True}
