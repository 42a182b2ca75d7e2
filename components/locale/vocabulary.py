"""Words that tell one supported language from the others, learned from our data.

Lingua needs a few words of context; short messages ("hav det godt", "ses pa
mandag") often fall below its confidence. The per-locale training folders
already say which words our users write in which language, so a word seen in
exactly one locale's examples counts as a marker for it, like the hand-made
ones in `lexicon.MARKERS`.
"""

from pathlib import Path
from typing import AbstractSet, Dict, FrozenSet, Iterable, Mapping

import spacy_lookups_data
import srsly

from components.locale import DEFAULT_LOCALE
from components.locale.text import words

Markers = Mapping[str, AbstractSet[str]]

MIN_LETTERS = 3
# spaCy's English log-probabilities: above this a word is common English
# ("admin", "portal", "reset"), so it marks no other language.
COMMON_ENGLISH_LOG_PROB = -12.0


def common_english_words(
    min_log_prob: float = COMMON_ENGLISH_LOG_PROB,
) -> FrozenSet[str]:
    """Return common English words from spaCy's lexeme probabilities."""
    # The raw file, because spaCy's lookup Table keeps only hashes of its keys.
    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    table = srsly.read_gzip_json(path)
    return frozenset(
        word.lower() for word, log_prob in table.items() if log_prob > min_log_prob
    )


def distinctive_words(
    texts_by_locale: Mapping[str, Iterable[str]],
    common_english: AbstractSet[str] = frozenset(),
) -> Dict[str, FrozenSet[str]]:
    """Return, per locale, the words that appear in that locale's texts only.

    Args:
        texts_by_locale: Example texts, keyed by locale code.
        common_english: Words never to count as a marker of a language other
            than English, because users mix English terms into every language.

    Returns:
        Folded words of at least three letters, per locale.

    """
    seen: Dict[str, set] = {}
    for locale, texts in texts_by_locale.items():
        for text in texts:
            for word in words(text):
                if len(word) >= MIN_LETTERS:
                    seen.setdefault(word, set()).add(locale)
    learned: Dict[str, set] = {locale: set() for locale in texts_by_locale}
    for word, locales in seen.items():
        if len(locales) != 1:
            continue
        (locale,) = locales
        if locale != DEFAULT_LOCALE and word in common_english:
            continue
        learned[locale].add(word)
    return {locale: frozenset(found) for locale, found in learned.items()}


def merge_markers(base: Markers, learned: Markers) -> Dict[str, FrozenSet[str]]:
    """Combine the hand-made markers with learned ones, per locale."""
    return {
        code: frozenset(base.get(code, ())) | frozenset(learned.get(code, ()))
        for code in set(base) | set(learned)
    }
