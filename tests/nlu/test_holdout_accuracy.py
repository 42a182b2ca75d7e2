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
    shared = [text for text in held if text in train]
    assert held and not shared, f"{len(shared)} held-out texts are in data/nlu"


@pytest.mark.parametrize("locale", LOCALES)
def test_accuracy_per_locale(predictions, locale):
    rows = predictions[locale]
    assert len(rows) >= 200
    errors = sum(1 for r in rows if r[1] != r[2])
    assert accuracy(rows) >= MIN_ACCURACY, f"{errors} of {len(rows)} wrong"


@pytest.mark.parametrize("locale", LOCALES)
def test_reply_locale_per_locale(predictions, locale):
    """Each held-out message alone, as a fresh conversation with no channel hint."""
    rows = predictions[locale]
    wrong = sum(1 for r in rows if r[3] != locale)
    assert locale_accuracy(rows, locale) >= MIN_LOCALE_ACCURACY, f"{wrong} wrong"
