"""Direct licensing questions: judge the license when the facts are known."""

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.diagnostics.licensing import license_response


class ActionCheckLicense(Action):
    """Judges the user's license, or asks for what the check needs."""

    def name(self) -> str:
        """Unique identifier of the action."""
        return "action_check_license"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        """Utters the verdict, or asks for user type and license."""
        user_type = tracker.get_slot("user_type")
        license = tracker.get_slot("license")
        if user_type and license:
            dispatcher.utter_message(response=license_response(user_type, license))
        else:
            dispatcher.utter_message(response="utter_licensing_ask_details")
        return []
