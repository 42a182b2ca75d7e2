"""Which large word lists a word is in: Danish, Swedish, English.

Our training folders hold a few thousand words per language; spaCy's lookup
tables (spacy_lookups_data, shipped in the package) hold over half a million
Danish and Swedish word forms and English word frequencies. A folded word's
membership ("tvivler" only Danish, "hjalpa" only Swedish, "see" English) is
evidence our own data cannot give for words it never saw.

The tables are read once at training time; the model keeps a compact copy:
sorted 32-bit hashes of the folded words and one bit mask per word (about
5 bytes a word instead of a Python string each).
"""

import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, Mapping

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

_DATA = Path(spacy_lookups_data.__file__).parent / "data"


def word_hash(word: str) -> int:
    """A stable 32-bit hash of a folded word (collisions are rare and harmless)."""
    return zlib.crc32(word.encode("utf-8"))


@dataclass(frozen=True)
class WordLists:
    """Membership bit masks of folded words, looked up by hash."""

    hashes: np.ndarray  # sorted uint32
    masks: np.ndarray  # uint8, aligned with hashes

    @classmethod
    def from_masks(cls, masks: Mapping[str, int]) -> "WordLists":
        """Build the compact form from a word → bit mask mapping."""
        merged: Dict[int, int] = {}
        for word, mask in masks.items():
            key = word_hash(word)
            merged[key] = merged.get(key, 0) | mask
        keys = np.array(sorted(merged), dtype=np.uint32)
        return cls(keys, np.array([merged[k] for k in keys.tolist()], dtype=np.uint8))

    def mask(self, word: str) -> int:
        """Return the membership bits of a folded word (0: in no list)."""
        key = word_hash(word)
        # A uint32 needle: a Python int would make numpy convert the whole array.
        index = int(np.searchsorted(self.hashes, np.uint32(key)))
        if index < len(self.hashes) and int(self.hashes[index]) == key:
            return int(self.masks[index])
        return 0

    def save(self, path: Path) -> None:
        """Store both arrays in one .npz file."""
        with path.open("wb") as handle:
            np.savez_compressed(handle, hashes=self.hashes, masks=self.masks)

    @classmethod
    def load(cls, path: Path) -> "WordLists":
        """Read what `save` stored."""
        with np.load(path) as arrays:
            return cls(arrays["hashes"], arrays["masks"])


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
