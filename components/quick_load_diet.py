"""Rasa's DIETClassifier, loaded without a training step.

To give a loaded model its variables, Rasa 3.6 compiles it and runs `fit` on
one example, then overwrites the weights from the checkpoint. Tracing that
training step was a third of the server's start-up time (py-spy, `rasa run`
to the first reply) in every Sanic worker, and the traced training graph stays
in memory. TensorFlow checkpoints restore a variable when it is created, so
this loads the weights first and lets the one prediction Rasa runs anyway
create, and fill, the variables prediction uses. Predictions are the same
(tests/components/test_quick_load_diet.py compares them). Fine-tuning still
takes Rasa's path, which needs the optimizer.
"""

from __future__ import annotations

import copy
from typing import Any, Dict, List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.nlu.extractors.extractor import EntityTagSpec
from rasa.shared.nlu.constants import TEXT
from rasa.utils.tensorflow.model_data import RasaModelData
from rasa.utils.tensorflow.models import RasaModel

from components.fingerprint import source_fingerprint


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER,
        DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR,
    ],
    is_trainable=True,
)
class QuickLoadDIETClassifier(DIETClassifier):
    """DIETClassifier whose `load` restores the weights without calling `fit`."""

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> str:
        """Retrains this component when its code changes (`components.fingerprint`)."""
        return source_fingerprint(["quick_load_diet.py"])

    @classmethod
    def _load_model_class(
        cls,
        tf_model_file: str,
        model_data_example: RasaModelData,
        label_data: RasaModelData,
        entity_tag_specs: List[EntityTagSpec],
        config: Dict[str, Any],
        finetune_mode: bool,
    ) -> RasaModel:
        if finetune_mode:
            return super()._load_model_class(
                tf_model_file,
                model_data_example,
                label_data,
                entity_tag_specs,
                config,
                finetune_mode,
            )
        predict_data_example = RasaModelData(
            label_key=model_data_example.label_key,
            data={
                name: features
                for name, features in model_data_example.items()
                if TEXT in name
            },
        )
        model = cls.model_class()(
            data_signature=model_data_example.get_signature(),
            label_data=label_data,
            entity_tag_specs=entity_tag_specs,
            config=copy.deepcopy(config),
        )
        restored = model.load_weights(tf_model_file)
        model.run_inference(predict_data_example)  # creates and fills the variables
        # The checkpoint also holds the optimizer's state, which prediction
        # never creates; everything prediction uses must have been restored.
        restored.expect_partial()
        restored.assert_existing_objects_matched()
        return model
