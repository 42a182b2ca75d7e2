"""Per-locale intent accuracy on the held-out sets, with confusion matrices.

Loads the trained model once, parses every held-out example (they are never
used for training), and writes to --out:
  summary.md                 intent and reply-locale accuracy per locale
  <locale>/report.json       sklearn classification report
  <locale>/confusion.png     confusion matrix
  errors.json                every misclassified example
Exit status 1 when a locale is below --min-accuracy.
"""

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Dict, List, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.nlu_data import examples  # noqa: E402

# locale -> (text, gold intent, predicted intent, locale the bot would answer in)
Row = Tuple[str, str, str, str]
Predictions = Dict[str, List[Row]]
# The bot answers these in the language asked for, not the one written in.
LOCALE_EXEMPT_INTENTS = {"switch_language"}


def predict(model: str, holdout: Path) -> Predictions:
    """Parse every held-out example with the model."""
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # not one debug line per parsed example
    agent = Agent.load(model)
    results: Predictions = {}
    for path in sorted(holdout.glob("*.yml")):
        rows = []
        for intent, text, _ in examples(path):
            parsed = asyncio.run(agent.parse_message(text))
            rows.append(
                (text, intent, parsed["intent"]["name"], parsed["locale"]["language"])
            )
        results[path.stem] = rows
    return results


def accuracy(rows: List[Row]) -> float:
    """Share of rows whose predicted intent is the gold one."""
    return sum(gold == predicted for _, gold, predicted, _ in rows) / len(rows)


def locale_accuracy(rows: List[Row], locale: str) -> float:
    """Share of rows, fresh conversations without a hint, answered in `locale`."""
    judged = [r for r in rows if r[1] not in LOCALE_EXEMPT_INTENTS]
    return sum(answered == locale for *_, answered in judged) / len(judged)


def write_reports(results: Predictions, out: Path) -> None:
    """Write the summary, per-locale reports, confusion matrices and errors."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import ConfusionMatrixDisplay, classification_report

    out.mkdir(parents=True, exist_ok=True)
    lines = [
        "| locale | examples | intent accuracy | reply-locale accuracy |",
        "|---|---|---|---|",
    ]
    errors = {}
    for locale, rows in results.items():
        gold = [r[1] for r in rows]
        predicted = [r[2] for r in rows]
        folder = out / locale
        folder.mkdir(exist_ok=True)
        report = classification_report(
            gold, predicted, output_dict=True, zero_division=0
        )
        (folder / "report.json").write_text(json.dumps(report, indent=2))
        labels = sorted(set(gold) | set(predicted))
        fig, ax = plt.subplots(figsize=(12, 12))
        ConfusionMatrixDisplay.from_predictions(
            gold,
            predicted,
            labels=labels,
            ax=ax,
            xticks_rotation="vertical",
            colorbar=False,
        )
        ax.set_title(f"{locale}: intent confusion on the held-out set")
        fig.tight_layout()
        fig.savefig(folder / "confusion.png")
        plt.close(fig)
        errors[locale] = [r for r in rows if r[1] != r[2]]
        lines.append(
            f"| {locale} | {len(rows)} | {accuracy(rows):.3f} "
            f"| {locale_accuracy(rows, locale):.3f} |"
        )
    (out / "summary.md").write_text("\n".join(lines) + "\n")
    (out / "errors.json").write_text(json.dumps(errors, indent=1, ensure_ascii=False))
    print("\n".join(lines))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", required=True)
    parser.add_argument("--holdout", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--min-accuracy", type=float, default=0.0)
    args = parser.parse_args()
    results = predict(args.model, args.holdout)
    write_reports(results, args.out)
    low = {loc: accuracy(rows) for loc, rows in results.items()}
    low = {loc: acc for loc, acc in low.items() if acc < args.min_accuracy}
    if low:
        print(f"below {args.min_accuracy}: {low}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
