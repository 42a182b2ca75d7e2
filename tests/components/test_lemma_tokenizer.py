import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.lemma_tokenizer import LemmaTokenizer, compact_table


@pytest.fixture(scope="module")
def tokenizer():
    return LemmaTokenizer(LemmaTokenizer.get_default_config())


def lemmas(tokenizer, text):
    return [t.lemma for t in tokenizer.tokenize(Message(data={"text": text}), "text")]


def test_danish_lemmas(tokenizer):
    assert "bruger" in lemmas(
        tokenizer, "vores brugerne kan ikke nulstille adgangskoden"
    )


def test_swedish_lemmas(tokenizer):
    assert "användare" in lemmas(tokenizer, "användarna kan inte återställa lösenordet")


def test_estonian_keeps_words(tokenizer):
    text = "kasutajad ei saa parooli lähtestada"
    assert lemmas(tokenizer, text) == text.split()


def test_compact_table_keeps_what_can_reach_a_feature():
    table = {
        "brugerne": "bruger",  # a training word
        "brugere": "bruger",  # another form of a training lemma
        "brugers": "bruger",
        "huse": "hus",  # nothing in training shares a piece with it
        "adgangs-koden": "adgangskode",  # a piece of it is a training word
    }
    kept = compact_table(table, ["brugerne", "koden", "ikke"])
    assert kept == {
        "brugerne": "bruger",
        "brugere": "bruger",
        "brugers": "bruger",
        "adgangs-koden": "adgangskode",
    }


def test_trained_tokenizer_stores_a_compact_table_that_gives_the_same_lemmas(
    tmp_path, tokenizer
):
    texts = [
        "vores brugerne kan ikke nulstille adgangskoden",
        "användarna kan inte återställa lösenordet",
        "our users cannot reset their passwords",
    ]
    storage = LocalModelStorage(tmp_path)
    resource = Resource("lemma_tokenizer")
    context = ExecutionContext(GraphSchema({}), "test")
    config = LemmaTokenizer.get_default_config()
    trainer = LemmaTokenizer.create(config, storage, resource, context)
    trainer.train(TrainingData([Message(data={"text": t}) for t in texts]))
    loaded = LemmaTokenizer.load(config, storage, resource, context)
    sizes = {code: len(table) for code, table in loaded._tables.items()}
    assert set(sizes) == {"da", "sv", "en"}
    assert all(0 < size < 20_000 for size in sizes.values()), sizes
    for text in texts + ["brugere kan ikke nulstille"]:
        assert lemmas(loaded, text) == lemmas(tokenizer, text)
    # Unseen word and unseen lemma: unknown to the featurizer either way.
    assert lemmas(tokenizer, "brugere kan ikke logge ind")[3] == "log"
    assert lemmas(loaded, "brugere kan ikke logge ind")[3] == "logge"
