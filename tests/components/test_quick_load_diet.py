import shutil

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.quick_load_diet import QuickLoadDIETClassifier

EXAMPLES = {
    "greet": ["hello", "hi there", "hej", "good morning", "tere"],
    "ask_firewall": ["which ports", "firewall rules", "port 443 open?", "proxy"],
    "ask_licensing": ["which license", "do I need P1", "is E3 enough", "licens"],
}
PROBES = ["hello", "what about the firewall", "licence P2?", "tere hommikust", ""]
CONFIG = {"epochs": 3, "number_of_transformer_layers": 1, "transformer_size": 32}


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A small DIET trained, persisted and loaded by Rasa's loader and ours."""
    storage = LocalModelStorage(tmp_path_factory.mktemp("storage"))
    context = ExecutionContext(GraphSchema({}), "test")
    tokenizer = WhitespaceTokenizer.create(
        WhitespaceTokenizer.get_default_config(), storage, Resource("tok"), context
    )
    featurizer = CountVectorsFeaturizer.create(
        CountVectorsFeaturizer.get_default_config(), storage, Resource("cvf"), context
    )
    data = TrainingData(
        [
            Message.build(text=text, intent=intent)
            for intent, texts in EXAMPLES.items()
            for text in texts
        ]
    )
    tokenizer.process_training_data(data)
    featurizer.train(data)
    featurizer.process_training_data(data)
    resource = Resource("diet")
    config = {**DIETClassifier.get_default_config(), **CONFIG}
    QuickLoadDIETClassifier.create(config, storage, resource, context).train(data)
    # Files are named after the class; give Rasa's loader the same ones.
    with storage.read_from(resource) as directory:
        for path in directory.glob(f"{QuickLoadDIETClassifier.__name__}.*"):
            twin = path.name.replace(QuickLoadDIETClassifier.__name__, "DIETClassifier")
            shutil.copy(path, directory / twin)

    def featurized(text):
        message = Message.build(text=text)
        tokenizer.process([message])
        featurizer.process([message])
        return message

    rasas, ours = (
        cls.load(config, storage, resource, context)
        for cls in (DIETClassifier, QuickLoadDIETClassifier)
    )
    return rasas, ours, featurized


def ranking(classifier, message):
    classifier.process([message])
    return {r["name"]: r["confidence"] for r in message.get("intent_ranking")}


@pytest.mark.parametrize("text", PROBES)
def test_predictions_match_rasas_loader(trained, text):
    rasas_classifier, our_classifier, featurized = trained
    rasas = ranking(rasas_classifier, featurized(text))
    ours = ranking(our_classifier, featurized(text))
    assert ours.keys() == rasas.keys()
    assert np.allclose(list(ours.values()), [rasas[k] for k in ours], atol=1e-6)


def test_weights_match_rasas_loader(trained):
    rasas_classifier, our_classifier, _ = trained
    rasas, ours = rasas_classifier.model, our_classifier.model
    rasa_weights = {w.name: w.numpy() for w in rasas.weights}
    our_weights = {w.name: w.numpy() for w in ours.weights}
    assert our_weights  # prediction created the variables
    for name, value in our_weights.items():
        assert np.array_equal(value, rasa_weights[name]), name
