"""A character n-gram language model learned from our own training examples.

Lingua has no opinion on many two-word chat messages ("terekest", "vi hoeres",
"hvalaaa res"). Our per-locale training folders do: a naive Bayes model over
folded character n-grams gives the likelihood of each of the five languages,
one piece of the evidence `scoring` weighs. It is small enough to store with
the Rasa model as JSON.
"""

import math
from collections import Counter
from dataclasses import dataclass
from typing import Dict, Iterable, List, Mapping

from components.locale.text import words

NGRAM_SIZES = (2, 3, 4)


def ngrams(text: str) -> List[str]:
    """Return the character n-grams of each folded word, padded with spaces."""
    grams = []
    for word in words(text):
        padded = f" {word} "
        for size in NGRAM_SIZES:
            grams.extend(padded[i : i + size] for i in range(len(padded) - size + 1))
    return grams


@dataclass
class NgramLanguageModel:
    """Per-language n-gram counts with add-one smoothing."""

    counts: Dict[str, Dict[str, int]]

    @classmethod
    def train(
        cls, texts_by_locale: Mapping[str, Iterable[str]]
    ) -> "NgramLanguageModel":
        """Count the n-grams of every example, per locale."""
        return cls(
            {
                locale: dict(Counter(g for text in texts for g in ngrams(text)))
                for locale, texts in texts_by_locale.items()
            }
        )

    def __post_init__(self) -> None:
        self._totals = {code: sum(c.values()) for code, c in self.counts.items()}
        self._vocabulary = len({g for c in self.counts.values() for g in c}) or 1

    def log_likelihoods(self, text: str) -> Dict[str, float]:
        """Return the mean log-likelihood per n-gram of `text`, per language."""
        return self.gram_log_likelihoods(ngrams(text))

    def gram_log_likelihoods(self, grams: List[str]) -> Dict[str, float]:
        """`log_likelihoods` of a text already cut into its n-grams."""
        if not grams:
            return {}
        scores = {}
        for code, counts in self.counts.items():
            denominator = self._totals[code] + self._vocabulary
            total = sum(math.log((counts.get(g, 0) + 1) / denominator) for g in grams)
            scores[code] = total / len(grams)
        return scores
