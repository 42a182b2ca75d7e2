"""Configuration checks: validation of `configuration_check_form` and its verdict."""

from typing import Any, Dict, List, Optional

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.diagnostics.configuration import (
    configuration_verdict_response,
    os_response,
    yes_no_response,
)
from actions.diagnostics.licensing import license_response


def mentioned_now(tracker: Tracker, entity: str) -> bool:
    """Whether the latest user message carries `entity`."""
    entities = (tracker.latest_message or {}).get("entities") or []
    return any(e.get("entity") == entity for e in entities)


class ValidateConfigurationCheckForm(FormValidationAction):
    """Gives a verdict on each configuration check as it is answered."""

    def name(self) -> str:
        """Unique identifier of the action."""
        return "validate_configuration_check_form"

    def validate_user_type(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[str, Any]:
        """Accepts the user type; judges a license given before it."""
        license = tracker.get_slot("license")
        if license and not mentioned_now(tracker, "license"):
            dispatcher.utter_message(response=license_response(slot_value, license))
        return {"user_type": slot_value}

    def validate_license(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[str, Any]:
        """Judges the license once the user type is known."""
        user_type = tracker.get_slot("user_type")
        if user_type:
            dispatcher.utter_message(response=license_response(user_type, slot_value))
        return {"license": slot_value}

    def validate_accounts_ready(
        self, slot_value: Any, dispatcher: CollectingDispatcher, *_: Any
    ) -> Dict[str, Any]:
        """Judges the admin and test accounts."""
        return self._yes_no("accounts_ready", slot_value, dispatcher)

    def validate_pdc_preferred(
        self, slot_value: Any, dispatcher: CollectingDispatcher, *_: Any
    ) -> Dict[str, Any]:
        """Judges the preferred-DC setting; tells how to fix it if needed."""
        return self._yes_no("pdc_preferred", slot_value, dispatcher)

    def validate_sspr_enabled(
        self, slot_value: Any, dispatcher: CollectingDispatcher, *_: Any
    ) -> Dict[str, Any]:
        """Judges whether SSPR is on."""
        return self._yes_no("sspr_enabled", slot_value, dispatcher)

    def validate_cloud_admin(
        self, slot_value: Any, dispatcher: CollectingDispatcher, *_: Any
    ) -> Dict[str, Any]:
        """Judges the admin account used to enable writeback."""
        return self._yes_no("cloud_admin", slot_value, dispatcher)

    def validate_os_version(
        self, slot_value: Any, dispatcher: CollectingDispatcher, *_: Any
    ) -> Dict[str, Any]:
        """Judges the domain controllers' Windows Server version."""
        dispatcher.utter_message(
            response=os_response(slot_value), os_version=slot_value
        )
        return {"os_version": slot_value}

    def validate_full_sync_done(
        self, slot_value: Any, dispatcher: CollectingDispatcher, *_: Any
    ) -> Dict[str, Any]:
        """Judges whether a full import and sync were run."""
        return self._yes_no("full_sync_done", slot_value, dispatcher)

    @staticmethod
    def _yes_no(
        check: str, answer: Optional[bool], dispatcher: CollectingDispatcher
    ) -> Dict[str, Any]:
        response = yes_no_response(check, answer)
        if response:
            dispatcher.utter_message(response=response)
        return {check: answer}


class ActionConfigurationVerdict(Action):
    """Closes the configuration checks with an overall verdict."""

    def name(self) -> str:
        """Unique identifier of the action."""
        return "action_configuration_verdict"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        """Utters whether to fix something first or move on to connectivity."""
        response = configuration_verdict_response(tracker.current_slot_values())
        dispatcher.utter_message(response=response)
        return []
