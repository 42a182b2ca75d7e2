"""Text normalisation shared by the locale lexicons and the detector."""

import re
import unicodedata
from typing import List

# Letters that NFKD does not decompose, folded the way users type them without
# a Nordic keyboard.
_SPECIAL_FOLDS = str.maketrans({"æ": "ae", "ø": "o", "ß": "ss", "đ": "d", "ł": "l"})
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case `text` and strip diacritics (ø→o, æ→ae, š→s, ä→a)."""
    lowered = text.lower().translate(_SPECIAL_FOLDS)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> List[str]:
    """Return the folded words of `text` (letters only, digits dropped)."""
    return _WORD.findall(fold(text))


def typed_words(text: str) -> List[str]:
    """Return the lower-cased words of `text` with their diacritics kept."""
    return _WORD.findall(unicodedata.normalize("NFC", text.lower()))
