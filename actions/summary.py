"""The case summary: said in the chat and rendered for a ticket, from one list.

The agent asks for it with `ask_case_summary`; a handover says it too. Both use
`summary_lines`, so the chat, the ticket and the helpdesk webhook all carry the
same lines in the conversation's language.
"""

import logging
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.diagnostics.case_summary import summary_lines
from actions.rendering import render

logger = logging.getLogger(__name__)


def utter_summary(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Utter the summary, one response per line."""
    for response, values in summary_lines(tracker.current_slot_values()):
        dispatcher.utter_message(response=response, **values)


def rendered_summary(tracker: Tracker, domain: DomainDict) -> List[str]:
    """Return the summary lines as the user reads them, for a ticket.

    Args:
        tracker: The conversation; its slots pick the language and the lines.
        domain: The domain the Rasa server sent, with its responses.

    Returns:
        One text per summary line, rendered like the chat messages.

    """
    slots = tracker.current_slot_values()
    responses = domain.get("responses") or {}
    lines = []
    for response, values in summary_lines(slots):
        text = render(responses, response, slots, **values)
        if text is None:
            logger.warning("Response %s is missing from the domain", response)
            continue
        lines.append(text)
    return lines


class ActionCaseSummary(Action):
    """Says the case summary so far, ready to paste into a ticket."""

    def name(self) -> str:
        """Unique identifier of the action."""
        return "action_case_summary"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        """Utters the intro line and the summary."""
        dispatcher.utter_message(response="utter_case_summary_intro")
        utter_summary(dispatcher, tracker)
        return []
