"""Read Rasa NLU YAML examples with their entity annotations (test helper)."""

import json
import re
from pathlib import Path
from typing import Iterator, List, Tuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
ANNOTATION = re.compile(r"\[([^\]]+)\](\{[^}]+\}|\(([^)]+)\))")

Example = Tuple[str, str, List[Tuple[str, str]]]  # intent, plain text, entities


def examples(path: Path) -> Iterator[Example]:
    """Yield (intent, text without markup, [(entity, value)]) from one file."""
    for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
        if "intent" not in block:
            continue
        for line in block["examples"].splitlines():
            line = line.strip()
            if not line.startswith("- "):
                continue
            raw = line[2:]
            entities = []
            for match in ANNOTATION.finditer(raw):
                if match.group(3):
                    entities.append((match.group(3), match.group(1)))
                else:
                    spec = json.loads(match.group(2))
                    entities.append((spec["entity"], spec.get("value", match.group(1))))
            yield block["intent"], ANNOTATION.sub(lambda m: m.group(1), raw), entities
