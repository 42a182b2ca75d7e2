import pytest
from rasa.shared.nlu.training_data.message import Message

from components.lemma_tokenizer import LemmaTokenizer


def tokenizer(**settings):
    return LemmaTokenizer({**LemmaTokenizer.get_default_config(), **settings})


def lemmas(text, **settings):
    message = Message(data={"text": text})
    return [t.lemma for t in tokenizer(**settings).tokenize(message, "text")]


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
