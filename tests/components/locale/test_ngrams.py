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
def test_best_language(text, language):
    assert MODEL.best_language(text) == language


def test_no_guess_without_a_clear_margin():
    assert (
        MODEL.best_language("ok") is None
        or MODEL.best_language("ok", min_margin=10.0) is None
    )
    assert MODEL.best_language("", min_margin=0.0) is None


def test_counts_survive_a_json_round_trip():
    again = NgramLanguageModel(json.loads(json.dumps(MODEL.counts)))
    assert again.log_likelihoods("tack") == MODEL.log_likelihoods("tack")
