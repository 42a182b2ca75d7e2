"""Detect the language of a message's text with lingua, plus marker words.

lingua ships its models in the package, so detection needs no download. It is
restricted to the supported languages and the look-alikes users of other
languages would write in (Norwegian, German, Finnish, Croatian), so that a
Norwegian message is not forced into Danish. Each language's models cost about
35 MB and a third of a second to load in every server; Nynorsk, Bosnian and
Serbian were dropped because they only stood in for Bokmål and Croatian, which
give the same answer (English and the note), and `make locale-eval` stayed
level without them.
"""

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, Optional, Tuple

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from components.locale import SUPPORTED_LOCALES
from components.locale.lexicon import MARKERS
from components.locale.scoring import LocaleScorer
from components.locale.scrub import scrub
from components.locale.text import words
from components.locale.vocabulary import Markers

_LINGUA_CODES: Dict[Language, str] = {
    Language.ENGLISH: "en",
    Language.DANISH: "da",
    Language.SWEDISH: "sv",
    Language.ESTONIAN: "et",
    Language.SLOVENE: "sl",
    Language.BOKMAL: "nb",
    Language.GERMAN: "de",
    Language.FINNISH: "fi",
    Language.CROATIAN: "hr",
}

# The supported language a look-alike is most often mistaken for.
SIBLINGS = {"nb": "da", "fi": "et", "hr": "sl"}

MARKER_WEIGHT = 0.25  # added per marker word, up to three
MIN_CONFIDENCE = 0.4  # below this the text carries too little signal
STRONG_CONFIDENCE = 0.9  # enough to call even two words a look-alike
SIBLING_RATIO = 0.5  # a sibling this close to a look-alike wins
MIN_LETTERS = 2  # "je", "er": the only local word beside English terms
# Fewer letters are only ever a guess: "aa" must not move a conversation to
# Estonian.
MIN_SETTLED_LETTERS = 3
# With a trained scorer: the probability at which the text decides the locale
# over a channel hint or the conversation's locale, and the one at which it
# still beats the English default. Chosen by cross-validation on data/nlu.
TEXT_PROBABILITY = 0.8
GUESS_PROBABILITY = 0.4


@dataclass(frozen=True)
class TextLanguage:
    """The language a text is written in, with the detector's score."""

    code: str
    score: float
    settled: bool = True  # False: only a guess, weaker than a hint

    @property
    def supported(self) -> bool:
        """Whether we answer in this language."""
        return self.code in SUPPORTED_LOCALES


UNDETERMINED = "und"  # BCP-47 code for "some language we cannot name"


def _mostly_non_latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return len(letters) >= 2 and latin < len(letters) / 2


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    # Built on first use, not at import time; the models take ~1.5 s to load.
    return (
        LanguageDetectorBuilder.from_languages(*_LINGUA_CODES)
        .with_preloaded_language_models()
        .build()
    )


def warm_up() -> None:
    """Load lingua's models now instead of on the first message."""
    _detector()


def lingua_confidences(text: str) -> Dict[str, float]:
    """Return lingua's confidence per language code for `text`."""
    return {
        _LINGUA_CODES[value.language]: value.value
        for value in _detector().compute_language_confidence_values(text)
    }


def _scores(
    confidences: Dict[str, float], folded_words: list, markers: Markers
) -> Dict[str, float]:
    scores = dict(confidences)
    for code, language_markers in markers.items():
        hits = sum(1 for word in folded_words if word in language_markers)
        scores[code] = scores.get(code, 0.0) + MARKER_WEIGHT * min(hits, 3)
    return scores


def _unsupported(
    scores: Dict[str, float], word_count: int
) -> Tuple[Optional[str], Optional[str]]:
    """Return (look-alike the text is in, supported sibling to use instead)."""
    top = max(scores, key=scores.__getitem__)
    top_score = scores[top]
    sibling = SIBLINGS.get(top)
    if sibling and scores.get(sibling, 0.0) >= SIBLING_RATIO * top_score:
        return None, sibling
    if top_score >= STRONG_CONFIDENCE or (
        top_score >= MIN_CONFIDENCE + 0.1 and word_count >= 3
    ):
        return top, None
    if sibling and word_count < 3:
        # Too short to tell a look-alike from its sibling: favour our user.
        return None, sibling
    return None, None


def detect_language(
    text: str, markers: Markers = MARKERS, scorer: Optional[LocaleScorer] = None
) -> Optional[TextLanguage]:
    """Return the language `text` is written in, or None without enough signal.

    Args:
        text: The user's message, as typed.
        markers: Words that point to one language, per language code.
        scorer: Weighs all the evidence (`scoring`); without it, lingua's
            confidence plus marker words decide.

    Returns:
        The detected language (possibly an unsupported one), or None. With a
        scorer, a supported language below `TEXT_PROBABILITY` comes back as
        not settled: a guess.

    """
    content = scrub(text)
    if _mostly_non_latin(content):
        # All five supported languages are written in Latin script.
        return TextLanguage(UNDETERMINED, 1.0)
    folded_words = words(content)
    letters = sum(len(w) for w in folded_words)
    if letters < MIN_LETTERS:
        return None
    confidences = lingua_confidences(content)
    scores = _scores(confidences, folded_words, markers)
    top = max(scores, key=scores.__getitem__)
    if scorer is not None:
        if top not in SUPPORTED_LOCALES:
            unsupported, _ = _unsupported(scores, len(folded_words))
            if unsupported:
                return TextLanguage(unsupported, scores[unsupported])
        probabilities = scorer.probabilities(content, confidences, markers)
        best = max(probabilities, key=probabilities.__getitem__)
        if probabilities[best] < GUESS_PROBABILITY:
            return None
        settled = (
            probabilities[best] >= TEXT_PROBABILITY and letters >= MIN_SETTLED_LETTERS
        )
        return TextLanguage(best, probabilities[best], settled)

    has_marker = any(w in m for m in markers.values() for w in folded_words)
    if len(folded_words) == 1 and not has_marker:
        # A single unknown word is noise for n-gram models.
        return None
    top_score = scores[top]
    if top in SUPPORTED_LOCALES:
        confident = top_score >= MIN_CONFIDENCE or any(
            w in markers.get(top, ()) for w in folded_words
        )
        return TextLanguage(top, top_score) if confident else None
    unsupported, sibling = _unsupported(scores, len(folded_words))
    if unsupported:
        return TextLanguage(unsupported, top_score)
    if sibling:
        return TextLanguage(sibling, scores.get(sibling, 0.0))
    return None
