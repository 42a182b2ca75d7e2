import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.lemma_tokenizer import LemmaTokenizer, compact_table


def tokenizer(**settings):
    return LemmaTokenizer({**LemmaTokenizer.get_default_config(), **settings})


def lemmas_of(lemma_tokenizer, text):
    message = Message(data={"text": text})
    return [t.lemma for t in lemma_tokenizer.tokenize(message, "text")]


def lemmas(text, **settings):
    return lemmas_of(tokenizer(**settings), text)


def test_danish_lemmas():
    assert "bruger" in lemmas("vores brugerne kan ikke nulstille adgangskoden")


def test_swedish_lemmas_are_folded():
    assert "anvandare" in lemmas("användarna kan inte återställa lösenordet")


def test_swedish_lemmas_unfolded_when_switched_off():
    found = lemmas("användarna kan inte återställa lösenordet", fold_diacritics=False)
    assert "användare" in found


def test_estonian_keeps_its_words_folded():
    assert lemmas("Kasutajad ei saa parooli lähtestada") == [
        "kasutajad",
        "ei",
        "saa",
        "parooli",
        "lahtestada",
    ]


@pytest.mark.parametrize(
    "typed, without_diacritics",
    [
        ("adgangskoden virker ikke", "adgangskoden virker ikke"),
        ("tööta ei", "toota ei"),
        ("še vedno ne dela", "se vedno ne dela"),
    ],
)
def test_missing_diacritics_give_the_same_lemmas(typed, without_diacritics):
    assert lemmas(typed) == lemmas(without_diacritics)


def test_without_spacy_lemmas_words_are_only_folded():
    assert lemmas("brugerne kan ikke", spacy_lemmas=False) == [
        "brugerne",
        "kan",
        "ikke",
    ]


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


def test_compact_table_compares_folded_pieces():
    kept = compact_table({"hjælpen": "hjælp", "huse": "hus"}, ["hjaelp"])
    assert kept == {"hjælpen": "hjælp"}


def test_trained_tokenizer_stores_a_compact_table_that_gives_the_same_lemmas(
    tmp_path,
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
    full = tokenizer()
    sizes = {code: len(table) for code, table in loaded._tables.items()}
    assert set(sizes) == {"da", "sv", "en"}
    assert all(0 < size < 20_000 for size in sizes.values()), sizes
    for text in texts + ["brugere kan ikke nulstille"]:
        assert lemmas_of(loaded, text) == lemmas_of(full, text)
    # Unseen word and unseen lemma: unknown to the featurizer either way.
    assert lemmas_of(full, "brugere kan ikke logge ind")[3] == "log"
    assert lemmas_of(loaded, "brugere kan ikke logge ind")[3] == "logge"


def test_without_spacy_lemmas_training_stores_no_tables(tmp_path):
    storage = LocalModelStorage(tmp_path)
    resource = Resource("lemma_tokenizer")
    context = ExecutionContext(GraphSchema({}), "test")
    config = {**LemmaTokenizer.get_default_config(), "spacy_lemmas": False}
    trainer = LemmaTokenizer.create(config, storage, resource, context)
    trainer.train(TrainingData([Message(data={"text": "brugerne kan ikke"})]))
    loaded = LemmaTokenizer.load(config, storage, resource, context)
    assert loaded._tables == {}
    assert lemmas_of(loaded, "Brugerne kan IKKE") == ["brugerne", "kan", "ikke"]
