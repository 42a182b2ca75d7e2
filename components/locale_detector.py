"""Rasa glue for the locale policy: sets the `language` entity and parse data.

Runs last in the NLU pipeline. Rasa hands NLU components the conversation's
tracker when `process` asks for it, so the policy can see the current locale;
the `language` slot is then filled by an ordinary `from_entity` mapping, with
no action server involved.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.fingerprint import source_fingerprint
from components.locale import SUPPORTED_LOCALES
from components.locale.detection import lingua_confidences, warm_up
from components.locale.hint import channel_hint
from components.locale.lexicon import MARKERS
from components.locale.ngrams import NgramLanguageModel
from components.locale.policy import LocaleDecision, decide_locale
from components.locale.scoring import LocaleScorer, train_scorer
from components.locale.vocabulary import (
    Markers,
    common_english_words,
    distinctive_words,
    merge_markers,
)
from components.locale.wordlists import (
    WordLists,
    spacy_word_masks,
    word_frequencies,
)

logger = logging.getLogger(__name__)

LANGUAGE_SLOT = "language"
LOCALE_KEY = "locale"  # parse-data key the decision is published under
SWITCH_LANGUAGE_INTENT = "switch_language"
COMMAND_PREFIX = "/lang"


def current_locale(
    tracker: Optional[DialogueStateTracker],
) -> Tuple[Optional[str], Optional[str]]:
    """Return the conversation's locale and the rule that last set it."""
    if tracker is None:
        return None, None
    current = tracker.get_slot(LANGUAGE_SLOT)
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            source = (event.parse_data or {}).get(LOCALE_KEY, {}).get("source")
            if source and source != "current":
                return current, source
    return current, None


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True
)
class LocaleDetector(GraphComponent, EntityExtractorMixin):
    """Applies the locale policy to each message.

    Training learns marker words and n-grams from the per-locale training
    folders, keeps a compact copy of spaCy's word lists, and learns how to
    weigh all the evidence (`components.locale.scoring`); all are stored with
    the model.
    """

    VOCABULARY_FILE = "vocabulary.json"
    NGRAMS_FILE = "ngrams.json"
    WORD_LISTS_FILE = "wordlists.npz"
    SCORER_FILE = "scorer.json"

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> str:
        """Retrains this component when its code changes (`components.fingerprint`)."""
        return source_fingerprint(
            ["locale_detector.py", "locale"],
            ["lingua-language-detector", "spacy-lookups-data", "wordfreq"],
        )

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The folder with one sub-folder of NLU data per locale."""
        return {"vocabulary_data": "data/nlu"}

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        learned: Optional[Markers] = None,
        scorer: Optional[LocaleScorer] = None,
    ) -> None:
        """Keeps the learned markers merged with the hand-made ones."""
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._markers = merge_markers(MARKERS, learned or {})
        self._scorer = scorer

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LocaleDetector:
        """Creates an untrained detector and loads lingua's models up front."""
        warm_up()
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> LocaleDetector:
        """Loads the learned markers and scorer stored with the model."""
        warm_up()
        try:
            with model_storage.read_from(resource) as directory:
                raw = json.loads((directory / cls.VOCABULARY_FILE).read_text("utf-8"))
                counts = json.loads((directory / cls.NGRAMS_FILE).read_text("utf-8"))
                weights = json.loads((directory / cls.SCORER_FILE).read_text("utf-8"))
                word_lists = WordLists.load(directory / cls.WORD_LISTS_FILE)
        except (ValueError, FileNotFoundError, KeyError):
            logger.warning("No learned locale model; using lingua and markers only.")
            return cls(config, model_storage, resource)
        learned = {code: frozenset(found) for code, found in raw.items()}
        scorer = LocaleScorer(NgramLanguageModel(counts), word_lists, **weights)
        return cls(config, model_storage, resource, learned, scorer)

    def train(self, training_data: TrainingData) -> Resource:
        """Learns markers, n-grams and the scorer's weights and stores them.

        The merged training data no longer says which file an example came
        from, so the per-locale folders are read again here.
        """
        root = Path(self._config["vocabulary_data"])
        texts_by_locale = {
            code: [m.get(TEXT) for m in load_data(str(root / code)).training_examples]
            for code in SUPPORTED_LOCALES
            if (root / code).is_dir()
        }
        common_english = common_english_words()
        learned = distinctive_words(texts_by_locale, common_english)
        self._markers = merge_markers(MARKERS, learned)
        self._scorer = train_scorer(
            texts_by_locale,
            WordLists.from_masks(spacy_word_masks(), word_frequencies()),
            lambda texts: merge_markers(
                MARKERS, distinctive_words(texts, common_english)
            ),
            lingua_confidences,
        )
        with self._model_storage.write_to(self._resource) as directory:
            (directory / self.VOCABULARY_FILE).write_text(
                json.dumps({k: sorted(v) for k, v in learned.items()}),
                encoding="utf-8",
            )
            (directory / self.NGRAMS_FILE).write_text(
                json.dumps(self._scorer.ngram_model.counts), encoding="utf-8"
            )
            (directory / self.SCORER_FILE).write_text(
                json.dumps(self._scorer.weights_json()), encoding="utf-8"
            )
            self._scorer.word_lists.save(directory / self.WORD_LISTS_FILE)
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Leaves training data as annotated."""
        return training_data

    def process(
        self,
        messages: List[Message],
        tracker: Optional[DialogueStateTracker] = None,
    ) -> List[Message]:
        """Decides each message's locale and publishes it.

        Args:
            messages: The messages to process.
            tracker: The conversation so far; None when parsing without one.

        Returns:
            The messages, with a `language` entity when the user asked for a
            language or the conversation's locale changes, and the decision
            under `locale` in the parse data.

        """
        current, source = current_locale(tracker)
        for message in messages:
            text = message.get(TEXT) or ""
            hint = channel_hint(message.get("metadata"))
            decision = decide_locale(
                text, hint, current, source, self._markers, self._scorer
            )
            self._publish(
                message, decision, current, in_conversation=tracker is not None
            )
        return messages

    def _publish(
        self,
        message: Message,
        decision: LocaleDecision,
        current: Optional[str],
        in_conversation: bool,
    ) -> None:
        message.set(
            LOCALE_KEY,
            {
                "language": decision.locale,
                "source": decision.source,
                "unsupported": decision.unsupported,
            },
            add_to_output=True,
        )
        entity: Optional[Dict[str, Any]] = None
        request = decision.request
        if request and request.supported:
            entity = {
                "entity": LANGUAGE_SLOT,
                "value": request.code,
                "start": request.start,
                "end": request.end,
            }
        elif in_conversation and decision.locale != current:
            # No span: the locale came from the whole text or the channel.
            entity = {"entity": LANGUAGE_SLOT, "value": decision.locale}
        if entity:
            entity["confidence_entity"] = 1.0
            entities = message.get(ENTITIES, []) + self.add_extractor_name([entity])
            message.set(ENTITIES, entities, add_to_output=True)

        text = (message.get(TEXT) or "").strip().lower()
        if request and text.startswith(COMMAND_PREFIX):
            # "/lang sv" is a command, not something to classify.
            message.set(
                INTENT,
                {
                    INTENT_NAME_KEY: SWITCH_LANGUAGE_INTENT,
                    PREDICTED_CONFIDENCE_KEY: 1.0,
                },
                add_to_output=True,
            )
