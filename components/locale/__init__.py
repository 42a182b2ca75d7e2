"""Pure locale logic: which language a message is in and which locale to answer in.

Nothing here imports Rasa; `components.locale_detector` is the Rasa glue.
"""

SUPPORTED_LOCALES = ("en", "da", "sv", "et", "sl")
DEFAULT_LOCALE = "en"
