"""Intent accuracy per locale on the held-out sets, which training never sees.

Failure messages give counts, not texts, so that a failing build does not show
the held-out set to whoever then edits the training data. `make eval` writes
the misses to results/nlu/errors.json for the one who needs them.
"""

import os

import pytest

from scripts.nlu_report import accuracy, locale_accuracy, predict
from tests.conftest import ROOT

HOLDOUT = ROOT / "tests" / "nlu" / "holdout"
MIN_ACCURACY = float(os.environ.get("MIN_ACCURACY", "0.82"))
MIN_LOCALE_ACCURACY = float(os.environ.get("MIN_LOCALE_ACCURACY", "0.82"))
LOCALES = ["en", "da", "sv", "et", "sl"]


@pytest.fixture(scope="module")
def predictions(model_path):
    return predict(str(model_path), HOLDOUT)


def test_holdout_is_not_in_training_data():
    from tests.nlu_data import examples

    train = {
        text.lower()
        for path in ROOT.glob("data/nlu/*/*.yml")
        for _, text, _ in examples(path)
    }
    held = [
        text.lower() for path in HOLDOUT.glob("*.yml") for _, text, _ in examples(path)
    ]
    # Counts only: pytest prints the values of every name in a failed assert.
    shared = sum(1 for text in held if text in train)
    held_count = len(held)
    assert held_count > 200
    assert shared == 0, "held-out texts are in data/nlu"


@pytest.mark.parametrize("locale", LOCALES)
def test_accuracy_per_locale(predictions, locale):
    rows = predictions[locale]
    count = len(rows)
    assert count >= 200
    errors = sum(1 for r in rows if r[1] != r[2])
    score = accuracy(rows)
    assert score >= MIN_ACCURACY, f"{errors} wrong"


@pytest.mark.parametrize("locale", LOCALES)
def test_reply_locale_per_locale(predictions, locale):
    """Each held-out message alone, as a fresh conversation with no channel hint."""
    rows = predictions[locale]
    wrong = sum(1 for r in rows if r[3] != locale)
    score = locale_accuracy(rows, locale)
    assert score >= MIN_LOCALE_ACCURACY, f"{wrong} wrong"
