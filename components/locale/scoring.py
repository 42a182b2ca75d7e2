"""Weigh all the evidence on a message's language at once.

Lingua's confidences, our n-gram model's likelihoods, the large word lists,
wordfreq's word frequencies and the marker words each fail on different
messages: lingua on two-word chat, the n-grams on words our data lacks, the
word lists on Danish-Swedish homographs.
A logistic regression over all of them gives one probability per locale, so a
weak lingua score can be outvoted by clear local words ("det var mega
hjaelpsomt") and a far-off n-gram guess by the rest.

Its weights are learned from the training folders, from features computed
out-of-fold: each example is scored with markers and n-grams learned without
it, as a user's message is at run time.
"""

import math
from dataclasses import dataclass
from typing import Callable, Dict, List, Mapping, Sequence

from components.locale import SUPPORTED_LOCALES
from components.locale.ngrams import NgramLanguageModel, ngrams
from components.locale.scrub import scrub
from components.locale.text import typed_words, words
from components.locale.vocabulary import Markers
from components.locale.wordlists import (
    DA,
    EN,
    EN_COMMON,
    FREQUENCY_CODES,
    SV,
    WordLists,
)

# Lingua's languages: ours, then the look-alikes (see detection.py).
LINGUA_CODES = SUPPORTED_LOCALES + ("nb", "de", "fi", "hr")
MAX_MARKER_HITS = 3
# A word speaks for one language when that language uses it this much more
# often than any other (in Zipf units, log10: one means ten times).
ZIPF_MARGIN = 1.0
MAX_ZIPF = 8.0  # the commonest words ("the", "og", "och"): scales the mean to 0-1
FOLDS = 5
REGULARISATION = 3.0  # sklearn's C, chosen by cross-validation on data/nlu

Confidences = Mapping[str, float]


def features(
    content: str,
    confidences: Confidences,
    markers: Markers,
    ngram_model: NgramLanguageModel,
    word_lists: WordLists,
) -> List[float]:
    """Return the evidence on the language of `content` (already scrubbed).

    Args:
        content: The message without shared tokens, with at least one word.
        confidences: Lingua's confidence per language code.
        markers: Marker words per locale.
        ngram_model: Character n-gram model of our training folders.
        word_lists: Membership of words in the Danish, Swedish, English lists.

    Returns:
        A fixed-length vector, in the order the scorer's weights expect.

    """
    folded = words(content)
    count = max(len(folded), 1)
    vector = [confidences.get(code, 0.0) for code in LINGUA_CODES]

    grams = ngrams(content)
    likelihoods = ngram_model.gram_log_likelihoods(grams)
    best = max(likelihoods.values(), default=0.0)
    margins = [likelihoods.get(code, best) - best for code in SUPPORTED_LOCALES]
    vector += margins
    votes = ngram_votes(folded, ngram_model)
    vector += [votes[code] for code in SUPPORTED_LOCALES]

    masks = [word_lists.mask(w) for w in folded]
    listed = DA | SV | EN
    vector += [sum(1 for m in masks if m & bit) / count for bit in (DA, SV, EN)]
    vector += [
        sum(1 for m in masks if m & listed == bit) / count for bit in (DA, SV, EN)
    ]
    vector += [
        sum(1 for m in masks if not m & listed) / count,
        sum(1 for m in masks if m & EN_COMMON) / count,
    ]

    zipfs = [word_lists.zipf(w) for w in typed_words(content)]
    vector += [
        sum(z[column] for z in zipfs) / count / MAX_ZIPF
        for column in range(len(FREQUENCY_CODES))
    ]
    vector += [
        sum(1 for z in zipfs if _speaks_for(z, column)) / count
        for column in range(len(FREQUENCY_CODES))
    ]

    vector += [
        min(MAX_MARKER_HITS, sum(1 for w in folded if w in markers.get(code, ())))
        for code in SUPPORTED_LOCALES
    ]
    vector.append(math.log1p(len(folded)))
    return vector


