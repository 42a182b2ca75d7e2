"""Recognise an explicit request for a language: "/lang sv", "på dansk, tak"."""

import re
from dataclasses import dataclass
from typing import Optional

from components.locale import SUPPORTED_LOCALES
from components.locale.lexicon import (
    LANGUAGE_NAMES,
    LANGUAGE_POSTPOSITIONS,
    LANGUAGE_PREPOSITIONS,
    SWITCH_VERBS,
    UNSUPPORTED_LANGUAGE_NAMES,
)
from components.locale.text import fold

_COMMAND = re.compile(r"^\s*/lang(?:uage)?\s+([a-z]{2,3})(?:[-_][a-z]{2,4})?\s*$", re.I)
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)

# A request to switch is a short message; a language name inside a long one is
# usually about something else ("our Danish office").
MAX_REQUEST_WORDS = 10


@dataclass(frozen=True)
class LanguageRequest:
    """A language the user asked for, where its name stands in the text."""

    code: str
    start: int
    end: int

    @property
    def supported(self) -> bool:
        """Whether we can answer in the requested language."""
        return self.code in SUPPORTED_LOCALES


def _code_for(word: str) -> Optional[str]:
    for code, names in LANGUAGE_NAMES.items():
        if word in names:
            return code
    return UNSUPPORTED_LANGUAGE_NAMES.get(word)


def find_language_request(text: str) -> Optional[LanguageRequest]:
    """Return the language explicitly requested in `text`, if any.

    Args:
        text: The user's message.

    Returns:
        The requested language with its span, or None when the message does not
        ask to switch language.

    """
    command = _COMMAND.match(text)
    if command:
        code = command.group(1).lower()
        return LanguageRequest(code, command.start(1), command.end(1))

    tokens = list(_TOKEN.finditer(text))
    if len(tokens) > MAX_REQUEST_WORDS:
        return None
    words = [fold(t.group(0)) for t in tokens]
    has_verb = any(w in SWITCH_VERBS for w in words)
    for index, word in enumerate(words):
        code = _code_for(word)
        if code is None:
            continue
        before = words[index - 1] if index > 0 else ""
        after = words[index + 1] if index + 1 < len(words) else ""
        if (
            len(words) <= 2
            or has_verb
            or before in LANGUAGE_PREPOSITIONS
            or after in LANGUAGE_POSTPOSITIONS
        ):
            start, end = tokens[index].span()
            return LanguageRequest(code, start, end)
    return None
