import pytest
from rasa.shared.nlu.training_data.message import Message

from components.lemma_tokenizer import LemmaTokenizer


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
