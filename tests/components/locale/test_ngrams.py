import json

import pytest

from components.locale.ngrams import NgramLanguageModel, ngrams

MODEL = NgramLanguageModel.train(
    {
        "da": ["tusind tak for hjælpen", "det virker ikke", "farvel og tak"],
        "sv": ["tack så mycket för hjälpen", "det fungerar inte", "hej då och tack"],
        "et": ["aitäh abi eest", "ei tööta", "nägemist ja aitäh"],
    }
)


def test_ngrams_are_folded_and_padded_per_word():
    grams = ngrams("Tööta ei")
    assert " to" in grams and "ta " in grams and " ei " in grams
    assert not any("ö" in g for g in grams)
    assert ngrams("1.6.16.0 !!") == []


@pytest.mark.parametrize(
    "text, language",
    [("tak tak", "da"), ("tack tack", "sv"), ("aitah", "et")],
)
def test_the_right_language_is_most_likely(text, language):
    likelihoods = MODEL.log_likelihoods(text)
    assert max(likelihoods, key=likelihoods.__getitem__) == language


def test_no_likelihoods_without_letters():
    assert MODEL.log_likelihoods("1.6.16.0") == {}


def test_counts_survive_a_json_round_trip():
    again = NgramLanguageModel(json.loads(json.dumps(MODEL.counts)))
    assert again.log_likelihoods("tack") == MODEL.log_likelihoods("tack")
