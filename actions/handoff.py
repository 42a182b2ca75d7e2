"""Still failing: suggest disabling and re-enabling writeback, then hand over."""

import logging
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.integrations.helpdesk import Case, deliver
from actions.summary import rendered_summary, utter_summary

logger = logging.getLogger(__name__)


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
    """Hands the case to a human: says the summary and sends it to the helpdesk."""

    def name(self) -> str:
        """Unique identifier of the action."""
        return "action_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        """Utters the handover and the summary, then delivers the same summary.

        The helpdesk gets the summary lines rendered in the conversation's
        language; a failed delivery is logged and never ends the conversation.
        """
        dispatcher.utter_message(response="utter_handoff_intro")
        utter_summary(dispatcher, tracker)
        dispatcher.utter_message(response="utter_handoff_next")
        case = Case(
            conversation_id=tracker.sender_id,
            locale=tracker.get_slot("language") or "en",
            lines=rendered_summary(tracker, domain),
        )
        try:
            await deliver(case)
        except (OSError, ValueError):
            logger.exception("Could not hand case %s to the helpdesk", case)
        return []
