"""Decide the locale of a conversation turn (DESIGN.md, "Locale policy")."""

from dataclasses import dataclass
from typing import Optional

from components.locale import DEFAULT_LOCALE, SUPPORTED_LOCALES
from components.locale.detection import detect_language
from components.locale.explicit import LanguageRequest, find_language_request
from components.locale.hint import normalise_hint
from components.locale.lexicon import MARKERS, SHORT_REPLIES
from components.locale.scoring import LocaleScorer
from components.locale.text import words
from components.locale.vocabulary import Markers

MAX_SHORT_REPLY_WORDS = 3


@dataclass(frozen=True)
class LocaleDecision:
    """The locale to answer in, why, and what else the text revealed.

    Attributes:
        locale: Two-letter code of the locale to answer in.
        source: Which rule decided: explicit, text, hint, current or default.
        request: The language the user explicitly asked for, if any.
        unsupported: Code of an unsupported language the user wrote or asked
            for, if any.

    """

    locale: str
    source: str
    request: Optional[LanguageRequest] = None
    unsupported: Optional[str] = None


def is_short_reply(text: str) -> bool:
    """Whether `text` is a short reply such as "ok", "ja", "tak" or "ne"."""
    folded = words(text)
    return 0 < len(folded) <= MAX_SHORT_REPLY_WORDS and all(
        w in SHORT_REPLIES for w in folded
    )


# Sources that mean the user chose the locale; a channel hint does not undo them.
USER_CHOSEN_SOURCES = ("explicit", "text")


def decide_locale(
    text: str,
    hint: Optional[str] = None,
    current: Optional[str] = None,
    current_source: Optional[str] = None,
    markers: Markers = MARKERS,
    scorer: Optional[LocaleScorer] = None,
) -> LocaleDecision:
    """Apply the locale policy to one user message.

    Args:
        text: The user's message.
        hint: The channel's locale hint (Teams `activity.locale`, the browser's
            language), as a BCP-47 tag.
        current: The locale the conversation already has, if any.
        current_source: The rule that set `current`. A locale the user chose
            (explicit request or their own text) outranks the channel hint;
            one that came from a hint or the default does not.
        markers: Words that point to one language, per language code.
        scorer: Weighs lingua, our n-grams, word lists and markers together
            (`scoring`). Its less certain answers are guesses: they beat only
            the English default, never a hint or the conversation's locale.

    Returns:
        The decision: explicit request, then the text, then the channel hint,
        then the current locale, then the scorer's guess, then English.

    """
    current = current if current in SUPPORTED_LOCALES else None
    request = find_language_request(text)
    if request and request.supported:
        return LocaleDecision(request.code, "explicit", request=request)
    requested_unsupported = request.code if request else None

    guessed = None
    if not (current and is_short_reply(text)):
        detected = detect_language(text, markers, scorer)
        if detected and not detected.settled:
            guessed = detected.code
        elif detected and detected.supported:
            return LocaleDecision(detected.code, "text", request, requested_unsupported)
        elif detected:
            return LocaleDecision(DEFAULT_LOCALE, "text", request, detected.code)

    hinted = normalise_hint(hint)
    user_chose_current = current and current_source in USER_CHOSEN_SOURCES
    if hinted and not user_chose_current:
        return LocaleDecision(hinted, "hint", request, requested_unsupported)
    if current:
        return LocaleDecision(current, "current", request, requested_unsupported)
    if guessed and not requested_unsupported:
        return LocaleDecision(guessed, "guess", request)
    return LocaleDecision(DEFAULT_LOCALE, "default", request, requested_unsupported)
