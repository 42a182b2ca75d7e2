"""Agent mode: each form question comes with a note for the support agent.

Rasa runs `action_ask_<slot>` instead of `utter_ask_<slot>` when a form asks
for a slot. These actions say the question and, while the `agent_mode` slot is
on, `utter_agent_note_<slot>`: why the question is asked and what a useful
answer sounds like. The slot is set by the `/agent` command (an intent) or by
the channel's `metadata.mode: agent` (`AgentModeFromChannel` below).
"""

from abc import ABC, abstractmethod
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from components.agent.mode import mode_from_hint

AGENT_MODE_SLOT = "agent_mode"


def note_response(slot: str) -> str:
    """Return the name of the agent note for a form question."""
    return f"utter_agent_note_{slot}"


def utter_agent_note(
    dispatcher: CollectingDispatcher, tracker: Tracker, slot: str
) -> None:
    """Utter the note for the question about `slot`, in agent mode only."""
    if tracker.get_slot(AGENT_MODE_SLOT):
        dispatcher.utter_message(response=note_response(slot))


class AgentModeFromChannel:
    """Slot extraction for `action_validate_slot_mappings`: the channel's hint.

    Runs after every user message, `/intent` shortcuts included (Rasa drops
    NLU output for those, so a pipeline component would miss a `/greet`
    welcome), and sees the message metadata in `tracker.latest_message`.
    """

    def extract_agent_mode(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Turns agent mode on for a channel's `metadata.mode: agent`, once."""
        metadata = (tracker.latest_message or {}).get("metadata")
        mode = mode_from_hint(tracker.get_slot(AGENT_MODE_SLOT), metadata)
        return {} if mode is None else {AGENT_MODE_SLOT: mode}


class AskWithAgentNote(Action, ABC):
    """Asks a form question, then adds the agent note in agent mode.

    Subclasses name the slot; `inspect.isabstract` keeps this base class out of
    the action server's registry.
    """

    @property
    @abstractmethod
    def slot(self) -> str:
        """The slot the question asks for."""

    def name(self) -> str:
        """Unique identifier of the action: `action_ask_<slot>`."""
        return f"action_ask_{self.slot}"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        """Utters `utter_ask_<slot>` and, in agent mode, its note."""
        dispatcher.utter_message(response=f"utter_ask_{self.slot}")
        utter_agent_note(dispatcher, tracker, self.slot)
        return []


class ActionAskUserType(AskWithAgentNote):
    """Asks whether the users are cloud-only or synced."""

    slot = "user_type"


class ActionAskLicense(AskWithAgentNote):
    """Asks for the users' license."""

    slot = "license"


class ActionAskAccountsReady(AskWithAgentNote):
    """Asks for the admin and test accounts."""

    slot = "accounts_ready"


class ActionAskPdcPreferred(AskWithAgentNote):
    """Asks whether Connect prefers the PDC emulator."""

    slot = "pdc_preferred"


class ActionAskSsprEnabled(AskWithAgentNote):
    """Asks whether SSPR is on."""

    slot = "sspr_enabled"


class ActionAskCloudAdmin(AskWithAgentNote):
    """Asks whether writeback was enabled with a cloud admin account."""

    slot = "cloud_admin"


class ActionAskOsVersion(AskWithAgentNote):
    """Asks for the domain controllers' Windows Server version."""

    slot = "os_version"


class ActionAskFullSyncDone(AskWithAgentNote):
    """Asks whether a full import and sync were run."""

    slot = "full_sync_done"


class ActionAskAadcVersion(AskWithAgentNote):
    """Asks for the Entra Connect version."""

    slot = "aadc_version"


class ActionAskWalkthroughMode(AskWithAgentNote):
    """Asks whether to go step by step or all at once."""

    slot = "walkthrough_mode"
