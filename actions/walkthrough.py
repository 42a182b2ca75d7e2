"""Enabling writeback: one step at a time ("next", "done") or all at once."""

from typing import Any, Dict, List

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.agent import utter_agent_note
from actions.diagnostics.walkthrough import TOTAL_STEPS, next_step, step_response


def steps_done(tracker: Tracker) -> int:
    """How many walkthrough steps the user has confirmed."""
    return int(tracker.get_slot("enable_step") or 0)


class ValidateEnableWalkthroughForm(FormValidationAction):
    """Asks for `step_done` once per step until every step is confirmed."""

    def name(self) -> str:
        """Unique identifier of the action."""
        return "validate_enable_walkthrough_form"

    async def required_slots(
        self,
        domain_slots: List[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[str]:
        """Keeps `step_done` only while a step-by-step walkthrough is unfinished."""
        stepwise = tracker.get_slot("walkthrough_mode") == "step"
        if stepwise and steps_done(tracker) < TOTAL_STEPS:
            return domain_slots
        return [slot for slot in domain_slots if slot != "step_done"]

    def validate_step_done(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[str, Any]:
        """Counts a confirmed step and clears `step_done` to ask for the next."""
        if not slot_value:
            return {"step_done": None}
        done = steps_done(tracker) + 1
        return {"enable_step": done, "step_done": True if done >= TOTAL_STEPS else None}


class ActionAskStepDone(Action):
    """Shows the current step of the walkthrough, with the agent note in agent mode."""

    def name(self) -> str:
        """Unique identifier of the action."""
        return "action_ask_step_done"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        """Utters the next unconfirmed step and how to move on."""
        dispatcher.utter_message(response=step_response(next_step(steps_done(tracker))))
        dispatcher.utter_message(response="utter_step_prompt")
        utter_agent_note(dispatcher, tracker, "step_done")
        return []


class ActionFinishWalkthrough(Action):
    """Closes the walkthrough: all steps at once, or the final check."""

    def name(self) -> str:
        """Unique identifier of the action."""
        return "action_finish_walkthrough"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        """Utters the remaining text and resets the walkthrough slots."""
        if tracker.get_slot("walkthrough_mode") == "all":
            dispatcher.utter_message(response="utter_enable_wizard_all")
            dispatcher.utter_message(response="utter_enable_portal_all")
        dispatcher.utter_message(response="utter_enable_done")
        return [
            SlotSet("walkthrough_mode", None),
            SlotSet("enable_step", 0),
            SlotSet("step_done", None),
        ]
