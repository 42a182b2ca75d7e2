"""Whitespace tokenizer that adds spaCy lookup lemmas for da, sv and en, folded.

Rasa's SpacyNLP loads one installed spaCy pipeline for one language; we serve
five languages from one model and may not download pipelines, so this uses the
lemma tables that ship in spacy-lookups-data, chosen per message by the text's
language. Estonian and Slovenian have no lookup tables and keep their words.
Lemmas are folded (lower case, no diacritics) because users often type without
them. Both steps can be switched off for `make ablation`.

Training keeps only the table entries that can change a feature (see
`compact_table`) and stores them in the model: spaCy's full da, sv and en
tables take ~340 MB and several seconds to load in every server process.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any, Dict, Iterable, List, Mapping, Optional, Set

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.fingerprint import source_fingerprint
from components.locale.detection import detect_language
from components.locale.text import fold

LEMMA_LANGUAGES = ("da", "sv", "en")
TABLES_FILE = "lemmas.json"
Lemmas = Mapping[str, str]  # lower-cased word -> lemma
# How Rasa's CountVectorsFeaturizer cuts a token into words (its token_pattern).
WORD = re.compile(r"\w+")


@cache
def lemma_table(language: str) -> Optional[Dict[str, str]]:
    """Return spaCy's lemma lookup data for `language`, if it ships one."""
    if language not in LEMMA_LANGUAGES:
        return None
    # Imported here: only training reads the tables, and importing spaCy
    # costs every server process start-up time and memory.
    from spacy.util import load_language_data, registry

    # The file spacy.lookups.load_lookups reads, as a plain dict of strings.
    return load_language_data(registry.lookups.get(language)["lemma_lookup"])


def pieces(text: str) -> Set[str]:
    """The folded words the count-vector featurizer could see in `text`.

    Folded whether or not the tokenizer folds: that keeps a superset of the
    entries that matter, so one rule serves both settings.
    """
    return set(WORD.findall(fold(text)))


def compact_table(table: Mapping[str, Any], words: Iterable[str]) -> Dict[str, str]:
    """Keep the entries of `table` that can give a feature the full table gives.

    Features are the training vocabulary's words. A token maps to its lemma,
    or to itself without an entry; an entry whose word and lemma share no piece
    with any training token or its lemma yields an unknown feature either way,
    so dropping it changes nothing.

    Args:
        table: A full word -> lemma table (spaCy's).
        words: The lower-cased tokens of the training data.

    Returns:
        The entries to keep.

    """
    known: Set[str] = set()
    for word in words:
        known |= pieces(word)
        lemma = table.get(word)
        if isinstance(lemma, str):
            known |= pieces(lemma)
    return {
        word: lemma
        for word, lemma in table.items()
        if isinstance(lemma, str) and (pieces(word) | pieces(lemma)) & known
    }


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=True
)
class LemmaTokenizer(WhitespaceTokenizer):
    """Splits like WhitespaceTokenizer and sets each token's lemma."""

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> str:
        """Retrains this component when its code changes (`components.fingerprint`).

        Without spaCy's lemmas only the folding shapes the tokens; leaving the
        rest of the locale package out spares DIET a retraining after every
        change to the locale scorer.
        """
        if {**cls.get_default_config(), **config}["spacy_lemmas"]:
            return source_fingerprint(
                ["lemma_tokenizer.py", "locale"], ["spacy-lookups-data"]
            )
        return source_fingerprint(["lemma_tokenizer.py", "locale/text.py"])

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """WhitespaceTokenizer's options plus the two lemma steps."""
        return {
            **WhitespaceTokenizer.get_default_config(),
            "spacy_lemmas": True,
            "fold_diacritics": True,
        }

    def __init__(
        self,
        config: Dict[str, Any],
        tables: Optional[Mapping[str, Lemmas]] = None,
        model_storage: Optional[ModelStorage] = None,
        resource: Optional[Resource] = None,
    ) -> None:
        """Creates the tokenizer.

        Args:
            config: The component's configuration.
            tables: Per language, the lemmas to use; spaCy's full tables if None.
            model_storage: Where training stores the compact tables.
            resource: This component's resource in `model_storage`.

        """
        super().__init__(config)
        self._tables = tables
        self._model_storage = model_storage
        self._resource = resource

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LemmaTokenizer:
        """Creates the tokenizer for training, with spaCy's full tables."""
        return cls(config, None, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> LemmaTokenizer:
        """Loads the compact tables training stored in the model."""
        with model_storage.read_from(resource) as directory:
            tables = json.loads((directory / TABLES_FILE).read_text(encoding="utf-8"))
        return cls(config, tables, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """Stores, per language, the lemma entries that can matter for this data."""
        if not self._config["spacy_lemmas"]:
            return self._store({})
        words: Set[str] = set()
        for example in training_data.training_examples:
            if isinstance(example.get(TEXT), str):
                words |= {
                    token.text.lower()
                    for token in WhitespaceTokenizer.tokenize(self, example, TEXT)
                }
        tables = {}
        for language in LEMMA_LANGUAGES:
            table = lemma_table(language)
            if table is not None:
                tables[language] = compact_table(table, words)
        return self._store(tables)

    def _store(self, tables: Mapping[str, Lemmas]) -> Resource:
        with self._model_storage.write_to(self._resource) as directory:
            (directory / TABLES_FILE).write_text(
                json.dumps(tables, ensure_ascii=False), encoding="utf-8"
            )
        return self._resource

    def _table(self, language: str) -> Optional[Lemmas]:
        if self._tables is not None:
            return self._tables.get(language)
        return lemma_table(language)

    def tokenize(self, message: Message, attribute: str) -> List[Token]:
        """Tokenizes the attribute and adds lemmas in the text's language."""
        tokens = super().tokenize(message, attribute)
        table = None
        if self._config["spacy_lemmas"]:
            detected = detect_language(message.get(attribute) or "")
            table = self._table(detected.code) if detected else None
        for token in tokens:
            lemma = table.get(token.text.lower()) if table is not None else None
            lemma = lemma if isinstance(lemma, str) else token.text.lower()
            # Folded, so "hjælp"/"hjaelp" and "tööta"/"toota" share features.
            token.lemma = fold(lemma) if self._config["fold_diacritics"] else lemma
        return tokens
