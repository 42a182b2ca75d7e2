"""Whitespace tokenizer that adds spaCy lookup lemmas for da, sv and en, folded.

Rasa's SpacyNLP loads one installed spaCy pipeline for one language; we serve
five languages from one model and may not download pipelines, so this uses the
lemma tables that ship in spacy-lookups-data, chosen per message by the text's
language. Estonian and Slovenian have no lookup tables and keep their words.
Lemmas are folded (lower case, no diacritics) because users often type without
them. Both steps can be switched off for `make ablation`.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Dict, List, Optional

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from spacy.lookups import Table, load_lookups

from components.locale.detection import detect_language
from components.locale.text import fold

LEMMA_LANGUAGES = ("da", "sv", "en")


@cache
def lemma_table(language: str) -> Optional[Table]:
    """Return spaCy's lemma lookup table for `language`, if it ships one."""
    if language not in LEMMA_LANGUAGES:
        return None
    return load_lookups(language, ["lemma_lookup"]).get_table("lemma_lookup")


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False
)
class LemmaTokenizer(WhitespaceTokenizer):
    """Splits like WhitespaceTokenizer and sets each token's lemma."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """WhitespaceTokenizer's options plus the two lemma steps."""
        return {
            **WhitespaceTokenizer.get_default_config(),
            "spacy_lemmas": True,
            "fold_diacritics": True,
        }

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LemmaTokenizer:
        """Creates the tokenizer and loads the lemma tables once."""
        for language in LEMMA_LANGUAGES:
            lemma_table(language)
        return cls(config)

    def tokenize(self, message: Message, attribute: str) -> List[Token]:
        """Tokenizes the attribute and adds lemmas in the text's language."""
        tokens = super().tokenize(message, attribute)
        table = None
        if self._config["spacy_lemmas"]:
            detected = detect_language(message.get(attribute) or "")
            table = lemma_table(detected.code) if detected else None
        for token in tokens:
            lemma = table.get(token.text.lower()) if table is not None else None
            lemma = lemma if isinstance(lemma, str) else token.text.lower()
            # Folded, so "hjælp"/"hjaelp" and "tööta"/"toota" share features.
            token.lemma = fold(lemma) if self._config["fold_diacritics"] else lemma
        return tokens
