"""The channel's locale hint (Teams `activity.locale`, the browser's language).

Kept free of lingua so the action server can import it cheaply.
"""

from typing import Any, Optional

from components.locale import SUPPORTED_LOCALES

# Metadata keys a channel may put its hint under, in order of preference.
HINT_METADATA_KEYS = ("locale", "language")


def normalise_hint(hint: Optional[str]) -> Optional[str]:
    """Turn a BCP-47 tag such as "da-DK" or "sv_SE" into a supported code."""
    if not hint or not isinstance(hint, str):
        return None
    code = hint.strip().replace("_", "-").split("-")[0].lower()
    return code if code in SUPPORTED_LOCALES else None


def channel_hint(metadata: Any) -> Optional[str]:
    """Return the channel's raw locale hint from message metadata, if any."""
    if not isinstance(metadata, dict):
        return None
    for key in HINT_METADATA_KEYS:
        value = metadata.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None
