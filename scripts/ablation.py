"""Held-out intent accuracy with and without spaCy lemmas and diacritic folding.

Trains NLU-only models in one run, identical but for the tokenizer: Rasa's
WhitespaceTokenizer, and LemmaTokenizer with each of its two steps on or off.
Prints intent accuracy per locale.
"""

import argparse
import subprocess
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.nlu_report import accuracy, predict  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LEMMA_TOKENIZER = "components.lemma_tokenizer.LemmaTokenizer"


# label -> (model name, tokenizer settings replacing config.yml's)
VARIANTS = {
    "WhitespaceTokenizer": ("whitespace", {"name": "WhitespaceTokenizer"}),
    "folded, no spaCy": ("folded", {"spacy_lemmas": False, "fold_diacritics": True}),
    "spaCy lemmas, not folded": (
        "lemmas",
        {"spacy_lemmas": True, "fold_diacritics": False},
    ),
    "spaCy lemmas, folded": (
        "lemmas-folded",
        {"spacy_lemmas": True, "fold_diacritics": True},
    ),
}


def variant_config(out: Path, name: str, settings: dict) -> Path:
    config = yaml.safe_load((ROOT / "config.yml").read_text())
    for component in config["pipeline"]:
        if component["name"] == LEMMA_TOKENIZER:
            component.update(settings)
    path = out / f"config-{name}.yml"
    path.write_text(yaml.safe_dump(config))
    return path


def train(config: Path, out: Path, name: str) -> Path:
    subprocess.run(
        [
            str(Path(sys.executable).parent / "rasa"),
            "train",
            "nlu",
            "--config",
            str(config),
            "--nlu",
            str(ROOT / "data" / "nlu"),
            "--out",
            str(out),
            "--fixed-model-name",
            name,
        ],
        check=True,
        cwd=ROOT,
    )
    return out / f"{name}.tar.gz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--holdout", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    models = {
        label: train(variant_config(args.out, name, settings), args.out, name)
        for label, (name, settings) in VARIANTS.items()
    }
    results = {
        label: predict(str(model), args.holdout) for label, model in models.items()
    }
    locales = sorted(next(iter(results.values())))
    lines = [
        "| tokenizer | " + " | ".join(locales) + " |",
        "|---" * (len(locales) + 1) + "|",
    ]
    for label, by_locale in results.items():
        cells = " | ".join(f"{accuracy(by_locale[loc]):.3f}" for loc in locales)
        lines.append(f"| {label} | {cells} |")
    (args.out / "summary.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
