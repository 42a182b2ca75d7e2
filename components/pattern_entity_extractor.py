"""Rasa glue for the pattern-based entity extractor (see `entities.patterns`)."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.entities.patterns import find_entities
from components.fingerprint import source_fingerprint


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False
)
class PatternEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Extracts license, user_type, aadc_version, os_version and walkthrough_mode."""

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> str:
        """Retrains this component when its code changes (`components.fingerprint`)."""
        return source_fingerprint(["pattern_entity_extractor.py", "entities"])

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> PatternEntityExtractor:
        """Creates the extractor; it has nothing to train or load."""
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Leaves training data as annotated."""
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        """Adds the entities found in each message's text."""
        for message in messages:
            text = message.get(TEXT) or ""
            found = [
                {
                    "entity": e.entity,
                    "value": e.value,
                    "start": e.start,
                    "end": e.end,
                    "confidence_entity": 1.0,
                }
                for e in find_entities(text)
            ]
            if found:
                entities = message.get(ENTITIES, []) + self.add_extractor_name(found)
                message.set(ENTITIES, entities, add_to_output=True)
        return messages
