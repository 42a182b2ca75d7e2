"""Reply-locale accuracy of a fresh conversation, without training DIET.

Builds what `LocaleDetector.train` builds (markers, n-grams, word lists,
scorer) from data/nlu/<locale>/ and runs the locale policy on texts with no
hint and no current locale, as `make eval`'s reply-locale column does.

  --cv      cross-validation on the training folders, folds grouped by intent
            so that the tested messages use words the folds learned without
            (use this to tune; each example's locale is its folder)
  default   train on all folders, test on the held-out sets (a final check)
"""

import argparse
import sys
import time
import zlib
from pathlib import Path
from typing import Dict, List, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from components.locale import SUPPORTED_LOCALES  # noqa: E402
from components.locale.detection import lingua_confidences, warm_up  # noqa: E402
from components.locale.lexicon import MARKERS  # noqa: E402
from components.locale.policy import decide_locale  # noqa: E402
from components.locale.scoring import train_scorer  # noqa: E402
from components.locale.vocabulary import (  # noqa: E402
    common_english_words,
    distinctive_words,
    merge_markers,
)
from components.locale.wordlists import (  # noqa: E402
    WordLists,
    spacy_word_masks,
    word_frequencies,
)
from scripts.nlu_report import LOCALE_EXEMPT_INTENTS  # noqa: E402
from tests.nlu_data import examples  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
Rows = Dict[str, List[Tuple[str, str]]]  # locale -> [(intent, text)]


def load(paths_by_locale: Dict[str, List[Path]]) -> Rows:
    return {
        code: [(i, t) for p in paths for i, t, _ in examples(p)]
        for code, paths in paths_by_locale.items()
    }


class Builder:
    """Trains what the Rasa component trains, sharing the slow parts."""

    def __init__(self) -> None:
        self.common_english = common_english_words()
        self.word_lists = WordLists.from_masks(spacy_word_masks(), word_frequencies())
        self._confidences: Dict[str, Dict[str, float]] = {}

    def confidences(self, text: str) -> Dict[str, float]:
        if text not in self._confidences:
            self._confidences[text] = lingua_confidences(text)
        return self._confidences[text]

    def markers(self, texts):
        return merge_markers(MARKERS, distinctive_words(texts, self.common_english))

    def build(self, texts):
        scorer = train_scorer(texts, self.word_lists, self.markers, self.confidences)
        return self.markers(texts), scorer


def evaluate(rows: Rows, markers, scorer, show: bool) -> Dict[str, Tuple[int, int]]:
    results = {}
    for code, items in rows.items():
        judged = [t for i, t in items if i not in LOCALE_EXEMPT_INTENTS]
        right = 0
        for text in judged:
            decision = decide_locale(text, markers=markers, scorer=scorer)
            right += decision.locale == code
            if show and decision.locale != code:
                print(f"  {code}: {text!r} -> {decision.locale} ({decision.source})")
        results[code] = (right, len(judged))
    return results


def fold_of(intent: str, folds: int) -> int:
    """The fold of every example of an intent (stable across runs)."""
    return zlib.crc32(intent.encode()) % folds


def line(label: str, results: Dict[str, Tuple[int, int]]) -> str:
    cells = " ".join(f"{c} {r / n:.3f}" for c, (r, n) in results.items())
    right = sum(r for r, _ in results.values())
    total = sum(n for _, n in results.values())
    return f"{label}: {cells}  mean {right / total:.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cv", action="store_true")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--show", action="store_true", help="print every error")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "nlu")
    parser.add_argument("--holdout", type=Path, default=ROOT / "tests/nlu/holdout")
    args = parser.parse_args()
    warm_up()
    builder = Builder()
    train = load({c: sorted((args.data / c).glob("*.yml")) for c in SUPPORTED_LOCALES})
    if args.cv:
        totals = {c: [0, 0] for c in SUPPORTED_LOCALES}
        for fold in range(args.folds):

            rest = {
                c: [t for i, t in r if fold_of(i, args.folds) != fold]
                for c, r in train.items()
            }
            tested = {
                c: [(i, t) for i, t in r if fold_of(i, args.folds) == fold]
                for c, r in train.items()
            }
            markers, scorer = builder.build(rest)
            for code, (r, n) in evaluate(tested, markers, scorer, args.show).items():
                totals[code][0] += r
                totals[code][1] += n
        print(line("cross-validation", {c: tuple(v) for c, v in totals.items()}))
        return 0
    holdout = load({c: [args.holdout / f"{c}.yml"] for c in SUPPORTED_LOCALES})
    markers, scorer = builder.build({c: [t for _, t in r] for c, r in train.items()})
    start = time.perf_counter()
    results = evaluate(holdout, markers, scorer, args.show)
    count = sum(n for _, n in results.values())
    per_message = (time.perf_counter() - start) / count * 1000
    print(line("held-out", results) + f"  ({per_message:.2f} ms/message)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
