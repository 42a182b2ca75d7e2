"""Connectivity: Connect version check, firewall and proxy rules."""

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.diagnostics.versions import VersionVerdict, connect_version_verdict

VERSION_RESPONSES = {
    VersionVerdict.SUPPORTED: "utter_version_supported",
    VersionVerdict.TOO_OLD: "utter_version_too_old",
    VersionVerdict.UNKNOWN: "utter_version_unknown",
}


class ActionCheckFirewall(Action):
    """Checks the Connect version, then gives the firewall rules and a test."""

    def name(self) -> str:
        """Unique identifier of the action."""
        return "action_check_firewall"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        """Utters the version verdict, the rules and the test command."""
        version = tracker.get_slot("aadc_version")
        verdict = connect_version_verdict(version)
        dispatcher.utter_message(
            response=VERSION_RESPONSES[verdict], aadc_version=version
        )
        dispatcher.utter_message(response="utter_firewall_rules")
        dispatcher.utter_message(response="utter_firewall_test")
        return []
