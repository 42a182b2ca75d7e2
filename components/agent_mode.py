"""Rasa glue for the `/agent` command: `/agent [on]` and `/agent off` as intents.

Rasa's own `/intent` shortcut only knows intent names, so `/agent off` would be
classified as ordinary text. Running in the NLU pipeline, this component turns
the command into the intent `agent_mode_on` or `agent_mode_off`; the domain maps
those to the `agent_mode` slot and rules acknowledge them. The channel's
`metadata.mode: agent` hint is read after NLU, by `action_validate_slot_mappings`
(actions/agent.py), because Rasa drops pipeline output for `/intent` messages
such as a channel's `/greet` welcome.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.agent.mode import agent_command
from components.fingerprint import source_fingerprint

INTENT_ON = "agent_mode_on"
INTENT_OFF = "agent_mode_off"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class AgentModeDetector(GraphComponent):
    """Recognises the agent-mode command."""

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> str:
        """Retrains this component when its code changes (`components.fingerprint`)."""
        return source_fingerprint(["agent_mode.py", "agent"])

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> AgentModeDetector:
        """Creates the component; it has nothing to train or load."""
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Leaves training data as annotated."""
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        """Sets the command's intent, with full confidence, on each command.

        Args:
            messages: The messages to process.

        Returns:
            The messages; `/agent [on|off]` carries its intent.

        """
        for message in messages:
            command = agent_command(message.get(TEXT))
            if command is not None:
                message.set(
                    INTENT,
                    {
                        INTENT_NAME_KEY: INTENT_ON if command else INTENT_OFF,
                        PREDICTED_CONFIDENCE_KEY: 1.0,
                    },
                    add_to_output=True,
                )
        return messages
