import pytest

from components.locale.ngrams import NgramLanguageModel
from components.locale.scoring import (
    LocaleScorer,
    features,
    ngram_votes,
    train_scorer,
)
from components.locale.wordlists import DA, EN, SV, WordLists

TEXTS = {
    "en": ["it does not work", "thanks for the help", "see you", "what now"] * 3,
    "da": ["det virker ikke", "tak for hjælpen", "vi ses", "hvad nu"] * 3,
    "sv": ["det fungerar inte", "tack för hjälpen", "vi hörs", "vad nu"] * 3,
}
LISTS = WordLists.from_masks(
    {"virker": DA, "ikke": DA, "fungerar": SV, "inte": SV, "does": EN, "see": EN}
)


def no_lingua(text):
    return {}


def no_markers(texts):
    return {}


@pytest.fixture(scope="module")
def scorer():
    return train_scorer(TEXTS, LISTS, no_markers, no_lingua, folds=3)


def test_features_have_a_fixed_length():
    model = NgramLanguageModel.train(TEXTS)
    short = features("ok", {}, {}, model, LISTS)
    long = features("det virker ikke", {"da": 0.9}, {"da": {"ikke"}}, model, LISTS)
    assert len(short) == len(long)


@pytest.mark.parametrize(
    "text, locale",
    [("virker ikke", "da"), ("fungerar inte", "sv"), ("does not", "en")],
)
def test_scorer_learns_from_out_of_fold_evidence(scorer, text, locale):
    probabilities = scorer.probabilities(text, {}, {})
    assert max(probabilities, key=probabilities.__getitem__) == locale
    assert sum(probabilities.values()) == pytest.approx(1.0)


def test_weights_survive_a_json_round_trip(scorer):
    again = LocaleScorer(scorer.ngram_model, LISTS, **scorer.weights_json())
    assert again.probabilities("vi ses", {}, {}) == scorer.probabilities(
        "vi ses", {}, {}
    )


def test_one_long_foreign_word_is_one_vote():
    model = NgramLanguageModel.train(TEXTS)
    # A long term made of English n-grams among two short Danish words.
    votes = ngram_votes(["thanksforthehelpnow", "virker", "ikke"], model)
    assert votes["da"] == pytest.approx(2 / 3) and votes["en"] == pytest.approx(1 / 3)


def test_two_locales_give_two_probabilities():
    two = {code: TEXTS[code] for code in ("da", "sv")}
    scorer = train_scorer(two, LISTS, no_markers, no_lingua, folds=3)
    probabilities = scorer.probabilities("fungerar inte", {}, {})
    assert set(probabilities) == {"da", "sv"}
    assert max(probabilities, key=probabilities.__getitem__) == "sv"
    assert scorer.probabilities("virker ikke", {}, {})["da"] > 0.5
