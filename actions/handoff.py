"""Still failing: suggest disabling and re-enabling writeback, then hand over."""

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.diagnostics.case_summary import summary_lines


class ActionSuggestReenable(Action):
    """Gives the disable and re-enable procedure and remembers it did."""

    def name(self) -> str:
        """Unique identifier of the action."""
        return "action_suggest_reenable"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        """Utters the procedure."""
        dispatcher.utter_message(response="utter_reenable_writeback")
        return [SlotSet("reenable_suggested", True)]


class ActionHandoff(Action):
    """Hands the case to a human with a summary of what was checked."""

    def name(self) -> str:
        """Unique identifier of the action."""
        return "action_handoff"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        """Utters the handover, the case summary and what happens next."""
        dispatcher.utter_message(response="utter_handoff_intro")
        for response, values in summary_lines(tracker.current_slot_values()):
            dispatcher.utter_message(response=response, **values)
        dispatcher.utter_message(response="utter_handoff_next")
        return []
