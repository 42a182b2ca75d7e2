"""Which large word lists a word is in, and how common it is in each language.

Our training folders hold a few thousand words per language; spaCy's lookup
tables (spacy_lookups_data, shipped in the package) hold over half a million
Danish and Swedish word forms and English word frequencies. A folded word's
membership ("tvivler" only Danish, "hjalpa" only Swedish, "see" English) is
evidence our own data cannot give for words it never saw.

Membership cannot tell the many Danish-Swedish homographs apart ("er", "tak",
"det" are in both lists); how often each language uses them can. wordfreq
(shipped in the package) has that for Danish, Swedish, English and Slovenian,
not Estonian.

The tables are read once at training time; the model keeps a compact copy:
sorted 32-bit hashes of the words, one bit mask per word and one byte per
language for its frequency (about 9 bytes a word instead of Python strings).
"""

import math
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, Mapping, Optional, Tuple

import numpy as np
import spacy_lookups_data
import srsly

from components.locale.text import fold

DA, SV, EN, EN_COMMON = 1, 2, 4, 8
# Membership bits by language code, for the features that count them.
LIST_BITS: Dict[str, int] = {"da": DA, "sv": SV, "en": EN}
# spaCy's English log-probabilities (Reddit counts, so Danish and Swedish
# function words reach -12 too): above -12 the word is English enough to
# count, above -10 it is everyday English.
EN_LOG_PROB = -12.0
EN_COMMON_LOG_PROB = -10.0
# Longer forms are mostly compounds users rarely type; leaving them out halves
# the lists, and the n-gram model still sees such words.
MAX_LETTERS = 12
# The languages wordfreq has frequencies for, in the order `zipf` returns them.
FREQUENCY_CODES = ("da", "sv", "en", "sl")
# Zipf values (log10 of occurrences per billion words, 0 to about 8) are kept
# in tenths, as one byte each.
ZIPF_STEPS = 10
# wordfreq's largest list per language: Swedish and English have large ones
# (rare chat words such as "gomorron" included), Danish and Slovenian only
# small ones (about one in a million words and commoner). The regression
# learns how far an absence counts.
WORDFREQ_LIST = "best"

_DATA = Path(spacy_lookups_data.__file__).parent / "data"


def word_hash(word: str) -> int:
    """A stable 32-bit hash of a folded word (collisions are rare and harmless)."""
    return zlib.crc32(word.encode("utf-8"))


# code -> word (folded, and as written when it has diacritics) -> Zipf
Frequencies = Mapping[str, Mapping[str, float]]


@dataclass(frozen=True)
class WordLists:
    """Membership bit masks and Zipf frequencies of folded words, by hash."""

    hashes: np.ndarray  # sorted uint32
    masks: np.ndarray  # uint8, aligned with hashes
    zipfs: np.ndarray  # uint8 tenths of Zipf, one column per FREQUENCY_CODES

    @classmethod
    def from_masks(
        cls, masks: Mapping[str, int], frequencies: Optional[Frequencies] = None
    ) -> "WordLists":
        """Build the compact form from word -> bit mask and word frequencies."""
        merged: Dict[int, int] = {}
        for word, mask in masks.items():
            key = word_hash(word)
            merged[key] = merged.get(key, 0) | mask
        zipfs: Dict[int, list] = {}
        for column, code in enumerate(FREQUENCY_CODES):
            for word, zipf in (frequencies or {}).get(code, {}).items():
                key = word_hash(word)
                merged.setdefault(key, 0)
                row = zipfs.setdefault(key, [0] * len(FREQUENCY_CODES))
                row[column] = max(row[column], round(zipf * ZIPF_STEPS))
        keys = sorted(merged)
        empty = [0] * len(FREQUENCY_CODES)
        return cls(
            np.array(keys, dtype=np.uint32),
            np.array([merged[k] for k in keys], dtype=np.uint8),
            np.array([zipfs.get(k, empty) for k in keys], dtype=np.uint8).reshape(
                len(keys), len(FREQUENCY_CODES)
            ),
        )

    def _index(self, word: str) -> int:
        """The row of a folded word, or -1."""
        key = word_hash(word)
        # A uint32 needle: a Python int would make numpy convert the whole array.
        index = int(np.searchsorted(self.hashes, np.uint32(key)))
        if index < len(self.hashes) and int(self.hashes[index]) == key:
            return index
        return -1

    def mask(self, word: str) -> int:
        """Return the membership bits of a folded word (0: in no list)."""
        index = self._index(word)
        return int(self.masks[index]) if index >= 0 else 0

    def zipf(self, word: str) -> Tuple[float, ...]:
        """Return the word's Zipf frequency per FREQUENCY_CODES (0: unseen)."""
        index = self._index(word)
        if index < 0:
            return (0.0,) * len(FREQUENCY_CODES)
        return tuple(int(z) / ZIPF_STEPS for z in self.zipfs[index])

    def save(self, path: Path) -> None:
        """Store the arrays in one .npz file."""
        with path.open("wb") as handle:
            np.savez_compressed(
                handle, hashes=self.hashes, masks=self.masks, zipfs=self.zipfs
            )

    @classmethod
    def load(cls, path: Path) -> "WordLists":
        """Read what `save` stored."""
        with np.load(path) as arrays:
            return cls(arrays["hashes"], arrays["masks"], arrays["zipfs"])


def _lemma_table_words(name: str) -> Iterable[str]:
    table = srsly.read_gzip_json(_DATA / f"{name}.json.gz")
    for form, lemma in table.items():
        yield form
        if isinstance(lemma, str):
            yield lemma


def spacy_word_masks() -> Dict[str, int]:
    """Return folded word → membership bits from spaCy's lookup tables."""
    masks: Dict[str, int] = {}

    def add(word: str, bit: int) -> None:
        folded = fold(word)
        if len(folded) > MAX_LETTERS:
            return
        masks[folded] = masks.get(folded, 0) | bit

    for word in _lemma_table_words("da_lemma_lookup"):
        add(word, DA)
    for word in _lemma_table_words("sv_lemma_lookup"):
        add(word, SV)
    for word in _lemma_table_words("en_lemma_lookup"):
        add(word, EN)
    probabilities = srsly.read_gzip_json(_DATA / "en_lexeme_prob.json.gz")
    for word, log_prob in probabilities.items():
        log_prob = float(log_prob)
        if log_prob > EN_LOG_PROB:
            add(word, EN | (EN_COMMON if log_prob > EN_COMMON_LOG_PROB else 0))
    return masks


def word_frequencies() -> Dict[str, Dict[str, float]]:
    """Return code -> word -> Zipf frequency from wordfreq's lists.

    A word is kept as written ("är") and folded ("ar"); folding merges forms
    ("år", "är", "ar"), and the commonest one's frequency counts. A word typed
    with its diacritics is looked up as written, which tells more.
    """
    import wordfreq  # training only: about 10 MB a server need not hold

    frequencies: Dict[str, Dict[str, float]] = {}
    for code in FREQUENCY_CODES:
        zipfs: Dict[str, float] = {}
        for word, frequency in wordfreq.get_frequency_dict(code, WORDFREQ_LIST).items():
            folded = fold(word)
            if not folded.isalpha() or len(folded) > MAX_LETTERS:
                continue
            zipf = math.log10(frequency) + 9
            for form in {word, folded}:
                if zipf > zipfs.get(form, 0.0):
                    zipfs[form] = zipf
        frequencies[code] = zipfs
    return frequencies