def ngram_votes(
    folded: Sequence[str], ngram_model: NgramLanguageModel
) -> Dict[str, float]:
    """Return the share of words whose n-grams point to each locale.

    Each word votes once: summed over the text, the n-grams of one long English
    term ("checkboxen") outweighed the short Swedish words around it.
    """
    votes = dict.fromkeys(SUPPORTED_LOCALES, 0.0)
    for word in folded:
        likelihoods = ngram_model.gram_log_likelihoods(ngrams(word))
        if likelihoods:
            votes[max(likelihoods, key=likelihoods.__getitem__)] += 1 / len(folded)
    return votes


def _speaks_for(zipfs: Sequence[float], column: int) -> bool:
    others = [z for i, z in enumerate(zipfs) if i != column]
    return zipfs[column] - max(others, default=0.0) >= ZIPF_MARGIN


@dataclass
class LocaleScorer:
    """A multinomial logistic regression over `features`."""

    ngram_model: NgramLanguageModel
    word_lists: WordLists
    classes: List[str]
    weights: List[List[float]]
    bias: List[float]

    def probabilities(
        self, content: str, confidences: Confidences, markers: Markers
    ) -> Dict[str, float]:
        """Return the probability of each locale for `content` (scrubbed)."""
        vector = features(
            content, confidences, markers, self.ngram_model, self.word_lists
        )
        logits = [
            b + sum(w * x for w, x in zip(row, vector, strict=False))
            for row, b in zip(self.weights, self.bias, strict=False)
        ]
        top = max(logits)
        exps = [math.exp(z - top) for z in logits]
        total = sum(exps)
        return {code: e / total for code, e in zip(self.classes, exps, strict=False)}

    def weights_json(self) -> Dict[str, list]:
        """The learned weights, to store with the model."""
        return {"classes": self.classes, "weights": self.weights, "bias": self.bias}


def train_scorer(
    texts_by_locale: Mapping[str, Sequence[str]],
    word_lists: WordLists,
    markers_for: Callable[[Mapping[str, List[str]]], Markers],
    confidences: Callable[[str], Confidences],
    folds: int = FOLDS,
    regularisation: float = REGULARISATION,
) -> LocaleScorer:
    """Learn the weights from out-of-fold features of the training examples.

    Args:
        texts_by_locale: Training examples per locale (the folder they are in).
        word_lists: Membership of words in the large word lists.
        markers_for: Builds marker words from a subset of the examples.
        confidences: Lingua's confidences for a scrubbed text.
        folds: Number of folds for the out-of-fold features.
        regularisation: Inverse regularisation strength (sklearn's C).

    Returns:
        The scorer, with an n-gram model trained on all the examples.

    """
    from sklearn.linear_model import LogisticRegression  # training only

    rows, labels = [], []
    for fold in range(folds):
        rest = {
            code: [t for i, t in enumerate(texts) if i % folds != fold]
            for code, texts in texts_by_locale.items()
        }
        markers = markers_for(rest)
        ngram_model = NgramLanguageModel.train(rest)
        for code, texts in texts_by_locale.items():
            for text in texts[fold::folds]:
                content = scrub(text)
                if not words(content):
                    continue  # nothing to learn from ("P1", "2012 R2")
                rows.append(
                    features(
                        content,
                        confidences(content),
                        markers,
                        ngram_model,
                        word_lists,
                    )
                )
                labels.append(code)
    regression = LogisticRegression(C=regularisation, max_iter=5000)
    regression.fit(rows, labels)
    weights, bias = regression.coef_.tolist(), regression.intercept_.tolist()
    if len(regression.classes_) == 2:
        # sklearn keeps one row for two classes (the second's logit against
        # the first's zero); the softmax in `probabilities` needs both.
        weights, bias = [[0.0] * len(weights[0]), weights[0]], [0.0, bias[0]]
    return LocaleScorer(
        NgramLanguageModel.train(texts_by_locale),
        word_lists,
        [str(c) for c in regression.classes_],
        weights,
        bias,
    )
