"""The one-time notice for users who write in a language we do not support."""

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

NOTED_SLOT = "supported_languages_noted"


def wrote_unsupported_language(tracker: Tracker) -> bool:
    """Whether the NLU pipeline found the latest message in an unsupported language."""
    locale = (tracker.latest_message or {}).get("locale") or {}
    return bool(locale.get("unsupported")) and locale.get("source") == "text"


class ActionNoteSupportedLanguages(Action):
    """Names the supported languages once, as part of slot extraction.

    It runs as the custom mapping of `supported_languages_noted`, so Rasa calls
    it after every user message, before the answer is chosen.
    """

    def name(self) -> str:
        """Unique identifier of the action."""
        return "action_note_supported_languages"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        """Utters the notice the first time an unsupported language appears."""
        if tracker.get_slot(NOTED_SLOT) or not wrote_unsupported_language(tracker):
            return []
        dispatcher.utter_message(response="utter_supported_languages")
        return [SlotSet(NOTED_SLOT, True)]
