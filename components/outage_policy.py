"""Answer in the user's language when a custom action fails (e.g. the action server is down).

Rasa 3.6 logs a failed remote action and carries on as if it had run with no
events, so the user hears nothing. Every action of ours returns at least one
event, so a custom action or form followed by no event at all means it failed;
this policy then predicts a domain response that says so, and then listens.
Only live conversations are judged: their trackers hold the bot's utterances,
while test stories (`rasa test`) list action names without them.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence

from rasa.core.policies.policy import Policy, PolicyPrediction, SupportedData
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from components import fast_paths
from components.fingerprint import source_fingerprint

OUTAGE_RESPONSE = "utter_service_unavailable"
# Above RulePolicy (6), so the apology wins over a rule that would go on.
OUTAGE_POLICY_PRIORITY = 7


def failed_custom_action(events: Sequence[Event], custom_actions: List[str]) -> bool:
    """Whether a live conversation ends in a custom action that returned nothing."""
    if not events:
        return False
    last = events[-1]
    return (
        isinstance(last, ActionExecuted)
        and last.action_name in custom_actions
        and any(isinstance(event, BotUttered) for event in events)
    )


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT,
    is_trainable=True,
)
class ActionOutagePolicy(Policy):
    """Predicts an apology after a failed custom action, then listens."""

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> str:
        """Retrains this component when its code changes (`components.fingerprint`)."""
        return source_fingerprint(["outage_policy.py", "fast_paths"])

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Returns the default config (see parent class for full docstring)."""
        return {"priority": OUTAGE_POLICY_PRIORITY}

    @staticmethod
    def supported_data() -> SupportedData:
        """Needs no training data."""
        return SupportedData.ML_AND_RULE_DATA

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        featurizer: Optional[Any] = None,
    ) -> None:
        """Creates the policy (it has no featurizer and nothing to learn).

        Also installs the faster drop-ins for Rasa's hot paths
        (components.fast_paths): this policy is loaded in every server process
        that runs custom actions.
        """
        super().__init__(config, model_storage, resource, execution_context, None)
        fast_paths.install()

    def train(
        self,
        training_trackers: List[TrackerWithCachedStates],
        domain: Domain,
        **kwargs: Any,
    ) -> Resource:
        """Nothing to learn; the rule is fixed."""
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[str, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """Predicts the apology after a failed action, and listening after it."""
        probabilities = self._default_predictions(domain)
        custom_actions = [
            name for name in domain.user_actions if not name.startswith("utter_")
        ] + list(domain.form_names)
        if failed_custom_action(tracker.events, custom_actions):
            probabilities[domain.index_for_action(OUTAGE_RESPONSE)] = 1.0
        elif tracker.latest_action_name == OUTAGE_RESPONSE:
            probabilities[domain.index_for_action(ACTION_LISTEN_NAME)] = 1.0
        return self._prediction(probabilities)
